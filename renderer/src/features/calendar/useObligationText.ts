import { useCallback } from 'react';
import type { AssessedObligation } from '../../../../shared/domain/rules';
import { formatOfficialDate } from '../../format/dates';
import { useT } from '../../i18n';

/**
 * The tooltip of an obligation cell: status, held date, the legal window and the covered
 * period in the official long date style, the rule group and, where the group must report
 * upwards (Decree 615 point 3), the due date or the rule.
 */
export function useObligationTooltip(): (o: AssessedObligation) => string {
  const { t, lng } = useT();
  return useCallback(
    (o: AssessedObligation) => {
      const official = (iso: string) => formatOfficialDate(iso, lng);
      const range = (from: string, to: string) => t('Dates.range', { from: official(from), to: official(to) });
      const ruleKey = `Rules.${o.ruleSetId}.${o.group}`;
      const lines = [t(`Status.${o.status}`)];
      if (o.meeting) lines.push(t('Grid.tooltip.held', { date: official(o.meeting.heldOn) }));
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
    [t, lng],
  );
}
