import ExcelJS from 'exceljs';

/**
 * Legacy Excel logs as akimats keep them, built with exceljs: a merged title over the sheet, a
 * blank line, the header, sometimes a line of column numbers, then the rows, with dates typed
 * every which way. For the import's tests and the E2E (`sampleLegacyLog` writes a realistic one).
 */
export interface LegacySheet {
  name?: string;
  /** A title merged across the header's width, on row 1 (then a blank row 2). */
  title?: string;
  headers: readonly string[];
  /** "1 2 3…" under the header, as many logs have. */
  numbering?: boolean;
  rows: ReadonlyArray<ReadonlyArray<ExcelJS.CellValue>>;
  /** Ranges to merge (A1 style), e.g. a date shared by two rows: 'B6:B7'. */
  merges?: readonly string[];
}

/** The Excel row number of the first data row of a sheet built by `legacyWorkbook`. */
export function firstDataRow(sheet: Pick<LegacySheet, 'title' | 'numbering'>): number {
  return (sheet.title ? 3 : 1) + (sheet.numbering ? 2 : 1);
}

export async function legacyWorkbook(...sheets: LegacySheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [n, sheet] of sheets.entries()) {
    const ws = workbook.addWorksheet(sheet.name ?? `Лист${n + 1}`);
    let row = 1;
    if (sheet.title) {
      ws.getCell(1, 1).value = sheet.title;
      ws.mergeCells(1, 1, 1, sheet.headers.length);
      row = 3;
    }
    ws.getRow(row).values = [...sheet.headers];
    if (sheet.numbering) ws.getRow(++row).values = sheet.headers.map((_, i) => i + 1);
    for (const values of sheet.rows) {
      row++;
      values.forEach((value, c) => {
        if (value !== null && value !== undefined) ws.getCell(row, c + 1).value = value;
      });
    }
    for (const range of sheet.merges ?? []) ws.mergeCells(range);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** An Excel date cell: exceljs writes a JS Date as Excel's day number with a date format. */
export const excelDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

export const RU_HEADERS = [
  '№ п/п',
  'Дата',
  'Вид обращения',
  'Содержание вопроса',
  'Категория',
  'Населённый пункт',
  'ФИО',
  'Телефон',
  'Ответственный',
  'Срок исполнения',
  'Статус',
  'Ответ',
  '№ е-Өтініш',
] as const;

/** One row of a Russian log, by field; what is left out stays empty. */
export interface RuRow {
  date?: ExcelJS.CellValue;
  kind?: string;
  text?: ExcelJS.CellValue;
  category?: string;
  locality?: string;
  name?: string;
  phone?: ExcelJS.CellValue;
  body?: string;
  deadline?: ExcelJS.CellValue;
  status?: string;
  answer?: string;
  eotinish?: string;
}

export function ruRow(n: number, r: RuRow): ExcelJS.CellValue[] {
  return [n, r.date, r.kind, r.text, r.category, r.locality, r.name, r.phone, r.body, r.deadline, r.status, r.answer, r.eotinish].map((v) => v ?? null);
}

export const KK_HEADERS = ['Р/с', 'Күні', 'Мәселенің мазмұны', 'Санат', 'Елді мекен', 'Аты-жөні', 'Телефон', 'Мерзімі', 'Күйі', 'Жауап'] as const;

/** Excel's day number of a date (what a date cell without a date format holds). */
export const excelSerial = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25569;

/**
 * A realistic Russian log of a rural okrug (Karaauyl, Abay district): five good rows in every
 * date form and two bad ones (no text; a date that is not one). Today must be after 2025-03-15.
 */
export function sampleLegacyLog(): Promise<Buffer> {
  return legacyWorkbook({
    name: 'Журнал 2025',
    title: 'Журнал учёта вопросов, поднятых на встречах акима Карааульского сельского округа с населением',
    headers: RU_HEADERS,
    numbering: true,
    rows: [
      ruRow(1, { date: excelDate('2025-01-15'), kind: 'Вопрос', text: 'Ремонт дороги по улице Абая', category: 'Дороги и мосты', locality: 'с.Карааул', name: 'Ахметов Б.', phone: '8 701 123 45 67', deadline: '15.03.2025', status: 'В работе' }),
      ruRow(2, { date: '15.01.2025', kind: 'Предложение', text: 'Открыть спортивную секцию для детей', category: 'Культура и спорт', locality: 'Қараауыл а.' }),
      ruRow(3, { date: '2025-01-20', kind: 'Жалоба', text: 'Нет уличного освещения на улице Кунанбаева', category: 'Электроснабжение и уличное освещение', name: 'Омарова А.', phone: '87021234567', status: 'Исполнено', answer: 'Установлены 12 светильников', eotinish: 'ЖТ-2025-00000142' }),
      ruRow(4, { date: '20 января 2025 г.', kind: 'Вопрос', text: 'Подвоз воды в летний период', category: 'Водоснабжение и водоотведение', locality: 'с.Карааул', status: 'Разъяснено', answer: 'Подвоз организован по графику' }),
      ruRow(5, { date: '2025 жылғы 1 ақпан', text: 'Қоқыс шығару кестесі', category: 'ТКШ, тарифтер, қоқыс шығару' }),
      ruRow(6, { date: '03.02.2025', kind: 'Вопрос', category: 'Прочее' }),
      ruRow(7, { date: '31.02.2025', kind: 'Вопрос', text: 'Ремонт моста через реку', category: 'Дороги и мосты' }),
    ],
  });
}
