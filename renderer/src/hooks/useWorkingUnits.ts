import { useEffect, useMemo } from 'react';
import type { UnitSummary } from '../../../shared/contract/types';
import { toYmd } from '../../../shared/domain/dates';
import { useAppStore } from '../stores/app.store';
import { useGridStore } from '../stores/grid.store';

export interface WorkingUnit {
  unit: UnitSummary;
  depth: number;
}

/**
 * The working set's reporting units (the grid's rows, in tree order). Loads this year's grid
 * when a panel opens before the calendar ever did (from the meetings screen or a reminder).
 */
export function useWorkingUnits(): WorkingUnit[] {
  const today = useAppStore((s) => s.info?.today ?? null);
  const year = useGridStore((s) => s.year);
  const grid = useGridStore((s) => s.grid);
  const open = useGridStore((s) => s.open);
  useEffect(() => {
    if (year === null && today !== null) void open(toYmd(today).year);
  }, [year, today, open]);
  return useMemo(() => (grid?.rows ?? []).map((r) => ({ unit: r.unit, depth: r.depth })), [grid]);
}
