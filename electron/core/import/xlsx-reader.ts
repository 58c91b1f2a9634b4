import ExcelJS from 'exceljs';
import { EsepError } from '../../../shared/errors';
import { megabytesRoundedUp } from '../../../shared/format/size';
import { EMPTY_CELL, type ImportCell } from '../../../shared/domain/issues/legacy-import';
import { fromYmd } from '../../../shared/domain/dates';
import { detectFileType } from '../files/file-type';
import { MAX_IMPORT_BYTES } from '../../../shared/contract/issues-import.contract';

const MB = 1024 * 1024;

export const MAX_IMPORT_ROWS = 50_000;
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
  if (detectFileType(data, fileName) !== 'xlsx') throw new EsepError('import_file_invalid', { fileName });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
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
