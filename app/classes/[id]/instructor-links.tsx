import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { primaryButton, secondaryButton } from "@/app/_components/button-styles";

/** The instructor's entry points from the class page: the live dashboard and a new exercise. */
export async function InstructorLinks({ classId }: { classId: string }) {
  const t = await getTranslations("liveDashboard");
  return (
    <nav aria-label={t("instructorNav")} className="flex flex-wrap gap-3">
      <Link href={`/classes/${classId}/dashboard`} className={primaryButton}>
        {t("open")}
      </Link>
      <Link href={`/classes/${classId}/exercises/new`} className={secondaryButton}>
        {t("newExercise")}
      </Link>
    </nav>
  );
}
