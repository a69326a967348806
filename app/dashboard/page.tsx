import { getTranslations } from "next-intl/server";
import { listClasses } from "@/lib/classes/list-classes";
import { requirePageUser } from "@/app/_lib/session";
import { card } from "@/app/_components/button-styles";
import { ClassList } from "@/app/dashboard/class-list";
import { ClassForm } from "@/app/dashboard/class-forms";

export const dynamic = "force-dynamic";

export default async function DashboardPage() {
  const user = await requirePageUser("/dashboard");
  const [t, classes] = await Promise.all([getTranslations("dashboard"), listClasses({ userId: user.id })]);
  const isInstructor = user.role === "instructor";
  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-4xl font-extrabold text-slate-950">{t("title")}</h1>
        <p className="mt-2 text-xl text-slate-700">{isInstructor ? t("instructorLead") : t("studentLead")}</p>
      </div>
      <section aria-labelledby="action-title" className={card}>
        <h2 id="action-title" className="mb-4 text-2xl font-bold text-slate-950">
          {isInstructor ? t("createTitle") : t("joinTitle")}
        </h2>
        <ClassForm mode={isInstructor ? "create" : "join"} />
      </section>
      <ClassList classes={classes} role={user.role} />
    </div>
  );
}
