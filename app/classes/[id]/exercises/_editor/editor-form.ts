import type { ExerciseForEditor } from "@/lib/exercises/exercise-draft.types";

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
  schedules: number;
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
  schedules: 1,
  limitsText: "{}",
};

export function formOf(exercise: ExerciseForEditor): EditorForm {
  return {
    kind: exercise.kind,
    titleEn: exercise.title.en,
    titleZh: exercise.title.zh === exercise.title.en ? "" : exercise.title.zh,
    promptEn: exercise.prompt.en,
    promptZh: exercise.prompt.zh === exercise.prompt.en ? "" : exercise.prompt.zh,
    starter: exercise.starter,
    solution: exercise.solution,
    points: exercise.points,
    schedules: exercise.schedules,
    limitsText: JSON.stringify(exercise.limits, null, 2),
  };
}

/** The JSON body of POST /api/classes/:id/exercises and PUT /api/exercises/:id; null limits = not JSON. */
export function bodyOf(form: EditorForm): { body: Record<string, unknown>; limitsError: boolean } {
  let limits: unknown = {};
  let limitsError = false;
  try {
    limits = form.limitsText.trim() ? JSON.parse(form.limitsText) : {};
  } catch {
    limitsError = true;
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
      schedules: form.schedules,
      limits,
    },
  };
}
