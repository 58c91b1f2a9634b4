import pdfmake from 'pdfmake';
import type { Content, CustomTableLayout, TableCell as PdfCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  OFFICIAL_PAGE,
  pageFooterParts,
  type Block,
  type Chart,
  type DocumentModel,
  type Paragraph,
  type Row,
  type Table,
  type TableCell,
} from '../../../shared/documents/document';
import { pdfFontFiles } from './pdf.fonts';

/** Points: PDF's unit. */
const mm = (v: number) => (v * 72) / 25.4;

const MARGINS: [number, number, number, number] = [
  mm(OFFICIAL_PAGE.marginMm.left),
  mm(OFFICIAL_PAGE.marginMm.top),
  mm(OFFICIAL_PAGE.marginMm.right),
  mm(OFFICIAL_PAGE.marginMm.bottom),
];

type Orientation = NonNullable<DocumentModel['orientation']>;

function textWidth(orientation: Orientation): number {
  const page = orientation === 'landscape' ? OFFICIAL_PAGE.heightMm : OFFICIAL_PAGE.widthMm;
  return mm(page - OFFICIAL_PAGE.marginMm.left - OFFICIAL_PAGE.marginMm.right);
}

const FONT = 'Serif';
let fontsSet = false;

/**
 * pdfmake keeps its fonts and access policies in a module-wide instance: set once, to our font
 * files only. Nothing else is read from disk, nothing fetched (a document has no URLs anyway).
 */
function configure(): void {
  if (fontsSet) return;
  const files = pdfFontFiles();
  const allowed = new Set(Object.values(files));
  pdfmake.setFonts({ [FONT]: { ...files } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => allowed.has(file));
  fontsSet = true;
}

function paragraph(p: Paragraph, bold = false): Content {
  return {
    // An empty paragraph keeps its line, as in Word.
    text: p.runs.length === 0 ? ' ' : p.runs.map((r) => ({ text: r.text, bold: bold || r.bold, italics: r.italics, ...(r.muted ? { color: '#808080', characterSpacing: 3 } : {}) })),
    alignment: p.align,
    ...(p.firstLineIndentMm ? { leadingIndent: mm(p.firstLineIndentMm) } : {}),
    margin: [mm(p.leftIndentMm ?? 0), p.beforePt ?? 0, 0, p.afterPt ?? 0],
    // Kept with what follows by the pageBreakBefore rule below.
    ...(p.keepNext ? { headlineLevel: 1 } : {}),
  };
}

const stack = (paragraphs: Paragraph[], bold = false): Content => ({ stack: paragraphs.map((p) => paragraph(p, bold)) });

function row(r: Row): Content {
  return {
    table: { widths: r.cells.map((c) => `${c.widthPct}%`), body: [r.cells.map((c) => ({ ...(stack(c.paragraphs) as object), verticalAlignment: 'bottom' }) as PdfCell)] },
    layout: { ...NO_LINES, paddingLeft: () => 0, paddingRight: () => 0 },
  };
}

const NO_LINES: CustomTableLayout = { hLineWidth: () => 0, vLineWidth: () => 0 };
const GRID: CustomTableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  paddingLeft: () => mm(0.8),
  paddingRight: () => mm(0.8),
  paddingTop: () => mm(0.5),
  paddingBottom: () => mm(0.5),
};

/** The model's rows leave out columns a cell above still spans; pdfmake wants an empty cell there. */
function gridRows(t: Table): PdfCell[][] {
  const taken = t.columnsPct.map(() => 0);
  const convert = (cells: TableCell[], bold: boolean): PdfCell[] => {
    const out: PdfCell[] = [];
    let next = 0;
    for (let column = 0; column < t.columnsPct.length; column++) {
      if (taken[column]! > 0) {
        out.push({});
        taken[column]!--;
        continue;
      }
      const c = cells[next++];
      if (!c) {
        out.push({});
        continue;
      }
      const span = c.colSpan ?? 1;
      if ((c.rowSpan ?? 1) > 1) taken[column] = c.rowSpan! - 1;
      out.push({ ...(stack(c.paragraphs, bold) as object), ...((c.rowSpan ?? 1) > 1 ? { rowSpan: c.rowSpan } : {}), ...(span > 1 ? { colSpan: span } : {}) } as PdfCell);
      for (let k = 1; k < span; k++) out.push({});
      column += span - 1;
    }
    return out;
  };
  return [...(t.headerAbove ? [convert(t.headerAbove, false)] : []), convert(t.header, false), ...t.rows.map((r) => convert(r, false)), ...(t.footer ? [convert(t.footer, true)] : [])];
}

function table(t: Table): Content {
  return {
    table: { headerRows: t.headerAbove ? 2 : 1, dontBreakRows: true, widths: t.columnsPct.map((w) => `${w}%`), body: gridRows(t) },
    layout: GRID,
    ...(t.fontSizePt ? { fontSize: t.fontSizePt } : {}),
  };
}

const CHART_PCT = { label: 34, bars: 54, value: 12 } as const;
const CHART_FONT_PT = 10;
const BAR_HEIGHT = 9;

/** A bar chart as vector shapes: a borderless table of label, bar (a canvas of rectangles) and value. */
function chart(c: Chart, width: number): Content {
  const barWidth = (width * CHART_PCT.bars) / 100 - 2;
  const max = Math.max(0, ...c.bars.map((b) => (c.layout === 'stacked' ? b.values.reduce((x, y) => x + y, 0) : Math.max(0, ...b.values))));
  const scale = (v: number) => (max > 0 ? (v / max) * barWidth : 0);
  const bar = (segments: Array<{ value: number; color: string }>): PdfCell => {
    let x = 0;
    const rects = segments
      .filter((s) => s.value > 0)
      .map((s) => {
        const w = scale(s.value);
        const rect = { type: 'rect' as const, x, y: 0, w, h: BAR_HEIGHT, color: `#${s.color}` };
        x += w;
        return rect;
      });
    // A zero bar still takes its line.
    return { canvas: rects.length > 0 ? rects : [{ type: 'rect', x: 0, y: 0, w: 0.1, h: BAR_HEIGHT, color: '#ffffff' }], margin: [0, 1, 0, 0] } as PdfCell;
  };
  const body: PdfCell[][] = c.bars.flatMap((b) =>
    c.layout === 'stacked'
      ? [[{ text: b.label }, bar(b.values.map((value, i) => ({ value, color: c.series[i]!.color }))), { text: b.printed[0] ?? '', alignment: 'right' }]]
      : b.values.map((value, i) => [{ text: i === 0 ? b.label : '' }, bar([{ value, color: c.series[i]!.color }]), { text: b.printed[i] ?? '', alignment: 'right' }]),
  ) as PdfCell[][];
  return {
    stack: [
      { text: c.title, bold: true, margin: [0, 12, 0, 4], headlineLevel: 1 },
      { text: c.series.flatMap((s, i) => [{ text: `${i === 0 ? '' : '    '}■ `, color: `#${s.color}` }, { text: s.name }]), fontSize: CHART_FONT_PT, margin: [0, 0, 0, 4] },
      {
        table: { widths: [`${CHART_PCT.label}%`, `${CHART_PCT.bars}%`, `${CHART_PCT.value}%`], body, dontBreakRows: true },
        layout: { ...NO_LINES, paddingTop: () => 1, paddingBottom: () => 1, paddingLeft: () => 1, paddingRight: () => 1 },
        fontSize: CHART_FONT_PT,
      },
    ],
  } as Content;
}

function content(model: DocumentModel): Content[] {
  let orientation: Orientation = model.orientation ?? 'portrait';
  let pending: { pageBreak: 'before'; pageOrientation?: Orientation } | null = null;
  const out: Content[] = [];
  const push = (b: Block) => {
    if (b.type === 'pageBreak') {
      if (b.orientation) orientation = b.orientation;
      pending = { pageBreak: 'before', ...(b.orientation ? { pageOrientation: b.orientation } : {}) };
      return;
    }
    const node =
      b.type === 'paragraph' ? paragraph(b) : b.type === 'row' ? row(b) : b.type === 'table' ? table(b) : chart(b, textWidth(orientation));
    out.push(pending ? ({ ...(node as object), ...pending } as Content) : node);
    pending = null;
  };
  model.blocks.forEach(push);
  return out;
}

/** The footer of every page, the template's numbers filled in. */
const footer = (template: string) => (page: number, pages: number) => ({
  text: pageFooterParts(template)
    .map((part) => (typeof part === 'string' ? part : String(part.field === 'page' ? page : pages)))
    .join(''),
  alignment: 'center' as const,
  fontSize: 10,
  margin: [0, mm(8), 0, 0] as [number, number, number, number],
});

/**
 * A document model as a PDF on the civil-service page, with the same blocks as the DOCX: the
 * core writes it, so the app and the CLI give the same file. No I/O but reading the font.
 */
export async function writePdf(model: DocumentModel): Promise<Buffer> {
  configure();
  const definition: TDocumentDefinitions = {
    info: { title: model.title, creator: 'Esep', producer: 'Esep' },
    language: model.language === 'kk' ? 'kk-KZ' : 'ru-RU',
    pageSize: 'A4',
    pageOrientation: model.orientation ?? 'portrait',
    pageMargins: MARGINS,
    defaultStyle: { font: FONT, fontSize: OFFICIAL_PAGE.fontSizePt, lineHeight: OFFICIAL_PAGE.lineSpacing },
    content: content(model),
    // A heading never ends a page: it moves to the next one with what it heads.
    pageBreakBefore: (node, nodes) => node.headlineLevel === 1 && nodes.getFollowingNodesOnPage().length === 0,
    ...(model.pageNumbers ? { footer: footer(model.pageNumbers) } : {}),
  };
  return pdfmake.createPdf(definition).getBuffer();
}
