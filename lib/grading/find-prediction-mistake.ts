import { z } from "zod";

const wrongPredictionsSchema = z.object({
  answer: z.object({
    wrongPredictions: z.array(
      z.object({ lines: z.array(z.string()), mistake: z.object({ en: z.string(), zh: z.string() }) }),
    ),
  }),
});

export type PredictionMistake = { en: string; zh: string };

const normalise = (lines: readonly string[]) =>
  lines
    .map((line) => line.replace(/\s+$/, ""))
    .join("\n")
    .replace(/\n+$/, "");

/**
 * The explanation the exercise's author wrote for this exact wrong prediction (`mistake` in
 * answer.json), compared line by line with trailing blanks ignored; null when none matches or the
 * stored extras have no answer.
 */
export function findPredictionMistake(lines: readonly string[], packageExtras: unknown): PredictionMistake | null {
  const parsed = wrongPredictionsSchema.safeParse(packageExtras);
  if (!parsed.success) return null;
  const predicted = normalise(lines);
  const match = parsed.data.answer.wrongPredictions.find((wrong) => normalise(wrong.lines) === predicted);
  return match ? match.mistake : null;
}
