import type { Issue } from '../../../../../shared/contract/issues.contract';
import { formatUiDate } from '../../../format/dates';
import { useT } from '../../../i18n';
import type { IssueNames } from '../../../hooks/useIssueNames';

/** The status history (oldest first: the first entry is the registration) and the prolongations. */
export function IssueHistory({ issue, names }: { issue: Issue; names: IssueNames }) {
  const { t, lng } = useT();
  return (
    <>
      <section className="issue-history" aria-labelledby="issue-history-title">
        <h3 id="issue-history-title" className="subsection-title">
          {t('Issues.history.title')}
        </h3>
        <table className="table table--compact" data-testid="issue-history">
          <thead>
            <tr>
              <th scope="col">{t('Issues.history.date')}</th>
              <th scope="col">{t('Issues.history.status')}</th>
              <th scope="col">{t('Issues.history.who')}</th>
              <th scope="col">{t('Issues.history.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {issue.history.map((h) => (
              <tr key={h.id} data-testid="issue-history-row">
                <td className="nowrap">{formatUiDate(h.onDate, lng)}</td>
                <td>
                  {names.status(h.statusId)}
                  {h.outcome && <span className="table-sub muted">{t(`Issues.outcome.${h.outcome}`)}</span>}
                </td>
                <td>{h.actor}</td>
                <td>
                  {h.comment && <span className="pre-wrap">{h.comment}</span>}
                  {h.documentRef && <span className="table-sub muted">{t('Issues.history.document', { ref: h.documentRef })}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {issue.prolongationList.length > 0 && (
        <section className="issue-history" aria-labelledby="issue-prolongations-title">
          <h3 id="issue-prolongations-title" className="subsection-title">
            {t('Issues.prolonged', { count: issue.prolongations })}
          </h3>
          <ol className="plain-list issue-prolongations" data-testid="issue-prolongations">
            {issue.prolongationList.map((p) => (
              <li key={p.id}>
                {t('Issues.prolong.line', {
                  from: p.previousDeadline ? formatUiDate(p.previousDeadline, lng) : '—',
                  to: formatUiDate(p.newDeadline, lng),
                  reason: p.reason,
                  who: p.actor,
                })}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
