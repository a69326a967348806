import path from "node:path";

/**
 * A path typed on the command line, resolved against the directory the user ran the command in.
 * `npm run` changes the working directory to the package root but records the caller's directory
 * in INIT_CWD, so `cd exercises && npm run trace -- a.py` must read exercises/a.py.
 */
export function resolveInvocationPath(
  file: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
  cwd = process.cwd(),
): string {
  const base = env.INIT_CWD && path.isAbsolute(env.INIT_CWD) ? env.INIT_CWD : cwd;
  return path.resolve(base, file);
}
