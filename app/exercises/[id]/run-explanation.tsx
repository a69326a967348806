"use client";

import { useTranslations } from "next-intl";
import type { ResultView } from "@/app/exercises/[id]/result-view";
import { formatTraceTime } from "@/lib/traces/divergence-messages";

const COMPILE_ERRORS = ["SyntaxError", "IndentationError", "TabError"];
const LIMITS = ["virtual_time", "steps", "cpu", "wall", "output", "memory"] as const;

/** A program that never compiled, or one stopped at a limit, says so in words before any diff. */
export function RunExplanation({ run }: { run: NonNullable<ResultView["run"]> }) {
  const t = useTranslations("exercisePage");
  if (
    run.status === "error" &&
    run.errorType !== null &&
    COMPILE_ERRORS.includes(run.errorType) &&
    run.rows.length === 0
  ) {
    return (
      <p
        className="rounded-2xl border-2 border-red-200 bg-white p-5 text-xl font-semibold text-red-900"
        data-testid="compile-error"
      >
        {t("syntaxError", { line: run.errorLine ?? "?" })}
        {run.error ? <span className="mt-2 block font-mono text-lg font-normal">{run.error}</span> : null}
      </p>
    );
  }
  if (run.status !== "limit" || run.limit === null) return null;
  const limit = LIMITS.find((candidate) => candidate === run.limit);
  if (!limit) return null;
  return (
    <p
      className="rounded-2xl border-2 border-amber-300 bg-amber-50 p-5 text-xl font-semibold text-amber-950"
      data-testid="runaway"
    >
      {t(`runaway.${limit}`, {
        seconds: formatTraceTime(run.virtualTime),
        ms: Math.round(run.wallMs ?? 0),
        // Older stored runs have no CPU figure.
        cpu: run.cpuMs ?? "?",
      })}
    </p>
  );
}
