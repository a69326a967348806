/**
 * The argument names an ICU message interpolates: "{count, plural, one {# error} other {# errors}}
 * in {name}" → ["count", "name"]. Branch bodies of plural/select are walked as text, so their
 * words are never mistaken for arguments.
 */
export function icuArguments(message: string): string[] {
  const found = new Set<string>();
  walkText(message, found);
  return [...found].sort();
}

function walkText(text: string, found: Set<string>): void {
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== "{") continue;
    const end = closingBrace(text, i);
    const match = /^\s*([A-Za-z_]\w*)\s*(?:,\s*(\w+)\s*(?:,([\s\S]*))?)?$/.exec(text.slice(i + 1, end));
    if (match) {
      found.add(match[1]);
      if (match[3] !== undefined && ["plural", "select", "selectordinal"].includes(match[2]))
        walkBranches(match[3], found);
    }
    i = end;
  }
}

/** "one {…} other {…}": each body is message text again. */
function walkBranches(branches: string, found: Set<string>): void {
  for (let i = branches.indexOf("{"); i !== -1; i = branches.indexOf("{", i + 1)) {
    const end = closingBrace(branches, i);
    walkText(branches.slice(i + 1, end), found);
    i = end;
  }
}

function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  throw new Error(`unbalanced braces in ${JSON.stringify(text)}`);
}
