import { useId } from 'react';
import { formatCount } from '../../format/numbers';
import { useT } from '../../i18n';
import { DrillNumber } from './DrillNumber';

export interface Bar {
  id: string;
  label: string;
  count: number;
  /** The colour class (an issue status's open/closed colour). */
  className: string;
  onOpen?: (() => void) | undefined;
}

/**
 * Horizontal bars as a list, drawn by hand: the labels wrap (a Kazakh category name is long) and
 * each count opens its issues, so this chart is also where its numbers drill down.
 */
export function BarList({ title, bars, empty, drillTitle, testId, wide = false }: { title: string; bars: readonly Bar[]; empty: string; drillTitle: string; testId: string; wide?: boolean }) {
  const { t, lng } = useT();
  const titleId = useId();
  const descId = useId();
  const widest = Math.max(1, ...bars.map((b) => b.count));
  const description = bars.map((b) => t('Reports.charts.part', { label: b.label, value: formatCount(b.count, lng) })).join('; ');
  return (
    <figure className={wide ? 'report-chart report-chart--wide' : 'report-chart'} data-testid={testId}>
      <figcaption id={titleId} className="report-chart-title">
        {title}
      </figcaption>
      {bars.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <>
          <ul className="hbars" aria-labelledby={titleId} aria-describedby={descId}>
            {bars.map((b) => (
              <li key={b.id} className={`hbar-row ${b.className}`} data-testid={`${testId}-${b.id}`}>
                <span className="hbar-label">{b.label}</span>
                <svg className="hbar" width="100%" height="16" aria-hidden="true" focusable="false">
                  <rect className="chart-bar" x="0" y="0" height="16" width={`${(b.count / widest) * 100}%`} />
                </svg>
                <span className="hbar-total">
                  <DrillNumber text={formatCount(b.count, lng)} title={drillTitle} testId={`${testId}-${b.id}-count`} onOpen={b.count > 0 ? b.onOpen : undefined} />
                </span>
              </li>
            ))}
          </ul>
          <p id={descId} className="visually-hidden">
            {description}
          </p>
        </>
      )}
    </figure>
  );
}
