import { memo, useMemo } from 'react';
import type { GridCell, GridRow, UnitSummary } from '../../../../shared/contract/types';
import { toYmd, type IsoDate } from '../../../../shared/domain/dates';
import type { UiLanguage } from '../../../../shared/i18n';
import { PlannedIcon, StatusIcon } from '../../components/StatusIcon';
import { formatDayMonth, formatOfficialDate, formatUiDate, monthName } from '../../format/dates';
import { unitName } from '../../format/units';
import { useT } from '../../i18n';
import { layoutRow } from './grid-layout';
import { usePlannedText } from './usePlannedText';
import { useObligationTooltip } from './useObligationText';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const QUARTERS = [1, 2, 3, 4];
const MAX_INDENT = 5;

export type PickCell = (unit: UnitSummary, cell: GridCell) => void;

const SHOW_ALL = () => true;

/**
 * Units × months for one year. A plain table (it prints and reads well with a screen reader);
 * rows are memoised so that reopening a side panel or a language-independent re-render
 * does not rebuild hundreds of rows.
 */
export function ObligationsGrid({
  rows,
  year,
  today,
  onPick,
  isShown = SHOW_ALL,
}: {
  rows: readonly GridRow[];
  year: number;
  today: IsoDate;
  onPick: PickCell;
  /** Cells the status filter hides are dimmed, so every row keeps its shape. */
  isShown?: (cell: GridCell) => boolean;
}) {
  const { t, lng } = useT();
  const months = useMemo(() => MONTHS.map((m) => monthName(m, lng)), [lng]);
  return (
    <div className="grid-scroll" role="region" aria-label={t('Grid.caption', { year })} tabIndex={0}>
      <table className="grid" data-testid="obligations-grid">
        <caption className="visually-hidden">{t('Grid.caption', { year })}</caption>
        <colgroup>
          <col className="grid-col-unit" />
          {MONTHS.map((m) => (
            <col key={m} className="grid-col-month" />
          ))}
        </colgroup>
        <thead>
          <tr className="grid-head-quarters">
            <th scope="col" rowSpan={2} className="grid-corner">
              {t('Grid.column.unit')}
            </th>
            {QUARTERS.map((q) => (
              <th key={q} scope="colgroup" colSpan={3} className="grid-quarter">
                {t(`Grid.quarter.${q}`)}
              </th>
            ))}
          </tr>
          <tr className="grid-head-months">
            {months.map((name, i) => (
              <th key={name} scope="col" className={i % 3 === 0 ? 'grid-month quarter-start' : 'grid-month'}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <GridRowView key={row.unit.kato} row={row} year={year} today={today} lng={lng} onPick={onPick} isShown={isShown} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

const GridRowView = memo(function GridRowView({
  row,
  year,
  today,
  lng,
  onPick,
  isShown,
}: {
  row: GridRow;
  year: number;
  today: IsoDate;
  lng: UiLanguage;
  onPick: PickCell;
  isShown: (cell: GridCell) => boolean;
}) {
  const { t } = useT();
  const tooltip = useObligationTooltip(today);
  const planned = usePlannedText(today);
  const { unit } = row;
  const name = unitName(unit, lng);
  const segments = useMemo(() => layoutRow(row.obligations, year), [row.obligations, year]);
  return (
    <tr data-testid={`row-${unit.kato}`} className={row.depth === 0 ? 'grid-row grid-row--root' : 'grid-row'}>
      <th scope="row" className={`grid-unit indent-${Math.min(row.depth, MAX_INDENT)}`}>
        <span className="grid-unit-name">{name}</span>
        <span className="grid-unit-kind">{t(`Kind.${unit.kind}`)}</span>
      </th>
      {segments.map((s) => {
        if (s.kind === 'gap') {
          return (
            <td
              key={`gap-${s.fromMonth}`}
              colSpan={s.span}
              className={(s.fromMonth - 1) % 3 === 0 ? 'grid-gap quarter-start' : 'grid-gap'}
            />
          );
        }
        const cell = s.obligation;
        const isPlanned = cell.planned !== null && cell.meeting === null;
        const classes = [
          'grid-cell',
          isPlanned ? 'status-planned' : `status-${cell.status}`,
          (s.fromMonth - 1) % 3 === 0 ? 'quarter-start' : '',
          isShown(cell) ? '' : 'is-dimmed',
        ];
        return (
          <td
            key={cell.windowKey}
            colSpan={s.span}
            className={classes.filter(Boolean).join(' ')}
            data-testid={`cell-${unit.kato}-${cell.windowKey}`}
            data-status={cell.status}
            data-planned={isPlanned ? cell.planned?.plannedOn : undefined}
            title={tooltip(cell)}
          >
            <button
              type="button"
              className="cell-button"
              aria-label={t('Grid.cellLabel', {
                unit: name,
                range: t('Dates.range', {
                  from: formatOfficialDate(cell.windowStart, lng),
                  to: formatOfficialDate(cell.windowEnd, lng),
                }),
                status: isPlanned ? planned.status(cell) : t(`Status.${cell.status}`),
              })}
              onClick={() => onPick(unit, cell)}
            >
              {isPlanned ? (
                <PlannedContent cell={cell} year={year} lng={lng} wide={s.span > 1} daysLeft={planned.daysLeft(cell)} />
              ) : (
                <CellContent cell={cell} year={year} lng={lng} wide={s.span > 1} />
              )}
            </button>
          </td>
        );
      })}
    </tr>
  );
});

function shortDate(iso: IsoDate, year: number, lng: UiLanguage): string {
  return toYmd(iso).year === year ? formatDayMonth(iso, lng) : formatUiDate(iso, lng);
}

/**
 * A window of one month is narrow (80 px): no status name fits it whole in either language
 * ("Мерзімінде", "опозданием"), so it shows the status's icon and the held date, as a planned
 * one-month cell shows no label either; its name is in the button's label and the tooltip, and
 * the legend below names each icon with the same word. Wider windows write the name out.
 */
function CellContent({ cell, year, lng, wide }: { cell: GridCell; year: number; lng: UiLanguage; wide: boolean }) {
  const { t } = useT();
  const heldOn = cell.meeting?.heldOn ?? null;
  const date = heldOn && <span className="cell-date">{shortDate(heldOn, year, lng)}</span>;
  return (
    <span className={wide ? 'cell-line' : 'cell-flow'}>
      <StatusIcon status={cell.status} />
      {wide && <span className="cell-label">{t(`Status.${cell.status}`)}</span>}
      {date}
    </span>
  );
}

/** A planned meeting: its date first, then what is left of the window (or that it is late). */
function PlannedContent({
  cell,
  year,
  lng,
  wide,
  daysLeft,
}: {
  cell: GridCell;
  year: number;
  lng: UiLanguage;
  wide: boolean;
  daysLeft: string;
}) {
  const { t } = useT();
  const plannedOn = cell.planned?.plannedOn;
  return (
    <span className="cell-flow">
      <PlannedIcon />
      {wide && <span className="cell-label">{t('Status.planned')} </span>}
      {plannedOn && <span className="cell-date">{shortDate(plannedOn, year, lng)}</span>}
      <span className="cell-days">{daysLeft}</span>
    </span>
  );
}
