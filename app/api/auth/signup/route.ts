import { signUp } from "@/lib/auth/sign-up";
import { signUpInput } from "@/lib/auth/sign-up.types";
import { withRoute } from "@/app/api/_lib/route";

/** Creates the account; the browser then signs in through next-auth's credentials callback. */
export const POST = withRoute({ auth: "none", body: signUpInput }, async ({ body }) => {
  const user = await signUp(body);
  return Response.json({ user: { id: user.id, email: user.email, name: user.name, role: user.role.toLowerCase() } }, { status: 201 });
});
