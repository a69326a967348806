/**
 * Limiter keys for sign-in and sign-up. Sign-in failures count per account (untrusted clients
 * together, each known device on its own), not per IP: a school's classroom shares one NAT'd
 * address, and forty students mistyping passwords must not lock each other out, while a guessing
 * attack on one account is slowed wherever it comes from. Sign-up counts per client address (see
 * lib/rate-limit/client-address.ts): mass account creation comes from few machines.
 */
export function signInThrottleKey(options: { email: string; deviceNonce?: string }): string {
  // Same normalisation as sign-up and verifyCredentials: "Ada@X.org " and "ada@x.org" are one account.
  const email = options.email.trim().toLowerCase();
  return options.deviceNonce ? `device:${email}:${options.deviceNonce}` : `email:${email}`;
}

export function signUpRateKey(clientAddress: string): string {
  return `ip:${clientAddress}`;
}
