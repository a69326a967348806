import { describe, expect, it } from "vitest";
import {
  AUDIT_ARCH_AARCH64,
  AUDIT_ARCH_X86_64,
  buildSeccompFilter,
  CLONE3_SYSCALL,
  CLONE_SYSCALL,
  DENIED_SYSCALLS,
  ENOSYS,
  EPERM,
  SECCOMP_RET_ALLOW,
  SECCOMP_RET_ERRNO,
  SECCOMP_RET_KILL_PROCESS,
  SELF_ONLY_SYSCALLS,
  X32_SYSCALL_BIT,
} from "./seccomp";

/** A tiny classic-BPF interpreter: just the opcodes a seccomp filter needs. */
function evaluate(filter: Buffer, data: { arch: number; nr: number; args?: number[] }): number {
  const seccompData = Buffer.alloc(64);
  seccompData.writeInt32LE(data.nr, 0);
  seccompData.writeUInt32LE(data.arch, 4);
  (data.args ?? []).forEach((arg, i) => seccompData.writeBigUInt64LE(BigInt(arg), 16 + 8 * i));
  let accumulator = 0;
  for (let pc = 0, steps = 0; pc * 8 < filter.length; pc++, steps++) {
    if (steps > 10_000) throw new Error("filter loops");
    const code = filter.readUInt16LE(pc * 8);
    const jt = filter.readUInt8(pc * 8 + 2);
    const jf = filter.readUInt8(pc * 8 + 3);
    const k = filter.readUInt32LE(pc * 8 + 4);
    switch (code) {
      case 0x20: // ld [k]
        if (k + 4 > 64) throw new Error("load out of seccomp_data");
        accumulator = seccompData.readUInt32LE(k);
        break;
      case 0x15: // jeq
        pc += accumulator === k ? jt : jf;
        break;
      case 0x35: // jge
        pc += accumulator >= k ? jt : jf;
        break;
      case 0x45: // jset
        pc += (accumulator & k) >>> 0 !== 0 ? jt : jf;
        break;
      case 0x06: // ret
        return k;
      default:
        throw new Error(`unexpected opcode 0x${code.toString(16)} at ${pc}`);
    }
  }
  throw new Error("fell off the end of the filter");
}

const filter = buildSeccompFilter();
const ERRNO_EPERM = (SECCOMP_RET_ERRNO | EPERM) >>> 0;
const ERRNO_ENOSYS = (SECCOMP_RET_ERRNO | ENOSYS) >>> 0;
const ARCHES = [
  { name: "x86_64", arch: AUDIT_ARCH_X86_64, column: 0 },
  { name: "aarch64", arch: AUDIT_ARCH_AARCH64, column: 1 },
] as const;
// read, write, openat, mmap, futex, exit_group per arch: ordinary calls must pass.
const ORDINARY = { x86_64: [0, 1, 257, 9, 202, 231, 39], aarch64: [63, 64, 56, 222, 98, 94, 172] } as const;
const CLONE_THREAD_FLAGS = 0x3d0f00; // what glibc's pthread_create passes
const CLONE_NEWUSER = 0x10000000;
const CLONE_NEWNS = 0x00020000;

describe("buildSeccompFilter", () => {
  it("is a whole number of 8-byte instructions within the kernel's 4096-instruction cap", () => {
    expect(filter.length % 8).toBe(0);
    expect(filter.length / 8).toBeGreaterThan(10);
    expect(filter.length / 8).toBeLessThanOrEqual(4096);
  });

  it("kills any other architecture (i386, x32 via its own arch, arm)", () => {
    for (const arch of [0x40000003, 0x40000028, 0]) {
      expect(evaluate(filter, { arch, nr: 1 })).toBe(SECCOMP_RET_KILL_PROCESS);
    }
  });

  for (const { name, arch, column } of ARCHES) {
    describe(name, () => {
      it("denies every listed call with EPERM", () => {
        for (const [syscall, numbers] of Object.entries(DENIED_SYSCALLS)) {
          expect(evaluate(filter, { arch, nr: numbers[column] }), syscall).toBe(ERRNO_EPERM);
        }
      });

      it("allows ordinary calls", () => {
        for (const nr of ORDINARY[name]) expect(evaluate(filter, { arch, nr }), String(nr)).toBe(SECCOMP_RET_ALLOW);
      });

      it("allows clone for threads and fork but not with namespace flags", () => {
        const nr = CLONE_SYSCALL[name];
        expect(evaluate(filter, { arch, nr, args: [CLONE_THREAD_FLAGS] })).toBe(SECCOMP_RET_ALLOW);
        expect(evaluate(filter, { arch, nr, args: [17] })).toBe(SECCOMP_RET_ALLOW); // fork: SIGCHLD
        expect(evaluate(filter, { arch, nr, args: [17 | CLONE_NEWUSER] })).toBe(ERRNO_EPERM);
        expect(evaluate(filter, { arch, nr, args: [17 | CLONE_NEWNS] })).toBe(ERRNO_EPERM);
      });

      it("allows prlimit/setpriority/sched_setaffinity on the caller only (pid 0)", () => {
        for (const [syscall, numbers] of Object.entries(SELF_ONLY_SYSCALLS)) {
          const nr = numbers[column];
          const args = (pid: number) => (numbers[2] === 0 ? [pid, 7] : [0, pid, 7]);
          expect(evaluate(filter, { arch, nr, args: args(0) }), syscall).toBe(SECCOMP_RET_ALLOW);
          expect(evaluate(filter, { arch, nr, args: args(1) }), syscall).toBe(ERRNO_EPERM);
          expect(evaluate(filter, { arch, nr, args: args(4242) }), syscall).toBe(ERRNO_EPERM);
        }
      });

      it("answers clone3 with ENOSYS so glibc falls back to the checkable clone", () => {
        expect(evaluate(filter, { arch, nr: CLONE3_SYSCALL })).toBe(ERRNO_ENOSYS);
      });
    });
  }

  it("refuses x32-ABI calls that arrive under the x86_64 arch", () => {
    const mountX32 = (X32_SYSCALL_BIT | 165) >>> 0;
    expect(evaluate(filter, { arch: AUDIT_ARCH_X86_64, nr: mountX32 })).toBe(ERRNO_EPERM);
    expect(evaluate(filter, { arch: AUDIT_ARCH_X86_64, nr: (X32_SYSCALL_BIT | 1) >>> 0 })).toBe(ERRNO_EPERM);
  });

  it("is deterministic", () => {
    expect(buildSeccompFilter().equals(filter)).toBe(true);
  });
});
