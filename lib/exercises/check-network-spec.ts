import { AppError } from "@/lib/errors/app-error";
import { describeNetworkSpecIssues, networkSpecSchema, type NetworkSpec } from "@/lib/run-contract/network-spec.types";

/**
 * A network.json the editor may save: null (no network, every host fails to resolve) or a valid
 * spec. An invalid one is a 400 listing every problem as "path: message" in `details.network`
 * (and the bare paths in `details["network.path"]`), like the expected trace's inline errors,
 * so the author fixes them all in one pass.
 */
export function checkNetworkSpec(value: unknown): NetworkSpec | null {
  if (value === null) return null;
  const parsed = networkSpecSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = describeNetworkSpecIssues(parsed.error);
  const paths = parsed.error.issues.map((issue) => issue.path.map(String).join("."));
  const count = problems.length === 1 ? "an error" : `${problems.length} errors`;
  throw new AppError("BAD_REQUEST", `The network (network.json) has ${count}: ${problems.join("; ")}`, {
    key: "exercise.networkInvalid",
    params: { count: problems.length },
    details: { network: problems, "network.path": paths },
  });
}
