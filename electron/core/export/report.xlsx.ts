import ExcelJS from 'exceljs';
import { reportTables, periodText, type ReportCell, type ReportDocInput, type ReportTable, type ReportTableKey } from '../../../shared/documents/report.document';
import { akimOfficeName, unitFullName } from '../../../shared/domain/units/office-name';
import { createI18n } from '../../../shared/i18n';
import { DATE_FORMAT, excelDate, printSetup, XLSX_FONT } from './xlsx';

const NUMBER_FORMAT: Record<'count' | 'share' | 'days', string> = { count: '#,##0', share: '0.0%', days: '0.0' };

/** Excel refuses these in a sheet name, and more than 31 characters. */
const FORBIDDEN = /[[\]:*?/\\]/g;

export function sheetName(name: string): string {
  return name.replace(FORBIDDEN, ' ').trim().slice(0, 31);
}

const LANDSCAPE: ReadonlySet<ReportTableKey> = new Set(['units', 'unresolved', 'trend']);

function put(cell: ExcelJS.Cell, value: ReportCell): void {
  if (value === null) return;
  if (typeof value === 'string') {
    cell.value = value;
    return;
  }
  if ('date' in value) {
    if (value.date === null) return;
    cell.value = excelDate(value.date);
    cell.numFmt = DATE_FORMAT;
    return;
  }
  if (value.n === null) return;
  cell.value = value.n;
  cell.numFmt = NUMBER_FORMAT[value.as];
}

const THIN = { style: 'thin' } as const;
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** One table on a sheet of its own: the header on row 1 (frozen, printed on every page), the totals last. */
function addSheet(workbook: ExcelJS.Workbook, table: ReportTable, pageHeader: string): void {
  const sheet = workbook.addWorksheet(sheetName(table.sheet));
  sheet.columns = table.columns.map((c) => ({ header: c.header, width: c.chars }));
  const header = sheet.getRow(1);
  header.font = { name: XLSX_FONT, bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  const indented = (table.indentColumn ?? 0) + 1;
  for (const r of table.rows) {
    const row = sheet.addRow([]);
    r.cells.forEach((v, k) => put(row.getCell(k + 1), v));
    if (r.depth) row.getCell(indented).alignment = { indent: r.depth * 2 };
    if (r.heading) row.font = { name: XLSX_FONT, bold: true };
  }
  if (table.totals) {
    const row = sheet.addRow([]);
    table.totals.forEach((v, k) => put(row.getCell(k + 1), v));
    row.font = { name: XLSX_FONT, bold: true };
  }
  sheet.eachRow((row) => row.eachCell({ includeEmpty: true }, (cell) => (cell.border = BORDER)));
  if (table.key === 'unresolved') sheet.getColumn(5).alignment = { wrapText: true, vertical: 'top' };
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, activeCell: 'A2' }];
  if (table.rows.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  printSetup(sheet, '1:1', LANDSCAPE.has(table.key) ? 'landscape' : 'portrait');
  // The printed page says whose figures and which period, as the document's heading does.
  sheet.headerFooter = { ...sheet.headerFooter, oddHeader: `&L${pageHeader}` };
}

/**
 * The report as a workbook: a sheet per table of the chosen sections, the same figures as the
 * document but as numbers and dates, so they sort, filter and add up; KATO codes as text.
 */
export async function buildReportXlsx(input: ReportDocInput): Promise<Buffer> {
  const t = createI18n(input.language).t;
  const { report, language: lng } = input;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Esep';
  workbook.title = `${akimOfficeName(report.unit, lng)}: ${periodText(report.period, lng, t)}`;
  // '&' starts a code in a page header; doubled it prints.
  const pageHeader = `${unitFullName(report.unit, lng)}, ${periodText(report.period, lng, t)}`.replaceAll('&', '&&');
  for (const table of reportTables(input, t)) addSheet(workbook, table, pageHeader);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
