/**
 * The line bank of a predict-the-output exercise in the order the page first shows it: shuffled,
 * the same for everyone and every visit (seeded by `seed`, the exercise id), and never already in
 * the answer's order — the bank is written in that order, and a student must not pass by
 * submitting the lines as they come.
 */
export function shuffleLineBank(lines: readonly string[], seed: string): string[] {
  const random = mulberry32(fnv1a(seed));
  const shuffled = [...lines];
  for (let i = shuffled.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  if (sameOrder(shuffled, lines) && new Set(lines).size > 1) return rotateUntilDifferent(shuffled, lines);
  return shuffled;
}

function rotateUntilDifferent(shuffled: string[], lines: readonly string[]): string[] {
  let rotated = shuffled;
  do rotated = [...rotated.slice(1), rotated[0]];
  while (sameOrder(rotated, lines));
  return rotated;
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((line, index) => line === b[index]);
}

/** 32-bit FNV-1a of the seed's UTF-16 code units. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A small seeded generator (mulberry32): deterministic across Node and browsers. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
