/**
 * A tiny browser stand-in for integration tests: a cookie jar, next-auth's CSRF + credentials
 * sign-in flow (see stack-notes), and JSON calls that send the session cookie.
 */
export class HttpSession {
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  /** The same signed-in browser talking to another app node (the cookie jar is shared). */
  onNode(baseUrl: string): HttpSession {
    const other = new HttpSession(baseUrl);
    for (const [name, value] of this.cookies) other.cookies.set(name, value);
    return other;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  hasSessionCookie(): boolean {
    return [...this.cookies.keys()].some((name) => name.includes("next-auth.session-token"));
  }

  /** Drops the session cookie (as if it expired) but keeps the others, e.g. the device cookie. */
  forgetSession(): void {
    for (const name of [...this.cookies.keys()])
      if (name.includes("next-auth.session-token")) this.cookies.delete(name);
  }

  async fetch(pathname: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("cookie", this.cookieHeader());
    const response = await fetch(`${this.baseUrl}${pathname}`, { ...init, headers, redirect: "manual" });
    this.store(response);
    return response;
  }

  async json<T = unknown>(method: string, pathname: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await this.fetch(pathname, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }

  /** POST /api/auth/signup; does not sign in. */
  async signUp(input: { email: string; password: string; name: string; role: "instructor" | "student" }) {
    return this.json<{ user?: { id: string }; error?: { code: string; message: string } }>(
      "POST",
      "/api/auth/signup",
      input,
    );
  }

  /** next-auth credentials sign-in; true when a session cookie was set. */
  async signIn(email: string, password: string): Promise<boolean> {
    const csrf = await this.json<{ csrfToken: string }>("GET", "/api/auth/csrf");
    const form = new URLSearchParams({ csrfToken: csrf.body.csrfToken, email, password, json: "true" });
    await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form.toString(),
    });
    return this.hasSessionCookie();
  }

  async signUpAndSignIn(input: {
    email: string;
    password: string;
    name: string;
    role: "instructor" | "student";
  }): Promise<string> {
    const created = await this.signUp(input);
    if (created.status !== 201 || !created.body.user)
      throw new Error(`sign-up failed: ${created.status} ${JSON.stringify(created.body)}`);
    if (!(await this.signIn(input.email, input.password))) throw new Error("sign-in did not set a session cookie");
    return created.body.user.id;
  }

  private store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

let counter = 0;
/** Unique, valid emails per test run. */
export function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}@example.test`;
}
