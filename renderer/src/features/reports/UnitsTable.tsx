import { useMemo, useState, type ReactNode } from 'react';
import type { PeriodReport } from '../../../../shared/contract/reports.contract';
import type { Figures } from '../../../../shared/domain/reports/figures';
import type { ComplianceStatus } from '../../../../shared/domain/rules';
import { formatCount, formatShare } from '../../format/numbers';
import { unitName } from '../../format/units';
import { useT } from '../../i18n';
import { DrillNumber } from './DrillNumber';
import type { Drill } from './useDrill';
import { COLUMNS, COLUMN_VALUE, tableLines, type Column, type TableLine, type TableSort } from './units-table';

const GROUPS: ReadonlyArray<{ key: 'obligations' | 'meetings' | 'issues'; columns: readonly Column[] }> = [
  { key: 'obligations', columns: ['required', 'heldOnTime', 'heldLate', 'missed', 'open', 'upcoming'] },
  { key: 'meetings', columns: ['held', 'people'] },
  { key: 'issues', columns: ['issues', 'closed', 'resolved', 'overdue', 'onControl'] },
];

/** The obligation columns are counts of a status: headed by the status's one name. */
const STATUS_OF: Partial<Record<Column, ComplianceStatus>> = {
  heldOnTime: 'held_on_time',
  heldLate: 'held_late',
  missed: 'missed',
  open: 'open',
  upcoming: 'upcoming',
};

/** The columns whose records the issue log or the meetings screen can list exactly. */
function drillOf(column: Column, drill: Drill, unitKato: string): (() => void) | undefined {
  switch (column) {
    case 'held':
      return () => drill.heldMeetings(unitKato);
    case 'issues':
      return () => drill.issues(unitKato);
    case 'closed':
      return () => drill.issues(unitKato, { open: false });
    case 'overdue':
      return () => drill.issues(unitKato, { overdue: true });
    case 'onControl':
      return () => drill.issues(unitKato, { onControl: true });
    default:
      return undefined;
  }
}

/**
 * One row per reporting unit, indented by depth: a unit with children shows its own figures and
 * is followed, after its last descendant, by its subtotal; the totals row is the report's. Any
 * column sorts the siblings by their subtrees; the unit column goes back to the tree's order.
 */
export function UnitsTable({ report, subtrees, drill }: { report: PeriodReport; subtrees: ReadonlyMap<string, Figures>; drill: Drill }) {
  const { t, lng } = useT();
  const [sort, setSort] = useState<TableSort | null>(null);
  const lines = useMemo(() => tableLines(report, subtrees, sort), [report, subtrees, sort]);
  const drillTitle = (column: Column) => t(column === 'held' ? 'Reports.drill.meetings' : 'Reports.drill.issues');

  const cells = (figures: Figures, unitKato: string | null, testId: string) =>
    COLUMNS.map((c) => {
      const value = COLUMN_VALUE[c](figures);
      const text = c === 'resolved' ? (value === null ? t('Reports.noValue') : formatShare(value, lng)) : formatCount(value ?? 0, lng);
      return (
        <td key={c} className="num">
          <DrillNumber text={text} title={drillTitle(c)} testId={`${testId}-${c}`} onOpen={unitKato === null ? undefined : drillOf(c, drill, unitKato)} />
        </td>
      );
    });

  const sortBy = (column: Column) => setSort(sort?.column === column ? { column, dir: sort.dir === 'desc' ? 'asc' : 'desc' } : { column, dir: 'desc' });
  const ariaSort = (column: Column) => (sort?.column === column ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined);

  return (
    <section className="report-section" aria-labelledby="report-table-title">
      <h3 id="report-table-title" className="section-title">
        {t('Reports.table.title')}
      </h3>
      <div className="report-table-scroll" tabIndex={0} aria-labelledby="report-table-title">
        <table className="table report-table" data-testid="report-table">
          <thead>
            <tr>
              <th scope="col" rowSpan={2} className="report-unit-head" aria-sort={sort === null ? 'ascending' : undefined}>
                <button type="button" className="sort-button" title={t('Reports.table.treeOrder')} data-testid="report-sort-unit" onClick={() => setSort(null)}>
                  {t('Reports.table.unit')}
                </button>
              </th>
              {GROUPS.map((g) => (
                <th key={g.key} scope="colgroup" colSpan={g.columns.length} className="report-group-head">
                  {t(`Reports.table.${g.key}`)}
                </th>
              ))}
            </tr>
            <tr>
              {GROUPS.flatMap((g) =>
                g.columns.map((c) => (
                  <th key={c} scope="col" className="num" aria-sort={ariaSort(c)}>
                    <button type="button" className="sort-button" data-testid={`report-sort-${c}`} onClick={() => sortBy(c)}>
                      {t(STATUS_OF[c] ? `Status.${STATUS_OF[c]}` : `Reports.table.columns.${c}`)}
                      {sort?.column === c && (
                        <span aria-hidden="true" className="sort-mark">
                          {sort.dir === 'asc' ? '↑' : '↓'}
                        </span>
                      )}
                    </button>
                  </th>
                )),
              )}
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <Line key={`${line.kind}-${line.row.kato}`} line={line}>
                {cells(line.figures, line.whole ? line.row.kato : null, `${line.kind === 'subtotal' ? 'subtotal' : 'row'}-${line.row.kato}`)}
              </Line>
            ))}
          </tbody>
          <tfoot>
            <tr className="report-total" data-testid="report-total">
              <th scope="row">{t('Reports.table.total')}</th>
              {cells(report, report.unit.kato, 'total')}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

function Line({ line, children }: { line: TableLine; children: ReactNode }) {
  const { t, lng } = useT();
  const name = unitName(line.row, lng);
  const indent = `indent-${Math.min(line.depth, 5)}`;
  if (line.kind === 'subtotal') {
    return (
      <tr className="report-subtotal" data-testid={`subtotal-${line.row.kato}`}>
        <th scope="row" className={indent}>
          {t('Reports.table.subtotal', { unit: name })}
        </th>
        {children}
      </tr>
    );
  }
  return (
    <tr className={line.hasChildren ? 'report-parent' : undefined} data-testid={`row-${line.row.kato}`}>
      <th scope="row" className={indent}>
        <span className="report-unit-name">{name}</span>
        {line.hasChildren && <span className="muted table-sub">{t('Reports.table.own')}</span>}
      </th>
      {children}
    </tr>
  );
}
