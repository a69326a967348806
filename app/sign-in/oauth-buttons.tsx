"use client";

import { signIn } from "next-auth/react";
import { secondaryButton } from "@/app/_components/button-styles";

/** Rendered only for providers whose env vars are set (see lib/auth/next-auth-options). */
export function OAuthButtons({
  providers,
  callbackUrl,
}: {
  providers: { id: string; label: string }[];
  callbackUrl: string;
}) {
  if (providers.length === 0) return null;
  return (
    <div className="flex flex-col gap-3">
      {providers.map((provider) => (
        <button
          key={provider.id}
          type="button"
          className={secondaryButton}
          onClick={() => void signIn(provider.id, { callbackUrl })}
        >
          {provider.label}
        </button>
      ))}
    </div>
  );
}
