import { useId } from 'react';
import type { PeriodReport } from '../../../../shared/contract/reports.contract';
import type { Figures, MeetingFigures } from '../../../../shared/domain/reports/figures';
import type { ComplianceStatus } from '../../../../shared/domain/rules';
import { STATUSES } from '../../components/StatusIcon';
import { formatCount } from '../../format/numbers';
import { unitName } from '../../format/units';
import { useT } from '../../i18n';
import { ChartLegend } from './ChartLegend';

const FIELD: Record<ComplianceStatus, keyof MeetingFigures> = {
  held_on_time: 'heldOnTime',
  held_late: 'heldLate',
  missed: 'missed',
  open: 'open',
  upcoming: 'upcoming',
};

/** Below this share of the widest bar a segment is too narrow for its number (the description has it). */
const MIN_LABELLED = 6;

interface Row {
  kato: string;
  label: string;
  meetings: MeetingFigures;
}

/**
 * The report's unit (its own windows) and each unit directly under it (with everything under
 * that): a district's okrugs, an oblast's districts. Twenty bars stay readable; three hundred would not.
 */
function chartRows(report: PeriodReport, subtrees: ReadonlyMap<string, Figures>, ownLabel: (unit: string) => string, name: (u: PeriodReport['unit']) => string): Row[] {
  const root = report.unit;
  const children = report.units.filter((u) => u.parent === root.kato && u.kato !== root.kato);
  const own = report.units.find((u) => u.kato === root.kato);
  const rows: Row[] = [];
  if (own && (children.length === 0 || own.meetings.required > 0)) rows.push({ kato: root.kato, label: children.length === 0 ? name(own) : ownLabel(name(own)), meetings: own.meetings });
  for (const c of children) rows.push({ kato: c.kato, label: name(c), meetings: subtrees.get(c.kato)!.meetings });
  return rows;
}

/** Obligations by unit as stacked bars in the grid's colours, drawn here (no chart library), with a text description. */
export function ComplianceChart({ report, subtrees }: { report: PeriodReport; subtrees: ReadonlyMap<string, Figures> }) {
  const { t, lng } = useT();
  const titleId = useId();
  const descId = useId();
  const n = (value: number) => formatCount(value, lng);
  const rows = chartRows(report, subtrees, (unit) => t('Reports.charts.compliance.own', { unit }), (u) => unitName(u, lng));
  const widest = Math.max(1, ...rows.map((r) => r.meetings.required));
  const description = rows
    .map((r) =>
      t('Reports.charts.compliance.row', {
        unit: r.label,
        parts: STATUSES.map((s) => t('Reports.charts.part', { label: t(`Status.${s}`), value: n(r.meetings[FIELD[s]]) })).join('; '),
      }),
    )
    .join('. ');
  const empty = rows.every((r) => r.meetings.required === 0);

  return (
    <figure className="report-chart" data-testid="chart-compliance">
      <figcaption id={titleId} className="report-chart-title">
        {t('Reports.charts.compliance.title')}
      </figcaption>
      {empty ? (
        <p className="muted">{t('Reports.charts.compliance.empty')}</p>
      ) : (
        <>
          <div className="hbars" role="img" aria-labelledby={titleId} aria-describedby={descId}>
            {rows.map((r) => {
              let x = 0;
              return (
                <div key={r.kato} className="hbar-row" data-testid={`chart-compliance-${r.kato}`}>
                  <span className="hbar-label">{r.label}</span>
                  <svg className="hbar" width="100%" height="20" aria-hidden="true" focusable="false">
                    {STATUSES.map((s) => {
                      const count = r.meetings[FIELD[s]];
                      const width = (count / widest) * 100;
                      const at = x;
                      x += width;
                      return count === 0 ? null : (
                        <g key={s} className={`status-${s}`} data-count={count}>
                          <rect className="chart-bar" x={`${at}%`} width={`${width}%`} y="0" height="20" />
                          {width >= MIN_LABELLED && (
                            <text className="hbar-count" x={`${at + width / 2}%`} y="14" textAnchor="middle">
                              {n(count)}
                            </text>
                          )}
                        </g>
                      );
                    })}
                  </svg>
                  <span className="hbar-total">{n(r.meetings.required)}</span>
                </div>
              );
            })}
          </div>
          <p id={descId} className="visually-hidden">
            {description}
          </p>
          <ChartLegend items={STATUSES.map((s) => ({ key: s, label: t(`Status.${s}`), className: `status-${s}` }))} />
        </>
      )}
    </figure>
  );
}
