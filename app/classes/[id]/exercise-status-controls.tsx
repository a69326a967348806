"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { ApiError } from "@/app/_lib/api-client";
import { useErrorText } from "@/app/_lib/use-error-text";
import { secondaryButton } from "@/app/_components/button-styles";

type Status = "DRAFT" | "PUBLISHED" | "CLOSED";

/** The transitions offered from each status (any is allowed by the API; these are the useful ones). */
const NEXT: Record<Status, { status: Status; label: "publish" | "close" | "reopen" | "unpublish" }[]> = {
  DRAFT: [{ status: "PUBLISHED", label: "publish" }],
  PUBLISHED: [
    { status: "CLOSED", label: "close" },
    { status: "DRAFT", label: "unpublish" },
  ],
  CLOSED: [{ status: "PUBLISHED", label: "reopen" }],
};

export function ExerciseStatusControls({
  exerciseId,
  status,
  title,
}: {
  exerciseId: string;
  status: Status;
  title: string;
}) {
  const t = useTranslations("exercises");
  const errorText = useErrorText();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function change(next: Status) {
    startTransition(async () => {
      const failure = await patchStatus(exerciseId, next);
      setError(failure ? errorText.message(failure) : null);
      if (!failure) router.refresh();
    });
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {NEXT[status].map((option) => (
        <button
          key={option.status}
          type="button"
          disabled={pending}
          onClick={() => change(option.status)}
          aria-label={`${t(option.label)}: ${title}`}
          className={secondaryButton}
        >
          {t(option.label)}
        </button>
      ))}
      {error ? (
        <span role="alert" className="text-sm font-semibold text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}

/** PATCH is not in the shared callApi helper; null on success, the API's error otherwise. */
async function patchStatus(exerciseId: string, status: Status): Promise<ApiError | null> {
  try {
    const response = await fetch(`/api/exercises/${exerciseId}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ status }),
    });
    if (response.ok) return null;
    const body: unknown = await response.json().catch(() => null);
    const error =
      typeof body === "object" && body !== null && "error" in body ? (body as { error: ApiError }).error : null;
    return error ?? { code: "INTERNAL", message: `HTTP ${response.status}` };
  } catch {
    return { code: "NETWORK", message: "The server could not be reached." };
  }
}
