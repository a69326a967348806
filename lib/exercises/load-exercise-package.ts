import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { parseSpec } from "@/lib/traces/parse-spec";
import { SpecParseError } from "@/lib/traces/spec.types";
import type { NetworkSpec } from "@/lib/run-contract/network-spec.types";
import { parseNetworkSpec } from "./load-network-spec";
import {
  exerciseManifestSchema,
  predictionAnswerSchema,
  type ExerciseManifest,
  type ExercisePackage,
  type Localized,
  type WrongSolution,
} from "./exercise-package.types";

/** Same ceiling as a submission (RunRequest.code): a reference program must be runnable. */
const MAX_CODE_CHARS = 64 * 1024;
const MAX_TEXT_CHARS = 64 * 1024;

/**
 * Reads one exercise folder and validates all of it. Every problem found is reported at once, each
 * naming the file (and the field or spec line), so an author can fix a folder in one pass:
 * throws AppError("UNPROCESSABLE") whose `details` maps "FILE" or "FILE:field" to messages.
 */
export async function loadExercisePackage({ dir }: { dir: string }): Promise<ExercisePackage> {
  const problems = new Problems(dir);
  const manifest = await readManifest(dir, problems);
  const prompts = await readPrompts(dir, problems);
  const expectedTrace = await readExpectedTrace(dir, problems);
  const network = await readNetwork(dir, problems);
  if (manifest && manifest.slug !== path.basename(dir)) {
    problems.add(
      "exercise.json",
      "slug",
      `is “${manifest.slug}” but the folder is “${path.basename(dir)}”: they must be the same`,
    );
  }
  // Without a valid manifest the kind is unknown, so which code files belong here is too.
  if (!manifest) problems.throwIfAny();
  if (!manifest) throw problems.unreachable();
  if (manifest.kind === "write-code") {
    const starter = await readText(dir, "starter.py", problems, MAX_CODE_CHARS);
    const solution = await readText(dir, "solution.py", problems, MAX_CODE_CHARS);
    const wrongSolutions = await readWrongSolutions(dir, manifest, problems);
    problems.throwIfAny();
    if (prompts === null || expectedTrace === null || starter === null || solution === null)
      throw problems.unreachable();
    return { kind: "write-code", manifest, prompts, expectedTrace, starter, solution, wrongSolutions, ...network };
  }
  const program = await readText(dir, "program.py", problems, MAX_CODE_CHARS);
  const answerJson = await readJson(dir, "answer.json", problems);
  const answer =
    answerJson === undefined ? null : parseWith(predictionAnswerSchema, answerJson, "answer.json", problems);
  problems.throwIfAny();
  if (prompts === null || expectedTrace === null || program === null || answer === null) throw problems.unreachable();
  return { kind: "predict-output", manifest, prompts, expectedTrace, program, answer, ...network };
}

class Problems {
  private readonly details: Record<string, string[]> = {};

  constructor(private readonly dir: string) {}

  add(file: string, field: string | null, message: string): void {
    const key = field ? `${file}:${field}` : file;
    (this.details[key] ??= []).push(message);
  }

  throwIfAny(): void {
    const keys = Object.keys(this.details);
    if (keys.length === 0) return;
    const lines = keys.flatMap((key) => this.details[key].map((message) => `  ${key}: ${message}`));
    throw new AppError("UNPROCESSABLE", `invalid exercise folder ${this.dir}:\n${lines.join("\n")}`, {
      key: "import.folderInvalid",
      params: { problems: lines.map((line) => line.trim()).join("; ") },
      details: this.details,
    });
  }

  /** Only reachable if a reader returned null without recording why (a bug here, not in the folder). */
  unreachable(): AppError {
    return new AppError("INTERNAL", `could not load ${this.dir}`);
  }
}

async function readManifest(dir: string, problems: Problems): Promise<ExerciseManifest | null> {
  const json = await readJson(dir, "exercise.json", problems);
  return json === undefined ? null : parseWith(exerciseManifestSchema, json, "exercise.json", problems);
}

async function readPrompts(dir: string, problems: Problems): Promise<Localized | null> {
  const en = await readText(dir, "prompt.en.md", problems, MAX_TEXT_CHARS);
  const zh = await readText(dir, "prompt.zh.md", problems, MAX_TEXT_CHARS);
  for (const [file, text] of [
    ["prompt.en.md", en],
    ["prompt.zh.md", zh],
  ] as const) {
    if (text !== null && text.trim() === "") problems.add(file, null, "is empty");
  }
  return en === null || zh === null ? null : { en, zh };
}

async function readExpectedTrace(dir: string, problems: Problems): Promise<string | null> {
  const text = await readText(dir, "expected.trace", problems, MAX_TEXT_CHARS);
  if (text === null) return null;
  try {
    parseSpec(text);
  } catch (error) {
    if (!(error instanceof SpecParseError)) throw error;
    problems.add("expected.trace", `line ${error.line}`, error.message);
    return null;
  }
  return text;
}

async function readWrongSolutions(
  dir: string,
  manifest: ExerciseManifest,
  problems: Problems,
): Promise<WrongSolution[]> {
  const declared = manifest.wrongSolutions ?? [];
  const onDisk = await listWrongFiles(dir);
  for (const file of onDisk) {
    if (!declared.some((entry) => entry.file === file)) {
      problems.add(
        "exercise.json",
        "wrongSolutions",
        `${file} exists but is not listed (say which divergence it must produce)`,
      );
    }
  }
  const result: WrongSolution[] = [];
  for (const entry of declared) {
    const code = await readText(dir, entry.file, problems, MAX_CODE_CHARS);
    if (code !== null) result.push({ ...entry, code });
  }
  return result;
}

async function listWrongFiles(dir: string): Promise<string[]> {
  try {
    const names = await readdir(path.join(dir, "wrong"));
    return names
      .filter((name) => name.endsWith(".py"))
      .sort()
      .map((name) => `wrong/${name}`);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

async function readText(dir: string, file: string, problems: Problems, maxChars: number): Promise<string | null> {
  let text: string;
  try {
    text = await readFile(path.join(dir, file), "utf8");
  } catch (error) {
    if (!isMissing(error)) throw error;
    problems.add(file, null, "is missing");
    return null;
  }
  if (text.length > maxChars) {
    problems.add(file, null, `is too long (${text.length} characters, at most ${maxChars})`);
    return null;
  }
  return text;
}

/** `network.json` is optional: {} without it, { network } when valid (problems recorded otherwise). */
async function readNetwork(dir: string, problems: Problems): Promise<{ network?: NetworkSpec }> {
  let text: string;
  try {
    text = await readFile(path.join(dir, "network.json"), "utf8");
  } catch (error) {
    if (isMissing(error)) return {};
    problems.add("network.json", null, `cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    return {};
  }
  const parsed = parseNetworkSpec({ text });
  if (parsed.ok) return { network: parsed.spec };
  for (const problem of parsed.problems) problems.add("network.json", null, problem);
  return {};
}

/** undefined when the file is missing or not JSON (already recorded as a problem). */
async function readJson(dir: string, file: string, problems: Problems): Promise<unknown> {
  const text = await readText(dir, file, problems, MAX_TEXT_CHARS);
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    problems.add(file, null, `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

function parseWith<T extends z.ZodType>(
  schema: T,
  value: unknown,
  file: string,
  problems: Problems,
): z.infer<T> | null {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join(".") : null;
    problems.add(file, field, issue.message);
  }
  return null;
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && "code" in error && (error.code === "ENOENT" || error.code === "ENOTDIR");
}
