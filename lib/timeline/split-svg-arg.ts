export type SplitSvgArg = { ok: true; svg: string | null; rest: string[] } | { ok: false; message: string };

/** Takes `--svg OUT.svg` (or `--svg=OUT.svg`) out of `npm run trace` arguments. */
export function splitSvgArg(argv: readonly string[]): SplitSvgArg {
  let svg: string | null = null;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    if (raw === "--svg" || raw.startsWith("--svg=")) {
      const value = raw === "--svg" ? argv[++i] : raw.slice("--svg=".length);
      if (!value || value.startsWith("--"))
        return { ok: false, message: "--svg needs an output file, e.g. --svg timeline.svg" };
      svg = value;
    } else {
      rest.push(raw);
    }
  }
  return { ok: true, svg, rest };
}
