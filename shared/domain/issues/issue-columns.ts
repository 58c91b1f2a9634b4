/** The issue log's columns a user can show, hide and size (the selection box is not one of them). */
export const ISSUE_COLUMNS = ['registryNo', 'raisedOn', 'text', 'category', 'unit', 'body', 'deadline', 'status'] as const;
export type IssueColumnId = (typeof ISSUE_COLUMNS)[number];

/** Always shown: an issue is found by its number and read by its question. */
export const FIXED_ISSUE_COLUMNS: readonly IssueColumnId[] = ['registryNo', 'text'];

/** Pixel bounds of a sized column: narrower hides even a date, wider pushes the question off a laptop's screen. */
export const COLUMN_WIDTH = { min: 48, max: 640 } as const;

/** The user's choice, per installation; a column not named in `widths` keeps its default width. */
export interface IssueColumnsLayout {
  hidden: IssueColumnId[];
  widths: Partial<Record<IssueColumnId, number>>;
}

/**
 * The category is off until chosen: at 1366 px all eight leave the question too little room,
 * and the question mostly names its category anyway ("ауыз су…").
 */
export const DEFAULT_COLUMNS_LAYOUT: IssueColumnsLayout = { hidden: ['category'], widths: {} };

export const isFixedColumn = (id: IssueColumnId) => FIXED_ISSUE_COLUMNS.includes(id);

export const clampColumnWidth = (px: number) => Math.round(Math.min(COLUMN_WIDTH.max, Math.max(COLUMN_WIDTH.min, px)));

/** The layout with one column shown or hidden (the fixed ones cannot be), hidden ones in column order. */
export function withColumnHidden(layout: IssueColumnsLayout, id: IssueColumnId, hidden: boolean): IssueColumnsLayout {
  if (isFixedColumn(id)) return layout;
  const others = layout.hidden.filter((h) => h !== id);
  return { ...layout, hidden: hidden ? ISSUE_COLUMNS.filter((c) => c === id || others.includes(c)) : others };
}

export function withColumnWidth(layout: IssueColumnsLayout, id: IssueColumnId, px: number): IssueColumnsLayout {
  return { ...layout, widths: { ...layout.widths, [id]: clampColumnWidth(px) } };
}
