import { useEffect, useState } from 'react';
import type { UnitSummary } from '../../../../shared/contract/types';
import { api } from '../../api';
import { onReset } from '../../stores/reset';

// A unit never changes within a KATO edition, so one answer per code is enough for the session.
const cache = new Map<string, Promise<UnitSummary | null>>();

function fetchUnit(kato: string): Promise<UnitSummary | null> {
  let pending = cache.get(kato);
  if (!pending) {
    pending = api.units.get({ kato }).catch(() => {
      cache.delete(kato);
      return null;
    });
    cache.set(kato, pending);
  }
  return pending;
}

/** One unit by code (used for the parent of the highlighted or chosen search result only). */
export function useUnit(kato: string | null): UnitSummary | null {
  const [unit, setUnit] = useState<UnitSummary | null>(null);
  useEffect(() => {
    setUnit(null);
    if (kato === null) return;
    let current = true;
    void fetchUnit(kato).then((u) => {
      if (current) setUnit(u);
    });
    return () => {
      current = false;
    };
  }, [kato]);
  return unit;
}

onReset(() => {
  cache.clear();
});
