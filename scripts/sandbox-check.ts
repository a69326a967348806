/**
 * `npm run sandbox:check` (and the last step of `npm run setup`): one real sandboxed run, then what
 * every run gets (fresh tmpfs, memory bound, sealed devices, seccomp). Exits 1 with a diagnosis when
 * the sandbox cannot run here.
 */
import { verifySandbox } from "@/lib/sandbox/verify-sandbox";

async function main(): Promise<void> {
  const verification = await verifySandbox();
  const { status } = verification;
  console.log(verification.summary);
  if (verification.ok) {
    const isolation = status.isolation;
    console.log(
      `mode ${status.mode}; cgroups ${status.cgroups.version} (pids ${status.cgroups.pids ? "yes" : "no"}, memory ${status.cgroups.memory ? "yes" : "no"})`,
    );
    if (isolation) {
      console.log(
        `memory bound per run: ${isolation.memoryBound}; fresh tmpfs per run: ${isolation.freshTmpPerRun ? "yes" : "no"}; ` +
          `read-only devices: ${isolation.devicesReadOnly ? "yes" : "no"}; seccomp: ${isolation.seccomp ? "yes" : "no"}`,
      );
      if (isolation.memoryBound === "rlimit-as") {
        console.log(
          "note: no writable memory cgroup: each process gets RLIMIT_AS only (see docs/sandbox-security.md).",
        );
      }
    }
    return;
  }
  console.error(`\nWhat to do:\n${verification.diagnosis}`);
  process.exitCode = 1;
}

void main();
