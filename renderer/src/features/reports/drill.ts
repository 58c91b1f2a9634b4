import type { IssueFilter } from '../../../../shared/contract/issues.contract';
import type { ReportPeriod } from '../../../../shared/domain/reports/period';
import type { MeetingListView } from '../../stores/meeting-list.store';

/** The part of the issue log's filter a number stands for, besides its unit and period. */
export type IssuePart = Pick<IssueFilter, 'statusIds' | 'open' | 'overdue' | 'onControl' | 'categoryId' | 'kind'>;

/**
 * The log's filter behind a report's issue count: the unit's subtree and the issues raised in the
 * period (what reports:get counts), plus the number's own part, so the log's total is the number.
 */
export function issueFilter(unitKato: string, period: ReportPeriod, part: IssuePart = {}): IssueFilter {
  return { unitKato, from: period.start, to: period.end, ...part };
}

/** The meetings behind "meetings held": the unit's reporting meetings held in the period. */
export function heldMeetingsView(unitKato: string, period: ReportPeriod): MeetingListView {
  return { unitKato, from: period.start, to: period.end, statuses: ['held', 'closed'], kinds: ['reporting'] };
}
