/** One row of the unit closure: `descendant` lies `depth` levels under `ancestor` (0: itself). */
export interface ClosurePair {
  ancestor: string;
  descendant: string;
  depth: number;
}

/**
 * Every (ancestor, descendant) pair of a tree given by parent links, each unit its own ancestor
 * at depth 0: what "units under X" is answered from. A parent missing from `units` ends the
 * chain there; a cycle is refused (the classifier is a tree, and a loop would never end).
 */
export function unitClosure(units: ReadonlyArray<{ kato: string; parent: string | null }>): ClosurePair[] {
  const parentOf = new Map(units.map((u) => [u.kato, u.parent]));
  const pairs: ClosurePair[] = [];
  for (const { kato } of units) {
    const seen = new Set<string>();
    for (let ancestor: string | null | undefined = kato, depth = 0; ancestor != null && parentOf.has(ancestor); ancestor = parentOf.get(ancestor), depth++) {
      if (seen.has(ancestor)) throw new Error(`unit tree has a cycle through ${ancestor}`);
      seen.add(ancestor);
      pairs.push({ ancestor, descendant: kato, depth });
    }
  }
  return pairs;
}

/** The codes of `root` and of every unit under it among `units` (by their parent links). */
export function codesUnder(units: ReadonlyArray<{ kato: string; parent: string | null }>, root: string): Set<string> {
  return new Set(unitClosure(units).flatMap((p) => (p.ancestor === root ? [p.descendant] : [])));
}
