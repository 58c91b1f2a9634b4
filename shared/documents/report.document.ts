import type { TFunction } from 'i18next';
import type { PeriodReport, Point3Row, ReportDocument, ReportSection, ReportUnitRow, UnresolvedIssueRow } from '../contract/reports.contract';
import { REPORT_SECTIONS } from '../contract/reports.contract';
import type { Language } from '../contract/schemas';
import type { UnitSummary } from '../contract/types';
import { toYmd, type IsoDate } from '../domain/dates';
import { ISSUE_KINDS, OUTCOMES } from '../domain/issues/issue';
import { emptyFigures, medianDaysToClose, NO_CATEGORY, resolvedShare, subtreeFigures, sumFigures, type Figures, type MeetingFigures } from '../domain/reports/figures';
import { namePeriod, type ReportPeriod } from '../domain/reports/period';
import { akimOfficeName, akimOfUnit, unitFullName } from '../domain/units/office-name';
import { formatOfficialDate } from '../format/dates';
import { pageFooter, paragraph as p, row, type Block, type Chart, type DocumentModel, type Paragraph, type TableCell } from './document';

/**
 * The period report and the point 3 information note: the tables once, as values (`reportTables`),
 * which the document (`reportDocument`, for DOCX and PDF) formats in its language and the
 * workbook (electron/core/export/report.xlsx.ts) writes as numbers and dates. So a figure reads
 * the same in every format, and the same as `reports:get`.
 */

/** The akim's own meeting that the point 3 note reports on (the next year's window of a group A unit). */
export interface Point3Meeting {
  row: Point3Row | null;
  meeting: { attendance: number | null; onlineViewers: number | null; officials: number; government: number } | null;
}

export interface ReportDocInput {
  report: PeriodReport;
  document: ReportDocument;
  language: Language;
  sections: readonly ReportSection[];
  /** The annex; read only when the section is chosen. */
  unresolved: readonly UnresolvedIssueRow[];
  personalData: boolean;
  /** For the point 3 note only. */
  point3: Point3Meeting | null;
}

/** A value of a table: text, or a number or date the writer formats (document) or types (workbook). */
export type ReportCell = string | { n: number | null; as: 'count' | 'share' | 'days' } | { date: IsoDate | null } | null;

export interface ReportColumn {
  header: string;
  /** Share of the document's text width (the writers normalise to 100). */
  pct: number;
  /** Width in the workbook, in characters. */
  chars: number;
  /** In the document; numbers go right, text left unless said. */
  align?: 'center';
  /** The document's header under a group (`ReportTable.groups`), short enough for a narrow column. */
  short?: string;
}

export interface ReportTableRow {
  cells: ReportCell[];
  /** Set in this far (a unit's depth in the tree, a sub-item of the summary). */
  depth?: number;
  /** A heading row of the summary. */
  heading?: boolean;
}

export const REPORT_TABLES = ['summary', 'participation', 'point3', 'units', 'categories', 'statuses', 'unresolved', 'trend'] as const;
export type ReportTableKey = (typeof REPORT_TABLES)[number];

export interface ReportTable {
  key: ReportTableKey;
  title: string;
  sheet: string;
  columns: ReportColumn[];
  rows: ReportTableRow[];
  /** The totals row: sums of the rows (a share or median of the sums). */
  totals?: ReportCell[];
  /** The column a row's depth sets in (the unit's name); the first unless said. */
  indentColumn?: number;
  /** The document's header groups, left to right; an untitled group of one column is that column's own header. */
  groups?: Array<{ title: string; span: number }>;
}

const count = (n: number): ReportCell => ({ n, as: 'count' });
const share = (n: number | null): ReportCell => ({ n, as: 'share' });
const days = (n: number | null): ReportCell => ({ n, as: 'days' });
const date = (d: IsoDate | null): ReportCell => ({ date: d });

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** "2025 жыл", "II полугодие 2025 года", "2025 жылдың III тоқсаны", or the range's two days. */
export function periodText(period: ReportPeriod, lng: Language, t: TFunction): string {
  const name = namePeriod(period);
  if (name.kind === 'year') return t('ReportDoc.period.year', { year: name.year });
  if (name.kind === 'half') return t('ReportDoc.period.half', { year: name.year, half: ROMAN[name.half - 1] });
  if (name.kind === 'quarter') return t('ReportDoc.period.quarter', { year: name.year, quarter: ROMAN[name.quarter - 1] });
  return t('ReportDoc.period.range', { from: formatOfficialDate(period.start, lng), to: formatOfficialDate(period.end, lng) });
}

const nameOf = (named: { nameKk: string; nameRu: string }, lng: Language) => (lng === 'kk' ? named.nameKk : named.nameRu);

/** What the document counts: the whole subtree (period report) or the lower akims only (point 3 note). */
export interface ReportScope {
  figures: Figures;
  rows: ReportUnitRow[];
  /** How far the first row is from the scope's top (0, or 1 for the note's lower akims). */
  depthOffset: number;
}

export function reportScope(report: PeriodReport, document: ReportDocument): ReportScope {
  if (document === 'period') return { figures: report, rows: report.units, depthOffset: 0 };
  const rows = report.units.filter((u) => u.depth > 0);
  const zero = emptyFigures(report.statuses.map((s) => s.id), report.categories.map((c) => c.id));
  return { figures: sumFigures(rows, zero), rows, depthOffset: 1 };
}

function summaryTable(f: Figures, t: TFunction): ReportTable {
  const s = (key: string) => t(`ReportDoc.summary.${key}`);
  const m = f.meetings;
  const i = f.issues;
  const rows: ReportTableRow[] = [
    { cells: [s('meetings'), null], heading: true },
    { cells: [s('required'), count(m.required)] },
    ...(['heldOnTime', 'heldLate', 'missed', 'open', 'upcoming'] as const).map((k) => ({ cells: [s(k), count(m[k])], depth: 1 })),
    { cells: [s('planned'), count(m.planned)], depth: 2 },
    { cells: [s('held'), count(m.held)] },
    { cells: [s('attendance'), count(f.attendance.people)] },
    { cells: [s('onlineViewers'), count(f.attendance.onlineViewers)] },
    { cells: [s('officials'), count(f.officials.present)] },
    { cells: [s('government'), count(f.officials.government)], depth: 1 },
    { cells: [s('oblastLeadership'), count(f.officials.oblastLeadership)], depth: 1 },
    { cells: [s('issues'), null], heading: true },
    { cells: [s('total'), count(i.total)] },
    { cells: [s('closed'), count(i.closed)], depth: 1 },
    { cells: [s('resolvedShare'), share(resolvedShare(i))], depth: 1 },
    { cells: [s('medianDays'), days(medianDaysToClose(i))], depth: 1 },
    { cells: [s('overdue'), count(i.overdue)], depth: 1 },
    { cells: [s('prolonged'), count(i.prolonged)], depth: 1 },
    { cells: [s('onControl'), count(i.onControl)], depth: 1 },
    { cells: [s('byKind'), null], heading: true },
    ...ISSUE_KINDS.map((k) => ({ cells: [t(`Minutes.issueKinds.${k}`), count(i.byKind[k])], depth: 1 })),
    { cells: [s('byOutcome'), null], heading: true },
    ...OUTCOMES.map((o) => ({ cells: [t(`Issues.outcome.${o}`), count(i.byOutcome[o])], depth: 1 })),
  ];
  return {
    key: 'summary',
    title: t('ReportDoc.section.summary'),
    sheet: t('ReportDoc.sheet.summary'),
    columns: [
      { header: t('ReportDoc.column.indicator'), pct: 78, chars: 70 },
      { header: t('ReportDoc.column.value'), pct: 22, chars: 14 },
    ],
    rows,
  };
}

const pending = (m: Pick<MeetingFigures, 'open' | 'upcoming'>) => m.open + m.upcoming;

/** A unit's figures as the per-unit table's cells, after its name (the totals row uses them too). */
function unitFigureCells(f: Figures): ReportCell[] {
  const m = f.meetings;
  return [
    count(m.required),
    count(m.heldOnTime),
    count(m.heldLate),
    count(m.missed),
    count(pending(m)),
    count(m.held),
    count(f.attendance.people),
    count(f.issues.total),
    count(f.issues.closed),
    share(resolvedShare(f.issues)),
    count(f.issues.overdue),
    days(medianDaysToClose(f.issues)),
  ];
}

const UNIT_FIGURE_COLUMNS = ['required', 'heldOnTime', 'heldLate', 'missed', 'pending', 'held', 'attendance', 'issues', 'closed', 'resolvedShare', 'overdue', 'medianDays'] as const;

function unitsTable(scope: ReportScope, lng: Language, t: TFunction): ReportTable {
  const c = (key: string) => t(`ReportDoc.column.${key}`);
  return {
    key: 'units',
    title: t('ReportDoc.section.units'),
    sheet: t('ReportDoc.sheet.units'),
    columns: [
      { header: c('kato'), pct: 8, chars: 12 },
      // Narrow figure columns would break their headers inside a word: the name gives way.
      { header: c('unit'), pct: 15, chars: 40 },
      { header: c('group'), pct: 5.5, chars: 7, align: 'center' },
      ...UNIT_FIGURE_COLUMNS.map((k) => ({ header: c(k), short: t(`ReportDoc.short.${k}`), pct: (100 - 20.5) / UNIT_FIGURE_COLUMNS.length, chars: 12 })),
    ],
    groups: [
      { title: '', span: 1 },
      { title: '', span: 1 },
      { title: '', span: 1 },
      { title: t('ReportDoc.summary.meetings'), span: 7 },
      { title: t('ReportDoc.summary.issues'), span: 5 },
    ],
    rows: scope.rows.map((u) => ({ cells: [u.kato, unitFullName(u, lng), u.group ?? '', ...unitFigureCells(u)], depth: u.depth - scope.depthOffset })),
    totals: ['', t('ReportDoc.totals'), '', ...unitFigureCells(scope.figures)],
    indentColumn: 1,
  };
}

/** Top-level categories in the report's order, then the issues without one (when there are any). */
function categoryRows(report: PeriodReport, f: Figures, lng: Language, t: TFunction): Array<{ name: string; n: number }> {
  const rows = report.categories.map((c) => ({ name: nameOf(c, lng), n: f.issues.byCategory[c.id] ?? 0 }));
  const none = f.issues.byCategory[NO_CATEGORY] ?? 0;
  return none > 0 ? [...rows, { name: t('ReportDoc.noCategory'), n: none }] : rows;
}

/**
 * Issues counted by one dimension: two columns of names, then how many and their share of all;
 * the totals row is all of them (100 %).
 */
function breakdownTable(
  key: 'categories' | 'statuses',
  names: [ReportColumn, ReportColumn],
  rows: Array<{ first: ReportCell; second: ReportCell; n: number }>,
  total: number,
  t: TFunction,
): ReportTable {
  const of = (n: number) => share(total === 0 ? null : n / total);
  const totalsLabel = t('ReportDoc.totals');
  return {
    key,
    title: t(key === 'categories' ? 'ReportDoc.byCategory' : 'ReportDoc.byStatus'),
    sheet: t(`ReportDoc.sheet.${key}`),
    columns: [...names, { header: t('ReportDoc.column.count'), pct: 16, chars: 12 }, { header: t('ReportDoc.column.share'), pct: 16, chars: 10 }],
    rows: rows.map((r) => ({ cells: [r.first, r.second, count(r.n), of(r.n)] })),
    // The label stands in the column of names.
    totals: key === 'categories' ? ['', totalsLabel, count(total), of(total)] : [totalsLabel, '', count(total), of(total)],
  };
}

function categoriesTable(report: PeriodReport, f: Figures, lng: Language, t: TFunction): ReportTable {
  return breakdownTable(
    'categories',
    [
      { header: t('ReportDoc.column.no'), pct: 8, chars: 6 },
      { header: t('ReportDoc.column.category'), pct: 60, chars: 50 },
    ],
    categoryRows(report, f, lng, t).map((r, k) => ({ first: count(k + 1), second: r.name, n: r.n })),
    f.issues.total,
    t,
  );
}

function statusesTable(report: PeriodReport, f: Figures, lng: Language, t: TFunction): ReportTable {
  return breakdownTable(
    'statuses',
    [
      { header: t('ReportDoc.column.status'), pct: 52, chars: 40 },
      { header: t('ReportDoc.column.statusType'), pct: 16, chars: 12 },
    ],
    report.statuses.map((s) => ({ first: nameOf(s, lng), second: t(s.closed ? 'ReportDoc.status.closed' : 'ReportDoc.status.open'), n: f.issues.byStatus[s.id] ?? 0 })),
    f.issues.total,
    t,
  );
}

function unresolvedTable(issues: readonly UnresolvedIssueRow[], personalData: boolean, lng: Language, t: TFunction): ReportTable {
  const c = (key: string) => t(`ReportDoc.column.${key}`);
  return {
    key: 'unresolved',
    title: t('ReportDoc.section.unresolved'),
    sheet: t('ReportDoc.sheet.unresolved'),
    columns: [
      { header: c('no'), pct: 4, chars: 6 },
      { header: c('registryNo'), pct: 5, chars: 8 },
      { header: c('unit'), pct: 12, chars: 28 },
      { header: c('raisedOn'), pct: 10, chars: 12, align: 'center' },
      { header: c('text'), pct: 24, chars: 60 },
      { header: c('category'), pct: 11, chars: 24 },
      { header: c('responsible'), pct: 13, chars: 30 },
      { header: c('deadline'), pct: 10, chars: 12, align: 'center' },
      { header: c('daysOverdue'), pct: 6, chars: 10 },
      ...(personalData ? [{ header: c('author'), pct: 10, chars: 28 }, { header: c('phone'), pct: 9, chars: 18 }] : []),
    ],
    rows: issues.map((i, k) => ({
      cells: [
        count(k + 1),
        count(i.registryNo),
        unitFullName(i.unit, lng),
        date(i.raisedOn),
        i.text.trim(),
        i.category ? nameOf(i.category, lng) : '',
        [i.body ? nameOf(i.body, lng) : '', i.person ?? ''].filter((s) => s !== '').join(', '),
        date(i.deadline),
        i.daysOverdue === null ? null : count(i.daysOverdue),
        ...(personalData ? [i.author?.fullName ?? '', i.author?.phone ?? ''] : []),
      ],
    })),
  };
}

function quarterLabel(key: string, t: TFunction): string {
  const [year, q] = key.split('-Q');
  return t('ReportDoc.quarterShort', { year, quarter: ROMAN[Number(q) - 1] });
}

function trendTable(report: PeriodReport, t: TFunction): ReportTable {
  const c = (key: string) => t(`ReportDoc.column.${key}`);
  const keys = ['required', 'heldOnTime', 'heldLate', 'missed', 'open', 'upcoming', 'planned'] as const;
  return {
    key: 'trend',
    title: t('ReportDoc.chart.trendMeetings'),
    sheet: t('ReportDoc.sheet.trend'),
    columns: [
      { header: c('quarter'), pct: 12, chars: 18 },
      { header: c('start'), pct: 9, chars: 12, align: 'center' },
      { header: c('end'), pct: 9, chars: 12, align: 'center' },
      ...keys.map((k) => ({ header: c(k), pct: 8, chars: 12 })),
      { header: c('issuesRaised'), pct: 7, chars: 12 },
      { header: c('issuesClosed'), pct: 7, chars: 12 },
    ],
    rows: report.trend.map((q) => ({ cells: [quarterLabel(q.key, t), date(q.start), date(q.end), ...keys.map((k) => count(q.meetings[k])), count(q.issuesRaised), count(q.issuesClosed)] })),
  };
}

/** The tables of the chosen sections, in the order the document has them. */
export function reportTables(input: ReportDocInput, t: TFunction): ReportTable[] {
  const { report, language: lng, sections } = input;
  const scope = reportScope(report, input.document);
  const chosen = new Set(sections);
  const out: ReportTable[] = [];
  if (chosen.has('summary')) {
    out.push(summaryTable(scope.figures, t), participationTable(report, lng, t));
    if (input.document === 'period' && report.point3.length > 0) out.push(point3Table(report.point3, lng, t));
  }
  if (chosen.has('units')) out.push(unitsTable(scope, lng, t));
  if (chosen.has('categories')) out.push(categoriesTable(report, scope.figures, lng, t), statusesTable(report, scope.figures, lng, t));
  if (chosen.has('unresolved')) out.push(unresolvedTable(input.unresolved, input.personalData, lng, t));
  // The note covers one year: the two years' trend belongs to the period report.
  if (chosen.has('charts') && input.document === 'period') out.push(trendTable(report, t));
  return out;
}

/**
 * How many unresolved issues a DOCX or PDF annex lists, oldest first: an oblast's year can have
 * tens of thousands, which no one reads on paper and which would take the writers minutes and
 * gigabytes. The annex then says how many there are and where the full list is (the workbook,
 * the issue log).
 */
export const PRINTED_ANNEX_ROWS = 500;

// ---- The document -------------------------------------------------------------------------

const locale = (lng: Language) => (lng === 'kk' ? 'kk-KZ' : 'ru-RU');

/** A value as the document prints it: grouped digits, a percentage, the official date. */
export function formatCell(cell: ReportCell, lng: Language): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if ('date' in cell) return cell.date === null ? '' : formatOfficialDate(cell.date, lng);
  if (cell.n === null) return '–';
  if (cell.as === 'share') return new Intl.NumberFormat(locale(lng), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(cell.n);
  return new Intl.NumberFormat(locale(lng), { maximumFractionDigits: 1 }).format(cell.n);
}

const INDENT_MM = 4;
const isNumber = (cell: ReportCell) => cell !== null && typeof cell === 'object' && 'n' in cell;

function header(table: ReportTable): { header: TableCell[]; headerAbove?: TableCell[] } {
  const text = (s: string, extra: Partial<TableCell> = {}, bold = true): TableCell => ({ paragraphs: [p([{ text: s, bold }], { align: 'center' })], ...extra });
  if (!table.groups) return { header: table.columns.map((c) => text(c.header)) };
  const above: TableCell[] = [];
  const below: TableCell[] = [];
  let at = 0;
  for (const g of table.groups) {
    const columns = table.columns.slice(at, at + g.span);
    at += g.span;
    if (g.title === '') above.push(...columns.map((c) => text(c.header, { rowSpan: 2 })));
    else {
      above.push(text(g.title, g.span > 1 ? { colSpan: g.span } : {}));
      // In roman under the bold group title: bold would not fit a Kazakh word in a narrow column.
      below.push(...columns.map((c) => text(c.short ?? c.header, {}, false)));
    }
  }
  return { headerAbove: above, header: below };
}

function tableBlock(table: ReportTable, lng: Language, fontSizePt: number): Block {
  const total = table.columns.reduce((s, c) => s + c.pct, 0);
  const cell = (value: ReportCell, column: number, options: { depth?: number; bold?: boolean } = {}): TableCell => ({
    paragraphs: [
      p([{ text: formatCell(value, lng), bold: options.bold }], {
        align: table.columns[column]?.align ?? (isNumber(value) ? 'right' : 'left'),
        ...(options.depth ? { leftIndentMm: options.depth * INDENT_MM } : {}),
      }),
    ],
  });
  return {
    type: 'table',
    columnsPct: table.columns.map((c) => (c.pct * 100) / total),
    ...header(table),
    rows: table.rows.map((r) => r.cells.map((v, k) => cell(v, k, { depth: k === (table.indentColumn ?? 0) ? r.depth : 0, bold: r.heading }))),
    ...(table.totals ? { footer: table.totals.map((v, k) => cell(v, k)) } : {}),
    fontSizePt,
  };
}

/** The per-unit table is printed without the KATO column: the workbook keeps codes, the page names. */
function withoutKato(table: ReportTable): ReportTable {
  return {
    ...table,
    columns: table.columns.slice(1),
    rows: table.rows.map((r) => ({ ...r, cells: r.cells.slice(1) })),
    ...(table.totals ? { totals: table.totals.slice(1) } : {}),
    ...(table.groups ? { groups: table.groups.slice(1) } : {}),
    indentColumn: 0,
  };
}

const COLORS = { onTime: '2E7D32', late: 'F9A825', missed: 'C62828', pending: 'B0BEC5', primary: '1565C0', secondary: '90CAF9' } as const;

function meetingSeries(t: TFunction) {
  return [
    { name: t('ReportDoc.column.heldOnTime'), color: COLORS.onTime },
    { name: t('ReportDoc.column.heldLate'), color: COLORS.late },
    { name: t('ReportDoc.column.missed'), color: COLORS.missed },
    { name: t('ReportDoc.column.pending'), color: COLORS.pending },
  ];
}

function meetingBar(label: string, m: Omit<MeetingFigures, 'held'>, lng: Language, t: TFunction): Chart['bars'][number] {
  const held = m.heldOnTime + m.heldLate;
  return {
    label,
    values: [m.heldOnTime, m.heldLate, m.missed, pending(m)],
    printed: [t('ReportDoc.chart.held', { held: formatCell(count(held), lng), required: formatCell(count(m.required), lng) })],
  };
}

function countBars(rows: Array<{ name: string; n: number }>, lng: Language): Chart['bars'] {
  return rows
    .filter((r) => r.n > 0)
    .sort((a, b) => b.n - a.n)
    .map((r) => ({ label: r.name, values: [r.n], printed: [formatCell(count(r.n), lng)] }));
}

/**
 * The charts: meetings by unit (the report's unit, then each unit under it with its whole
 * subtree), issues by category and by status, and for the period report the two years' trend.
 */
function charts(input: ReportDocInput, scope: ReportScope, t: TFunction): Chart[] {
  const { report, language: lng } = input;
  const consolidated = subtreeFigures(
    scope.rows.map((u) => ({ kato: u.kato, parent: u.parent, figures: u })),
    emptyFigures(),
  );
  const top = scope.rows.filter((u) => u.depth - scope.depthOffset <= 1);
  const byUnit: Chart = {
    type: 'chart',
    title: t('ReportDoc.chart.compliance'),
    layout: 'stacked',
    series: meetingSeries(t),
    // The top unit's own row; the units under it with their subtrees.
    bars: top.map((u) => meetingBar(unitFullName(u, lng), u.depth - scope.depthOffset === 0 ? u.meetings : consolidated.get(u.kato)!.meetings, lng, t)),
  };
  const single = (title: string, bars: Chart['bars']): Chart => ({ type: 'chart', title, layout: 'grouped', series: [{ name: t('ReportDoc.column.count'), color: COLORS.primary }], bars });
  const out: Chart[] = [
    byUnit,
    single(t('ReportDoc.chart.categories'), countBars(categoryRows(report, scope.figures, lng, t), lng)),
    single(t('ReportDoc.chart.statuses'), countBars(report.statuses.map((s) => ({ name: nameOf(s, lng), n: scope.figures.issues.byStatus[s.id] ?? 0 })), lng)),
  ];
  if (input.document === 'period') {
    out.push(
      {
        type: 'chart',
        title: t('ReportDoc.chart.trendIssues'),
        layout: 'grouped',
        series: [
          { name: t('ReportDoc.chart.raised'), color: COLORS.primary },
          { name: t('ReportDoc.chart.closed'), color: COLORS.secondary },
        ],
        bars: report.trend.map((q) => ({ label: quarterLabel(q.key, t), values: [q.issuesRaised, q.issuesClosed], printed: [q.issuesRaised, q.issuesClosed].map((n) => formatCell(count(n), lng)) })),
      },
      { type: 'chart', title: t('ReportDoc.chart.trendMeetings'), layout: 'stacked', series: meetingSeries(t), bars: report.trend.map((q) => meetingBar(quarterLabel(q.key, t), q.meetings, lng, t)) },
    );
  }
  // A period without issues has no bars by category or status: an empty table is no chart, and
  // neither Word nor pdfmake takes a table without rows (the summary already says zero).
  return out.filter((c) => c.bars.length > 0);
}

const bold = (text: string) => [{ text, bold: true }];
const heading = (text: string): Paragraph => p(bold(text), { align: 'center', beforePt: 12, afterPt: 6, keepNext: true });
const subheading = (text: string): Paragraph => p(bold(text), { align: 'left', beforePt: 10, afterPt: 4, keepNext: true });

/** Decree points 4.1 and 5: the meetings short of the participants they need. */
function participationTable(report: PeriodReport, lng: Language, t: TFunction): ReportTable {
  return {
    key: 'participation',
    title: t('ReportDoc.participation.title'),
    sheet: t('ReportDoc.sheet.participation'),
    columns: [
      { header: t('ReportDoc.column.unit'), pct: 38, chars: 40 },
      { header: t('ReportDoc.participation.date'), pct: 22, chars: 14, align: 'center' },
      { header: t('ReportDoc.participation.finding'), pct: 40, chars: 60 },
    ],
    rows: report.participation.map((w) => ({ cells: [unitFullName(w.unit, lng), date(w.date), t(`Dashboard.participation.point.${w.point === '4.1' ? 'p41' : 'p5'}`)] })),
  };
}

function point3State(r: Point3Row, t: TFunction): string {
  if (r.heldOn === null) return t('ReportDoc.point3.notHeld');
  if (r.late) return t('ReportDoc.point3.late');
  return r.reportedOn ? t('ReportDoc.point3.onTime') : '';
}

/** Decree point 3 for the group A units of the report: the note's due day and whether it was sent. */
function point3Table(rows: readonly Point3Row[], lng: Language, t: TFunction): ReportTable {
  return {
    key: 'point3',
    title: t('ReportDoc.point3.title'),
    sheet: t('ReportDoc.sheet.point3'),
    columns: [
      { header: t('ReportDoc.column.unit'), pct: 28, chars: 40 },
      { header: t('ReportDoc.point3.heldOn'), pct: 18, chars: 14, align: 'center' },
      { header: t('ReportDoc.point3.due'), pct: 18, chars: 14, align: 'center' },
      { header: t('ReportDoc.point3.reportedOn'), pct: 18, chars: 14, align: 'center' },
      { header: '', pct: 18, chars: 14, align: 'center' },
    ],
    rows: rows.map((r) => ({ cells: [unitFullName(r.unit, lng), date(r.heldOn), date(r.reportDue), date(r.reportedOn), point3State(r, t)] })),
  };
}

function participationBlocks(table: ReportTable, lng: Language, t: TFunction): Block[] {
  const title = subheading(table.title);
  return table.rows.length === 0 ? [title, p(t('ReportDoc.participation.none'), { indent: true })] : [title, tableBlock(table, lng, 11)];
}

function point3Blocks(table: ReportTable | undefined, lng: Language): Block[] {
  return table === undefined || table.rows.length === 0 ? [] : [subheading(table.title), tableBlock(table, lng, 11)];
}

/** The note's opening: the addressees, the basis, the akim's own meeting. */
function noteOpening(input: ReportDocInput, year: number, t: TFunction): Block[] {
  const { report, language: lng } = input;
  const blocks: Block[] = [
    p(t('ReportDoc.note.basis'), { indent: true, afterPt: 6 }),
    subheading(t('ReportDoc.note.meeting')),
  ];
  const own = input.point3;
  if (!own?.row?.heldOn || !own.meeting) {
    blocks.push(p(t('ReportDoc.note.meetingNotHeld', { year, date: formatOfficialDate(report.today, lng) }), { indent: true }));
    return blocks;
  }
  const s = (key: string) => t(`ReportDoc.summary.${key}`);
  const meeting: ReportTable = {
    key: 'summary',
    title: '',
    sheet: '',
    columns: [
      { header: t('ReportDoc.column.indicator'), pct: 70, chars: 0 },
      { header: t('ReportDoc.column.value'), pct: 30, chars: 0 },
    ],
    rows: [
      { cells: [t('ReportDoc.point3.heldOn'), date(own.row.heldOn)] },
      { cells: [s('attendance'), count(own.meeting.attendance ?? 0)] },
      { cells: [s('onlineViewers'), count(own.meeting.onlineViewers ?? 0)] },
      { cells: [s('officials'), count(own.meeting.officials)] },
      { cells: [s('government'), count(own.meeting.government)], depth: 1 },
      { cells: [t('ReportDoc.point3.due'), date(own.row.reportDue)] },
    ],
  };
  blocks.push(tableBlock(meeting, lng, 12));
  return blocks;
}

/**
 * The sections' blocks, numbered in order, each on the page orientation it needs; `closing`
 * (the note's signature) goes before the annex.
 */
function sectionBlocks(input: ReportDocInput, scope: ReportScope, tables: ReportTable[], closing: Block[], t: TFunction): Block[] {
  const { language: lng } = input;
  const byKey = new Map(tables.map((x) => [x.key, x]));
  const blocks: Block[] = [];
  let orientation: 'portrait' | 'landscape' = 'portrait';
  const turn = (to: 'portrait' | 'landscape', always = false) => {
    if (to !== orientation) blocks.push({ type: 'pageBreak', orientation: to });
    else if (always) blocks.push({ type: 'pageBreak' });
    orientation = to;
  };
  let n = 0;
  for (const section of REPORT_SECTIONS.filter((s) => input.sections.includes(s))) {
    if (section === 'summary') {
      turn('portrait');
      blocks.push(
        heading(`${++n}. ${t('ReportDoc.section.summary')}`),
        tableBlock(byKey.get('summary')!, lng, 12),
        ...participationBlocks(byKey.get('participation')!, lng, t),
        ...point3Blocks(byKey.get('point3'), lng),
      );
    } else if (section === 'units') {
      turn('landscape');
      blocks.push(heading(`${++n}. ${t('ReportDoc.section.units')}`), tableBlock(withoutKato(byKey.get('units')!), lng, 8));
    } else if (section === 'categories') {
      turn('portrait');
      blocks.push(
        heading(`${++n}. ${t('ReportDoc.section.categories')}`),
        subheading(t('ReportDoc.byCategory')),
        tableBlock(byKey.get('categories')!, lng, 11),
        subheading(t('ReportDoc.byStatus')),
        tableBlock(byKey.get('statuses')!, lng, 11),
      );
    } else if (section === 'charts') {
      turn('portrait');
      blocks.push(heading(`${++n}. ${t('ReportDoc.section.charts')}`), ...charts(input, scope, t));
    }
  }
  blocks.push(...closing);
  if (input.sections.includes('unresolved')) {
    // The annex starts a page of its own.
    turn('landscape', true);
    const annex = byKey.get('unresolved')!;
    blocks.push(p(bold(annex.title), { align: 'center', afterPt: 6, keepNext: true }));
    if (input.personalData) blocks.push(p([{ text: t('ReportDoc.unresolved.personal'), italics: true }], { align: 'center', afterPt: 6 }));
    const all = scope.figures.issues.total - scope.figures.issues.closed;
    if (annex.rows.length < all) {
      // The plain count picks the plural form; at most PRINTED_ANNEX_ROWS, it has no thousands to space.
      blocks.push(p(t('ReportDoc.unresolved.first', { count: annex.rows.length, all: formatCell(count(all), lng) }), { align: 'center', afterPt: 6 }));
    }
    blocks.push(annex.rows.length > 0 ? tableBlock(annex, lng, 9) : p(t('ReportDoc.unresolved.none'), { align: 'center' }));
  }
  return blocks;
}

function yearOf(period: ReportPeriod): number {
  return toYmd(period.start).year;
}

/**
 * The period report or the point 3 note as a document in `input.language`; `t` speaks that
 * language. The office of the report's unit heads it; the sections follow in a fixed order,
 * wide tables on landscape pages; pages are numbered.
 */
export function reportDocument(input: ReportDocInput, t: TFunction): DocumentModel {
  const { report, language: lng } = input;
  const unit: UnitSummary = report.unit;
  const scope = reportScope(report, input.document);
  const tables = reportTables(input, t);
  const period = periodText(report.period, lng, t);
  const blocks: Block[] = [];
  let title: string;
  if (input.document === 'point3') {
    const year = yearOf(report.period);
    title = `${t('ReportDoc.note.title')} ${t('ReportDoc.note.subtitle', { akim: akimOfUnit(unit, lng), year })}`;
    blocks.push(
      row([
        { widthPct: 45, paragraphs: [] },
        { widthPct: 55, paragraphs: t('ReportDoc.note.addressee').split('\n').map((line) => p(bold(line), { align: 'left' })) },
      ]),
      p('', { afterPt: 12 }),
      p(bold(akimOfficeName(unit, lng)), { align: 'center', afterPt: 12 }),
      p(bold(t('ReportDoc.note.title')), { align: 'center' }),
      p(bold(t('ReportDoc.note.subtitle', { akim: akimOfUnit(unit, lng), year })), { align: 'center', afterPt: 6 }),
      p([{ text: t('ReportDoc.asOf', { date: formatOfficialDate(report.today, lng) }), italics: true }], { align: 'center', afterPt: 12 }),
      ...noteOpening(input, year, t),
      subheading(t('ReportDoc.note.lower', { year })),
    );
  } else {
    title = `${t('ReportDoc.title')} ${t('ReportDoc.subtitle')}: ${unitFullName(unit, lng)}, ${period}`;
    blocks.push(
      p(bold(akimOfficeName(unit, lng)), { align: 'center', afterPt: 12 }),
      p(bold(t('ReportDoc.title')), { align: 'center' }),
      p(bold(t('ReportDoc.subtitle')), { align: 'center', afterPt: 6 }),
      p(t('ReportDoc.unitLine', { unit: unitFullName(unit, lng) }), { align: 'center' }),
      p(t('ReportDoc.periodLine', { period }), { align: 'center' }),
      p([{ text: t('ReportDoc.asOf', { date: formatOfficialDate(report.today, lng) }), italics: true }], { align: 'center', afterPt: 12 }),
    );
  }
  const signature: Block[] =
    input.document === 'point3'
      ? [
          p('', { beforePt: 24 }),
          row([
            { widthPct: 40, paragraphs: [p(bold(t('ReportDoc.note.signature')), { align: 'left' })] },
            { widthPct: 30, paragraphs: [p('_______________', { align: 'center' })] },
            { widthPct: 30, paragraphs: [] },
          ]),
        ]
      : [];
  blocks.push(...sectionBlocks(input, scope, tables, signature, t));
  return { title, language: lng, pageNumbers: pageFooter(t), blocks };
}
