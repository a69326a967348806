"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { callApi } from "@/app/_lib/api-client";
import { useErrorText } from "@/app/_lib/use-error-text";
import { dangerButton, secondaryButton } from "@/app/_components/button-styles";

/** Edit, publish/unpublish and delete. */
export function AssignmentControls({
  classId,
  assignmentId,
  published,
}: {
  classId: string;
  assignmentId: string;
  published: boolean;
}) {
  const t = useTranslations("assignments.gradebook");
  const errorText = useErrorText();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(
    action: () => Promise<{ ok: boolean; error?: { code: string; message: string } }>,
    after: () => void,
  ) {
    setBusy(true);
    setError(null);
    const result = await action();
    setBusy(false);
    if (!result.ok && result.error) return setError(errorText.message(result.error));
    after();
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <Link href={`/classes/${classId}/assignments/${assignmentId}/edit`} className={secondaryButton}>
        {t("edit")}
      </Link>
      <button
        type="button"
        className={secondaryButton}
        disabled={busy}
        onClick={() =>
          void run(
            () => callApi(`/api/assignments/${assignmentId}`, "PATCH", { published: !published }),
            () => router.refresh(),
          )
        }
      >
        {published ? t("unpublish") : t("publish")}
      </button>
      <button
        type="button"
        className={dangerButton}
        disabled={busy}
        onClick={() => {
          if (window.confirm(t("deleteConfirm")))
            void run(
              () => callApi(`/api/assignments/${assignmentId}`, "DELETE"),
              () => router.push(`/classes/${classId}`),
            );
        }}
      >
        {t("delete")}
      </button>
      {error ? (
        <span role="alert" className="text-lg font-semibold text-red-700">
          {error}
        </span>
      ) : null}
    </div>
  );
}
