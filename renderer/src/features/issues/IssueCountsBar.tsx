import { useT } from '../../i18n';
import { useIssuesStore } from '../../stores/issues.store';
import type { IssueNames } from '../../hooks/useIssueNames';

/**
 * How many issues each status has under the current filter (its status part aside), plus the
 * overdue and those on control. Each count is also a toggle that filters by it.
 */
export function IssueCountsBar({ names }: { names: IssueNames }) {
  const { t } = useT();
  const counts = useIssuesStore((s) => s.counts);
  const filter = useIssuesStore((s) => s.filter);
  const setFilter = useIssuesStore((s) => s.setFilter);
  const byStatus = counts?.byStatus ?? {};
  // Archived statuses stay listed while issues still carry them.
  const shown = names.statuses.filter((s) => !s.archived || (byStatus[s.id] ?? 0) > 0);
  const onlyStatus = filter.statusIds?.length === 1 ? filter.statusIds[0] : undefined;

  return (
    <section className="issue-counts" aria-label={t('Issues.counts.label')} data-testid="issues-counts">
      <ul className="issue-counts-list">
        <li>
          <span className="issue-count issue-count--total" data-testid="issues-count-total">
            <span className="issue-count-value">{counts?.total ?? '…'}</span>
            <span className="issue-count-label">{t('Issues.counts.total')}</span>
          </span>
        </li>
        {shown.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              className={`issue-count ${s.closed ? 'istatus--closed' : 'istatus--open'}`}
              aria-pressed={onlyStatus === s.id}
              data-testid={`issues-count-${s.id}`}
              onClick={() => setFilter({ statusIds: onlyStatus === s.id ? undefined : [s.id], open: undefined })}
            >
              <span className="issue-count-value">{counts ? (byStatus[s.id] ?? 0) : '…'}</span>
              <span className="issue-count-label">{names.status(s.id)}</span>
            </button>
          </li>
        ))}
        <li>
          <button
            type="button"
            className="issue-count istatus--overdue"
            aria-pressed={filter.overdue === true}
            data-testid="issues-count-overdue"
            onClick={() => setFilter({ overdue: filter.overdue ? undefined : true })}
          >
            <span className="issue-count-value">{counts?.overdue ?? '…'}</span>
            <span className="issue-count-label">{t('Issues.overdue')}</span>
          </button>
        </li>
        <li>
          <button
            type="button"
            className="issue-count istatus--control"
            aria-pressed={filter.onControl === true}
            data-testid="issues-count-control"
            onClick={() => setFilter({ onControl: filter.onControl ? undefined : true })}
          >
            <span className="issue-count-value">{counts?.onControl ?? '…'}</span>
            <span className="issue-count-label">{t('Issues.onControl')}</span>
          </button>
        </li>
      </ul>
    </section>
  );
}
