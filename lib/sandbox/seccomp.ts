/**
 * Classic-BPF seccomp filter for the sandbox, handed to bubblewrap with `--seccomp FD`
 * (bwrap reads raw `struct sock_filter[]` bytes from the descriptor and installs them with
 * no_new_privs before exec'ing the harness).
 *
 * Defence in depth only: bwrap already runs as an unprivileged per-slot uid with
 * `--cap-drop ALL --disable-userns`, so most of these calls would fail anyway. The filter makes
 * sure they keep failing if a kernel bug or a misconfiguration ever hands the sandbox a capability,
 * and it closes kernel attack surface (io_uring, bpf, userfaultfd, perf, keyrings) that an
 * unprivileged process could otherwise reach.
 *
 * prlimit64/setpriority/sched_set* are allowed only on the caller itself (see SELF_ONLY_SYSCALLS).
 *
 * Denied calls return EPERM rather than killing: a Python program that probes `mount` gets an
 * ordinary OSError and the run ends normally with the trace of what it printed. `clone3` returns
 * ENOSYS because its flags live in a struct BPF cannot read; glibc then falls back to `clone`,
 * whose flags register we *can* check, so threads keep working.
 */

/** struct sock_filter is { u16 code; u8 jt; u8 jf; u32 k } = 8 bytes, native (little) endian. */
const INSTRUCTION_BYTES = 8;

const BPF_LD_W_ABS = 0x20;
const BPF_JEQ_K = 0x15;
const BPF_JGE_K = 0x35;
const BPF_JSET_K = 0x45;
const BPF_RET_K = 0x06;

export const SECCOMP_RET_KILL_PROCESS = 0x80000000;
export const SECCOMP_RET_ERRNO = 0x00050000;
export const SECCOMP_RET_ALLOW = 0x7fff0000;
export const EPERM = 1;
export const ENOSYS = 38;

export const AUDIT_ARCH_X86_64 = 0xc000003e;
export const AUDIT_ARCH_AARCH64 = 0xc00000b7;
/** x32 ABI calls arrive with the x86_64 arch and this bit set in nr: refuse them all. */
export const X32_SYSCALL_BIT = 0x40000000;

/** Offsets in struct seccomp_data { int nr; u32 arch; u64 ip; u64 args[6]; } */
const OFFSET_NR = 0;
const OFFSET_ARCH = 4;
const OFFSET_ARG0_LOW = 16;

/** CLONE_NEWNS | NEWCGROUP | NEWUTS | NEWIPC | NEWUSER | NEWPID | NEWNET (CLONE_NEWTIME is
 * clone3/unshare-only: in clone()'s flags 0x80 is part of the exit signal). */
export const CLONE_NAMESPACE_FLAGS =
  0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000 | 0x20000000 | 0x40000000;

type SyscallTable = Readonly<Record<string, readonly [x86_64: number, aarch64: number]>>;

/** Every call answered with EPERM. Numbers from asm/unistd_64.h and asm-generic/unistd.h. */
export const DENIED_SYSCALLS: SyscallTable = {
  ptrace: [101, 117],
  mount: [165, 40],
  umount2: [166, 39],
  pivot_root: [155, 41],
  chroot: [161, 51],
  // The "new mount API" would otherwise sidestep a filter on mount alone.
  open_tree: [428, 428],
  move_mount: [429, 429],
  fsopen: [430, 430],
  fsconfig: [431, 431],
  fsmount: [432, 432],
  fspick: [433, 433],
  mount_setattr: [442, 442],
  bpf: [321, 280],
  io_uring_setup: [425, 425],
  io_uring_enter: [426, 426],
  io_uring_register: [427, 427],
  keyctl: [250, 219],
  add_key: [248, 217],
  request_key: [249, 218],
  perf_event_open: [298, 241],
  userfaultfd: [323, 282],
  kexec_load: [246, 104],
  kexec_file_load: [320, 294],
  init_module: [175, 105],
  finit_module: [313, 273],
  delete_module: [176, 106],
  unshare: [272, 97],
  setns: [308, 268],
  process_vm_readv: [310, 270],
  process_vm_writev: [311, 271],
  pidfd_getfd: [438, 438],
  kcmp: [312, 272],
  open_by_handle_at: [304, 265],
  name_to_handle_at: [303, 264],
  reboot: [169, 142],
  swapon: [167, 224],
  swapoff: [168, 225],
  acct: [163, 89],
  syslog: [103, 116],
};
/**
 * Calls allowed on the caller itself only (pid/who argument 0, as glibc's setrlimit, nice and
 * sched_setaffinity(0, …) pass): a run may not change the long-lived zygote's (PID 1, same uid)
 * limits, priority or CPU affinity to starve the runs that follow. [x86_64, aarch64, argument].
 */
export const SELF_ONLY_SYSCALLS: Readonly<Record<string, readonly [number, number, 0 | 1]>> = {
  prlimit64: [302, 261, 0],
  setpriority: [141, 140, 1],
  ioprio_set: [251, 30, 1],
  sched_setaffinity: [203, 122, 0],
  sched_setscheduler: [144, 119, 0],
  sched_setparam: [142, 118, 0],
  sched_setattr: [314, 274, 0],
};
export const CLONE_SYSCALL = { x86_64: 56, aarch64: 220 } as const;
export const CLONE3_SYSCALL = 435;

type Label = "kill" | "x86_64" | "aarch64" | "clone" | "self0" | "self1" | "allow" | "eperm" | "enosys";
type Target = Label | 0;
type Instruction =
  | { op: "ld"; offset: number }
  | { op: "jeq" | "jge" | "jset"; k: number; jt: Target; jf: Target }
  | { op: "ret"; k: number }
  | { op: "label"; name: Label };

function archBlock(arch: "x86_64" | "aarch64"): Instruction[] {
  const column = arch === "x86_64" ? 0 : 1;
  const block: Instruction[] = [
    { op: "label", name: arch },
    { op: "ld", offset: OFFSET_NR },
  ];
  if (arch === "x86_64") block.push({ op: "jge", k: X32_SYSCALL_BIT, jt: "eperm", jf: 0 });
  block.push({ op: "jeq", k: CLONE_SYSCALL[arch], jt: "clone", jf: 0 });
  block.push({ op: "jeq", k: CLONE3_SYSCALL, jt: "enosys", jf: 0 });
  for (const numbers of Object.values(DENIED_SYSCALLS)) {
    block.push({ op: "jeq", k: numbers[column], jt: "eperm", jf: 0 });
  }
  for (const [x86, arm, argument] of Object.values(SELF_ONLY_SYSCALLS)) {
    block.push({ op: "jeq", k: column === 0 ? x86 : arm, jt: argument === 0 ? "self0" : "self1", jf: 0 });
  }
  block.push({ op: "ret", k: SECCOMP_RET_ALLOW });
  return block;
}

function program(): Instruction[] {
  return [
    { op: "ld", offset: OFFSET_ARCH },
    { op: "jeq", k: AUDIT_ARCH_X86_64, jt: "x86_64", jf: 0 },
    { op: "jeq", k: AUDIT_ARCH_AARCH64, jt: "aarch64", jf: "kill" },
    { op: "label", name: "kill" },
    { op: "ret", k: SECCOMP_RET_KILL_PROCESS },
    ...archBlock("x86_64"),
    ...archBlock("aarch64"),
    { op: "label", name: "clone" },
    { op: "ld", offset: OFFSET_ARG0_LOW },
    { op: "jset", k: CLONE_NAMESPACE_FLAGS, jt: "eperm", jf: "allow" },
    // pid_t is an int: the low word of the argument is the whole pid.
    { op: "label", name: "self0" },
    { op: "ld", offset: OFFSET_ARG0_LOW },
    { op: "jeq", k: 0, jt: "allow", jf: "eperm" },
    { op: "label", name: "self1" },
    { op: "ld", offset: OFFSET_ARG0_LOW + 8 },
    { op: "jeq", k: 0, jt: "allow", jf: "eperm" },
    { op: "label", name: "allow" },
    { op: "ret", k: SECCOMP_RET_ALLOW },
    { op: "label", name: "eperm" },
    { op: "ret", k: SECCOMP_RET_ERRNO | EPERM },
    { op: "label", name: "enosys" },
    { op: "ret", k: SECCOMP_RET_ERRNO | ENOSYS },
  ];
}

/** Resolve labels to the relative u8 jump offsets classic BPF uses (forward jumps only). */
function assemble(source: Instruction[]): Buffer {
  const positions = new Map<Label, number>();
  const code: Exclude<Instruction, { op: "label" }>[] = [];
  for (const instruction of source) {
    if (instruction.op === "label") positions.set(instruction.name, code.length);
    else code.push(instruction);
  }
  const offset = (target: Target, index: number): number => {
    if (target === 0) return 0;
    const position = positions.get(target);
    const delta = position === undefined ? -1 : position - index - 1;
    if (delta < 0 || delta > 255) throw new Error(`seccomp: jump to ${target} out of range (${delta})`);
    return delta;
  };
  const buffer = Buffer.alloc(code.length * INSTRUCTION_BYTES);
  code.forEach((instruction, index) => {
    const at = index * INSTRUCTION_BYTES;
    if (instruction.op === "ld") {
      buffer.writeUInt16LE(BPF_LD_W_ABS, at);
      buffer.writeUInt32LE(instruction.offset, at + 4);
    } else if (instruction.op === "ret") {
      buffer.writeUInt16LE(BPF_RET_K, at);
      buffer.writeUInt32LE(instruction.k >>> 0, at + 4);
    } else {
      const opcode = { jeq: BPF_JEQ_K, jge: BPF_JGE_K, jset: BPF_JSET_K }[instruction.op];
      buffer.writeUInt16LE(opcode, at);
      buffer.writeUInt8(offset(instruction.jt, index), at + 2);
      buffer.writeUInt8(offset(instruction.jf, index), at + 3);
      buffer.writeUInt32LE(instruction.k >>> 0, at + 4);
    }
  });
  return buffer;
}

/** The filter as raw `struct sock_filter[]` bytes for `bwrap --seccomp FD`. */
export function buildSeccompFilter(): Buffer {
  return assemble(program());
}
