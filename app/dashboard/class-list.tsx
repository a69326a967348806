import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { UserRole } from "@/lib/auth/session-user";
import { card } from "@/app/_components/button-styles";

/** The fields the dashboard shows; listClasses returns at least these. */
export interface ClassCardData {
  id: string;
  name: string;
  studentCount: number;
  instructorName: string;
}

export async function ClassList({ classes, role }: { classes: ClassCardData[]; role: UserRole }) {
  const t = await getTranslations("dashboard");
  if (classes.length === 0) {
    return (
      <p className="rounded-2xl border-2 border-dashed border-slate-300 p-8 text-center text-xl text-slate-600">
        {role === "instructor" ? t("emptyInstructor") : t("emptyStudent")}
      </p>
    );
  }
  return (
    <ul className="grid gap-5 sm:grid-cols-2" aria-label={t("title")}>
      {classes.map((klass) => (
        <li key={klass.id}>
          <Link
            href={`/classes/${klass.id}`}
            className={`${card} flex h-full flex-col gap-2 transition hover:border-brand-600 hover:shadow-md`}
          >
            <span className="text-2xl font-bold text-slate-950">{klass.name}</span>
            <span className="text-lg text-slate-700">
              {role === "instructor"
                ? t("studentCount", { count: klass.studentCount })
                : t("taughtBy", { name: klass.instructorName })}
            </span>
            <span className="mt-auto pt-2 font-semibold text-brand-700">{t("open")} →</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
