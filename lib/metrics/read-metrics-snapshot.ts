import { loadActor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors/app-error";
import { getMetrics } from "./metrics";

export interface MetricFigure {
  name: string;
  help: string;
  type: string;
  /** One row per label set; histograms are summarised as count, sum and mean. */
  rows: { labels: string; value: number }[];
}

const SHOWN_DEFAULTS = [
  "process_cpu_seconds_total",
  "process_resident_memory_bytes",
  "process_start_time_seconds",
  "nodejs_eventloop_lag_p99_seconds",
  "nodejs_heap_size_used_bytes",
];

/**
 * The same figures /metrics serves, for administrators who do not run Prometheus (admin page).
 * Not an admin → NOT_FOUND: the page does not exist for them.
 */
export async function readMetricsSnapshot(options: { userId: string }): Promise<MetricFigure[]> {
  const actor = await loadActor(options.userId);
  if (!actor.isAdmin) throw new AppError("NOT_FOUND", "Not found");
  const metrics = await getMetrics().registry.getMetricsAsJSON();
  return metrics
    .filter((metric) => metric.name.startsWith("interleave_") || SHOWN_DEFAULTS.includes(metric.name))
    .map((metric) => ({ name: metric.name, help: metric.help, type: String(metric.type), rows: rowsOf(metric) }));
}

type JsonMetric = Awaited<ReturnType<ReturnType<typeof getMetrics>["registry"]["getMetricsAsJSON"]>>[number];

function rowsOf(metric: JsonMetric): MetricFigure["rows"] {
  const values = metric.values as { value: number; labels: Record<string, string | number>; metricName?: string }[];
  if (String(metric.type) !== "histogram")
    return values.map((value) => ({ labels: labelText(value.labels), value: Math.round(value.value * 1e4) / 1e4 }));
  // Histograms: per label set, the count and the mean (sum / count), not every bucket.
  const rows: MetricFigure["rows"] = [];
  const sums = new Map<string, number>();
  for (const value of values) {
    const labels = labelText(Object.fromEntries(Object.entries(value.labels).filter(([key]) => key !== "le")));
    if (value.metricName?.endsWith("_sum")) sums.set(labels, value.value);
    if (value.metricName?.endsWith("_count")) rows.push({ labels: `${labels} count`.trim(), value: value.value });
  }
  for (const [labels, sum] of sums) {
    const count = rows.find((row) => row.labels === `${labels} count`.trim())?.value ?? 0;
    rows.push({ labels: `${labels} mean s`.trim(), value: count > 0 ? Number((sum / count).toFixed(4)) : 0 });
  }
  return rows;
}

function labelText(labels: Record<string, string | number>): string {
  return Object.entries(labels)
    .map(([key, value]) => `${key}=${value}`)
    .join(" ");
}
