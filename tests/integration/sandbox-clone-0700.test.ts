import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCold } from "@/lib/sandbox/run-cold";
import { verifySandbox } from "@/lib/sandbox/verify-sandbox";

/**
 * Issue 8: a fresh clone inside a folder the slot uids cannot enter (root's 0700 home, any
 * `mktemp -d`) once made every run sandbox_error ("bwrap: Can't find source path …: Permission
 * denied"). The harness now reaches the sandbox from a neutral copy; this clones the repository into
 * a 0700 folder and runs programs with that clone's harness, pooled and cold.
 */
const UID_BASE = 63000 + (process.pid % 400) * 2;
let root: string;
let clone: string;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "interleave-clone-"));
  clone = path.join(root, "interleave");
  execFileSync("git", ["clone", "--quiet", "--depth", "1", `file://${process.cwd()}`, clone], { stdio: "pipe" });
}, 120_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("a fresh clone in a 0700 folder", () => {
  it("sits where the slot uids cannot enter", () => {
    expect(statSync(root).mode & 0o777).toBe(0o700);
    // What bwrap said before the fix, as the slot uid: the folder cannot be entered.
    const probe = execFileSync("/usr/bin/setpriv", [
      `--reuid=${UID_BASE}`,
      `--regid=${UID_BASE}`,
      "--clear-groups",
      "/bin/sh",
      "-c",
      `test -r "${path.join(clone, "lib/sandbox/python/zygote.py")}" && echo readable || echo denied`,
    ])
      .toString()
      .trim();
    expect(probe).toBe("denied");
  });

  it("runs a program through a pooled sandbox with the clone's harness", async () => {
    const verification = await verifySandbox({
      mode: "bwrap",
      uidBase: UID_BASE,
      harnessDir: path.join(clone, "lib/sandbox/python"),
    });
    expect(verification.summary + verification.diagnosis).toContain("ok");
    expect(verification.ok).toBe(true);
    expect(verification.result?.events.filter((e) => e.stream === "stdout").map((e) => e.text)).toEqual([
      "hello from a",
      "hello from b",
    ]);
  }, 60_000);

  it("runs a cold one-shot sandbox with the clone's harness", async () => {
    const result = await runCold(
      { code: "print('cold from a 0700 clone')" },
      { harnessDir: path.join(clone, "lib/sandbox/python"), uid: UID_BASE + 1 },
    );
    expect(result.status, JSON.stringify(result)).toBe("ok");
    expect(result.events.map((e) => e.text)).toEqual(["cold from a 0700 clone"]);
  }, 60_000);
});
