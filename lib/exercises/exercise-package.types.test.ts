import { describe, expect, it } from "vitest";
import { exerciseManifestSchema, predictionAnswerSchema } from "./exercise-package.types";

const base = {
  slug: "05-create-task",
  kind: "write-code",
  title: { en: "Tasks", zh: "任务" },
  teaches: { en: "create_task", zh: "create_task" },
  points: 10,
  schedules: 1,
  tutorial: { section: "5.4" },
  wrongSolutions: [{ file: "wrong/sequential.py", divergence: "order", explanation: { en: "seq", zh: "顺序" } }],
};

function issuesOf(value: unknown): string[] {
  const parsed = exerciseManifestSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("exerciseManifestSchema", () => {
  it("accepts a write-code manifest and fills defaults without inventing limits", () => {
    const manifest = exerciseManifestSchema.parse(base);
    expect(manifest.limits).toEqual({});
    expect(manifest.tags).toEqual([]);
    expect(manifest.wrongSolutions?.[0].divergence).toBe("order");
  });

  it("keeps only the limits the author overrides", () => {
    expect(exerciseManifestSchema.parse({ ...base, limits: { maxVirtualSeconds: 60 } }).limits).toEqual({
      maxVirtualSeconds: 60,
    });
    expect(issuesOf({ ...base, limits: { maxVirtualSecond: 60 } })[0]).toMatch(/^limits: Unrecognized key/);
    expect(issuesOf({ ...base, limits: { cpuSeconds: 999 } })[0]).toMatch(/^limits\.cpuSeconds:/);
    // The CPU-stretch threshold is an optional override too (absent: the harness's 100 ms).
    expect(exerciseManifestSchema.parse({ ...base, limits: { cpuStretchMs: 250 } }).limits).toEqual({
      cpuStretchMs: 250,
    });
    expect(issuesOf({ ...base, limits: { cpuStretchMs: 5 } })[0]).toMatch(/^limits\.cpuStretchMs:/);
  });

  it("requires a wrong solution for write-code and none for predict-output", () => {
    expect(issuesOf({ ...base, wrongSolutions: [] })).toEqual([
      "wrongSolutions: a write-code exercise needs at least one wrong solution",
    ]);
    expect(issuesOf({ ...base, kind: "predict-output" })).toEqual([
      "wrongSolutions: predict-output exercises keep wrong predictions in answer.json",
    ]);
    expect(issuesOf({ ...base, kind: "predict-output", wrongSolutions: undefined })).toEqual([]);
  });

  it("names the field of a bad wrong-solution entry", () => {
    const wrong = { file: "sequential.py", divergence: "late", explanation: { en: "x", zh: "" } };
    const issues = issuesOf({ ...base, wrongSolutions: [wrong] });
    expect(issues.some((issue) => issue.startsWith("wrongSolutions.0.file:"))).toBe(true);
    expect(issues.some((issue) => issue.startsWith("wrongSolutions.0.divergence:"))).toBe(true);
    expect(issues.some((issue) => issue.startsWith("wrongSolutions.0.explanation.zh:"))).toBe(true);
  });

  it("rejects passesSeed0 when only one schedule is checked, and duplicate files", () => {
    const naive = { ...base.wrongSolutions[0], passesSeed0: true };
    expect(issuesOf({ ...base, wrongSolutions: [naive] })).toEqual([
      "wrongSolutions.0.passesSeed0: needs schedules ≥ 2 to fail on another seed",
    ]);
    expect(issuesOf({ ...base, schedules: 5, wrongSolutions: [naive] })).toEqual([]);
    expect(issuesOf({ ...base, wrongSolutions: [base.wrongSolutions[0], base.wrongSolutions[0]] })).toEqual([
      "wrongSolutions.1.file: wrong/sequential.py is listed twice",
    ]);
  });

  it("rejects bad slugs, schedules and forbiddenNotes regexes", () => {
    expect(issuesOf({ ...base, slug: "Bad Slug" })[0]).toMatch(/^slug:/);
    expect(issuesOf({ ...base, schedules: 0 })[0]).toMatch(/^schedules:/);
    expect(issuesOf({ ...base, schedules: 51 })[0]).toMatch(/^schedules:/);
    expect(issuesOf({ ...base, forbiddenNotes: ["(legacy"] })).toEqual([
      "forbiddenNotes.0: not a valid JavaScript regular expression",
    ]);
    expect(issuesOf({ ...base, unknownField: 1 })[0]).toMatch(/Unrecognized key/);
  });
});

describe("predictionAnswerSchema", () => {
  const answer = { lines: ["a", "b"], wrongPredictions: [{ lines: ["b", "a"], mistake: { en: "order", zh: "顺序" } }] };

  it("accepts lines and wrong predictions", () => {
    expect(predictionAnswerSchema.parse(answer).lines).toEqual(["a", "b"]);
  });

  it("rejects multi-line entries and a missing wrong prediction", () => {
    expect(predictionAnswerSchema.safeParse({ ...answer, lines: ["a\nb"] }).success).toBe(false);
    expect(predictionAnswerSchema.safeParse({ ...answer, wrongPredictions: [] }).success).toBe(false);
  });

  it("accepts a line bank holding exactly the answer's lines and rejects any other", () => {
    expect(predictionAnswerSchema.parse({ ...answer, lineBank: ["b", "a"] }).lineBank).toEqual(["b", "a"]);
    const wrong = predictionAnswerSchema.safeParse({ ...answer, lineBank: ["a", "c"] });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.path).toEqual(["lineBank"]);
    expect(predictionAnswerSchema.safeParse({ ...answer, lineBank: ["a", "b", "b"] }).success).toBe(false);
  });
});
