import { useId } from 'react';
import { formatCount } from '../../format/numbers';
import { useT } from '../../i18n';
import { ChartLegend } from './ChartLegend';

export interface ColumnGroup {
  key: string;
  /** Two short lines under the group: the quarter and its year. */
  label: [string, string];
  values: number[];
}

// About the size it is drawn at in a third of a 1366 px screen, so its text keeps its size.
const W = 330;
const H = 190;
const PAD = { right: 4, top: 16, bottom: 36 };
const PLOT_H = H - PAD.top - PAD.bottom;
/** About how wide a digit (or a thousands space) of the 10.5 px labels is. */
const CHAR_W = 6.2;

/** 1, 2, 5 × 10ⁿ at or above the largest value, so the axis reads in round numbers. */
export function niceCeiling(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((m) => m * power >= value) ?? 10) * power;
}

/**
 * Columns side by side per group (a quarter: required and held, raised and closed), drawn by hand
 * in SVG like the dashboard's donut; the title and a text description are what a screen reader reads.
 */
export function ColumnChart({
  title,
  description,
  series,
  groups,
  testId,
}: {
  title: string;
  description: string;
  series: ReadonlyArray<{ key: string; label: string; className: string }>;
  groups: readonly ColumnGroup[];
  testId: string;
}) {
  const { lng } = useT();
  const titleId = useId();
  const descId = useId();
  const top = niceCeiling(Math.max(0, ...groups.flatMap((g) => g.values)));
  const y = (v: number) => PAD.top + PLOT_H - (v / top) * PLOT_H;
  // The axis makes room for its widest number ("5 000" at oblast scale).
  const left = 8 + CHAR_W * formatCount(top, lng).length;
  const groupW = (W - left - PAD.right) / Math.max(1, groups.length);
  const barW = Math.min(16, (groupW * 0.78) / series.length);
  // A number over each column only while it fits over it; otherwise the axis, the hover title and the description tell it.
  const widestValue = Math.max(...groups.flatMap((g) => g.values.map((v) => formatCount(v, lng).length)));
  const valuesFit = widestValue * CHAR_W + 3 <= groupW / series.length;
  return (
    <figure className="report-chart" data-testid={testId}>
      <figcaption className="report-chart-title" aria-hidden="true">
        {title}
      </figcaption>
      <svg className="columns" viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby={`${titleId} ${descId}`}>
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        {(Number.isInteger(top / 2) ? [0, top / 2, top] : [0, top]).map((tick) => (
          <g key={tick} className="axis">
            <line x1={left} x2={W - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text x={left - 6} y={y(tick) + 4} textAnchor="end">
              {formatCount(tick, lng)}
            </text>
          </g>
        ))}
        {groups.map((g, i) => {
          const x0 = left + i * groupW + (groupW - barW * series.length - 2 * (series.length - 1)) / 2;
          return (
            <g key={g.key} data-testid={`${testId}-${g.key}`}>
              {g.values.map((v, s) => (
                <g key={series[s]!.key} className={series[s]!.className}>
                  <rect className="chart-bar" x={x0 + s * (barW + 2)} width={barW} y={y(v)} height={PLOT_H + PAD.top - y(v)}>
                    <title>{`${g.label.join(' ')}: ${series[s]!.label} ${formatCount(v, lng)}`}</title>
                  </rect>
                  {valuesFit && v > 0 && (
                    <text className="column-value" x={x0 + s * (barW + 2) + barW / 2} y={y(v) - 3} textAnchor="middle">
                      {formatCount(v, lng)}
                    </text>
                  )}
                </g>
              ))}
              <text className="column-label" x={left + i * groupW + groupW / 2} y={H - PAD.bottom + 15} textAnchor="middle">
                {g.label[0]}
              </text>
              <text className="column-sublabel" x={left + i * groupW + groupW / 2} y={H - PAD.bottom + 28} textAnchor="middle">
                {g.label[1]}
              </text>
            </g>
          );
        })}
      </svg>
      <ChartLegend items={series} />
    </figure>
  );
}
