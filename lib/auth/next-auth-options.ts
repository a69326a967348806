import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import type { Provider } from "next-auth/providers/index";
import { isUserRole, type UserRole } from "@/lib/auth/session-user";
import { verifyCredentials } from "@/lib/auth/verify-credentials";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; role: UserRole; isAdmin: boolean };
  }
  interface User {
    role?: UserRole;
    isAdmin?: boolean;
  }
}

/** JWT sessions: pages, route handlers, server actions and the socket handshake all decode the same cookie. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

function credentialsProvider(): Provider {
  return CredentialsProvider({
    name: "Email and password",
    credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
    async authorize(credentials) {
      if (!credentials?.email || !credentials.password) return null;
      const user = await verifyCredentials({ email: credentials.email, password: credentials.password });
      if (!user) return null;
      return { id: user.id, email: user.email, name: user.name, role: normaliseRole(user.role), isAdmin: user.isAdmin === true };
    },
  });
}

/** OAuth providers exist only when their credentials are configured, so a fresh clone needs none. */
function oauthProviders(env: NodeJS.ProcessEnv): Provider[] {
  const providers: Provider[] = [];
  if (env.GITHUB_ID && env.GITHUB_SECRET) providers.push(GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }));
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
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    providers: [credentialsProvider(), ...oauthProviders(env)],
    pages: { signIn: "/sign-in" },
    callbacks: {
      async signIn({ user, account }) {
        // OAuth users need an Interleave account with a role; until OAuth sign-up exists we only
        // let OAuth through for users the credentials flow already created (role present).
        if (account?.provider === "credentials") return true;
        return Boolean(user.role);
      },
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.role = user.role;
          token.isAdmin = user.isAdmin === true;
        }
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
          };
        }
        return session;
      },
    },
  };
}

export const authOptions: NextAuthOptions = buildAuthOptions();
