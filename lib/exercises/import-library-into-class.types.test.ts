import { describe, expect, it } from "vitest";
import { importLibraryInput } from "./import-library-into-class.types";
import { publishExerciseInput } from "./publish-exercise.types";

describe("class exercise inputs", () => {
  it("accepts library slugs and rejects anything that is not a slug", () => {
    expect(
      importLibraryInput.parse({ userId: "u1", classId: "c1", slugs: ["05-create-task-concurrency"], publish: true }),
    ).toEqual({
      userId: "u1",
      classId: "c1",
      slugs: ["05-create-task-concurrency"],
      publish: true,
    });
    for (const slug of ["../etc", "Upper", "", "a/b"]) {
      expect(importLibraryInput.safeParse({ userId: "u1", classId: "c1", slugs: [slug] }).success).toBe(false);
    }
    expect(importLibraryInput.safeParse({ userId: "u1", classId: "c1", publish: "yes" }).success).toBe(false);
  });

  it("knows exactly three statuses", () => {
    for (const status of ["DRAFT", "PUBLISHED", "CLOSED"])
      expect(publishExerciseInput.safeParse({ userId: "u", exerciseId: "e", status }).success).toBe(true);
    const wrong = publishExerciseInput.safeParse({ userId: "u", exerciseId: "e", status: "published" });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.message).toBe("Status must be DRAFT, PUBLISHED or CLOSED.");
  });
});
