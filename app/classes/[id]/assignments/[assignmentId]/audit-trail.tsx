import { getTranslations } from "next-intl/server";
import type { GradebookView } from "@/lib/assignments/get-gradebook";
import { formatClassTime } from "@/app/classes/[id]/assignments/format-time";

/** Who changed which grade or due time, when, from what to what, and why (newest first). */
export async function AuditTrail({ book, locale }: { book: GradebookView; locale: string }) {
  const t = await getTranslations("assignments.gradebook");
  const zone = book.assignment.timeZone ?? "UTC";
  const titleOf = new Map(book.exercises.map((e) => [e.exerciseId, locale === "zh-CN" ? e.title.zh : e.title.en]));
  const value = (text: string | null, isTime: boolean) =>
    text === null ? t("none") : isTime ? formatClassTime(text, zone, locale) : text;
  return (
    <section aria-labelledby="audit-title" className="flex flex-col gap-2">
      <h2 id="audit-title" className="text-2xl font-bold text-slate-950">
        {t("audit")}
      </h2>
      {book.audit.length === 0 ? (
        <p className="text-lg text-slate-600">{t("auditEmpty")}</p>
      ) : (
        <ol className="flex flex-col gap-1 text-lg text-slate-800">
          {book.audit.map((entry) => {
            const isTime = entry.action.startsWith("EXTENSION");
            return (
              <li key={entry.id}>
                <time className="font-semibold tabular-nums text-slate-600" dateTime={entry.at}>
                  {formatClassTime(entry.at, zone, locale)}
                </time>{" "}
                {t("auditEntry", {
                  actor: entry.actorName,
                  action: t(`action.${entry.action}`),
                  student: entry.studentName,
                  exercise: entry.exerciseId ? ` · ${titleOf.get(entry.exerciseId) ?? ""}` : "",
                  old: value(entry.oldValue, isTime),
                  new: value(entry.newValue, isTime),
                  reason: entry.reason,
                })}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
