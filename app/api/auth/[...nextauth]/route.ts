import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/next-auth-options";
import { finishCredentialsSignIn } from "@/app/api/auth/_lib/finish-credentials-sign-in";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

export const GET = handler;

/**
 * next-auth's own handler, plus what it cannot do for a credentials sign-in: give the browser its
 * device cookie after a success, and answer 429 (not 401) when the account is throttled.
 */
export async function POST(request: Request, context: Context): Promise<Response> {
  if (!new URL(request.url).pathname.endsWith("/callback/credentials")) return handler(request, context);
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  const email = form?.get("email");
  const response: Response = await handler(request, context);
  return finishCredentialsSignIn(response, typeof email === "string" ? email : "");
}
