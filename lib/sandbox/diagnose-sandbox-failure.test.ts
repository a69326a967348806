import { describe, expect, it } from "vitest";
import { diagnoseSandboxFailure } from "./diagnose-sandbox-failure";

describe("diagnoseSandboxFailure", () => {
  it("says how to fix what bwrap, setpriv or the harness reported", () => {
    expect(
      diagnoseSandboxFailure("install the Debian package bubblewrap (apt-get install bubblewrap)", { uid: 0 }),
    ).toContain("install-system-packages.sh");
    expect(diagnoseSandboxFailure("sandbox exited (code 1): setpriv: setresuid failed", { uid: 1000 })).toContain(
      "needs root",
    );
    expect(diagnoseSandboxFailure("bwrap: No permission to create new namespace", { uid: 0 })).toContain(
      "user.max_user_namespaces",
    );
    expect(
      diagnoseSandboxFailure("bwrap: Can't find source path /root/x/lib/sandbox/python: Permission denied", { uid: 0 }),
    ).toContain("TMPDIR");
    expect(
      diagnoseSandboxFailure("cannot start the harness: ModuleNotFoundError: No module named 'greenlet'", { uid: 0 }),
    ).toContain("python3-greenlet");
  });

  it("never answers with nothing", () => {
    expect(diagnoseSandboxFailure("something new", { uid: 0 })).toContain("docs/sandbox-security.md");
  });
});
