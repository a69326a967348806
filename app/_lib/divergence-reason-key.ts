import { DIVERGENCE_REASONS, type DivergenceReason } from "@/lib/traces/verdict.types";

/** The message key of a divergence reason: the reason itself, or "other" for one this UI does not know. */
export function reasonKey(reason: string): DivergenceReason | "other" {
  return DIVERGENCE_REASONS.find((known) => known === reason) ?? "other";
}
