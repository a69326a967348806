import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import type { Provider } from "next-auth/providers/index";
import type { Account, Profile, User } from "next-auth";
import { AppError } from "@/lib/errors/app-error";
import { isUserRole, type UserRole } from "@/lib/auth/session-user";
import { parse as parseCookieHeader } from "cookie";
import { getEnv, parseEnv } from "@/lib/config/env";
import { deviceCookieName } from "@/lib/auth/device-cookie";
import { SIGN_IN_RATE_LIMITED } from "@/lib/auth/sign-in-errors";
import { signInWithOAuth } from "@/lib/auth/sign-in-with-oauth";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { currentSessionVersion } from "@/lib/auth/resolve-session-user";

declare module "next-auth" {
  interface Session {
    user: {
      id: string;
      email: string;
      name: string;
      role: UserRole;
      isAdmin: boolean;
      sessionVersion?: number;
      authTime?: number;
    };
  }
  interface User {
    role?: UserRole;
    isAdmin?: boolean;
  }
}

/**
 * JWT sessions: pages, route handlers, server actions and the socket handshake all decode the same
 * cookie. Its lifetime is the idle expiry (pages re-send it, so activity moves it forward); the
 * absolute expiry is checked against the sign-in time in resolveSessionUser.
 */
function sessionMaxAge(env: NodeJS.ProcessEnv): number {
  return (env === process.env ? getEnv() : parseEnv(env)).SESSION_MAX_AGE_SECONDS;
}

function credentialsProvider(): Provider {
  return CredentialsProvider({
    name: "Email and password",
    credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
    async authorize(credentials, req) {
      if (!credentials?.email || !credentials.password) return null;
      const user = await throttledSignIn(credentials.email, credentials.password, req.headers);
      if (!user) return null;
      return {
        id: user.id,
        email: user.email,
        name: user.name,
        role: normaliseRole(user.role),
        isAdmin: user.isAdmin === true,
      };
    },
  });
}

/**
 * A locked account fails the sign-in like a wrong password (no session), but with its own code:
 * next-auth hands a thrown Error's message to the browser as `error`, the form shows "too many
 * attempts", and the route (app/api/auth/[...nextauth]) turns the answer into a 429.
 */
async function throttledSignIn(email: string, password: string, headers: Record<string, unknown> | undefined) {
  const env = getEnv();
  const cookieHeader = typeof headers?.cookie === "string" ? headers.cookie : "";
  const deviceToken = parseCookieHeader(cookieHeader)[deviceCookieName(env.NEXTAUTH_URL.startsWith("https://"))];
  try {
    return await signInWithPassword({ email, password, deviceToken, secret: env.NEXTAUTH_SECRET });
  } catch (error) {
    if (error instanceof AppError && error.code === "RATE_LIMITED") throw new Error(SIGN_IN_RATE_LIMITED);
    throw error;
  }
}

/** OAuth providers exist only when their credentials are configured, so a fresh clone needs none. */
function oauthProviders(env: NodeJS.ProcessEnv): Provider[] {
  const providers: Provider[] = [];
  if (env.GITHUB_ID && env.GITHUB_SECRET)
    providers.push(GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }));
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) {
    providers.push(GoogleProvider({ clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET }));
  }
  return providers;
}

function normaliseRole(role: unknown): UserRole | undefined {
  const lower = typeof role === "string" ? role.toLowerCase() : role;
  return isUserRole(lower) ? lower : undefined;
}

export function buildAuthOptions(env: NodeJS.ProcessEnv = process.env): NextAuthOptions {
  return {
    // Read at request time too (next-auth falls back to NEXTAUTH_SECRET), but explicit is clearer.
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: sessionMaxAge(env) },
    providers: [credentialsProvider(), ...oauthProviders(env)],
    pages: { signIn: "/sign-in" },
    callbacks: {
      async signIn({ user, account, profile }) {
        if (!account || account.provider === "credentials") return true;
        return linkOAuthUser(user, account, profile);
      },
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.role = user.role;
          token.isAdmin = user.isAdmin === true;
          // Pinned at sign-in: "sign out everywhere" increments the account's version.
          token.sv = await currentSessionVersion(user.id);
          token.at = Math.floor(Date.now() / 1000);
        }
        // Sessions issued before sign-in times were recorded start their absolute clock now.
        if (typeof token.at !== "number") token.at = Math.floor(Date.now() / 1000);
        return token;
      },
      async session({ session, token }) {
        const role = normaliseRole(token.role);
        if (token.sub && role) {
          session.user = {
            id: token.sub,
            email: token.email ?? "",
            name: token.name ?? "",
            role,
            isAdmin: token.isAdmin === true,
            sessionVersion: typeof token.sv === "number" ? token.sv : 0,
            authTime: typeof token.at === "number" ? token.at : undefined,
          };
        }
        return session;
      },
    },
  };
}

/**
 * GitHub/Google: find or create the Interleave user for this login, then put OUR id, role and
 * admin flag on the user object next-auth hands to the jwt callback (it would otherwise carry the
 * provider's profile id). A refused link (unverified email of an existing account) goes back to
 * the sign-in page with next-auth's standard error code.
 */
async function linkOAuthUser(user: User, account: Account, profile: Profile | undefined): Promise<boolean | string> {
  if (account.provider !== "github" && account.provider !== "google") return false;
  if (!user.email) return "/sign-in?error=OAuthSignin";
  try {
    const record = await signInWithOAuth({
      provider: account.provider,
      providerAccountId: account.providerAccountId,
      email: user.email,
      // Google says whether it verified the address; GitHub's profile does not, so never trust it.
      emailVerified: account.provider === "google" && profileEmailVerified(profile),
      name: user.name ?? undefined,
    });
    Object.assign(user, {
      id: record.id,
      name: record.name,
      email: record.email,
      role: normaliseRole(record.role),
      isAdmin: record.isAdmin,
    });
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === "CONFLICT") return "/sign-in?error=OAuthAccountNotLinked";
    throw error;
  }
}

function profileEmailVerified(profile: Profile | undefined): boolean {
  return Boolean(profile && "email_verified" in profile && profile.email_verified === true);
}

export const authOptions: NextAuthOptions = buildAuthOptions();
