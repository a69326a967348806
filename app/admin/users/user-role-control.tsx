"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { callApi } from "@/app/_lib/api-client";
import { useErrorText } from "@/app/_lib/use-error-text";
import { ConfirmDialog } from "@/app/_components/confirm-dialog";

type Role = "instructor" | "student";

/** One account's role: choose the other role, confirm, and the list shows the stored result. */
export function UserRoleControl({ userId, name, role }: { userId: string; name: string; role: Role }) {
  const t = useTranslations("adminUsers");
  const errorText = useErrorText();
  const router = useRouter();
  const selectId = useId();
  const [chosen, setChosen] = useState<Role>(role);
  const [error, setError] = useState<string | null>(null);
  const roleName = (value: Role) => (value === "instructor" ? t("roleInstructor") : t("roleStudent"));

  async function change() {
    setError(null);
    const result = await callApi(`/api/admin/users/${encodeURIComponent(userId)}/role`, "POST", { role: chosen });
    if (!result.ok) return setError(errorText.message(result.error));
    router.refresh();
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <label htmlFor={selectId} className="sr-only">
        {t("roleFor", { name })}
      </label>
      <select
        id={selectId}
        value={chosen}
        onChange={(event) => setChosen(event.target.value === "instructor" ? "instructor" : "student")}
        className="rounded-lg border-2 border-slate-400 bg-white px-3 py-2 text-lg"
      >
        <option value="instructor">{roleName("instructor")}</option>
        <option value="student">{roleName("student")}</option>
      </select>
      <ConfirmDialog
        triggerLabel={t("change")}
        title={t("confirmTitle", { name })}
        confirmLabel={t("confirm")}
        cancelLabel={t("cancel")}
        pendingLabel={t("pending")}
        disabled={chosen === role}
        onConfirm={change}
      >
        {t("confirmBody", { name, from: roleName(role), to: roleName(chosen) })}
      </ConfirmDialog>
      {error ? (
        <p role="alert" className="w-full font-semibold text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
