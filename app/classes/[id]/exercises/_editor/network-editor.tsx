"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import {
  networkSpecProblems,
  networkSpecSchema,
  type NetworkProblem,
  type NetworkSpec,
} from "@/lib/run-contract/network-spec.types";
import { secondaryButton } from "@/app/_components/button-styles";

/** The sample of issue 15 (docs/exercises.md "network.json"): one of every kind of route. */
const EXAMPLE: NetworkSpec = {
  hosts: {
    "a.example": {
      latency: 1.0,
      routes: {
        "GET /": { status: 200, body: "<html>a</html>", headers: { "content-type": "text/html; charset=utf-8" } },
        "GET /slow": { latency: 3, body: "late" },
        "GET /api/items": { json: [1, 2, 3] },
        "POST /echo": { echo: true },
      },
    },
    "b.example": { latency: 0.5, concurrency: 2, routes: { "GET /": { body: "b" } } },
  },
};

export function networkTextOf(network: NetworkSpec | null | undefined): string {
  return network ? JSON.stringify(network, null, 2) : "";
}

export type NetworkParse =
  { ok: true; network: NetworkSpec | null } | { ok: false; notJson: string | null; problems: NetworkProblem[] };

/** The text as the API's `network` (empty: null), checked with the server's own schema as one types. */
export function parseNetworkText(text: string): NetworkParse {
  if (text.trim() === "") return { ok: true, network: null };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, notJson: error instanceof Error ? error.message : String(error), problems: [] };
  }
  const result = networkSpecSchema.safeParse(json);
  if (result.success) return { ok: true, network: result.data };
  return { ok: false, notJson: null, problems: networkSpecProblems(result.error) };
}

/**
 * The exercise's network.json, edited as text: every problem ("hosts.a.example.latency: must be
 * 0 or more seconds") listed right under it while typing, and the server's when a save is refused.
 */
export function NetworkEditor(props: { value: string; onChange(value: string): void; serverErrors: string[] | null }) {
  const t = useTranslations("exerciseEditor");
  const parsed = useMemo(() => parseNetworkText(props.value), [props.value]);
  // Problems found while typing are worded in the reader's language; a refused save's come worded
  // by the server (in English) and only appear when the local check passed.
  const problems = parsed.ok
    ? (props.serverErrors ?? [])
    : parsed.notJson !== null
      ? [t("networkNotJson", { message: parsed.notJson })]
      : parsed.problems.map((problem) => {
          const message = t(`networkProblem.${problem.code}`, problem.values);
          return problem.where ? `${problem.where}: ${message}` : message;
        });
  const lineCount = props.value.split("\n").length;
  return (
    <div className="flex flex-col gap-3">
      <p id="exercise-network-hint" className="text-base text-slate-600">
        {t("networkHint")}
      </p>
      <label htmlFor="exercise-network" className="text-lg font-semibold text-slate-900">
        {t("networkLabel")}
      </label>
      <textarea
        id="exercise-network"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        rows={Math.max(6, Math.min(lineCount + 1, 30))}
        spellCheck={false}
        wrap="off"
        placeholder="{}"
        aria-invalid={problems.length > 0 ? true : undefined}
        aria-describedby={
          problems.length > 0 ? "exercise-network-hint exercise-network-errors" : "exercise-network-hint"
        }
        className="w-full resize-y rounded-lg border-2 border-slate-400 bg-white px-3 py-3 font-mono text-base leading-6 text-slate-900"
      />
      {problems.length > 0 ? (
        <div id="exercise-network-errors" role="alert" className="text-base text-red-700">
          <p className="font-semibold">{t("networkErrors")}</p>
          <ul className="list-disc pl-6 font-mono">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          className={secondaryButton}
          onClick={() => props.onChange(`${JSON.stringify(EXAMPLE, null, 2)}\n`)}
        >
          {t("networkExample")}
        </button>
        {props.value.trim() !== "" ? (
          <button type="button" className={secondaryButton} onClick={() => props.onChange("")}>
            {t("networkClear")}
          </button>
        ) : null}
      </div>
    </div>
  );
}
