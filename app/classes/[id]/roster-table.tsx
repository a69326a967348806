import { getFormatter, getTranslations } from "next-intl/server";
import { RemoveStudentButton } from "@/app/classes/[id]/remove-student-button";
import { RosterEmailToggle } from "@/app/classes/[id]/roster-email-toggle";

export interface RosterRow {
  id: string;
  name: string;
  email: string;
  joinedAt: Date | string;
}

export async function RosterTable({ classId, students }: { classId: string; students: RosterRow[] }) {
  const [t, format] = await Promise.all([getTranslations("classPage"), getFormatter()]);
  return (
    <section aria-labelledby="roster-title" className="flex flex-col gap-4">
      <h2 id="roster-title" className="text-3xl font-bold text-slate-950">
        {t("rosterTitle")} <span className="text-slate-500">({students.length})</span>
      </h2>
      {students.length === 0 ? (
        <p className="rounded-2xl border-2 border-dashed border-slate-300 p-6 text-xl text-slate-600">
          {t("rosterEmpty")}
        </p>
      ) : (
        <RosterEmailToggle>
          <div className="overflow-x-auto rounded-2xl border-2 border-slate-200 bg-white">
            <table className="w-full text-left text-lg">
              <thead className="bg-slate-100 text-slate-700">
                <tr>
                  <th scope="col" className="px-5 py-3">
                    {t("studentName")}
                  </th>
                  <th scope="col" className="hidden px-5 py-3 group-data-[emails=shown]:table-cell">
                    {t("studentEmail")}
                  </th>
                  <th scope="col" className="px-5 py-3">
                    {t("joinedAt")}
                  </th>
                  <th scope="col" className="px-5 py-3">
                    <span className="sr-only">{t("remove")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {students.map((student) => (
                  <tr key={student.id} className="border-t-2 border-slate-100">
                    <td className="px-5 py-3 font-semibold text-slate-950">{student.name}</td>
                    <td className="hidden px-5 py-3 text-slate-700 group-data-[emails=shown]:table-cell">
                      {student.email}
                    </td>
                    <td className="px-5 py-3 text-slate-700">
                      {format.dateTime(new Date(student.joinedAt), { dateStyle: "medium" })}
                    </td>
                    <td className="px-5 py-3 text-right">
                      <RemoveStudentButton classId={classId} studentId={student.id} studentName={student.name} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </RosterEmailToggle>
      )}
    </section>
  );
}
