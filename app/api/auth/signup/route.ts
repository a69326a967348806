import { limitSignUps } from "@/lib/auth/limit-sign-ups";
import { signUp } from "@/lib/auth/sign-up";
import { signUpInput } from "@/lib/auth/sign-up.types";
import { readClientAddress } from "@/lib/rate-limit/client-address";
import { withRoute } from "@/app/api/_lib/route";

/** Creates the account; the browser then signs in through next-auth's credentials callback. */
export const POST = withRoute({ auth: "none", body: signUpInput }, async ({ request, body }) => {
  // server.ts stamped the client address (honouring TRUST_PROXY); over the limit → 429, nothing stored.
  await limitSignUps({ clientAddress: readClientAddress(request.headers) });
  const user = await signUp(body);
  return Response.json(
    { user: { id: user.id, email: user.email, name: user.name, role: user.role.toLowerCase() } },
    { status: 201 },
  );
});
