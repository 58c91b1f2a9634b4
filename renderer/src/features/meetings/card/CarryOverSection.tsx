import { useId } from 'react';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useT } from '../../../i18n';
import { IssueStatusBadge } from '../../../components/IssueStatusBadge';
import { useIssueNames } from '../../../hooks/useIssueNames';
import { useCarryOver } from '../../../hooks/useCarryOver';

/**
 * On the card of a meeting still to come: the open issues its unit raised at earlier meetings,
 * which the agenda should report on ("report on the issues raised last time"); the minutes
 * of the meeting offer the agenda item with this list.
 */
export function CarryOverSection({ meetingId }: { meetingId: string }) {
  const { t } = useT();
  const titleId = useId();
  const names = useIssueNames();
  const { issues, error } = useCarryOver(meetingId);

  return (
    <section className="card-section carry-over" aria-labelledby={titleId} data-testid="carry-over">
      <h3 id={titleId} className="form-section-title">
        {t('ActionPlan.carryOver.title')}
      </h3>
      <ErrorMessage error={error} />
      {issues === null && !error && <p className="muted">{t('ActionPlan.loading')}</p>}
      {issues !== null && issues.length === 0 && <p className="muted">{t('ActionPlan.carryOver.none')}</p>}
      {issues !== null && issues.length > 0 && (
        <>
          <p className="hint">{t('ActionPlan.carryOver.hint', { count: issues.length })}</p>
          <ul className="carry-over-list">
            {issues.map((issue) => (
              <li key={issue.id} data-testid={`carry-over-${issue.registryNo}`}>
                <span className="muted">{t('PlanDoc.registryNo', { number: issue.registryNo })}</span> {issue.text}{' '}
                <IssueStatusBadge name={names.status(issue.statusId)} closed={issue.closed} overdue={issue.overdue} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
