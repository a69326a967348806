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

type Body = Record<string, unknown>;

/**
 * The form both dialogs share: their fields, Save, Cancel and (when there is something to undo) a
 * clearing button. Each posts its body plus the typed reason to `url`, then closes and refreshes.
 */
function GradeForm({
  title,
  url,
  onClose,
  body,
  clear,
  fields,
}: {
  title: string;
  url: string;
  onClose: () => void;
  body: (form: FormData) => Body;
  clear: { label: string; body: Body } | null;
  fields: (errors: (name: string) => string[] | undefined) => ReactNode;
}) {
  const t = useTranslations("assignments.gradebook");
  const errorText = useErrorText();
  const router = useRouter();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  async function save(form: FormData, values: Body) {
    setBusy(true);
    setError(null);
    const result = await callApi(url, "POST", { ...values, reason: String(form.get("reason") ?? "") });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onClose();
    router.refresh();
  }
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void save(form, body(form));
  }
  return (
    <Modal title={title} onClose={onClose}>
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <FormError message={error ? errorText.message(error) : null} />
        {fields((name) => errorText.field(error, name))}
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={primaryButton} disabled={busy}>
            {t("save")}
          </button>
          <button type="button" className={secondaryButton} onClick={onClose}>
            {t("cancel")}
          </button>
          {clear ? (
            <button
              type="button"
              className={dangerButton}
              disabled={busy}
              onClick={(event) => void save(new FormData(event.currentTarget.form ?? undefined), clear.body)}
            >
              {clear.label}
            </button>
          ) : null}
        </div>
      </form>
    </Modal>
  );
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
  const target = { userId: row.userId, exerciseId: cell.exerciseId };
  return (
    <GradeForm
      title={t("overrideFor", { exercise: exerciseTitle, name: row.name })}
      url={`/api/assignments/${assignmentId}/overrides`}
      onClose={onClose}
      body={(form) => ({ ...target, points: Number(form.get("points")) })}
      clear={cell.override ? { label: t("clearOverride"), body: { ...target, points: null } } : null}
      fields={(errors) => (
        <>
          <Field
            name="points"
            type="number"
            step="0.5"
            min={0}
            max={cell.pointsPossible}
            required
            defaultValue={cell.override?.points ?? cell.points}
            label={t("pointsLabel", { max: cell.pointsPossible })}
            errors={errors("points")}
          />
          <Field name="reason" required maxLength={500} defaultValue="" label={t("reason")} errors={errors("reason")} />
        </>
      )}
    />
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
  return (
    <GradeForm
      title={t("extensionFor", { name: row.name })}
      url={`/api/assignments/${assignmentId}/extensions`}
      onClose={onClose}
      body={(form) => ({ userId: row.userId, dueAt: String(form.get("dueAt") ?? "") })}
      clear={row.extendedDueAt ? { label: t("removeExtension"), body: { userId: row.userId, dueAt: null } } : null}
      fields={(errors) => (
        <>
          <Field
            name="dueAt"
            type="datetime-local"
            required
            defaultValue={row.extendedDueAt ? toLocalInputValue(new Date(row.extendedDueAt), timeZone) : ""}
            label={`${t("newDueAt")} (${timeZone})`}
            errors={errors("dueAt")}
          />
          <Field name="reason" required maxLength={500} label={t("reason")} errors={errors("reason")} />
        </>
      )}
    />
  );
}
