"use client";

import { useTranslations } from "next-intl";
import type { DashboardWrongAnswer } from "@/lib/dashboard/get-class-dashboard.types";
import type { DivergenceLine } from "@/lib/dashboard/group-wrong-answers";
import { reasonKey } from "@/app/_lib/divergence-reason-key";

/** The most common mistakes (first divergence: kind, expected vs printed line), each with an anonymous example. */
export function WrongAnswers({ groups }: { groups: DashboardWrongAnswer[] }) {
  const t = useTranslations("liveDashboard");
  return (
    <div className="flex flex-col gap-3">
      <h4 className="text-xl font-bold text-slate-950">{t("mistakesTitle")}</h4>
      {groups.length === 0 ? (
        <p className="text-lg text-slate-600">{t("mistakesEmpty")}</p>
      ) : (
        <ol className="flex flex-col gap-3" data-testid="wrong-answers">
          {groups.map((group) => (
            <li key={group.key} className="flex flex-col gap-1 rounded-xl border-2 border-slate-200 p-3">
              <p className="text-lg">
                <span className="font-bold text-red-800">{t(`reasons.${reasonKey(group.reason)}`)}</span>{" "}
                <span className="text-slate-700">
                  {t("groupCount", { count: group.count, students: group.students })}
                </span>
              </p>
              <p className="font-mono text-base text-slate-800">
                {t("expectedLine")} {lineText(group.expected)}
              </p>
              <p className="font-mono text-base text-slate-800">
                {t("gotLine")} {lineText(group.actual)}
              </p>
              {group.example.length > 0 ? (
                <details>
                  <summary className="cursor-pointer text-base font-semibold text-brand-700">
                    {t("showExample")}
                  </summary>
                  <pre className="mt-2 max-h-96 overflow-auto rounded-lg bg-slate-900 p-3 font-mono text-lg text-slate-50">
                    {group.example
                      .map((line) => `${line.t.toFixed(2).padStart(7)}  ${line.task.padEnd(12)} ${line.text}`)
                      .join("\n")}
                  </pre>
                </details>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function lineText(line: DivergenceLine | null): string {
  if (!line) return "—";
  const where = [line.t !== null ? `t=${Number(line.t.toFixed(3))}` : null, line.task ? `[${line.task}]` : null]
    .filter(Boolean)
    .join(" ");
  return `${where ? `${where} ` : ""}“${line.text}”`;
}
