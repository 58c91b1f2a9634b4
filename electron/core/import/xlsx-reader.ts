import ExcelJS from 'exceljs';
import { EsepError } from '../../../shared/errors';
import { megabytesRoundedUp } from '../../../shared/format/size';
import { EMPTY_CELL, type ImportCell } from '../../../shared/domain/issues/legacy-import';
import { fromYmd } from '../../../shared/domain/dates';
import { detectFileType, nameAgrees } from '../files/file-type';
import { readZip, ZipError, type ZipEntry, type ZipFailure, type ZipLimits } from '../files/zip-reader';
import { writeCanonicalZip } from '../files/zip-writer';
import { MAX_IMPORT_BYTES } from '../../../shared/contract/issues-import.contract';

const MB = 1024 * 1024;

export const MAX_IMPORT_ROWS = 50_000;

/**
 * What an .xlsx may unpack to, checked by the safe zip reader before exceljs sees a byte:
 * exceljs unzips with JSZip and no limits (a 720 KB bomb held 2.2 GB). Measured on a log at the
 * row limit (50,000 rows of 13 columns, Russian texts, built with exceljs): 2.6 MB, 16 entries,
 * 36 MB unpacked (the sheet 21 MB, its shared strings 14 MB), sheets deflated 10–16:1 (one
 * with borders on every cell as well), shared strings 29:1.
 * - The archive: what the contract admits (MAX_IMPORT_BYTES).
 * - 1,000 entries: a workbook has a dozen, and a few more per sheet, picture or comment.
 * - 128 MiB unpacked, for one entry and for all together: 3.5 times the row limit's log, room
 *   for long texts. What passes is held about three times before exceljs parses it (the
 *   entries, the zip rebuilt for exceljs, its strings), so a file at the limit costs about
 *   400 MB besides exceljs's own model, which MAX_SHEET_ELEMENTS bounds.
 * - 200:1 for one entry, 100:1 overall, past the first MiB: spreadsheet XML deflates 10–30:1;
 *   the long deflated run of a bomb about 1000:1.
 * The sizes are checked on the directory before anything is inflated, and hold while inflating
 * (zip-reader.ts), so a bomb is refused before memory grows.
 */
export const XLSX_LIMITS: Omit<ZipLimits, 'maxArchiveBytes'> = {
  maxEntries: 1_000,
  maxEntryBytes: 128 * MB,
  maxTotalBytes: 128 * MB,
  maxEntryRatio: 200,
  maxTotalRatio: 100,
  ratioGraceBytes: 1 * MB,
};

/**
 * Cells and rows of all sheets together, counted in their XML before exceljs builds an object
 * for each (measured: about 600 bytes a cell, and as much for a row without cells, so this is
 * about 600 MB). The row limit's log has 700,000. A small file within the zip limits can hold
 * millions of empty `<c/>` or `<row/>` elements (12 bytes each, deflated 20:1).
 */
export const MAX_SHEET_ELEMENTS = 1_000_000;

/** The zip reader's refusals that say the file unpacks to too much: a bomb, or not a log. */
const UNPACKED_TOO_LARGE: ReadonlySet<ZipFailure> = new Set(['too_large', 'too_many_entries', 'entry_too_large', 'total_too_large', 'ratio']);
/** The mapping addresses columns 0..200 (see the contract). */
export const MAX_IMPORT_COLUMNS = 201;
/** The header is looked for among the first rows only: titles and blank lines come before it. */
const HEADER_SEARCH_ROWS = 50;
/** A header row has at least this many cells of text. */
const HEADER_MIN_TEXT_CELLS = 3;

export interface SheetRows {
  sheet: string;
  /** The header's row number as Excel shows it (1-based). */
  headerRow: number;
  /** The header's cells as text, one per column (empty for a column without a header). */
  columns: string[];
  /** Non-empty rows under the header, numbered as Excel shows them. */
  rows: Array<{ row: number; cells: ImportCell[] }>;
}

export interface LoadedWorkbook {
  sheets: string[];
  /** The named sheet, or the first one with a header row. */
  read(sheet?: string): SheetRows;
}

/**
 * Opens an .xlsx for import. Refuses, with a code the user can act on, an empty or oversized
 * file, anything that is not an .xlsx by its bytes (an old .xls, a CSV renamed, a corrupt
 * archive), and a workbook exceljs cannot read.
 */
export async function loadXlsx(data: Buffer, fileName: string, options: { maxBytes?: number } = {}): Promise<LoadedWorkbook> {
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
  if (data.length === 0) throw new EsepError('import_file_invalid', { fileName });
  if (data.length > maxBytes) {
    throw new EsepError('import_file_too_large', { fileName, size: megabytesRoundedUp(data.length), max: Math.round((maxBytes / MB) * 10) / 10 });
  }
  if (detectFileType(data) !== 'xlsx' || !nameAgrees(fileName, 'xlsx')) throw new EsepError('import_file_invalid', { fileName });
  const verified = await verifiedXlsx(data, fileName, maxBytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(verified as unknown as ArrayBuffer);
  } catch {
    throw new EsepError('import_file_invalid', { fileName });
  }
  const worksheets = workbook.worksheets.filter((ws) => ws.state !== 'veryHidden');
  if (worksheets.length === 0) throw new EsepError('import_no_header', { fileName });
  const cache = new Map<string, SheetRows | null>();
  const parse = (ws: ExcelJS.Worksheet): SheetRows | null => {
    if (!cache.has(ws.name)) cache.set(ws.name, readSheet(ws));
    return cache.get(ws.name)!;
  };
  return {
    sheets: worksheets.map((ws) => ws.name),
    read(sheet) {
      if (sheet !== undefined) {
        const ws = worksheets.find((w) => w.name === sheet);
        if (!ws) throw new EsepError('not_found', { sheet });
        const parsed = parse(ws);
        if (!parsed) throw new EsepError('import_no_header', { fileName, sheet });
        return parsed;
      }
      for (const ws of worksheets) {
        const parsed = parse(ws);
        if (parsed) return parsed;
      }
      throw new EsepError('import_no_header', { fileName });
    },
  };
}

/**
 * The workbook as exceljs may read it: unpacked by the safe reader within XLSX_LIMITS, its
 * sheets' cells and rows counted, then zipped again from the verified entries, stored (so
 * nothing is deflated twice), for exceljs to unzip what has already been checked.
 */
async function verifiedXlsx(data: Buffer, fileName: string, maxBytes: number): Promise<Buffer> {
  let entries: ZipEntry[];
  try {
    entries = await readZip(data, { limits: { ...XLSX_LIMITS, maxArchiveBytes: maxBytes }, allowDirectories: true });
  } catch (e) {
    if (e instanceof ZipError && UNPACKED_TOO_LARGE.has(e.code)) {
      throw new EsepError('import_file_unpacked_too_large', { fileName, max: XLSX_LIMITS.maxTotalBytes / MB, reason: e.code });
    }
    throw new EsepError('import_file_invalid', { fileName });
  }
  const files = entries.filter((e) => !e.name.endsWith('/'));
  let elements = 0;
  // exceljs reads as a sheet any entry whose name merely contains xl/worksheets/sheetN.xml.
  for (const file of files.filter((f) => f.name.includes('worksheets/'))) {
    for (const tag of ['c', 'row']) {
      elements += countElements(file.data, tag, MAX_SHEET_ELEMENTS - elements);
      if (elements > MAX_SHEET_ELEMENTS) throw new EsepError('import_too_many_cells', { fileName, max: MAX_SHEET_ELEMENTS, rows: MAX_IMPORT_ROWS });
    }
  }
  return writeCanonicalZip(files.map((f) => ({ name: f.name, data: f.data, compress: false })));
}

/** Bytes that end an element's name: white space, `/`, `>`. */
const NAME_END = new Set([0x20, 0x09, 0x0a, 0x0d, 0x2f, 0x3e]);

/** How many `<tag …>` elements the XML holds, counting no further than one past `max`. */
function countElements(xml: Buffer, tag: string, max: number): number {
  const open = Buffer.from(`<${tag}`, 'latin1');
  let count = 0;
  for (let at = xml.indexOf(open); at >= 0 && count <= max; at = xml.indexOf(open, at + open.length)) {
    if (NAME_END.has(xml[at + open.length] ?? 0)) count++;
  }
  return count;
}

function readSheet(ws: ExcelJS.Worksheet): SheetRows | null {
  const headerRow = findHeaderRow(ws);
  if (headerRow === null) return null;
  const width = Math.min(MAX_IMPORT_COLUMNS, Math.max(ws.columnCount, lastFilledColumn(ws.getRow(headerRow))));
  const header = ws.getRow(headerRow);
  const columns = Array.from({ length: width }, (_, c) => cellOf(header.getCell(c + 1).value).text);
  const rows: SheetRows['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    if (number <= headerRow) return;
    const cells = Array.from({ length: width }, (_, c) => cellOf(row.getCell(c + 1).value));
    if (cells.every((cell) => cell.text === '')) return;
    // Many logs number their columns (1, 2, 3…) on the line under the header.
    if (rows.length === 0 && number === headerRow + 1 && isColumnNumbering(cells)) return;
    rows.push({ row: number, cells });
    if (rows.length > MAX_IMPORT_ROWS) throw new EsepError('import_too_many_rows', { max: MAX_IMPORT_ROWS });
  });
  return { sheet: ws.name, headerRow, columns, rows };
}

/**
 * The first row with at least three cells of text. A merged cell counts once: a title merged
 * across the sheet's width ("Журнал учёта вопросов…") is one cell, not a header.
 */
function findHeaderRow(ws: ExcelJS.Worksheet): number | null {
  const last = Math.min(ws.rowCount, HEADER_SEARCH_ROWS);
  for (let r = 1; r <= last; r++) {
    let texts = 0;
    ws.getRow(r).eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const value = cellOf(cell.value);
      if (value.number === null && value.date === null && /\p{L}/u.test(value.text)) texts++;
    });
    if (texts >= HEADER_MIN_TEXT_CELLS) return r;
  }
  return null;
}

function lastFilledColumn(row: ExcelJS.Row): number {
  let last = 0;
  row.eachCell({ includeEmpty: false }, (_, column) => (last = Math.max(last, column)));
  return last;
}

function isColumnNumbering(cells: readonly ImportCell[]): boolean {
  const filled = cells.filter((c) => c.text !== '');
  return filled.length >= HEADER_MIN_TEXT_CELLS && filled.every((c, i) => c.text === String(i + 1));
}

/**
 * A cell's value as the import reads it: what Excel shows. A formula gives its cached result,
 * rich text and hyperlinks their text, a merged cell its master's value (exceljs hands that
 * over already), an error its code (#N/A), so the user sees why a row is rejected.
 */
export function cellOf(value: ExcelJS.CellValue | undefined): ImportCell {
  if (value === null || value === undefined) return EMPTY_CELL;
  if (typeof value === 'string') return { text: value.trim(), date: null, number: null };
  if (typeof value === 'number') return Number.isFinite(value) ? { text: String(value), date: null, number: value } : EMPTY_CELL;
  if (typeof value === 'boolean') return { text: String(value), date: null, number: null };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return EMPTY_CELL;
    // exceljs reads Excel's day as midnight UTC of that day; the UTC fields are the day typed.
    const iso = fromYmd(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    return { text: iso, date: iso, number: null };
  }
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('').trim(), date: null, number: null };
  if ('formula' in value || 'sharedFormula' in value) return cellOf(value.result as ExcelJS.CellValue | undefined);
  if ('hyperlink' in value) return cellOf(value.text as ExcelJS.CellValue);
  if ('error' in value) return { text: value.error, date: null, number: null };
  return EMPTY_CELL;
}
