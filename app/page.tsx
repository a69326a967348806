import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSessionUser } from "@/app/_lib/session";
import { card, primaryButton, secondaryButton } from "@/app/_components/button-styles";

const TRACE_SAMPLE = [
  { t: "0.0", task: "main", text: "start" },
  { t: "0.0", task: "fetch-a", text: "fetching a" },
  { t: "0.0", task: "fetch-b", text: "fetching b" },
  { t: "1.0", task: "fetch-b", text: "b done" },
  { t: "2.0", task: "fetch-a", text: "a done" },
];

export default async function LandingPage() {
  if (await getSessionUser()) redirect("/dashboard");
  const t = await getTranslations("landing");
  const features = ["Trace", "Sandbox", "Live"] as const;
  return (
    <div className="flex flex-col gap-12">
      <section className="grid items-center gap-10 md:grid-cols-[3fr_2fr]">
        <div className="flex flex-col gap-6">
          <h1 className="text-5xl font-extrabold leading-tight tracking-tight text-slate-950">{t("headline")}</h1>
          <p className="text-xl leading-relaxed text-slate-700">{t("lead")}</p>
          <div className="flex flex-wrap gap-4">
            <Link href="/sign-up" className={primaryButton}>
              {t("ctaStart")}
            </Link>
            <Link href="/sign-in" className={secondaryButton}>
              {t("ctaSignIn")}
            </Link>
          </div>
        </div>
        <figure
          aria-hidden="true"
          className="rounded-2xl bg-slate-900 p-5 font-mono text-base text-slate-100 shadow-lg"
        >
          {TRACE_SAMPLE.map((line, index) => (
            <div key={index} className="flex gap-4">
              <span className="w-10 text-amber-300">{line.t}</span>
              <span className="w-20 text-sky-300">{line.task}</span>
              <span>{line.text}</span>
            </div>
          ))}
        </figure>
      </section>
      <section className="grid gap-6 md:grid-cols-3">
        {features.map((feature) => (
          <div key={feature} className={card}>
            <h2 className="mb-2 text-xl font-bold text-slate-950">{t(`feature${feature}Title`)}</h2>
            <p className="text-lg text-slate-700">{t(`feature${feature}Body`)}</p>
          </div>
        ))}
      </section>
    </div>
  );
}
