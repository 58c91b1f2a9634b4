import { useT } from '../i18n';

/**
 * An issue's status by name (stored data), its type by colour and shape, and "overdue" as a
 * word of its own: overdue is derived, never a status, and never shown by colour alone.
 */
export function IssueStatusBadge({ name, closed, overdue, testId }: { name: string; closed: boolean; overdue: boolean; testId?: string }) {
  const { t } = useT();
  return (
    <span className="istatus-line" data-testid={testId}>
      <span className={`istatus ${closed ? 'istatus--closed' : 'istatus--open'}`} title={name}>
        <span className="istatus-dot" aria-hidden="true" />
        <span className="istatus-name">{name}</span>
      </span>
      {overdue && <span className="istatus-overdue">{t('Issues.overdue')}</span>}
    </span>
  );
}
