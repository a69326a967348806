import { readFile } from "node:fs/promises";
import { AppError } from "@/lib/errors/app-error";
import {
  describeNetworkSpecIssues,
  MAX_NETWORK_JSON_CHARS,
  networkSpecSchema,
  type NetworkSpec,
} from "@/lib/run-contract/network-spec.types";

/**
 * Reads and validates a `network.json` (an exercise's virtual hosts, issue 15). Throws
 * AppError("UNPROCESSABLE") naming the file and every problem ("hosts.a.example.latency: must be 0
 * or more seconds", "unknown key(s) "latancy""), so an author fixes it in one pass.
 */
export async function loadNetworkSpec({ file }: { file: string }): Promise<NetworkSpec> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new AppError(
      "UNPROCESSABLE",
      `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = parseNetworkSpec({ text });
  if (!parsed.ok) {
    throw new AppError("UNPROCESSABLE", `invalid ${file}:\n${parsed.problems.map((p) => `  ${p}`).join("\n")}`, {
      [file]: parsed.problems,
    });
  }
  return parsed.spec;
}

export type ParseNetworkSpecResult = { ok: true; spec: NetworkSpec } | { ok: false; problems: string[] };

/** Validates the text of a network.json; never throws. */
export function parseNetworkSpec({ text }: { text: string }): ParseNetworkSpecResult {
  if (text.length > MAX_NETWORK_JSON_CHARS) {
    return { ok: false, problems: [`is larger than ${MAX_NETWORK_JSON_CHARS} characters`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`is not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const result = networkSpecSchema.safeParse(json);
  if (!result.success) return { ok: false, problems: describeNetworkSpecIssues(result.error) };
  return { ok: true, spec: result.data };
}
