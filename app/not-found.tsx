import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { primaryButton } from "@/app/_components/button-styles";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <div className="flex flex-col items-start gap-4">
      <h1 className="text-4xl font-extrabold text-slate-950">{t("notFoundTitle")}</h1>
      <p className="text-xl text-slate-700">{t("notFoundBody")}</p>
      <Link href="/" className={primaryButton}>
        {t("home")}
      </Link>
    </div>
  );
}
