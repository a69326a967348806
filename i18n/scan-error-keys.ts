/** One error key a source file passes to AppError, with the names of the params it passes. */
export interface KeyUse {
  key: string;
  params: string[];
  where: string;
}

const KEY_PATTERN = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/;

/**
 * The error keys of one source file: every `new AppError(…)` call's `key:` (each string literal of
 * its expression, so `key: a ? "x.y" : "x.z"` counts both) and `params: { … }` names, plus the keys
 * of files that build refusals first (`forbidden("…", "class.archived")`, `key: "…"` beside
 * `message:` in lib/auth/policy.ts and lib/realtime/limit-socket-events.ts). A `key:` without any literal is reported as "<dynamic>".
 */
export function scanErrorKeys(source: string, file: string): KeyUse[] {
  const uses: KeyUse[] = [];
  for (let at = source.indexOf("new AppError("); at !== -1; at = source.indexOf("new AppError(", at + 1)) {
    const open = at + "new AppError".length;
    const call = source.slice(open, closing(source, open));
    const line = source.slice(0, at).split("\n").length;
    uses.push(...keysOfCall(call, `${file}:${line}`));
  }
  for (const match of source.matchAll(/forbidden\("(?:[^"\\]|\\.)*",\s*"([^"]+)"\)/g)) {
    uses.push({ key: match[1], params: [], where: file });
  }
  for (const match of source.matchAll(/message: "(?:[^"\\]|\\.)*",\s*key: "([^"]+)"/g)) {
    uses.push({ key: match[1], params: [], where: file });
  }
  return uses;
}

function keysOfCall(call: string, where: string): KeyUse[] {
  const keyAt = call.search(/\bkey:/);
  if (keyAt === -1) return [];
  const expression = call.slice(keyAt + 4, endOfValue(call, keyAt + 4));
  const literals = [...expression.matchAll(/"([^"]*)"/g)]
    .map((match) => match[1])
    .filter((text) => KEY_PATTERN.test(text));
  const paramsAt = call.search(/\bparams:\s*\{/);
  const params = paramsAt === -1 ? [] : propertyNames(call.slice(call.indexOf("{", paramsAt)));
  if (literals.length === 0) return [{ key: "<dynamic>", params, where }];
  return literals.map((key) => ({ key, params, where }));
}

/** Top-level property names of the object literal that `text` starts with. */
function propertyNames(text: string): string[] {
  const body = text.slice(1, closing(text, 0));
  return splitTopLevel(body)
    .map((part) => /^\s*([A-Za-z_$][\w$]*)/.exec(part)?.[1])
    .filter((name): name is string => name !== undefined)
    .sort();
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  walk(text, 0, (i, depth) => {
    if (depth === 0 && text[i] === ",") {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
    return false;
  });
  parts.push(text.slice(start));
  return parts;
}

function endOfValue(text: string, from: number): number {
  let end = text.length;
  walk(text, from, (i, depth) => {
    if (depth === 0 && (text[i] === "," || text[i] === "}")) return ((end = i), true);
    return depth < 0 ? ((end = i), true) : false;
  });
  return end;
}

/** Index of the bracket closing the one at `open` (strings skipped). */
function closing(text: string, open: number): number {
  let end = text.length;
  walk(text, open + 1, (i, depth) => (depth < 0 ? ((end = i), true) : false));
  return end;
}

/** Calls `visit` for every character outside string literals with the bracket depth; stops on true. */
function walk(text: string, from: number, visit: (index: number, depth: number) => boolean): void {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (char === '"' || char === "'" || char === "`") {
      i = skipString(text, i);
      continue;
    }
    if ("([{".includes(char)) depth++;
    else if (")]}".includes(char)) depth--;
    if (visit(i, depth)) return;
  }
}

function skipString(text: string, open: number): number {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === quote) return i;
  }
  return text.length;
}
