import { memo, useMemo } from 'react';
import type { GridRow } from '../../../../shared/contract/types';
import { toYmd } from '../../../../shared/domain/dates';
import type { AssessedObligation } from '../../../../shared/domain/rules';
import type { UiLanguage } from '../../../../shared/i18n';
import { StatusIcon } from '../../components/StatusIcon';
import { formatDayMonth, formatOfficialDate, formatUiDate, monthName } from '../../format/dates';
import { unitName } from '../../format/units';
import { useT } from '../../i18n';
import { layoutRow } from './grid-layout';
import { useObligationTooltip } from './useObligationText';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const QUARTERS = [1, 2, 3, 4];
const MAX_INDENT = 5;

/**
 * Units × months for one year. A plain table (it prints and reads well with a screen reader);
 * rows are memoised so that reopening the record panel or a language-independent re-render
 * does not rebuild hundreds of rows.
 */
export function ObligationsGrid({
  rows,
  year,
  onPick,
}: {
  rows: readonly GridRow[];
  year: number;
  onPick: (kato: string) => void;
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
            <GridRowView key={row.unit.kato} row={row} year={year} lng={lng} onPick={onPick} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

const GridRowView = memo(function GridRowView({
  row,
  year,
  lng,
  onPick,
}: {
  row: GridRow;
  year: number;
  lng: UiLanguage;
  onPick: (kato: string) => void;
}) {
  const { t } = useT();
  const tooltip = useObligationTooltip();
  const { unit } = row;
  const name = unitName(unit, lng);
  const segments = useMemo(() => layoutRow(row.obligations, year), [row.obligations, year]);
  return (
    <tr data-testid={`row-${unit.kato}`} className={row.depth === 0 ? 'grid-row grid-row--root' : 'grid-row'}>
      <th scope="row" className={`grid-unit indent-${Math.min(row.depth, MAX_INDENT)}`}>
        <span className="grid-unit-name">{name}</span>
        <span className="grid-unit-kind">{t(`Kind.${unit.kind}`)}</span>
      </th>
      {segments.map((s) =>
        s.kind === 'gap' ? (
          <td
            key={`gap-${s.fromMonth}`}
            colSpan={s.span}
            className={(s.fromMonth - 1) % 3 === 0 ? 'grid-gap quarter-start' : 'grid-gap'}
          />
        ) : (
          <td
            key={s.obligation.windowKey}
            colSpan={s.span}
            className={`grid-cell status-${s.obligation.status}${(s.fromMonth - 1) % 3 === 0 ? ' quarter-start' : ''}`}
            data-testid={`cell-${unit.kato}-${s.obligation.windowKey}`}
            data-status={s.obligation.status}
            title={tooltip(s.obligation)}
          >
            <button
              type="button"
              className="cell-button"
              aria-label={t('Grid.cellLabel', {
                unit: name,
                range: t('Dates.range', {
                  from: formatOfficialDate(s.obligation.windowStart, lng),
                  to: formatOfficialDate(s.obligation.windowEnd, lng),
                }),
                status: t(`Status.${s.obligation.status}`),
              })}
              onClick={() => onPick(unit.kato)}
            >
              <CellContent obligation={s.obligation} year={year} lng={lng} wide={s.span > 1} />
            </button>
          </td>
        ),
      )}
    </tr>
  );
});

/**
 * A window of one month is narrow: the icon flows inline with the short label so a second word
 * wraps under it (no word is ever cut); a held date takes the first line and the label the
 * next. Wider windows get the full label on one line.
 */
function CellContent({
  obligation,
  year,
  lng,
  wide,
}: {
  obligation: AssessedObligation;
  year: number;
  lng: UiLanguage;
  wide: boolean;
}) {
  const { t } = useT();
  const heldOn = obligation.meeting?.heldOn ?? null;
  const label = <span className="cell-label">{t(wide ? `Status.${obligation.status}` : `Status.short.${obligation.status}`)}</span>;
  const date = heldOn && (
    <span className="cell-date">{toYmd(heldOn).year === year ? formatDayMonth(heldOn, lng) : formatUiDate(heldOn, lng)}</span>
  );
  return (
    <span className={wide ? 'cell-line' : 'cell-flow'}>
      <StatusIcon status={obligation.status} />
      {wide ? label : date}
      {wide ? date : label}
    </span>
  );
}
