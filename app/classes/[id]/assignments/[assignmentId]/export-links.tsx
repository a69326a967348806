import { getTranslations } from "next-intl/server";
import { secondaryButton } from "@/app/_components/button-styles";

const FORMATS = [
  ["csv", "exportCsv"],
  ["canvas", "exportCanvas"],
  ["moodle", "exportMoodle"],
  ["archive", "exportArchive"],
] as const;

/** Plain download links: the browser saves the attachment the route names. */
export async function ExportLinks({ assignmentId }: { assignmentId: string }) {
  const t = await getTranslations("assignments.gradebook");
  return (
    <section aria-labelledby="export-title" className="flex flex-col gap-2">
      <h2 id="export-title" className="text-2xl font-bold text-slate-950">
        {t("export")}
      </h2>
      <div className="flex flex-wrap gap-3">
        {FORMATS.map(([format, label]) => (
          <a
            key={format}
            href={`/api/assignments/${assignmentId}/export?format=${format}`}
            download
            className={secondaryButton}
            data-format={format}
          >
            {t(label)}
          </a>
        ))}
      </div>
      <p className="text-base text-slate-600">{t("exportHelp")}</p>
    </section>
  );
}
