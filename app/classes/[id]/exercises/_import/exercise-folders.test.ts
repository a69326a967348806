import { describe, expect, it } from "vitest";
import { exerciseFolders } from "@/app/classes/[id]/exercises/_import/exercise-folders";

const file = (path: string, text = path) => ({ path, text });

describe("exerciseFolders", () => {
  it("takes a folder picked from its parent, keeping wrong/ and dropping hidden files", () => {
    const folders = exerciseFolders([
      file("two-workers/"),
      file("two-workers/exercise.json"),
      file("two-workers/wrong/"),
      file("two-workers/solution.py"),
      file("two-workers/wrong/sequential.py"),
      file("two-workers/.DS_Store"),
      file("__MACOSX/two-workers/._exercise.json"),
    ]);
    expect(folders).toEqual([
      {
        "exercise.json": "two-workers/exercise.json",
        "solution.py": "two-workers/solution.py",
        "wrong/sequential.py": "two-workers/wrong/sequential.py",
      },
    ]);
  });

  it("splits a zip of several folders and reads a folder zipped at its top level", () => {
    expect(exerciseFolders([file("a/exercise.json"), file("b/exercise.json"), file("b/starter.py")])).toEqual([
      { "exercise.json": "a/exercise.json" },
      { "exercise.json": "b/exercise.json", "starter.py": "b/starter.py" },
    ]);
    expect(exerciseFolders([file("exercise.json"), file("expected.trace")])).toEqual([
      { "exercise.json": "exercise.json", "expected.trace": "expected.trace" },
    ]);
  });

  it("finds nothing without an exercise.json", () => {
    expect(exerciseFolders([file("notes/readme.md")])).toEqual([]);
  });
});
