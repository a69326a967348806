/**
 * Error codes next-auth's credentials sign-in can answer with besides its own `CredentialsSignin`.
 * An Error thrown from `authorize` reaches the browser as `signIn(...).error` (its message, in the
 * redirect URL), so it is a stable code the sign-in form translates, never a sentence. Kept free of
 * imports: the client-side form reads it.
 */
export const SIGN_IN_RATE_LIMITED = "RateLimited";
