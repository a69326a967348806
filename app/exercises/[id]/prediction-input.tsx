"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";

// dnd-kit and the list load after the first paint: the page's first load stays lean.
const LineOrderer = dynamic(() => import("@/app/exercises/[id]/line-orderer").then((module) => module.LineOrderer), {
  ssr: false,
  loading: () => <OrdererLoading />,
});

interface PredictionInputProps {
  /** The exercise's line bank, shuffled. */
  lineBank: string[];
  value: string;
  onChange(next: string): void;
  /** The typing alternative (the labelled editor). */
  editor: ReactNode;
}

/** A prediction with a line bank: order the lines (the default) or type them. */
export function PredictionInput({ lineBank, value, onChange, editor }: PredictionInputProps) {
  const t = useTranslations("exercisePage.prediction");
  const [mode, setMode] = useState<"order" | "type">("order");
  const option =
    "flex cursor-pointer items-center gap-2 rounded-lg border-2 px-4 py-2 text-lg font-semibold has-checked:border-brand-700 has-checked:bg-brand-50 has-focus-visible:outline-3 has-focus-visible:outline-brand-600";
  return (
    <div className="flex flex-col gap-4">
      <fieldset className="flex flex-col gap-2">
        <legend className="text-xl font-bold text-slate-950">{t("modeLegend")}</legend>
        <div className="flex flex-wrap gap-3">
          {(["order", "type"] as const).map((choice) => (
            <label key={choice} className={`${option} border-slate-300 text-slate-900`}>
              <input
                type="radio"
                name="prediction-mode"
                value={choice}
                checked={mode === choice}
                onChange={() => setMode(choice)}
                className="h-5 w-5 accent-brand-700"
              />
              {t(choice === "order" ? "modeOrder" : "modeType")}
            </label>
          ))}
        </div>
      </fieldset>
      {mode === "order" ? (
        <section aria-labelledby="order-title" className="flex flex-col gap-2">
          <h3 id="order-title" className="text-xl font-bold text-slate-950">
            {t("orderListLabel")}
          </h3>
          <p className="text-base text-slate-700">{t("orderHelp")}</p>
          <LineOrderer lines={lineBank} value={value} onChange={onChange} />
        </section>
      ) : (
        editor
      )}
    </div>
  );
}

function OrdererLoading() {
  const t = useTranslations("exercisePage.prediction");
  return (
    <p
      aria-busy="true"
      className="h-40 animate-pulse rounded-2xl border-2 border-slate-200 bg-white p-4 text-slate-600"
    >
      {t("loadingOrder")}
    </p>
  );
}
