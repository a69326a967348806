import { AUTO_SCHEDULES, type ExerciseForEditor } from "@/lib/exercises/exercise-draft.types";
import { limitsOverrideSchema } from "@/lib/exercises/exercise-package.types";

/** The editor's form state: what the instructor is typing, before it is saved. */
export interface EditorForm {
  kind: "WRITE_CODE" | "PREDICT_OUTPUT";
  titleEn: string;
  titleZh: string;
  promptEn: string;
  promptZh: string;
  starter: string;
  solution: string;
  points: number;
  /** Automatic: stored as schedules 0, the program's choice points decide. */
  schedulesAuto: boolean;
  /** The fixed budget K; kept while "automatic" is on so switching back restores it. */
  schedules: number;
  /** limits.cpuStretchMs as typed; empty: the harness's default. */
  cpuStretchText: string;
  /** The other limits as JSON (cpuStretchMs has its own field). */
  limitsText: string;
}

export const EMPTY_FORM: EditorForm = {
  kind: "WRITE_CODE",
  titleEn: "",
  titleZh: "",
  promptEn: "",
  promptZh: "",
  starter: "import asyncio\n\n\nasync def main():\n    ...\n\n\nasyncio.run(main())\n",
  solution: "",
  points: 100,
  schedulesAuto: false,
  schedules: 1,
  cpuStretchText: "",
  limitsText: "{}",
};

export function formOf(exercise: ExerciseForEditor): EditorForm {
  const { cpuStretchMs, ...otherLimits } = exercise.limits;
  const auto = exercise.schedules === AUTO_SCHEDULES;
  return {
    kind: exercise.kind,
    titleEn: exercise.title.en,
    titleZh: exercise.title.zh === exercise.title.en ? "" : exercise.title.zh,
    promptEn: exercise.prompt.en,
    promptZh: exercise.prompt.zh === exercise.prompt.en ? "" : exercise.prompt.zh,
    starter: exercise.starter,
    solution: exercise.solution,
    points: exercise.points,
    schedulesAuto: auto,
    schedules: auto ? 1 : exercise.schedules,
    cpuStretchText: cpuStretchMs === undefined ? "" : String(cpuStretchMs),
    limitsText: JSON.stringify(otherLimits, null, 2),
  };
}

/** What is wrong with the CPU-stretch field, checked by the API's own schema; null: fine. */
export type CpuStretchProblem = "notWhole" | "range" | null;

export function cpuStretchProblem(text: string): CpuStretchProblem {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (!/^-?\d+$/.test(trimmed)) return "notWhole";
  return limitsOverrideSchema.shape.cpuStretchMs.safeParse(Number(trimmed)).success ? null : "range";
}

/**
 * The JSON body of POST /api/classes/:id/exercises and PUT /api/exercises/:id. limitsError: the
 * limits JSON does not parse. A CPU stretch that is not a whole number is sent as typed, so the API
 * answers with its own message (the form checks it first with cpuStretchProblem).
 */
export function bodyOf(form: EditorForm): { body: Record<string, unknown>; limitsError: boolean } {
  let limits: unknown = {};
  let limitsError = false;
  try {
    limits = form.limitsText.trim() ? JSON.parse(form.limitsText) : {};
  } catch {
    limitsError = true;
  }
  const stretch = form.cpuStretchText.trim();
  if (stretch !== "" && typeof limits === "object" && limits !== null && !Array.isArray(limits)) {
    limits = { ...limits, cpuStretchMs: /^-?\d+(\.\d+)?$/.test(stretch) ? Number(stretch) : stretch };
  }
  return {
    limitsError,
    body: {
      kind: form.kind,
      title: { en: form.titleEn, ...(form.titleZh.trim() ? { zh: form.titleZh } : {}) },
      prompt: { en: form.promptEn, ...(form.promptZh.trim() ? { zh: form.promptZh } : {}) },
      starter: form.kind === "WRITE_CODE" ? form.starter : "",
      solution: form.solution,
      points: form.points,
      schedules: form.schedulesAuto ? AUTO_SCHEDULES : form.schedules,
      limits,
    },
  };
}
