import { useEffect } from 'react';
import { useUnitsStore, type SubtreeUnit } from '../stores/units.store';

const NONE: SubtreeUnit[] = [];

/** A unit with everything under it (venues: its localities); empty until it arrives. */
export function useSubtree(kato: string): SubtreeUnit[] {
  const units = useUnitsStore((s) => (kato ? s.subtrees[kato] : undefined) ?? NONE);
  const ensure = useUnitsStore((s) => s.ensureSubtree);
  useEffect(() => {
    if (kato) void ensure(kato);
  }, [kato, ensure]);
  return units;
}
