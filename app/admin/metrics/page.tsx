import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AppError } from "@/lib/errors/app-error";
import { readMetricsSnapshot } from "@/lib/metrics/read-metrics-snapshot";
import { requirePageUser } from "@/app/_lib/session";
import { card } from "@/app/_components/button-styles";

export const dynamic = "force-dynamic";

/** Administrators: the figures Prometheus scrapes from /metrics, as tables. */
export default async function AdminMetricsPage() {
  const user = await requirePageUser("/admin/metrics");
  const t = await getTranslations("ops");
  let figures;
  try {
    figures = await readMetricsSnapshot({ userId: user.id });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-4xl font-extrabold text-slate-950">{t("metricsTitle")}</h1>
        <p className="mt-2 text-xl text-slate-700">{t("metricsLead")}</p>
      </div>
      {figures.map((figure) => (
        <section key={figure.name} aria-labelledby={`m-${figure.name}`} className={card}>
          <h2 id={`m-${figure.name}`} className="break-all font-mono text-lg font-bold text-slate-950">
            {figure.name}
          </h2>
          <p className="mb-3 text-slate-700">{figure.help}</p>
          {figure.rows.length === 0 ? (
            <p className="text-slate-600">{t("noSamples")}</p>
          ) : (
            <table className="w-full text-left text-lg">
              <thead>
                <tr>
                  <th scope="col" className="pb-1 font-semibold text-slate-700">
                    {t("labels")}
                  </th>
                  <th scope="col" className="pb-1 text-right font-semibold text-slate-700">
                    {t("value")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {figure.rows.map((row) => (
                  <tr key={row.labels} className="border-t border-slate-200">
                    <td className="break-all py-1 font-mono text-base">{row.labels || "—"}</td>
                    <td className="py-1 text-right font-mono tabular-nums">{row.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </div>
  );
}
