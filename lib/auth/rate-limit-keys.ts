/**
 * Limiter keys for sign-in and sign-up. Sign-in counts per email address, not per IP: a school's
 * classroom shares one NAT'd address, and forty students mistyping passwords must not lock each
 * other out, while a guessing attack on one account is stopped wherever it comes from. Sign-up
 * counts per client address (see lib/rate-limit/client-address.ts): mass account creation comes
 * from few machines, and one classroom signing up together stays well under the limit.
 */
export function signInRateKey(email: string): string {
  // Same normalisation as sign-up and verifyCredentials: "Ada@X.org " and "ada@x.org" are one account.
  return `email:${email.trim().toLowerCase()}`;
}

export function signUpRateKey(clientAddress: string): string {
  return `ip:${clientAddress}`;
}
