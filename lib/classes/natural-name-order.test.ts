import { expect, it } from "vitest";
import { compareNamesNaturally } from "./natural-name-order";

it("sorts numbers inside names by value and ignores case", () => {
  const names = ["Student 10", "student 2", "Student 1", "Ada", "Student 21"];
  expect([...names].sort(compareNamesNaturally)).toEqual(["Ada", "Student 1", "student 2", "Student 10", "Student 21"]);
});
