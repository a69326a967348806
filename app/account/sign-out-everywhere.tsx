"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { callApi } from "@/app/_lib/api-client";
import { useErrorText } from "@/app/_lib/use-error-text";
import { ConfirmDialog } from "@/app/_components/confirm-dialog";
import { FormError } from "@/app/_components/form-error";

/** Ends every session of the account (this browser's too), then goes to the sign-in page. */
export function SignOutEverywhere() {
  const t = useTranslations("account");
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);

  async function signOutEverywhere() {
    setError(null);
    const result = await callApi("/api/auth/sign-out-everywhere", "POST");
    if (!result.ok) return setError(errorText.message(result.error));
    // This session is already revoked on the server; clear its cookie too.
    await signOut({ callbackUrl: "/sign-in" });
  }

  return (
    <div className="flex flex-col gap-3">
      <FormError message={error} />
      <div>
        <ConfirmDialog
          triggerLabel={t("signOutEverywhere")}
          title={t("confirmTitle")}
          confirmLabel={t("confirm")}
          cancelLabel={t("cancel")}
          pendingLabel={t("pending")}
          destructive
          onConfirm={signOutEverywhere}
        >
          {t("confirmBody")}
        </ConfirmDialog>
      </div>
    </div>
  );
}
