import { getLocale, getTranslations } from "next-intl/server";
import type { AssignmentDetail } from "@/lib/assignments/get-assignment";
import { formatClassTime } from "@/app/classes/[id]/assignments/format-time";

/** On an exercise opened from an assignment: what the submission counts for, and the late rule. */
export async function AssignmentBanner({ assignment }: { assignment: AssignmentDetail }) {
  const [t, locale] = await Promise.all([getTranslations("assignments"), getLocale()]);
  const dueAt = assignment.canManage ? assignment.dueAt : assignment.progress.dueAt;
  const past = new Date(dueAt).getTime() < Date.now();
  return (
    <div role="note" className="rounded-2xl border-2 border-indigo-700 bg-indigo-50 px-5 py-4 text-lg text-indigo-950">
      <p className="font-semibold">
        {t("banner", { title: assignment.title, time: formatClassTime(dueAt, assignment.timeZone ?? "UTC", locale) })}
      </p>
      {past ? (
        <p className="mt-1">
          {assignment.latePolicy.kind === "refuse"
            ? t("bannerRefuse")
            : t("bannerLate", { percent: assignment.latePolicy.percentPerDay, max: assignment.latePolicy.maxPercent })}
        </p>
      ) : null}
    </div>
  );
}
