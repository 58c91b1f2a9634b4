/**
 * A small, neutral model of an official document: what the minutes, the action plan and the
 * period reports say and how they are laid out, with no knowledge of Word, PDF or HTML.
 * Writers turn it into a DOCX (`electron/core/export/docx.writer.ts`), a PDF
 * (`electron/core/export/pdf.writer.ts`) or a print preview
 * (`renderer/src/features/minutes/PrintPreview.tsx`); all must read the same from it.
 *
 * Lengths are in points (spacing) and millimetres (indents), the units the civil-service
 * rules are written in.
 */

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface Run {
  text: string;
  bold?: boolean;
  italics?: boolean;
  /** A mark rather than text, such as the draft stamp: grey and letter-spaced. */
  muted?: boolean;
}

export interface Paragraph {
  type: 'paragraph';
  runs: Run[];
  /** Body text is justified unless said otherwise. */
  align: Align;
  firstLineIndentMm?: number;
  /** The whole paragraph set in from the left (a unit's depth in a table of the unit tree). */
  leftIndentMm?: number;
  beforePt?: number;
  afterPt?: number;
  /** Keep on the same page as the next paragraph (a heading with its first line). */
  keepNext?: boolean;
}

export interface Cell {
  /** Share of the text width, in percent; a row's cells add up to 100. */
  widthPct: number;
  paragraphs: Paragraph[];
}

/**
 * A borderless row across the text width, its cells aligned at the bottom: how documents
 * put the date left and the place right, or a signature's role, line and name.
 */
export interface Row {
  type: 'row';
  cells: Cell[];
}

export interface PageBreak {
  type: 'pageBreak';
  /** The pages from here on are turned (a wide table after portrait text); unchanged unless said. */
  orientation?: 'portrait' | 'landscape';
}

/**
 * A cell of a bordered table. A cell spanning several rows is given in its first row only; the
 * rows it covers leave that column out.
 */
export interface TableCell {
  paragraphs: Paragraph[];
  rowSpan?: number;
  /** Columns it spans (a group's heading over its columns). */
  colSpan?: number;
}

/**
 * A bordered table across the text width (the action plan's columns): a header row, repeated
 * at the top of every page, then the body rows.
 */
export interface Table {
  type: 'table';
  /** Column widths as shares of the text width, in percent, adding up to 100. */
  columnsPct: number[];
  header: TableCell[];
  /**
   * A row above the header naming groups of its columns (colSpan), repeated with it; a column
   * of no group has its header here with rowSpan 2, and the header row leaves it out.
   */
  headerAbove?: TableCell[];
  rows: TableCell[][];
  /** A closing row in bold (the totals), after the last body row. */
  footer?: TableCell[];
  /** The table's text size when smaller than the body's (a wide table of many columns). */
  fontSizePt?: number;
}

/** A data series of a chart, coloured `RRGGBB`. */
export interface ChartSeries {
  name: string;
  color: string;
}

/**
 * A horizontal bar chart: a labelled bar per row, drawn across the text width with its value
 * at the end. Stacked: a bar's values are parts of one bar (their sum is printed); grouped: a
 * bar per series, one under another. Both writers draw it as shapes (no picture), so it prints
 * sharp and stays in the document's fonts.
 */
export interface Chart {
  type: 'chart';
  title: string;
  layout: 'stacked' | 'grouped';
  series: ChartSeries[];
  /**
   * `values` has one number per series; `printed` what stands at the end of each bar drawn
   * (one for a stacked bar, one per series for grouped), formatted in the document's language.
   */
  bars: Array<{ label: string; values: number[]; printed: string[] }>;
}

export type Block = Paragraph | Row | Table | PageBreak | Chart;

export interface DocumentModel {
  /** The file's title (document properties, the preview's heading). */
  title: string;
  /** The document's language, for hyphenation and screen readers. */
  language: 'kk' | 'ru';
  /** The page turned sideways for a wide table; portrait unless said. */
  orientation?: 'portrait' | 'landscape';
  /**
   * The footer centred on every page, in the document's language, `{page}` and `{pages}`
   * standing for the page's number and the count ("Страница {page} из {pages}"): see
   * `pageFooter`. None when absent.
   */
  pageNumbers?: string;
  blocks: Block[];
}

/**
 * The civil-service page: Times New Roman 14 pt on A4, margins 2 cm, the left one 3 cm (for
 * binding). Both writers lay the page out from these values.
 */
export const OFFICIAL_PAGE = {
  widthMm: 210,
  heightMm: 297,
  marginMm: { top: 20, right: 20, bottom: 20, left: 30 },
  font: 'Times New Roman',
  fontSizePt: 14,
  /** The first-line indent of body paragraphs. */
  indentMm: 12.5,
  /**
   * Line spacing as a multiple of single: 1.15, not 1, so the marks of Ә, Ғ, Қ, Ң, Ө, Ұ, Ү, Һ, І
   * and the tails of Қ, Ң, Ұ, Ғ do not touch the line above or below.
   */
  lineSpacing: 1.15,
} as const;

/** The page footer template of `DocumentModel.pageNumbers`, in the language `t` speaks. */
export function pageFooter(t: (key: string, options: Record<string, string>) => string): string {
  return t('DocumentPage.footer', { page: '{page}', pages: '{pages}' });
}

/** The footer template cut into text and the numbers it stands for, in order. */
export function pageFooterParts(template: string): Array<string | { field: 'page' | 'pages' }> {
  return template
    .split(/(\{pages?\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{page}' ? { field: 'page' as const } : part === '{pages}' ? { field: 'pages' as const } : part));
}

export interface ParagraphOptions {
  align?: Align;
  indent?: boolean;
  leftIndentMm?: number;
  beforePt?: number;
  afterPt?: number;
  keepNext?: boolean;
}

/** A paragraph of runs, or of plain text; justified, with no spacing unless asked. */
export function paragraph(content: Run[] | string, options: ParagraphOptions = {}): Paragraph {
  const runs = typeof content === 'string' ? (content === '' ? [] : [{ text: content }]) : content.filter((r) => r.text !== '');
  return {
    type: 'paragraph',
    runs,
    align: options.align ?? 'justify',
    ...(options.indent ? { firstLineIndentMm: OFFICIAL_PAGE.indentMm } : {}),
    ...(options.leftIndentMm ? { leftIndentMm: options.leftIndentMm } : {}),
    ...(options.beforePt ? { beforePt: options.beforePt } : {}),
    ...(options.afterPt ? { afterPt: options.afterPt } : {}),
    ...(options.keepNext ? { keepNext: true } : {}),
  };
}

export function row(cells: Cell[]): Row {
  return { type: 'row', cells };
}

/** The text of a block, runs joined and paragraphs on lines: for tests and plain-text use. */
export function blockText(block: Block): string {
  if (block.type === 'paragraph') return block.runs.map((r) => r.text).join('');
  if (block.type === 'row') return block.cells.map((c) => c.paragraphs.map(blockText).join('\n')).join('\t');
  if (block.type === 'table') {
    const rows = [...(block.headerAbove ? [block.headerAbove] : []), block.header, ...block.rows, ...(block.footer ? [block.footer] : [])];
    return rows.map((r) => r.map((c) => c.paragraphs.map(blockText).join('\n')).join('\t')).join('\n');
  }
  if (block.type === 'chart') return [block.title, ...block.bars.map((b) => `${b.label}\t${b.printed.join('\t')}`)].join('\n');
  return '';
}
