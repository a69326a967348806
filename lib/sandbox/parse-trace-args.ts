/**
 * Arguments of `npm run trace -- FILE.py [--json] [--seed N] [--network NET.json]`. Pure, so later flags
 * (`--record`, `--expect SPEC`, `--schedules K`) are one table entry and one field each.
 */
export interface TraceArgs {
  file: string;
  json: boolean;
  seed: number;
  /** Also list timeline events (task start/end, switches) in the readable listing. */
  timeline: boolean;
  /** A network.json file: the run's virtual hosts (null: no host name resolves). */
  network: string | null;
}

export type ParseTraceArgsResult = { ok: true; args: TraceArgs } | { ok: false; message: string };

export const TRACE_USAGE = "usage: npm run trace -- FILE.py [--json] [--seed N] [--timeline] [--network NET.json]";

type FlagHandler = (args: TraceArgs, value: string | undefined) => string | null;

/** Flag name → handler; `takesValue` flags consume the next argument. */
const FLAGS: Record<string, { takesValue: boolean; apply: FlagHandler }> = {
  "--json": { takesValue: false, apply: (args) => ((args.json = true), null) },
  "--timeline": { takesValue: false, apply: (args) => ((args.timeline = true), null) },
  "--network": { takesValue: true, apply: (args, value) => ((args.network = value ?? null), null) },
  "--seed": {
    takesValue: true,
    apply: (args, value) => {
      const seed = Number(value);
      if (!Number.isInteger(seed) || seed < 0) return `--seed needs a non-negative integer, got "${value}"`;
      args.seed = seed;
      return null;
    },
  },
};

export function parseTraceArgs(argv: readonly string[]): ParseTraceArgsResult {
  const args: TraceArgs = { file: "", json: false, seed: 0, timeline: false, network: null };
  for (let index = 0; index < argv.length; index += 1) {
    const raw = argv[index];
    const [name, inline] =
      raw.startsWith("--") && raw.includes("=")
        ? [raw.slice(0, raw.indexOf("=")), raw.slice(raw.indexOf("=") + 1)]
        : [raw, undefined];
    const flag = FLAGS[name];
    if (flag) {
      let value = inline;
      if (flag.takesValue && value === undefined) {
        index += 1;
        value = argv[index];
        if (value === undefined) return { ok: false, message: `${name} needs a value\n${TRACE_USAGE}` };
      }
      const problem = flag.apply(args, value);
      if (problem) return { ok: false, message: `${problem}\n${TRACE_USAGE}` };
    } else if (raw.startsWith("--")) {
      return { ok: false, message: `unknown option ${raw}\n${TRACE_USAGE}` };
    } else if (args.file === "") {
      args.file = raw;
    } else {
      return { ok: false, message: `only one FILE.py, got "${args.file}" and "${raw}"\n${TRACE_USAGE}` };
    }
  }
  if (args.file === "") return { ok: false, message: TRACE_USAGE };
  return { ok: true, args };
}
