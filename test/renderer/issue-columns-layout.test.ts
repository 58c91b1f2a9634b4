import { describe, expect, it } from 'vitest';
import { COLUMN_WIDTH, DEFAULT_COLUMNS_LAYOUT, withColumnHidden, withColumnWidth, type IssueColumnsLayout } from '../../shared/domain/issues/issue-columns';
import { COLUMN_DEFS, gridTemplate, minRowWidth, SELECT_WIDTH, shownColumns, TEXT_MIN, widestFor } from '../../renderer/src/features/issues/columns';

const ids = (available: number | null, layout = DEFAULT_COLUMNS_LAYOUT) => shownColumns(layout, available).columns.map((c) => c.id);
const everything: IssueColumnsLayout = { hidden: [], widths: {} };
/** What every shown column but the question takes, with the selection box. */
const fixedSum = (layout = DEFAULT_COLUMNS_LAYOUT) => SELECT_WIDTH + shownColumns(layout, null).columns.reduce((n, c) => n + (c.px ?? 0), 0);

describe('the issue log’s columns', () => {
  it('shows the chosen columns at their widths when there is room, the question taking the rest', () => {
    expect(ids(null)).toEqual(['registryNo', 'raisedOn', 'text', 'unit', 'body', 'deadline', 'status']);
    // 1366 px less the navigation and the screen's margins: all of them, and the question above its minimum.
    const wide = shownColumns(DEFAULT_COLUMNS_LAYOUT, 1092);
    expect(wide.gaveWay).toEqual([]);
    expect(wide.slack).toBe(1092 - fixedSum() - TEXT_MIN);
    expect(wide.slack).toBeGreaterThan(0);
    expect(gridTemplate(wide.columns)).toBe(`34px 112px 96px minmax(${TEXT_MIN}px, 1fr) 112px 136px 114px 202px`);
  });

  it('gives way column by column, body first, when the table narrows; the number, question and status stay', () => {
    const narrow = shownColumns(DEFAULT_COLUMNS_LAYOUT, 624);
    expect(narrow.columns.map((c) => c.id)).toEqual(['registryNo', 'text', 'status']);
    expect(narrow.gaveWay).toEqual(['body', 'unit', 'raisedOn', 'deadline']);
    expect(ids(fixedSum() + TEXT_MIN - 1)).not.toContain('body');
    expect(ids(fixedSum() + TEXT_MIN - 1)).toContain('unit');
    // Too narrow even for those: nothing more gives way, the table scrolls sideways.
    expect(ids(200)).toEqual(['registryNo', 'text', 'status']);
    expect(minRowWidth(shownColumns(DEFAULT_COLUMNS_LAYOUT, 200).columns)).toBe(SELECT_WIDTH + 112 + TEXT_MIN + 202);
    // With the category on too, at 1366 px the body gives way (the chooser says so).
    expect(shownColumns(everything, 1092).gaveWay).toEqual(['body']);
  });

  it('widens a column only into the room the question can spare', () => {
    const { columns, slack } = shownColumns(DEFAULT_COLUMNS_LAYOUT, 1092);
    const body = columns.find((c) => c.id === 'body')!;
    expect(widestFor(body, slack)).toBe(body.px! + slack!);
    expect(widestFor(body, 0)).toBe(body.px);
    expect(widestFor(body, null)).toBe(COLUMN_WIDTH.max);
  });

  it('never hides the number or the question; keeps widths within bounds', () => {
    expect(withColumnHidden(DEFAULT_COLUMNS_LAYOUT, 'text', true)).toBe(DEFAULT_COLUMNS_LAYOUT);
    expect(withColumnHidden(DEFAULT_COLUMNS_LAYOUT, 'registryNo', true)).toBe(DEFAULT_COLUMNS_LAYOUT);
    expect(withColumnHidden(withColumnHidden(DEFAULT_COLUMNS_LAYOUT, 'status', true), 'raisedOn', true).hidden).toEqual(['raisedOn', 'category', 'status']);
    expect(withColumnHidden(DEFAULT_COLUMNS_LAYOUT, 'category', false).hidden).toEqual([]);
    expect(withColumnWidth(DEFAULT_COLUMNS_LAYOUT, 'body', 3).widths).toEqual({ body: COLUMN_WIDTH.min });
    expect(withColumnWidth(DEFAULT_COLUMNS_LAYOUT, 'body', 9999.4).widths).toEqual({ body: COLUMN_WIDTH.max });
    expect(COLUMN_DEFS.filter((c) => c.width === undefined).map((c) => c.id)).toEqual(['text']);
  });
});
