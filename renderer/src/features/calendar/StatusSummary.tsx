import { AnyStatusIcon, STATUSES } from '../../components/StatusIcon';
import { useT } from '../../i18n';
import type { StatusCounts } from './grid-layout';

/** The year's totals per status; each tile is also the legend entry for its colour and icon. */
/** The summary's order: done, not done, then what is still ahead. */
const SUMMARY: ReadonlyArray<keyof StatusCounts> = ['held_on_time', 'held_late', 'missed', 'planned', 'open', 'upcoming'];

export function StatusCounts({ counts, year }: { counts: StatusCounts; year: number }) {
  const { t } = useT();
  return (
    <section className="counts" aria-labelledby="counts-title">
      <h2 id="counts-title" className="section-title">
        {t('Grid.countsTitle', { year })}
      </h2>
      <ul className="counts-list">
        {SUMMARY.map((s) => (
          <li key={s} className={`count status-${s}`} data-testid={`count-${s}`}>
            <span className="count-value">{counts[s]}</span>
            <span className="count-label">
              <AnyStatusIcon status={s} />
              {t(`Status.${s}`)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What a cell looks like for each status, and what the status means. */
export function Legend() {
  const { t } = useT();
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title" className="legend-title">
        {t('Grid.legend.title')}
      </h2>
      <ul className="legend-list">
        {STATUSES.map((s) => (
          <li key={s} className="legend-item">
            <span className={`legend-swatch status-${s}`}>
              <AnyStatusIcon status={s} />
              {t(`Status.${s}`)}
            </span>
            <span className="legend-help">{t(`Status.help.${s}`)}</span>
          </li>
        ))}
        <li className="legend-item">
          <span className="legend-swatch legend-swatch--planned status-planned">
            <AnyStatusIcon status="planned" />
            {t('Status.planned')}
          </span>
          <span className="legend-help">{t('Calendar.planned.help')}</span>
        </li>
      </ul>
    </section>
  );
}
