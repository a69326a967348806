"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useErrorText } from "@/app/_lib/use-error-text";
import { removeStudentAction } from "@/app/classes/[id]/actions";
import { dangerButton } from "@/app/_components/button-styles";

export function RemoveStudentButton({
  classId,
  studentId,
  studentName,
}: {
  classId: string;
  studentId: string;
  studentName: string;
}) {
  const t = useTranslations("classPage");
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function remove() {
    if (!window.confirm(t("removeConfirm", { name: studentName }))) return;
    startTransition(async () => {
      const result = await removeStudentAction({ classId, studentId });
      setError(result.ok ? null : errorText.message(result.error));
    });
  }

  return (
    <span className="inline-flex flex-col items-end gap-1">
      <button
        type="button"
        onClick={remove}
        disabled={pending}
        aria-label={t("removeLabel", { name: studentName })}
        className={dangerButton}
      >
        {t("remove")}
      </button>
      {error ? (
        <span role="alert" className="text-sm font-semibold text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
