import type { Dashboard } from '../../../../shared/contract/calendar.contract';
import { useT } from '../../i18n';
import { DASHBOARD_STATUSES } from './CountCards';

const SIZE = 180;
const RADIUS = 70;
const STROKE = 28;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/**
 * The year's obligations by status as a donut (drawn here: no chart library), the total in the
 * middle. The segments follow the cards' order and colours; the description reads the numbers.
 */
export function StatusChart({ counts }: { counts: Dashboard['counts'] }) {
  const { t } = useT();
  const total = DASHBOARD_STATUSES.reduce((sum, s) => sum + counts[s], 0);
  const description = DASHBOARD_STATUSES.map((s) => t('Dashboard.chart.part', { label: t(`Status.${s}`), value: counts[s] })).join('; ');
  let offset = 0;
  return (
    <figure className="chart" data-testid="dashboard-chart">
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} width={SIZE} height={SIZE} role="img" aria-labelledby="chart-title chart-desc">
        <title id="chart-title">{t('Dashboard.chart.title', { count: total })}</title>
        <desc id="chart-desc">{description}</desc>
        <circle cx={SIZE / 2} cy={SIZE / 2} r={RADIUS} fill="none" stroke="var(--surface-sunk)" strokeWidth={STROKE} />
        {total > 0 &&
          DASHBOARD_STATUSES.map((s) => {
            const length = (counts[s] / total) * CIRCUMFERENCE;
            const segment = (
              <circle
                key={s}
                className={`chart-segment status-${s}`}
                data-testid={`chart-segment-${s}`}
                data-count={counts[s]}
                cx={SIZE / 2}
                cy={SIZE / 2}
                r={RADIUS}
                fill="none"
                strokeWidth={STROKE}
                strokeDasharray={`${length} ${CIRCUMFERENCE - length}`}
                strokeDashoffset={-offset}
                transform={`rotate(-90 ${SIZE / 2} ${SIZE / 2})`}
              />
            );
            offset += length;
            return counts[s] > 0 ? segment : null;
          })}
        <text x="50%" y="47%" textAnchor="middle" className="chart-total">
          {total}
        </text>
        <text x="50%" y="62%" textAnchor="middle" className="chart-total-label">
          {t('Dashboard.chart.total')}
        </text>
      </svg>
    </figure>
  );
}
