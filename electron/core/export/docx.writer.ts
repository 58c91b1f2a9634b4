import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageBreak as DocxPageBreak,
  PageOrientation,
  Paragraph as DocxParagraph,
  ShadingType,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import {
  OFFICIAL_PAGE,
  pageFooterParts,
  type Align,
  type Block,
  type Chart,
  type DocumentModel,
  type Paragraph,
  type Row,
  type Run,
  type Table as TableBlock,
} from '../../../shared/documents/document';

/** Twips (1/20 pt); rounded, not truncated: A4 is 11906 × 16838 twips, the size Word itself writes. */
const mm = (v: number) => Math.round((v * 1440) / 25.4);
const pt = (v: number) => Math.round(v * 20);

const A4 = { width: mm(OFFICIAL_PAGE.widthMm), height: mm(OFFICIAL_PAGE.heightMm) };
const MARGIN = {
  top: mm(OFFICIAL_PAGE.marginMm.top),
  bottom: mm(OFFICIAL_PAGE.marginMm.bottom),
  right: mm(OFFICIAL_PAGE.marginMm.right),
  left: mm(OFFICIAL_PAGE.marginMm.left),
};
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
/** On a landscape page the margins keep their sides (the binding stays on the left). */
const LANDSCAPE_TEXT_WIDTH = A4.height - MARGIN.left - MARGIN.right;

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

function run(r: Run, sizePt?: number): TextRun {
  return new TextRun({
    text: r.text,
    bold: r.bold,
    italics: r.italics,
    ...(sizePt ? { size: sizePt * 2 } : {}),
    ...(r.muted ? { color: '808080', characterSpacing: 60 } : {}),
  });
}

function paragraph(para: Paragraph, sizePt?: number, bold?: boolean): DocxParagraph {
  return new DocxParagraph({
    children: para.runs.map((r) => run(bold ? { ...r, bold: true } : r, sizePt)),
    alignment: ALIGN[para.align],
    indent:
      para.firstLineIndentMm || para.leftIndentMm
        ? { ...(para.firstLineIndentMm ? { firstLine: mm(para.firstLineIndentMm) } : {}), ...(para.leftIndentMm ? { left: mm(para.leftIndentMm) } : {}) }
        : undefined,
    spacing: { before: pt(para.beforePt ?? 0), after: pt(para.afterPt ?? 0) },
    keepNext: para.keepNext,
  });
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/** A borderless table of one row across the text width, cells aligned at the bottom. */
function table(r: Row, textWidth: number): Table {
  const widths = r.cells.map((c) => Math.round((textWidth * c.widthPct) / 100));
  return new Table({
    rows: [
      new TableRow({
        children: r.cells.map(
          (c, i) =>
            new TableCell({
              children: c.paragraphs.map((p) => paragraph(p)),
              width: { size: widths[i]!, type: WidthType.DXA },
              verticalAlign: VerticalAlign.BOTTOM,
              borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
            }),
        ),
      }),
    ],
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { left: 0, right: 0 },
    borders: TableBorders.NONE,
  });
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const CELL_MARGIN = mm(1.2);

/** A bordered table: the header row repeats on every page and no row breaks across pages. */
function gridTable(t: TableBlock, textWidth: number): Table {
  const widths = t.columnsPct.map((pct) => Math.round((textWidth * pct) / 100));
  const taken = widths.map(() => 0);
  const row = (cells: TableBlock['header'], header: boolean, bold = false) => {
    // The columns a cell from a row above still covers are left out of this row.
    let column = 0;
    const children = cells.map((c) => {
      while ((taken[column] ?? 0) > 0) column++;
      if ((c.rowSpan ?? 1) > 1) taken[column] = c.rowSpan!;
      const span = c.colSpan ?? 1;
      const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
      column += span;
      return new TableCell({
        children: c.paragraphs.length > 0 ? c.paragraphs.map((p) => paragraph(p, t.fontSizePt, bold)) : [new DocxParagraph({})],
        width: { size: width, type: WidthType.DXA },
        rowSpan: c.rowSpan,
        columnSpan: span > 1 ? span : undefined,
        verticalAlign: header ? VerticalAlign.CENTER : VerticalAlign.TOP,
      });
    });
    for (let i = 0; i < taken.length; i++) if (taken[i]! > 0) taken[i]!--;
    return new TableRow({ children, tableHeader: header, cantSplit: true });
  };
  return new Table({
    rows: [...(t.headerAbove ? [row(t.headerAbove, true)] : []), row(t.header, true), ...t.rows.map((r) => row(r, false)), ...(t.footer ? [row(t.footer, false, true)] : [])],
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: mm(0.5), bottom: mm(0.5) },
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
  });
}

/** Steps a chart's bar area is divided into: bars are drawn as shaded cells spanning so many steps. */
const CHART_STEPS = 50;
const CHART_PCT = { label: 34, bars: 54, value: 12 } as const;
const CHART_FONT_PT = 10;

/**
 * Bar lengths in steps, rounded so that a stacked bar is as long as its total says (the
 * largest remainders take the leftover steps).
 */
function steps(values: readonly number[], max: number): number[] {
  if (max <= 0) return values.map(() => 0);
  const exact = values.map((v) => (v / max) * CHART_STEPS);
  const out = exact.map(Math.floor);
  const target = Math.round(exact.reduce((a, b) => a + b, 0));
  const order = exact.map((v, i) => [v - Math.floor(v), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0, left = target - out.reduce((a, b) => a + b, 0); k < order.length && left > 0; k++, left--) out[order[k]![1]]!++;
  return out;
}

const small = (text: string, options: { bold?: boolean; color?: string; align?: Align } = {}) =>
  new DocxParagraph({
    alignment: ALIGN[options.align ?? 'left'],
    children: [new TextRun({ text, size: CHART_FONT_PT * 2, bold: options.bold, ...(options.color ? { color: options.color } : {}) })],
  });

/** A bar chart as a borderless table: label, bars of shaded cells on a fine grid, value. */
function chart(c: Chart, textWidth: number): Array<DocxParagraph | Table> {
  const labelWidth = Math.round((textWidth * CHART_PCT.label) / 100);
  const valueWidth = Math.round((textWidth * CHART_PCT.value) / 100);
  const step = Math.floor((textWidth - labelWidth - valueWidth) / CHART_STEPS);
  const max = Math.max(0, ...c.bars.map((b) => (c.layout === 'stacked' ? b.values.reduce((x, y) => x + y, 0) : Math.max(0, ...b.values))));
  const none = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };
  const cell = (children: DocxParagraph[], span: number, width: number, fill?: string) =>
    new TableCell({
      children,
      columnSpan: span > 1 ? span : undefined,
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      borders: none,
      ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
    });
  const barRow = (label: string, segments: Array<{ value: number; color: string }>, printed: string) => {
    const lengths = steps(segments.map((s) => s.value), max);
    const drawn = lengths.reduce((a, b) => a + b, 0);
    const cells = [cell([small(label)], 1, labelWidth)];
    segments.forEach((s, i) => {
      if (lengths[i]! > 0) cells.push(cell([small('')], lengths[i]!, lengths[i]! * step, s.color));
    });
    if (drawn < CHART_STEPS) cells.push(cell([small('')], CHART_STEPS - drawn, (CHART_STEPS - drawn) * step));
    cells.push(cell([small(printed, { align: 'right' })], 1, valueWidth));
    return new TableRow({ children: cells, cantSplit: true });
  };
  const rows = c.bars.flatMap((b) =>
    c.layout === 'stacked'
      ? [barRow(b.label, b.values.map((value, i) => ({ value, color: c.series[i]!.color })), b.printed[0] ?? '')]
      : b.values.map((value, i) => barRow(i === 0 ? b.label : '', [{ value, color: c.series[i]!.color }], b.printed[i] ?? '')),
  );
  const legend = new DocxParagraph({
    spacing: { after: pt(4) },
    children: c.series.flatMap((s, i) => [
      new TextRun({ text: `${i === 0 ? '' : '    '}■ `, size: CHART_FONT_PT * 2, color: s.color }),
      new TextRun({ text: s.name, size: CHART_FONT_PT * 2 }),
    ]),
  });
  return [
    new DocxParagraph({ children: [new TextRun({ text: c.title, bold: true })], keepNext: true, spacing: { before: pt(12), after: pt(4) } }),
    legend,
    new Table({
      rows,
      width: { size: labelWidth + valueWidth + step * CHART_STEPS, type: WidthType.DXA },
      columnWidths: [labelWidth, ...Array.from({ length: CHART_STEPS }, () => step), valueWidth],
      layout: TableLayoutType.FIXED,
      margins: { left: mm(0.5), right: mm(0.5), top: mm(0.3), bottom: mm(0.3) },
      borders: TableBorders.NONE,
    }),
  ];
}

function block(b: Block, textWidth: number): Array<DocxParagraph | Table> {
  if (b.type === 'paragraph') return [paragraph(b)];
  if (b.type === 'row') return [table(b, textWidth)];
  if (b.type === 'table') return [gridTable(b, textWidth)];
  if (b.type === 'chart') return chart(b, textWidth);
  return [new DocxParagraph({ children: [new DocxPageBreak()] })];
}

type Orientation = NonNullable<DocumentModel['orientation']>;

/** The model's blocks cut where the page turns: Word keeps one orientation per section. */
function sections(model: DocumentModel): Array<{ orientation: Orientation; blocks: Block[] }> {
  const out = [{ orientation: model.orientation ?? 'portrait', blocks: [] as Block[] }];
  for (const b of model.blocks) {
    if (b.type === 'pageBreak' && b.orientation) out.push({ orientation: b.orientation, blocks: [] });
    else out.at(-1)!.blocks.push(b);
  }
  return out;
}

/** The footer of every page: the template's text with Word's PAGE and NUMPAGES fields in it. */
const pageNumberFooter = (template: string) =>
  new Footer({
    children: [
      new DocxParagraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: pageFooterParts(template).map((part) =>
              typeof part === 'string' ? part : part.field === 'page' ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES,
            ),
            size: 20,
          }),
        ],
      }),
    ],
  });

/** A document model as a Word file on the civil-service page. No I/O: the caller saves or sends the bytes. */
export async function writeDocx(model: DocumentModel): Promise<Buffer> {
  const doc = new Document({
    creator: 'Esep',
    title: model.title,
    styles: {
      default: {
        document: {
          run: { font: OFFICIAL_PAGE.font, size: OFFICIAL_PAGE.fontSizePt * 2, language: { value: model.language === 'kk' ? 'kk-KZ' : 'ru-RU' } },
          // The rule said, not left to the reader: LibreOffice takes a bare `w:line` as exact
          // twips, so 14 pt letters on 12 pt lines lost their Kazakh marks to the line above.
          paragraph: { spacing: { line: Math.round(240 * OFFICIAL_PAGE.lineSpacing), lineRule: LineRuleType.AUTO } },
        },
      },
    },
    sections: sections(model).map(({ orientation, blocks }) => {
      const landscape = orientation === 'landscape';
      return {
        properties: { page: { size: landscape ? { ...A4, orientation: PageOrientation.LANDSCAPE } : A4, margin: MARGIN } },
        ...(model.pageNumbers ? { footers: { default: pageNumberFooter(model.pageNumbers) } } : {}),
        children: blocks.flatMap((b) => block(b, landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH)),
      };
    }),
  });
  return Packer.toBuffer(doc);
}
