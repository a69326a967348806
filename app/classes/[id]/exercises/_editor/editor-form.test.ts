import { describe, expect, it } from "vitest";
import type { ExerciseForEditor } from "@/lib/exercises/exercise-draft.types";
import { draftFieldsSchema } from "@/lib/exercises/exercise-draft.types";
import { bodyOf, cpuStretchProblem, formOf } from "./editor-form";

const imported: ExerciseForEditor = {
  id: "e1",
  classId: "c1",
  slug: "two-tasks",
  kind: "WRITE_CODE",
  status: "DRAFT",
  version: 1,
  editsCreateVersion: false,
  submissionCount: 0,
  title: { en: "Two tasks", zh: "两个任务" },
  prompt: { en: "Write it.", zh: "写出来。" },
  starter: "import asyncio\n",
  solution: "print('a')\n",
  spec: "a\n",
  points: 100,
  schedules: 0,
  limits: { maxVirtualSeconds: 30, cpuStretchMs: 250 },
  network: null,
};

describe("editor form", () => {
  it("shows schedules 0 as automatic and sends 0 back unchanged", () => {
    const form = formOf(imported);
    expect(form.schedulesAuto).toBe(true);
    const { body } = bodyOf(form);
    expect(body.schedules).toBe(0);
    expect(draftFieldsSchema.shape.schedules.safeParse(body.schedules).success).toBe(true);
  });

  it("sends the fixed count when automatic is off", () => {
    const form = { ...formOf(imported), schedulesAuto: false, schedules: 5 };
    expect(bodyOf(form).body.schedules).toBe(5);
    expect(formOf({ ...imported, schedules: 5 })).toMatchObject({ schedulesAuto: false, schedules: 5 });
  });

  it("moves cpuStretchMs to its own field and merges it back into the limits", () => {
    const form = formOf(imported);
    expect(form.cpuStretchText).toBe("250");
    expect(JSON.parse(form.limitsText)).toEqual({ maxVirtualSeconds: 30 });
    expect(bodyOf(form).body.limits).toEqual({ maxVirtualSeconds: 30, cpuStretchMs: 250 });
    expect(bodyOf({ ...form, cpuStretchText: "" }).body.limits).toEqual({ maxVirtualSeconds: 30 });
    expect(bodyOf({ ...form, cpuStretchText: " 1000 " }).body.limits).toEqual({
      maxVirtualSeconds: 30,
      cpuStretchMs: 1000,
    });
  });

  it("round-trips an unchanged exercise to the same body", () => {
    const { body } = bodyOf(formOf(imported));
    expect(body).toMatchObject({ schedules: 0, limits: imported.limits, points: 100 });
  });

  it("checks the CPU stretch with the API's schema", () => {
    expect(cpuStretchProblem("")).toBeNull();
    expect(cpuStretchProblem("10")).toBeNull();
    expect(cpuStretchProblem("60000")).toBeNull();
    expect(cpuStretchProblem("9")).toBe("range");
    expect(cpuStretchProblem("60001")).toBe("range");
    expect(cpuStretchProblem("0")).toBe("range");
    expect(cpuStretchProblem("12.5")).toBe("notWhole");
    expect(cpuStretchProblem("abc")).toBe("notWhole");
  });
});
