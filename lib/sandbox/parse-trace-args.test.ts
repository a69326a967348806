import { describe, expect, it } from "vitest";
import { parseTraceArgs } from "./parse-trace-args";

describe("parseTraceArgs", () => {
  it("parses a file with --json and --seed in any order", () => {
    expect(parseTraceArgs(["--seed", "7", "prog.py", "--json"])).toEqual({
      ok: true,
      args: { file: "prog.py", json: true, seed: 7, timeline: false, network: null },
    });
    expect(parseTraceArgs(["prog.py", "--network", "net.json"])).toMatchObject({
      ok: true,
      args: { network: "net.json" },
    });
    expect(parseTraceArgs(["prog.py", "--seed=3"])).toMatchObject({ ok: true, args: { seed: 3, json: false } });
  });

  it("rejects a missing file, a bad seed, unknown flags and two files", () => {
    expect(parseTraceArgs([]).ok).toBe(false);
    expect(parseTraceArgs(["a.py", "--seed", "-1"])).toMatchObject({ ok: false });
    expect(parseTraceArgs(["a.py", "--seed"])).toMatchObject({ ok: false });
    expect(parseTraceArgs(["a.py", "--bogus"])).toMatchObject({ ok: false });
    expect(parseTraceArgs(["a.py", "b.py"])).toMatchObject({ ok: false });
  });
});
