import { useMemo } from 'react';
import type { ReportPeriod } from '../../../../shared/domain/reports/period';
import { useIssuesStore } from '../../stores/issues.store';
import { useMeetingListStore } from '../../stores/meeting-list.store';
import { usePanelStore } from '../../stores/panel.store';
import { heldMeetingsView, issueFilter, type IssuePart } from './drill';

/** Where a report's numbers lead: the issue log or the meetings screen on exactly those records, or a meeting's card. */
export interface Drill {
  issues(unitKato: string, part?: IssuePart): void;
  heldMeetings(unitKato: string): void;
  meeting(meetingId: string): void;
}

/** Drill-downs over the period of the report on screen (not of one still loading). */
export function useDrill(period: ReportPeriod): Drill {
  const openLog = useIssuesStore((s) => s.openLog);
  const show = useMeetingListStore((s) => s.show);
  const open = usePanelStore((s) => s.open);
  return useMemo(
    () => ({
      issues: (unitKato, part) => openLog(issueFilter(unitKato, period, part)),
      heldMeetings: (unitKato) => show(heldMeetingsView(unitKato, period)),
      meeting: (meetingId) => open({ kind: 'card', meetingId }),
    }),
    [openLog, show, open, period],
  );
}
