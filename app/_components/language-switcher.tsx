"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocale } from "@/app/_actions/set-locale";
import { LOCALES, LOCALE_LABELS, type Locale } from "@/i18n/locales";

export function LanguageSwitcher({ current, label }: { current: Locale; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function choose(locale: Locale) {
    startTransition(async () => {
      await setLocale(locale);
      router.refresh();
    });
  }

  return (
    <div role="group" aria-label={label} className="flex overflow-hidden rounded-lg border-2 border-slate-300">
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={locale === current}
          disabled={pending}
          onClick={() => choose(locale)}
          className={`px-3 py-1.5 text-base font-semibold ${locale === current ? "bg-slate-900 text-white" : "bg-white text-slate-800 hover:bg-slate-100"}`}
        >
          {LOCALE_LABELS[locale]}
        </button>
      ))}
    </div>
  );
}
