import ExcelJS from 'exceljs';
import type { TFunction } from 'i18next';
import { PLAN_COLUMNS, planTable, type PlanColumn, type PlanDocInput, type PlanGroup } from '../../../shared/documents/action-plan.document';
import type { IsoDate } from '../../../shared/domain/dates';
import { amountValue } from '../../../shared/domain/issues/plan';
import { createI18n } from '../../../shared/i18n';
import { DATE_FORMAT, excelDate, printSetup, XLSX_FONT } from './xlsx';

/** Column widths in characters of the default font. */
const WIDTH: Record<PlanColumn, number> = {
  no: 5,
  issue: 42,
  measure: 38,
  completionForm: 18,
  executor: 26,
  deadline: 13,
  fundingSource: 18,
  fundingAmount: 15,
  mark: 24,
};

/** Amounts are numbers, so that a column adds up. */
export const AMOUNT_FORMAT = '#,##0.00';
const TEXT_FORMAT = '@';

const THIN = { style: 'thin' } as const;
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const WRAP_TOP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };
const FONT = XLSX_FONT;

/**
 * The plan as a workbook: the official table on the first sheet (as printed, the measures of
 * one issue under its merged number and text), and a flat register of the same rows on the
 * second (one row per measure, codes and numbers in cells of their own) for filtering and
 * pivoting. No author of an issue appears in either.
 */
export async function buildActionPlanXlsx(input: PlanDocInput): Promise<Buffer> {
  const t = createI18n(input.language).t;
  const { heading, header, groups } = planTable(input, t);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Esep';
  workbook.title = heading.title;

  const sheet = workbook.addWorksheet(t('PlanDoc.sheet.plan'));
  sheet.columns = PLAN_COLUMNS.map((c) => ({ key: c, width: WIDTH[c] }));
  const last = PLAN_COLUMNS.length;
  const HEADER_ROW = 5;

  [heading.office, heading.title, heading.when].forEach((text, i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = text;
    row.getCell(1).font = { name: FONT, size: 14, bold: i < 2 };
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    sheet.mergeCells(i + 1, 1, i + 1, last);
  });
  sheet.getRow(2).height = 40;

  const head = sheet.getRow(HEADER_ROW);
  PLAN_COLUMNS.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = header[c];
    cell.font = { name: FONT, size: 12, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });

  let r = HEADER_ROW + 1;
  for (const g of groups) {
    const first = r;
    for (const l of g.lines) {
      const row = sheet.getRow(r);
      row.getCell('measure').value = l.measure;
      row.getCell('completionForm').value = l.completionForm;
      row.getCell('executor').value = l.executor;
      if (l.line.deadline) {
        row.getCell('deadline').value = excelDate(l.line.deadline);
        row.getCell('deadline').numFmt = DATE_FORMAT;
      }
      row.getCell('fundingSource').value = l.fundingSource;
      const amount = amountValue(l.line.fundingAmount);
      if (amount !== null) {
        row.getCell('fundingAmount').value = amount;
        row.getCell('fundingAmount').numFmt = AMOUNT_FORMAT;
      }
      row.getCell('mark').value = l.mark;
      r++;
    }
    sheet.getCell(first, 1).value = g.n;
    sheet.getCell(first, 2).value = g.issue.filter((s) => s !== '').join('\n');
    if (r - first > 1) {
      sheet.mergeCells(first, 1, r - 1, 1);
      sheet.mergeCells(first, 2, r - 1, 2);
    }
  }
  for (let n = HEADER_ROW + 1; n < r; n++) {
    PLAN_COLUMNS.forEach((c, i) => {
      const cell = sheet.getRow(n).getCell(i + 1);
      cell.font = { name: FONT, size: 12 };
      cell.border = BORDER;
      cell.alignment = c === 'no' || c === 'deadline' ? { ...WRAP_TOP, horizontal: 'center' } : c === 'fundingAmount' ? { ...WRAP_TOP, horizontal: 'right' } : WRAP_TOP;
    });
  }
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, activeCell: `A${HEADER_ROW + 1}` }];
  printSetup(sheet, `${HEADER_ROW}:${HEADER_ROW}`);

  addRegister(workbook, groups, t);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const REGISTER_COLUMNS = [
  ['no', 6],
  ['registryNo', 10],
  ['meetingNo', 10],
  ['raisedOn', 12],
  ['unitKato', 12],
  ['localityKato', 12],
  ['issue', 50],
  ['ordinal', 8],
  ['measure', 40],
  ['completionForm', 18],
  ['executor', 26],
  ['deadline', 12],
  ['fundingSource', 18],
  ['fundingAmount', 15],
  ['mark', 14],
  ['markNote', 30],
  ['markDate', 12],
] as const;

function addRegister(workbook: ExcelJS.Workbook, groups: PlanGroup[], t: TFunction): void {
  const sheet = workbook.addWorksheet(t('PlanDoc.sheet.register'));
  sheet.columns = REGISTER_COLUMNS.map(([key, width]) => ({ key, width, header: t(`PlanDoc.register.${key}`) }));
  const date = (iso: IsoDate | null) => (iso ? excelDate(iso) : null);
  for (const g of groups) {
    for (const l of g.lines) {
      const { line } = l;
      sheet.addRow({
        no: g.n,
        registryNo: line.issue.registryNo,
        meetingNo: line.issue.meetingNo,
        raisedOn: date(line.issue.raisedOn),
        unitKato: line.issue.unitKato,
        localityKato: line.issue.localityKato ?? '',
        issue: line.issue.text,
        ordinal: line.ordinal,
        measure: line.measure,
        completionForm: line.completionForm,
        executor: line.executor,
        deadline: date(line.deadline),
        fundingSource: line.fundingSource,
        fundingAmount: amountValue(line.fundingAmount),
        mark: t(`PlanDoc.mark.${line.mark}`),
        markNote: line.markNote,
        markDate: date(line.markDate),
      });
    }
  }
  // KATO codes are text: as numbers Excel would show 103230100 as 1.03E+08 and drop leading zeros of any future code.
  for (const key of ['unitKato', 'localityKato'] as const) sheet.getColumn(key).numFmt = TEXT_FORMAT;
  for (const key of ['raisedOn', 'deadline', 'markDate'] as const) sheet.getColumn(key).numFmt = DATE_FORMAT;
  sheet.getColumn('fundingAmount').numFmt = AMOUNT_FORMAT;
  for (const key of ['issue', 'measure', 'executor', 'markNote'] as const) sheet.getColumn(key).alignment = WRAP_TOP;
  // After the column styles, which reach the header's cells too.
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, activeCell: 'A2' }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: REGISTER_COLUMNS.length } };
  printSetup(sheet, '1:1');
}
