interface Named {
  name: string;
  parent: string | null;
}

/**
 * Folds the lanes under each collapsed lane into it (a group of 20 workers under one task becomes
 * one lane until unfolded). `specs` are in picture order; returns the lanes still shown, the lane
 * each hidden one folds into, and how many lanes sit under each lane (what its control folds).
 */
export function collapseLanes<T extends Named>(
  specs: readonly T[],
  collapsed: ReadonlySet<string>,
): { shown: T[]; foldInto: Map<string, string>; descendants: Map<string, number> } {
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const descendants = new Map<string, number>();
  const foldInto = new Map<string, string>();
  for (const spec of specs) {
    const ancestors: string[] = [];
    let parent = spec.parent;
    // The harness never makes parent cycles; the bound keeps a forged one from looping.
    while (parent !== null && parent !== spec.name && ancestors.length < specs.length) {
      ancestors.push(parent);
      parent = byName.get(parent)?.parent ?? null;
    }
    for (const ancestor of ancestors) descendants.set(ancestor, (descendants.get(ancestor) ?? 0) + 1);
    // The outermost collapsed ancestor takes the lane.
    const into = ancestors.filter((name) => collapsed.has(name) && byName.has(name)).at(-1);
    if (into !== undefined) foldInto.set(spec.name, into);
  }
  return { shown: specs.filter((spec) => !foldInto.has(spec.name)), foldInto, descendants };
}
