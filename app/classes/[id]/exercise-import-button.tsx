"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { callApi } from "@/app/_lib/api-client";
import { useErrorText } from "@/app/_lib/use-error-text";
import { primaryButton } from "@/app/_components/button-styles";

interface ImportResult {
  created: number;
  versioned: number;
  unchanged: number;
}

/** Imports the whole built-in library as drafts; the instructor publishes what the class is ready for. */
export function ExerciseImportButton({ classId }: { classId: string }) {
  const t = useTranslations("exercises");
  const errorText = useErrorText();
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [pending, startTransition] = useTransition();

  function importLibrary() {
    startTransition(async () => {
      const result = await callApi<ImportResult>(`/api/classes/${classId}/exercises/import`, "POST", {});
      if (!result.ok) {
        setMessage({ text: errorText.message(result.error), error: true });
        return;
      }
      const { created, versioned, unchanged } = result.data;
      setMessage({ text: t("imported", { created, versioned, unchanged }), error: false });
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <button type="button" onClick={importLibrary} disabled={pending} className={primaryButton}>
        {pending ? t("importing") : t("importLibrary")}
      </button>
      {message ? (
        <span
          role={message.error ? "alert" : "status"}
          className={`text-base font-semibold ${message.error ? "text-red-700" : "text-emerald-800"}`}
        >
          {message.text}
        </span>
      ) : null}
    </div>
  );
}
