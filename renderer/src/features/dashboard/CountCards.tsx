import type { Dashboard } from '../../../../shared/contract/calendar.contract';
import { AnyStatusIcon } from '../../components/StatusIcon';
import { useT } from '../../i18n';
import type { FilterStatus } from '../../stores/calendar.store';

/** The dashboard's statuses, in the order a secretary acts on them: what needs doing first. */
export const DASHBOARD_STATUSES: readonly FilterStatus[] = ['open', 'upcoming', 'planned', 'held_on_time', 'held_late', 'missed'];

/** One card per status: the count, the status and what it means here (each obligation counts once). */
export function CountCards({ counts }: { counts: Dashboard['counts'] }) {
  const { t } = useT();
  return (
    <ul className="count-cards">
      {DASHBOARD_STATUSES.map((s) => (
        <li key={s} className={`count-card status-${s}`} data-testid={`dashboard-count-${s}`}>
          <span className="count-card-value">{counts[s]}</span>
          <span className="count-card-label">
            <AnyStatusIcon status={s} />
            {t(`Status.${s}`)}
          </span>
          <span className="count-card-help">{t(`Dashboard.help.${s}`)}</span>
        </li>
      ))}
    </ul>
  );
}
