import { useCallback } from 'react';
import type { GridCell } from '../../../../shared/contract/types';
import type { IsoDate } from '../../../../shared/domain/dates';
import { formatOfficialDate } from '../../format/dates';
import { useT } from '../../i18n';
import { usePlannedText } from './usePlannedText';

/**
 * The tooltip of an obligation cell: status, held or planned date, the legal window and the
 * covered period in the official long date style, the rule group and, where the group must
 * report upwards (Decree 615 point 3), the due date or the rule.
 */
export function useObligationTooltip(today: IsoDate): (o: GridCell) => string {
  const { t, lng } = useT();
  const planned = usePlannedText(today);
  return useCallback(
    (o: GridCell) => {
      const official = (iso: string) => formatOfficialDate(iso, lng);
      const range = (from: string, to: string) => t('Dates.range', { from: official(from), to: official(to) });
      const ruleKey = `Rules.${o.ruleSetId}.${o.group}`;
      const lines = [t(`Status.${o.status}`)];
      if (o.meeting) lines.push(t('Grid.tooltip.held', { date: official(o.meeting.heldOn) }));
      else if (o.planned) lines.push(planned.status(o));
      lines.push(t('Grid.tooltip.window', { range: range(o.windowStart, o.windowEnd) }));
      lines.push(t('Grid.tooltip.covers', { range: range(o.coversStart, o.coversEnd) }));
      lines.push(
        t(ruleKey, { defaultValue: '' })
          ? t('Grid.tooltip.group', { group: o.group, rule: t(ruleKey) })
          : t('Grid.tooltip.groupOnly', { group: o.group }),
      );
      if (o.reportDue) lines.push(t('Grid.tooltip.reportDue', { date: official(o.reportDue) }));
      else if (o.reportDueMonths !== null) lines.push(t('Grid.tooltip.reportDueRule', { count: o.reportDueMonths }));
      return lines.join('\n');
    },
    [t, lng, planned],
  );
}
