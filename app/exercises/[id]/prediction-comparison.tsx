"use client";

import { useTranslations } from "next-intl";

interface PredictionComparisonProps {
  /** The submitted prediction, one line per printed line. */
  predicted: string;
  /** What the program's real run printed (stdout), in order. */
  printed: string[];
}

/**
 * The student's prediction next to the program's real output, line by line, each row marked in
 * words (not only colour) as matching or not. A table: the accessible side-by-side view.
 */
export function PredictionComparison({ predicted, printed }: PredictionComparisonProps) {
  const t = useTranslations("exercisePage.prediction");
  const lines = predicted.replace(/\r\n?/g, "\n").replace(/\n+$/, "").split("\n");
  const rows = Math.max(lines.length, printed.length);
  const cell = "border-b border-slate-200 px-3 py-2 align-top font-mono text-lg break-words";
  return (
    <section aria-labelledby="comparison-title" data-testid="prediction-comparison" className="flex flex-col gap-2">
      <h3 id="comparison-title" className="text-xl font-bold text-slate-950">
        {t("comparisonTitle")}
      </h3>
      <table className="w-full table-fixed border-collapse rounded-2xl border-2 border-slate-200 bg-white">
        <thead>
          <tr className="text-left text-base text-slate-700">
            <th scope="col" className="w-10 px-3 py-2">
              #
            </th>
            <th scope="col" className="px-3 py-2">
              {t("yourPrediction")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("realOutput")}
            </th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, i) => {
            const same = lines[i] === printed[i];
            return (
              <tr key={i} data-match={same} className={same ? "" : "bg-red-50"}>
                <th scope="row" className="px-3 py-2 text-right align-top text-base font-semibold text-slate-600">
                  {i + 1}
                </th>
                <td className={`${cell} text-slate-950`}>
                  {lines[i] ?? <span className="font-sans text-slate-600">{t("lineMissing")}</span>}
                </td>
                <td className={`${cell} text-slate-950`}>
                  {printed[i] ?? <span className="font-sans text-slate-600">{t("lineMissing")}</span>}
                  <span
                    className={`ml-2 font-sans text-base font-semibold ${same ? "text-emerald-800" : "text-red-800"}`}
                  >
                    {same ? `✓ ${t("lineMatches")}` : `✗ ${t("lineDiffers")}`}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="text-base text-slate-700">{t("realRunNote")}</p>
    </section>
  );
}
