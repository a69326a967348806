/** The saved prediction's order when it holds exactly the bank's lines, else the bank's own order. */
export function orderFromText(lines: readonly string[], text: string): number[] {
  const typed = text.replace(/\r\n?/g, "\n").replace(/\n+$/, "").split("\n");
  const free = lines.map((_, index) => index);
  const order: number[] = [];
  for (const line of typed) {
    const at = free.findIndex((index) => lines[index] === line);
    if (at < 0) return lines.map((_, index) => index);
    order.push(free[at]);
    free.splice(at, 1);
  }
  return free.length === 0 ? order : lines.map((_, index) => index);
}
