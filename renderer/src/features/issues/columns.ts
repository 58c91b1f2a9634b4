import { COLUMN_WIDTH, type IssueColumnId, type IssueColumnsLayout } from '../../../../shared/domain/issues/issue-columns';
import type { IssueSortKey } from '../../../../shared/contract/issues.contract';

export interface ColumnDef {
  id: IssueColumnId;
  sort?: IssueSortKey;
  /** Default pixel width; the question has none: it takes what the others leave. */
  width?: number;
}

/**
 * Widths from the longest labels, measured in Chromium: a number over a unit's short name
 * ("Қараауыл а.о."), a date, a date over "Мерзімі өткен" (94 px), and a status badge in which
 * the longest seed statuses take two lines, never cut: "Жоспарға (бюджеттік" is 156 px of
 * "Жоспарға (бюджеттік өтінімге) енгізілді" (then "Включено в план / бюджетную заявку",
 * "Құзыреті бойынша жіберілді").
 */
export const COLUMN_DEFS: readonly ColumnDef[] = [
  { id: 'registryNo', sort: 'registryNo', width: 112 },
  { id: 'raisedOn', sort: 'raisedOn', width: 96 },
  { id: 'text' },
  { id: 'category', sort: 'category', width: 130 },
  { id: 'unit', sort: 'unit', width: 112 },
  { id: 'body', width: 136 },
  { id: 'deadline', sort: 'deadline', width: 114 },
  { id: 'status', sort: 'status', width: 202 },
];

export const SELECT_WIDTH = 34;
/** The question never gets narrower than this: two lines of it still say what it is about. */
export const TEXT_MIN = 230;
/**
 * When the table is too narrow for every chosen column (the card is open), these give way
 * first to last; the number, the question and the status always stay.
 */
const GIVE_WAY: readonly IssueColumnId[] = ['body', 'category', 'unit', 'raisedOn', 'deadline'];

export interface ShownColumn extends ColumnDef {
  /** Pixels; null for the question (the rest of the row). */
  px: number | null;
}

/**
 * The columns the table shows: the chosen ones at their widths, less those that give way so the
 * question keeps TEXT_MIN in `available` pixels (null: not measured, nothing gives way).
 */
export function shownColumns(layout: IssueColumnsLayout, available: number | null): { columns: ShownColumn[]; gaveWay: IssueColumnId[]; slack: number | null } {
  let columns: ShownColumn[] = COLUMN_DEFS.filter((c) => !layout.hidden.includes(c.id)).map((c) => ({
    ...c,
    px: c.width === undefined ? null : (layout.widths[c.id] ?? c.width),
  }));
  const gaveWay: IssueColumnId[] = [];
  const needed = () => SELECT_WIDTH + TEXT_MIN + columns.reduce((sum, c) => sum + (c.px ?? 0), 0);
  for (const id of GIVE_WAY) {
    if (available === null || needed() <= available) break;
    if (!columns.some((c) => c.id === id)) continue;
    columns = columns.filter((c) => c.id !== id);
    gaveWay.push(id);
  }
  return { columns, gaveWay, slack: available === null ? null : Math.max(0, available - needed()) };
}

/**
 * How wide a column may be made: as much as the question can give above TEXT_MIN. Wider would
 * take the question's room (or push a column out), so a user who wants more hides another first.
 */
export function widestFor(column: ShownColumn, slack: number | null): number {
  return Math.min(COLUMN_WIDTH.max, Math.max(column.px ?? 0, (column.px ?? 0) + (slack ?? COLUMN_WIDTH.max)));
}

/** The CSS grid columns of every row, the selection box first. */
export function gridTemplate(columns: readonly ShownColumn[]): string {
  return [`${SELECT_WIDTH}px`, ...columns.map((c) => (c.px === null ? `minmax(${TEXT_MIN}px, 1fr)` : `${c.px}px`))].join(' ');
}

/** The narrowest the rows can be: wider than the scroller, the table scrolls sideways. */
export function minRowWidth(columns: readonly ShownColumn[]): number {
  return SELECT_WIDTH + columns.reduce((sum, c) => sum + (c.px ?? TEXT_MIN), 0);
}
