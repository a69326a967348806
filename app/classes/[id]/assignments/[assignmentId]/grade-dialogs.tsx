"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import type { GradebookCell, GradebookRow } from "@/lib/assignments/gradebook.types";
import { toLocalInputValue } from "@/lib/assignments/time-zone";
import { callApi, type ApiError } from "@/app/_lib/api-client";
import { useErrorText } from "@/app/_lib/use-error-text";
import { dangerButton, primaryButton, secondaryButton } from "@/app/_components/button-styles";
import { Field } from "@/app/_components/field";
import { FormError } from "@/app/_components/form-error";

/** A native modal <dialog>: focus moves in, Escape closes, the page behind is inert. */
function Modal({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="grade-dialog-title"
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-2xl border-2 border-slate-300 p-6 backdrop:bg-slate-900/50"
    >
      <h2 id="grade-dialog-title" className="mb-4 text-2xl font-bold text-slate-950">
        {title}
      </h2>
      {children}
    </dialog>
  );
}

function useSave(onClose: () => void) {
  const router = useRouter();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  async function save(url: string, body: unknown) {
    setBusy(true);
    setError(null);
    const result = await callApi(url, "POST", body);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onClose();
    router.refresh();
  }
  return { error, busy, save };
}

export function OverrideDialog({
  assignmentId,
  row,
  cell,
  exerciseTitle,
  onClose,
}: {
  assignmentId: string;
  row: GradebookRow;
  cell: GradebookCell;
  exerciseTitle: string;
  onClose: () => void;
}) {
  const t = useTranslations("assignments.gradebook");
  const errorText = useErrorText();
  const { error, busy, save } = useSave(onClose);
  const url = `/api/assignments/${assignmentId}/overrides`;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void save(url, {
      userId: row.userId,
      exerciseId: cell.exerciseId,
      points: Number(form.get("points")),
      reason: String(form.get("reason") ?? ""),
    });
  }
  return (
    <Modal title={t("overrideFor", { exercise: exerciseTitle, name: row.name })} onClose={onClose}>
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <FormError message={error ? errorText.message(error) : null} />
        <Field
          name="points"
          type="number"
          step="0.5"
          min={0}
          max={cell.pointsPossible}
          required
          defaultValue={cell.override?.points ?? cell.points}
          label={t("pointsLabel", { max: cell.pointsPossible })}
          errors={errorText.field(error, "points")}
        />
        <Field
          name="reason"
          required
          maxLength={500}
          defaultValue=""
          label={t("reason")}
          errors={errorText.field(error, "reason")}
        />
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={primaryButton} disabled={busy}>
            {t("save")}
          </button>
          <button type="button" className={secondaryButton} onClick={onClose}>
            {t("cancel")}
          </button>
          {cell.override ? (
            <button
              type="button"
              className={dangerButton}
              disabled={busy}
              onClick={(event) => {
                const reason = new FormData(event.currentTarget.form ?? undefined).get("reason");
                void save(url, {
                  userId: row.userId,
                  exerciseId: cell.exerciseId,
                  points: null,
                  reason: String(reason ?? ""),
                });
              }}
            >
              {t("clearOverride")}
            </button>
          ) : null}
        </div>
      </form>
    </Modal>
  );
}

export function ExtensionDialog({
  assignmentId,
  row,
  timeZone,
  onClose,
}: {
  assignmentId: string;
  row: GradebookRow;
  timeZone: string;
  onClose: () => void;
}) {
  const t = useTranslations("assignments.gradebook");
  const errorText = useErrorText();
  const { error, busy, save } = useSave(onClose);
  const url = `/api/assignments/${assignmentId}/extensions`;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void save(url, {
      userId: row.userId,
      dueAt: String(form.get("dueAt") ?? ""),
      reason: String(form.get("reason") ?? ""),
    });
  }
  return (
    <Modal title={t("extensionFor", { name: row.name })} onClose={onClose}>
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <FormError message={error ? errorText.message(error) : null} />
        <Field
          name="dueAt"
          type="datetime-local"
          required
          defaultValue={row.extendedDueAt ? toLocalInputValue(new Date(row.extendedDueAt), timeZone) : ""}
          label={`${t("newDueAt")} (${timeZone})`}
          errors={errorText.field(error, "dueAt")}
        />
        <Field name="reason" required maxLength={500} label={t("reason")} errors={errorText.field(error, "reason")} />
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={primaryButton} disabled={busy}>
            {t("save")}
          </button>
          <button type="button" className={secondaryButton} onClick={onClose}>
            {t("cancel")}
          </button>
          {row.extendedDueAt ? (
            <button
              type="button"
              className={dangerButton}
              disabled={busy}
              onClick={(event) => {
                const reason = new FormData(event.currentTarget.form ?? undefined).get("reason");
                void save(url, { userId: row.userId, dueAt: null, reason: String(reason ?? "") });
              }}
            >
              {t("removeExtension")}
            </button>
          ) : null}
        </div>
      </form>
    </Modal>
  );
}
