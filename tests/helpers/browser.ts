/** Axe's serious and critical findings in one readable form, for the end-to-end tests. */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

/** Serious or critical axe violations on the page, as "rule: selector" strings. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
