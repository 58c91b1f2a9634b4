import { useEffect, useState } from 'react';
import type { UnitSummary } from '../../../../../shared/contract/types';
import { api } from '../../../api';
import { onReset } from '../../../stores/reset';

type SubtreeUnit = UnitSummary & { depth: number };

// A unit's subtree does not change within a KATO edition: one answer per unit for the session.
const cache = new Map<string, Promise<SubtreeUnit[]>>();

function fetchSubtree(kato: string): Promise<SubtreeUnit[]> {
  let pending = cache.get(kato);
  if (!pending) {
    pending = api.units.subtree({ kato }).catch(() => {
      cache.delete(kato);
      return [];
    });
    cache.set(kato, pending);
  }
  return pending;
}

/** A unit with everything under it (venues: its localities); empty until it arrives. */
export function useSubtree(kato: string): SubtreeUnit[] {
  const [units, setUnits] = useState<SubtreeUnit[]>([]);
  useEffect(() => {
    setUnits([]);
    if (!kato) return;
    let current = true;
    void fetchSubtree(kato).then((u) => current && setUnits(u));
    return () => {
      current = false;
    };
  }, [kato]);
  return units;
}

onReset(() => {
  cache.clear();
});
