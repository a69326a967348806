"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState, useTransition, type ChangeEvent } from "react";
import { callApi } from "@/app/_lib/api-client";
import { useErrorText } from "@/app/_lib/use-error-text";
import { secondaryButton } from "@/app/_components/button-styles";

/** Imports an exercise file exported with "Export (JSON)" (this class, another one, another school). */
export function ExerciseUploadButton({ classId }: { classId: string }) {
  const t = useTranslations("exerciseEditor");
  const errorText = useErrorText();
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [pending, startTransition] = useTransition();

  function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    startTransition(async () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await file.text());
      } catch {
        setMessage({ text: t("uploadNotJson", { name: file.name }), error: true });
        return;
      }
      const pkg = typeof parsed === "object" && parsed !== null && "package" in parsed ? parsed.package : parsed;
      const result = await callApi<{ slug: string; outcome: string }>(
        `/api/classes/${classId}/exercises/upload`,
        "POST",
        { package: pkg },
      );
      if (!result.ok) return setMessage({ text: errorText.message(result.error), error: true });
      setMessage({ text: t("uploaded", { slug: result.data.slug, outcome: result.data.outcome }), error: false });
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        onChange={upload}
      />
      <button type="button" className={secondaryButton} disabled={pending} onClick={() => input.current?.click()}>
        {t("upload")}
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
