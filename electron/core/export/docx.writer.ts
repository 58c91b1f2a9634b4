import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageBreak as DocxPageBreak,
  PageOrientation,
  Paragraph as DocxParagraph,
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
  type Align,
  type Block,
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

function paragraph(para: Paragraph, sizePt?: number): DocxParagraph {
  return new DocxParagraph({
    children: para.runs.map((r) => run(r, sizePt)),
    alignment: ALIGN[para.align],
    indent: para.firstLineIndentMm ? { firstLine: mm(para.firstLineIndentMm) } : undefined,
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
  const row = (cells: TableBlock['header'], header: boolean) => {
    // The columns a cell from a row above still covers are left out of this row.
    let column = 0;
    const children = cells.map((c) => {
      while ((taken[column] ?? 0) > 0) column++;
      if ((c.rowSpan ?? 1) > 1) taken[column] = c.rowSpan!;
      const width = widths[column++] ?? 0;
      return new TableCell({
        children: c.paragraphs.length > 0 ? c.paragraphs.map((p) => paragraph(p, t.fontSizePt)) : [new DocxParagraph({})],
        width: { size: width, type: WidthType.DXA },
        rowSpan: c.rowSpan,
        verticalAlign: header ? VerticalAlign.CENTER : VerticalAlign.TOP,
      });
    });
    for (let i = 0; i < taken.length; i++) if (taken[i]! > 0) taken[i]!--;
    return new TableRow({ children, tableHeader: header, cantSplit: true });
  };
  return new Table({
    rows: [row(t.header, true), ...t.rows.map((r) => row(r, false))],
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: mm(0.5), bottom: mm(0.5) },
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
  });
}

function block(b: Block, textWidth: number): DocxParagraph | Table {
  if (b.type === 'paragraph') return paragraph(b);
  if (b.type === 'row') return table(b, textWidth);
  if (b.type === 'table') return gridTable(b, textWidth);
  return new DocxParagraph({ children: [new DocxPageBreak()] });
}

/** A document model as a Word file on the civil-service page. No I/O: the caller saves or sends the bytes. */
export async function writeDocx(model: DocumentModel): Promise<Buffer> {
  const landscape = model.orientation === 'landscape';
  const doc = new Document({
    creator: 'Esep',
    title: model.title,
    styles: {
      default: {
        document: {
          run: { font: OFFICIAL_PAGE.font, size: OFFICIAL_PAGE.fontSizePt * 2, language: { value: model.language === 'kk' ? 'kk-KZ' : 'ru-RU' } },
          paragraph: { spacing: { line: 240 } },
        },
      },
    },
    sections: [
      {
        properties: { page: { size: landscape ? { ...A4, orientation: PageOrientation.LANDSCAPE } : A4, margin: MARGIN } },
        children: model.blocks.map((b) => block(b, landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH)),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
