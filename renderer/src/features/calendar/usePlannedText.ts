import { useMemo } from 'react';
import type { GridCell } from '../../../../shared/contract/types';
import type { IsoDate } from '../../../../shared/domain/dates';
import { daysBetween } from '../../format/day-math';
import { formatOfficialDate } from '../../format/dates';
import { useT } from '../../i18n';

/**
 * How a planned cell reads: the days left until its window closes while it is open or still
 * to come, or that the meeting is planned after the window (it will count, but late).
 */
export function usePlannedText(today: IsoDate): { daysLeft(cell: GridCell): string; status(cell: GridCell): string } {
  const { t, lng } = useT();
  return useMemo(() => {
    const daysLeft = (cell: GridCell): string => {
      if (cell.status === 'missed') return t('Calendar.planned.late');
      const left = daysBetween(today, cell.windowEnd);
      return left === 0 ? t('Calendar.planned.lastDay') : t('Calendar.planned.daysLeft', { count: left });
    };
    return {
      daysLeft,
      status: (cell: GridCell) =>
        cell.planned ? t('Calendar.planned.status', { date: formatOfficialDate(cell.planned.plannedOn, lng), left: daysLeft(cell) }) : '',
    };
  }, [t, lng, today]);
}
