import { describe, expect, it } from "vitest";
import { shuffleLineBank } from "./shuffle-line-bank";

const lines = ["a 开始", "b 开始", "c 开始", "b 完成", "c 完成", "a 完成", "['A', 'B', 'C']"];

describe("shuffleLineBank", () => {
  it("keeps every line, each as often", () => {
    const shuffled = shuffleLineBank([...lines, "a 开始"], "ex-1");
    expect([...shuffled].sort()).toEqual([...lines, "a 开始"].sort());
  });

  it("is the same for the same seed and differs between seeds", () => {
    expect(shuffleLineBank(lines, "ex-1")).toEqual(shuffleLineBank(lines, "ex-1"));
    const orders = new Set(["ex-1", "ex-2", "ex-3", "ex-4"].map((seed) => shuffleLineBank(lines, seed).join("|")));
    expect(orders.size).toBeGreaterThan(1);
  });

  it("never starts in the answer's order", () => {
    for (let n = 0; n < 200; n += 1) {
      expect(shuffleLineBank(["x", "y"], `seed-${n}`)).toEqual(["y", "x"]);
      expect(shuffleLineBank(lines, `seed-${n}`)).not.toEqual(lines);
    }
  });

  it("leaves a bank of identical lines as it is", () => {
    expect(shuffleLineBank(["same", "same"], "ex")).toEqual(["same", "same"]);
    expect(shuffleLineBank(["only"], "ex")).toEqual(["only"]);
  });
});
