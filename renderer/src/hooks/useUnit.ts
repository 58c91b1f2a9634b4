import { useEffect } from 'react';
import type { UnitSummary } from '../../../shared/contract/types';
import { useUnitsStore } from '../stores/units.store';

/** One unit by code (a search result's parent, a meeting's venue); null until it arrives. */
export function useUnit(kato: string | null): UnitSummary | null {
  const unit = useUnitsStore((s) => (kato === null ? null : (s.byKato[kato] ?? null)));
  const ensure = useUnitsStore((s) => s.ensureUnit);
  useEffect(() => {
    if (kato !== null) void ensure(kato);
  }, [kato, ensure]);
  return unit;
}
