/** "Student 2" before "Student 10", case and accents aside: how people expect a roster sorted. */
const collator = new Intl.Collator(["en", "zh-CN"], { numeric: true, sensitivity: "base" });

export function compareNamesNaturally(a: string, b: string): number {
  return collator.compare(a, b);
}
