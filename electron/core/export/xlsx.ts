import type ExcelJS from 'exceljs';
import { toYmd, type IsoDate } from '../../../shared/domain/dates';

/**
 * What every workbook Esep writes shares. Dates are real Excel dates (sortable, filterable, and
 * they survive a locale change) shown as dd.mm.yyyy, which reads the same in Kazakh and
 * Russian; the official long style is for the printed document.
 */
export const DATE_FORMAT = 'dd.mm.yyyy';
export const XLSX_FONT = 'Times New Roman';

/** Midnight UTC: exceljs turns a Date into a serial day number in UTC, so no day shifts. */
export function excelDate(iso: IsoDate): Date {
  const { year, month, day } = toYmd(iso);
  return new Date(Date.UTC(year, month - 1, day));
}

/** A4, one page wide, `titleRows` on every page, 3 cm on the binding side, "n / N" in the footer. */
export function printSetup(sheet: ExcelJS.Worksheet, titleRows: string, orientation: 'portrait' | 'landscape' = 'landscape'): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: titleRows,
    margins: { left: 30 / 25.4, right: 20 / 25.4, top: 20 / 25.4, bottom: 20 / 25.4, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { ...sheet.headerFooter, oddFooter: '&C&P / &N' };
}
