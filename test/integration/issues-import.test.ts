import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { createHandlers } from '../../electron/core/api/handlers';
import { dispatch } from '../../electron/core/api/dispatch';
import { loadXlsx, MAX_SHEET_ELEMENTS, XLSX_LIMITS } from '../../electron/core/import/xlsx-reader';
import type { Envelope } from '../../shared/contract/envelope';
import type { ImportMapping, ImportPreview, ImportReport } from '../../shared/contract/issues-import.contract';
import type { Issue, IssuePage } from '../../shared/contract/issues.contract';
import { ABAY_DISTRICT, KARAAUYL_OKRUG, KARAAUYL_VILLAGE, openTempCore } from '../helpers/temp-core';
import { excelDate, excelSerial, KK_HEADERS, legacyWorkbook, RU_HEADERS, ruRow, sampleLegacyLog } from '../helpers/legacy-xlsx';
import { rawZip, runBomb, type RawEntry } from '../helpers/raw-zip';
import { createI18n, errorMessage } from '../../shared/i18n';
import type { ErrorPayload } from '../../shared/errors';

const TODAY = '2025-06-15';

let core: Core;
let handlers: ReturnType<typeof createHandlers>;

async function call<T = any>(channel: string, input: unknown): Promise<Envelope<T>> {
  return (await dispatch(handlers, channel, input, (e) => console.error(e))) as Envelope<T>;
}

async function value<T = any>(channel: string, input: unknown): Promise<T> {
  const result = await call<T>(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value;
}

const source = (data: Buffer, fileName = 'журнал-2025.xlsx', sheet?: string) => ({ fileName, dataBase64: data.toString('base64'), ...(sheet ? { sheet } : {}) });

/** Everything an import writes, read whole: the issues, their authors, history, the FTS index and the audit. */
function snapshot() {
  const db = core.ctx.db;
  const all = (sql: string) => db.prepare(sql).raw().all();
  return {
    issues: all('SELECT * FROM issues ORDER BY seq'),
    authors: all('SELECT * FROM issue_authors ORDER BY issue_id'),
    history: all('SELECT * FROM issue_history ORDER BY id'),
    prolongations: all('SELECT * FROM issue_prolongations ORDER BY id'),
    searchData: all('SELECT * FROM issue_search_data ORDER BY id'),
    searchIdx: all('SELECT * FROM issue_search_idx ORDER BY segid, term'),
    searchDocsize: all('SELECT * FROM issue_search_docsize ORDER BY id'),
    audit: all('SELECT * FROM audit_log ORDER BY at, id'),
  };
}

/**
 * A Russian log as an okrug keeps it: a merged title, a blank line, the header, a line of
 * column numbers, dates in every form, a formula, rich text, a date merged over two rows, and
 * six bad rows. Data start on row 5.
 */
function russianLog(): Promise<Buffer> {
  return legacyWorkbook({
    name: 'Журнал 2025',
    title: 'Журнал учёта вопросов, поднятых на встречах акима Карааульского сельского округа с населением',
    headers: RU_HEADERS,
    numbering: true,
    merges: ['B10:B11'],
    rows: [
      /* 5 */ ruRow(1, { date: excelDate('2025-01-15'), kind: 'Вопрос', text: 'Ремонт дороги по улице Абая', category: 'Дороги и мосты', locality: 'с.Карааул', name: 'Ахметов Б.', phone: '8 701 123 45 67', body: 'Аппарат акима', deadline: '15.03.2025', status: 'В работе' }),
      /* 6 */ ruRow(2, { date: '15.01.2025', kind: 'Предложение', text: { richText: [{ text: 'Открыть ' }, { font: { bold: true }, text: 'спортивную секцию' }, { text: ' для детей' }] }, category: 'культура и спорт', locality: 'Қараауыл а.' }),
      /* 7 */ ruRow(3, { date: '2025-01-20', kind: 'Жалоба', text: { formula: '"Нет уличного освещения"&" на улице Кунанбаева"', result: 'Нет уличного освещения на улице Кунанбаева' }, category: 'ЭЛЕКТРОСНАБЖЕНИЕ И УЛИЧНОЕ ОСВЕЩЕНИЕ', name: 'Омарова А.', phone: '87021234567', status: 'Исполнено', answer: 'Установлены 12 светильников', eotinish: 'ЖТ-2025-00000142' }),
      /* 8 */ ruRow(4, { date: '20 января 2025 г.', kind: 'Вопрос', text: 'Подвоз воды в летний период', category: 'Водоснабжение и водоотведение', status: 'Разъяснено', answer: 'Подвоз организован по графику' }),
      /* 9 */ ruRow(5, { date: '2025 жылғы 1 ақпан', text: 'Қоқыс шығару кестесі', category: 'ТКШ, тарифтер, қоқыс шығару' }),
      /* 10 */ ruRow(6, { date: '05.02.2025', text: 'Ремонт сельского клуба' }),
      /* 11 */ ruRow(7, { text: 'Ремонт крыши школы' }),
      /* 12 */ ruRow(8, { date: '03.02.2025', kind: 'Вопрос', text: '', category: 'Прочее' }),
      /* 13 */ ruRow(9, { date: '32.01.2025', text: 'Ремонт моста через реку' }),
      /* 14 */ ruRow(10, { date: '10.02.2025', text: 'Освоение космоса', category: 'Космос' }),
      /* 15 */ ruRow(11, { date: '01.07.2025', text: 'Праздник села' }),
      /* 16 */ ruRow(12, { date: '10.03.2025', text: 'Детская площадка', deadline: '01.03.2025' }),
      /* 17 */ ruRow(13, { date: '11.03.2025', text: 'Остановка автобуса', phone: 'нет телефона' }),
    ],
  });
}

const VALID_ROWS = [5, 6, 7, 8, 9, 10, 11];
const BAD_ROWS: Record<number, string[]> = {
  12: ['text:required'],
  13: ['raisedOn:date_invalid'],
  14: ['category:unknown'],
  15: ['raisedOn:date_in_future'],
  16: ['deadline:deadline_before_raised'],
  17: ['authorPhone:phone_invalid'],
};

const codes = (report: ImportReport) => Object.fromEntries(report.rows.filter((r) => !r.ok).map((r) => [r.row, r.problems.map((p) => `${p.field}:${p.code}`)]));

let ru: Buffer;
let ruMapping: ImportMapping;
let existing: Issue[];

beforeAll(async () => {
  core = openTempCore({ today: TODAY });
  handlers = createHandlers(core, '0.0.0-test');
  await value('setup:complete', { rootKato: ABAY_DISTRICT, language: 'ru' });
  await value('bodies:save', { nameKk: 'Әкім аппараты', nameRu: 'Аппарат акима', archived: false });
  const fields = {
    kind: 'question', receivedVia: 'oral', collective: false, categoryId: null, localityKato: null, answeredOnSpot: false, answer: '',
    bodyId: null, personId: null, deadline: null, onControl: false, controller: '', eotinishNo: '', repeatsId: null,
  };
  existing = [
    await value('issues:create', { unitKato: KARAAUYL_OKRUG, meetingId: null, raisedOn: '2025-01-05', fields: { ...fields, text: 'Старый вопрос о водопроводе' }, author: null }),
    await value('issues:create', { unitKato: KARAAUYL_OKRUG, meetingId: null, raisedOn: '2025-01-06', fields: { ...fields, text: 'Старый вопрос о свете' }, author: null }),
  ];
  ru = await russianLog();
});
afterAll(() => core.close());

describe('issuesImport:preview', () => {
  it('finds the header under a merged title, skips the column numbers, and suggests the mapping', async () => {
    const preview = await value<ImportPreview>('issuesImport:preview', { source: source(ru) });
    expect(preview.sheets).toEqual(['Журнал 2025']);
    expect(preview.sheet).toBe('Журнал 2025');
    expect(preview.headerRow).toBe(3);
    expect(preview.columns).toEqual([...RU_HEADERS]);
    expect(preview.rowCount).toBe(13);
    expect(preview.sample).toHaveLength(10);
    expect(preview.sample[0]).toEqual({ row: 5, cells: ['1', '2025-01-15', 'Вопрос', 'Ремонт дороги по улице Абая', 'Дороги и мосты', 'с.Карааул', 'Ахметов Б.', '8 701 123 45 67', 'Аппарат акима', '15.03.2025', 'В работе', '', ''] });
    // Rich text joined, a formula's result, a merged date on both of its rows.
    expect(preview.sample[1]!.cells[3]).toBe('Открыть спортивную секцию для детей');
    expect(preview.sample[2]!.cells[3]).toBe('Нет уличного освещения на улице Кунанбаева');
    expect(preview.sample[6]!.row).toBe(11);
    expect(preview.sample[6]!.cells.slice(0, 4)).toEqual(['7', '05.02.2025', '', 'Ремонт крыши школы']);
    expect(preview.suggested).toEqual({
      raisedOn: 1, kind: 2, text: 3, category: 4, locality: 5, authorName: 6, authorPhone: 7, body: 8, deadline: 9, status: 10, answer: 11, eotinishNo: 12,
    });
    ruMapping = preview.suggested;
  });

  it('suggests from Kazakh headers, and picks the first sheet that has a header', async () => {
    const kk = await legacyWorkbook(
      { name: 'Титул', headers: ['Есеп'], rows: [['Қараауыл ауылдық округі']] },
      { name: 'Журнал', headers: KK_HEADERS, rows: [[1, '2025 жылғы 15 қаңтар', 'Жол жөндеу']] },
    );
    const preview = await value<ImportPreview>('issuesImport:preview', { source: source(kk) });
    expect(preview.sheets).toEqual(['Титул', 'Журнал']);
    expect(preview.sheet).toBe('Журнал');
    expect(preview.headerRow).toBe(1);
    expect(preview.suggested).toEqual({ raisedOn: 1, text: 2, category: 3, locality: 4, authorName: 5, authorPhone: 6, deadline: 7, status: 8, answer: 9 });
    const named = await call('issuesImport:preview', { source: source(kk, 'k.xlsx', 'Титул') });
    expect(named).toMatchObject({ ok: false, error: { code: 'import_no_header' } });
    expect(await call('issuesImport:preview', { source: source(kk, 'k.xlsx', 'Нет такого') })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses what is not a readable .xlsx with a code the user can act on', async () => {
    const refused = async (data: Buffer, fileName: string) => (await call('issuesImport:preview', { source: source(data, fileName) })) as any;
    expect(await refused(Buffer.from('№;Дата;Вопрос\n1;15.01.2025;Дорога\n'), 'журнал.xlsx')).toMatchObject({ ok: false, error: { code: 'import_file_invalid', details: { fileName: 'журнал.xlsx' } } });
    expect(await refused(ru, 'журнал.xls')).toMatchObject({ ok: false, error: { code: 'import_file_invalid' } });
    expect(await refused(ru.subarray(0, Math.floor(ru.length / 2)), 'обрезан.xlsx')).toMatchObject({ ok: false, error: { code: 'import_file_invalid' } });
    const numbers = await legacyWorkbook({ headers: ['1', '2', '3'], rows: [[1, 2, 3]] });
    expect(await refused(numbers, 'числа.xlsx')).toMatchObject({ ok: false, error: { code: 'import_no_header' } });
    await expect(loadXlsx(ru, 'big.xlsx', { maxBytes: 1000 })).rejects.toMatchObject({ code: 'import_file_too_large', details: { max: 0 } });
  });
});

describe('issuesImport:check', () => {
  it('reports exactly the bad rows, with the right codes, and writes nothing', async () => {
    const before = snapshot();
    const report = await value<ImportReport>('issuesImport:check', { source: source(ru), mapping: ruMapping, unitKato: KARAAUYL_OKRUG });
    expect(report.rows.map((r) => r.row)).toEqual([...VALID_ROWS, 12, 13, 14, 15, 16, 17]);
    expect(report.rows.filter((r) => r.ok).map((r) => r.row)).toEqual(VALID_ROWS);
    expect(codes(report)).toEqual(BAD_ROWS);
    expect(report).toMatchObject({ valid: 7, invalid: 6, imported: 0 });
    expect(report.rows.find((r) => r.row === 13)!.problems[0]).toEqual({ field: 'raisedOn', code: 'date_invalid', value: '32.01.2025' });
    expect(report.rows.find((r) => r.row === 5)).toMatchObject({ excerpt: 'Ремонт дороги по улице Абая', registryNo: null });
    expect(snapshot()).toEqual(before);
  });

  it('requires the date and text columns, and a unit of the working set', async () => {
    const { raisedOn: _r, ...withoutDate } = ruMapping;
    expect(await call('issuesImport:check', { source: source(ru), mapping: withoutDate, unitKato: KARAAUYL_OKRUG })).toMatchObject({
      ok: false,
      error: { code: 'import_mapping_incomplete', details: { fields: ['raisedOn'] } },
    });
    expect(await call('issuesImport:check', { source: source(ru), mapping: { ...ruMapping, answer: 40 }, unitKato: KARAAUYL_OKRUG })).toMatchObject({
      ok: false,
      error: { code: 'validation', details: { fields: ['mapping.answer'] } },
    });
    expect(await call('issuesImport:check', { source: source(ru), mapping: ruMapping, unitKato: '113833000' })).toMatchObject({ ok: false, error: { code: 'unit_outside_working_set' } });
  });
});

describe('issuesImport:commit', () => {
  it('with bad rows and without onlyValid refuses everything: the database is unchanged', async () => {
    const before = snapshot();
    const result = await call('issuesImport:commit', { source: source(ru), mapping: ruMapping, unitKato: KARAAUYL_OKRUG, onlyValid: false });
    expect(result).toMatchObject({ ok: false, error: { code: 'import_invalid', details: { invalid: 6 } } });
    const report = (result as any).error.details.report as ImportReport;
    expect(codes(report)).toEqual(BAD_ROWS);
    expect(report.imported).toBe(0);
    expect(snapshot()).toEqual(before);
  });

  it('with onlyValid imports exactly the valid rows, numbered after the existing ones, each traceable to its row', async () => {
    const report = await value<ImportReport>('issuesImport:commit', { source: source(ru), mapping: ruMapping, unitKato: KARAAUYL_OKRUG, onlyValid: true });
    expect(report).toMatchObject({ valid: 7, invalid: 6, imported: 7 });
    expect(existing.map((i) => i.registryNo)).toEqual([1, 2]);
    expect(report.rows.filter((r) => r.registryNo !== null).map((r) => [r.row, r.registryNo])).toEqual(VALID_ROWS.map((row, i) => [row, i + 3]));
    expect(codes(report)).toEqual(BAD_ROWS);

    const page = await value<IssuePage>('issues:list', { filter: { unitKato: KARAAUYL_OKRUG }, sort: { key: 'registryNo', dir: 'asc' }, offset: 0, limit: 100 });
    expect(page.total).toBe(9);
    const imported = page.rows.slice(2);
    expect(imported.map((r) => [r.registryNo, r.raisedOn, r.kind, r.text])).toEqual([
      [3, '2025-01-15', 'question', 'Ремонт дороги по улице Абая'],
      [4, '2025-01-15', 'proposal', 'Открыть спортивную секцию для детей'],
      [5, '2025-01-20', 'complaint', 'Нет уличного освещения на улице Кунанбаева'],
      [6, '2025-01-20', 'question', 'Подвоз воды в летний период'],
      [7, '2025-02-01', 'question', 'Қоқыс шығару кестесі'],
      [8, '2025-02-05', 'question', 'Ремонт сельского клуба'],
      [9, '2025-02-05', 'question', 'Ремонт крыши школы'],
    ]);
    expect(imported.map((r) => [r.categoryId, r.statusId, r.closed])).toEqual([
      ['roads', 'in_progress', false],
      ['culture', 'new', false],
      ['power', 'done', true],
      ['water', 'explained', true],
      ['utilities', 'new', false],
      [null, 'new', false],
      [null, 'new', false],
    ]);

    const first = await value<Issue>('issues:get', { id: imported[0]!.id });
    expect(first).toMatchObject({ receivedVia: 'written', localityKato: KARAAUYL_VILLAGE, deadline: '2025-03-15', unitKato: KARAAUYL_OKRUG, hasAuthor: true });
    expect(first.bodyId).not.toBeNull();
    expect(first.history.at(-1)).toMatchObject({ statusId: 'in_progress', onDate: '2025-01-15', comment: 'Импортировано из файла «журнал-2025.xlsx», строка 5' });
    expect(await value('issues:author', { id: first.id })).toEqual({ fullName: 'Ахметов Б.', phone: '8 701 123 45 67', address: '' });

    const lit = await value<Issue>('issues:get', { id: imported[2]!.id });
    expect(lit).toMatchObject({ outcome: 'satisfied', closedOn: '2025-01-20', answer: 'Установлены 12 светильников', eotinishNo: 'ЖТ-2025-00000142' });
    expect(lit.history.at(-1)!.comment).toBe('Импортировано из файла «журнал-2025.xlsx», строка 7');
    const unmapped = await value<Issue>('issues:get', { id: imported[5]!.id });
    expect(unmapped.history.map((h) => [h.statusId, h.comment])).toEqual([
      ['new', ''],
      ['new', 'Импортировано из файла «журнал-2025.xlsx», строка 10'],
    ]);
    expect(await value('issues:author', { id: unmapped.id })).toBeNull();

    const audit = core.ctx.db.prepare(`SELECT after_json FROM audit_log WHERE entity = 'issue_import'`).all() as Array<{ after_json: string }>;
    expect(audit.map((a) => JSON.parse(a.after_json))).toEqual([
      expect.objectContaining({ fileName: 'журнал-2025.xlsx', sheet: 'Журнал 2025', unitKato: KARAAUYL_OKRUG, imported: 7, rejected: 6 }),
    ]);
  });

  it('the imported issues are found by the search index (other case, other ending, Kazakh letters typed plain)', async () => {
    const found = async (search: string) =>
      (await value<IssuePage>('issues:list', { filter: { unitKato: KARAAUYL_OKRUG, search }, sort: { key: 'registryNo', dir: 'asc' }, offset: 0, limit: 10 })).rows.map((r) => r.registryNo);
    expect(await found('кунанбаев')).toEqual([5]);
    expect(await found('СВЕТИЛЬНИК')).toEqual([5]);
    expect(await found('кокыс')).toEqual([7]);
    expect(await found('ЖТ-2025-00000142')).toEqual([5]);
    expect(await found('журнал-2025')).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });

  it('the same file again imports nothing: every row it had imported is a duplicate', async () => {
    const before = snapshot();
    const refused = await call('issuesImport:commit', { source: source(ru), mapping: ruMapping, unitKato: KARAAUYL_OKRUG, onlyValid: false });
    expect(refused).toMatchObject({ ok: false, error: { code: 'import_invalid', details: { invalid: 13 } } });
    expect(snapshot()).toEqual(before);

    const again = await value<ImportReport>('issuesImport:commit', { source: source(ru), mapping: ruMapping, unitKato: KARAAUYL_OKRUG, onlyValid: true });
    expect(again).toMatchObject({ valid: 0, invalid: 13, imported: 0 });
    expect(again.rows.filter((r) => VALID_ROWS.includes(r.row)).map((r) => r.problems)).toEqual(
      VALID_ROWS.map((_, i) => [{ field: 'text', code: 'duplicate', value: String(i + 3) }]),
    );
  });

  it('imports a Kazakh log: Kazakh dates, a day number, a phone stored as a number, a village outside the unit', async () => {
    const kk = await legacyWorkbook({
      name: 'Журнал',
      headers: [...KK_HEADERS, 'Түрі', 'Түсу тәсілі'],
      rows: [
        [1, '2025 жылғы 15 наурыз', 'Мектепке апаратын жолды жөндеу', 'Жолдар мен көпірлер', 'Қараауыл а.', 'Сәрсенова Г.', 87011112233, '2025 жылғы 15 сәуір', 'Орындалуда', '', 'Ұсыныс', 'Ауызша'],
        [2, excelSerial('2025-03-16'), 'Ауыл әкімдігіне жаңа компьютер', 'Басқа', '103230100', '', '', '', 'Жұмыста', '', 'Өтініш', 'Жеке қабылдау'],
        [3, '16-шы наурыз 2025 ж.', 'Ауылға жедел жәрдем көлігі керек', 'Денсаулық сақтау', 'Жидебай', '', '', '', '', '', 'Шағым', ''],
        [4, '17.03.2025', 'Көшеге жарық орнату', 'Электрмен жабдықтау және көше жарығы', 'Ақсу', '', '', '', 'Жоқ', '', 'Сұраныс', 'Көгершін'],
      ],
    });
    const preview = await value<ImportPreview>('issuesImport:preview', { source: source(kk, 'хаттама.xlsx') });
    expect(preview.suggested).toMatchObject({ raisedOn: 1, text: 2, category: 3, locality: 4, authorName: 5, authorPhone: 6, deadline: 7, status: 8, answer: 9, kind: 10, receivedVia: 11 });
    const report = await value<ImportReport>('issuesImport:commit', { source: source(kk, 'хаттама.xlsx'), mapping: preview.suggested, unitKato: KARAAUYL_OKRUG, onlyValid: true });
    expect(codes(report)).toEqual({
      4: ['locality:outside_unit'],
      5: ['kind:unknown', 'receivedVia:unknown', 'status:unknown', 'locality:unknown'],
    });
    expect(report.rows.filter((r) => r.ok).map((r) => [r.row, r.registryNo])).toEqual([
      [2, 10],
      [3, 11],
    ]);
    const [a, b] = await Promise.all(report.rows.filter((r) => r.ok).map(async (r) => {
      const page = await value<IssuePage>('issues:list', { filter: { unitKato: KARAAUYL_OKRUG, search: r.excerpt.split(' ')[0]! }, sort: { key: 'registryNo', dir: 'asc' }, offset: 0, limit: 5 });
      return value<Issue>('issues:get', { id: page.rows.find((x) => x.registryNo === r.registryNo)!.id });
    }));
    expect(a).toMatchObject({ raisedOn: '2025-03-15', deadline: '2025-04-15', kind: 'proposal', receivedVia: 'oral', statusId: 'in_progress', localityKato: KARAAUYL_VILLAGE, categoryId: 'roads' });
    expect(a!.history.at(-1)!.comment).toBe('Импортировано из файла «хаттама.xlsx», строка 2');
    expect(await value('issues:author', { id: a!.id })).toEqual({ fullName: 'Сәрсенова Г.', phone: '87011112233', address: '' });
    expect(b).toMatchObject({ raisedOn: '2025-03-16', kind: 'request', receivedVia: 'personal_reception', statusId: 'in_progress', localityKato: KARAAUYL_VILLAGE, categoryId: 'other' });
  });

  it('an import into the district accepts a village of any of its okrugs', async () => {
    const data = await legacyWorkbook({ headers: ['Күні', 'Сұрақ', 'Елді мекен'], rows: [['2025-04-01', 'Ауруханаға жол', 'Жидебай']] });
    const report = await value<ImportReport>('issuesImport:commit', { source: source(data), mapping: { raisedOn: 0, text: 1, locality: 2 }, unitKato: ABAY_DISTRICT, onlyValid: false });
    expect(report).toMatchObject({ valid: 1, invalid: 0, imported: 1 });
    expect(report.rows[0]!.registryNo).toBe(1);
  });

  it('matches only what can be chosen: no archived category, no closing status without an outcome', async () => {
    await value('issueStatuses:save', { nameKk: 'Бақылаудан алынды', nameRu: 'Снято с контроля', closed: true, outcome: null, archived: false });
    await value('issueCategories:save', { parentId: null, nameKk: 'Ескі санат', nameRu: 'Старая категория', archived: true });
    const data = await legacyWorkbook({
      headers: ['Дата', 'Вопрос', 'Категория', 'Статус', 'Ответственный'],
      rows: [
        ['2025-04-02', 'Вопрос с неясным итогом', '', 'Снято с контроля', 'аппарат АКИМА'],
        ['2025-04-02', 'Вопрос старой категории', 'Старая категория', '', 'Отдел образования'],
        ['2025-04-02', 'Вопрос, назначенный аппарату', 'Прочее', 'Жұмыста', 'Әкім аппараты'],
      ],
    });
    const report = await value<ImportReport>('issuesImport:check', { source: source(data), mapping: { raisedOn: 0, text: 1, category: 2, status: 3, body: 4 }, unitKato: KARAAUYL_OKRUG });
    expect(codes(report)).toEqual({ 2: ['status:no_outcome'], 3: ['category:unknown', 'body:unknown'] });
    expect(report.rows[2]!.ok).toBe(true);
  });

  it('the sample log the E2E uses has five good rows and two bad ones', async () => {
    const data = await sampleLegacyLog();
    const preview = await value<ImportPreview>('issuesImport:preview', { source: source(data, 'sample.xlsx') });
    // Into the district: its texts are already in the okrug's registry (the Russian log above).
    const report = await value<ImportReport>('issuesImport:check', { source: source(data, 'sample.xlsx'), mapping: preview.suggested, unitKato: ABAY_DISTRICT });
    expect(codes(report)).toEqual({ 10: ['text:required'], 11: ['raisedOn:date_invalid'] });
    expect(report.valid).toBe(5);
  });

  it('reads what exceljs hands over for every kind of cell', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Журнал');
    ws.getRow(1).values = ['Дата', 'Вопрос', 'Категория'];
    ws.getCell('A2').value = { formula: 'DATE(2025,1,15)', result: excelDate('2025-01-15') };
    ws.getCell('B2').value = { text: 'Ссылка на обращение', hyperlink: 'https://example.kz' };
    ws.getCell('C2').value = { formula: 'X1', result: { error: '#N/A' } };
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const report = await value<ImportReport>('issuesImport:check', { source: source(data), mapping: { raisedOn: 0, text: 1, category: 2 }, unitKato: KARAAUYL_OKRUG });
    expect(report.rows).toEqual([
      { row: 2, ok: false, excerpt: 'Ссылка на обращение', registryNo: null, problems: [{ field: 'category', code: 'unknown', value: '#N/A' }] },
    ]);
  });
});

const MiB = 1024 * 1024;
const SHEET = 'xl/worksheets/sheet1.xml';

const oneRowLog = () => legacyWorkbook({ headers: RU_HEADERS, rows: [ruRow(1, { date: '15.01.2025', text: 'Ремонт дороги', category: 'Дороги и мосты' })] });

/** The entries of a workbook exceljs wrote, read with fflate (not with the reader under test), directories as exceljs writes them. */
function rawEntriesOf(workbook: Buffer): RawEntry[] {
  return Object.entries(unzipSync(workbook)).map(([name, content]) =>
    name.endsWith('/') ? { name, content, externalAttributes: (0o040755 << 16) >>> 0 } : { name, content, method: 8 },
  );
}

/** A valid one-row log whose sheet is replaced by `sheet`, every other entry as it was. */
async function withSheet(sheet: Omit<RawEntry, 'name'>): Promise<Buffer> {
  const entries = rawEntriesOf(await oneRowLog());
  expect(entries.map((e) => e.name)).toContain(SHEET);
  return rawZip(entries.map((e) => (e.name === SHEET ? { name: SHEET, ...sheet } : e)));
}

/**
 * The issue's bomb: the sheet's own XML with `mib` MiB of spaces before its closing tag (XML
 * a parser would read), deflated about 1000:1. `declared` is what its headers claim it
 * unpacks to (the truth unless given).
 */
async function xlsxBomb(mib: number, options: { withCrc?: boolean; declared?: number } = {}): Promise<Buffer> {
  const xml = Buffer.from(unzipSync(await oneRowLog())[SHEET]!).toString('utf8');
  const close = xml.lastIndexOf('</worksheet>');
  const bomb = runBomb({ mib, byte: 0x20, head: Buffer.from(xml.slice(0, close)), tail: Buffer.from(xml.slice(close)), withCrc: options.withCrc });
  return withSheet({ stored: bomb.stored, method: 8, crc32: bomb.crc32, uncompressedSize: options.declared ?? bomb.uncompressedSize });
}

/** What `run` answers, and the most the resident memory grew above where it was, sampled every millisecond while it ran. */
async function rssGrowth<T>(run: () => Promise<T>): Promise<{ result: T; growth: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const sample = () => (peak = Math.max(peak, process.memoryUsage.rss()));
  const timer = setInterval(sample, 1);
  try {
    const result = await run();
    sample();
    return { result, growth: peak - before };
  } finally {
    clearInterval(timer);
  }
}

/** The refusal a person reads, in each language the app speaks: it names the file. */
function expectMessages(error: ErrorPayload, fileName: string): void {
  for (const lng of ['kk', 'ru'] as const) {
    const text = errorMessage(createI18n(lng).t, error);
    expect(text, lng).toContain(`«${fileName}»`);
    expect(text, lng).not.toMatch(/\{\{|Errors\./);
  }
}

describe('hostile workbooks', () => {
  it("the issue's 720 KB bomb is refused in the preview, check and commit, before memory grows, with its own message; the database unchanged", async () => {
    const bomb = await xlsxBomb(700, { withCrc: true });
    expect(bomb.length).toBeLessThan(760_000);
    const before = snapshot();
    const { result, growth } = await rssGrowth(() => call('issuesImport:preview', { source: source(bomb, 'бомба.xlsx') }));
    expect(result).toEqual({
      ok: false,
      error: { code: 'import_file_unpacked_too_large', details: { fileName: 'бомба.xlsx', max: XLSX_LIMITS.maxTotalBytes / MiB, reason: 'entry_too_large' } },
    });
    expect(growth).toBeLessThan(300 * MiB);
    expectMessages((result as { error: ErrorPayload }).error, 'бомба.xlsx');
    for (const [channel, extra] of [['issuesImport:check', {}], ['issuesImport:commit', { onlyValid: true }]] as const) {
      const refused = await rssGrowth(() => call(channel, { source: source(bomb, 'бомба.xlsx'), mapping: { raisedOn: 1, text: 3 }, unitKato: KARAAUYL_OKRUG, ...extra }));
      expect(refused.result, channel).toMatchObject({ ok: false, error: { code: 'import_file_unpacked_too_large' } });
      expect(refused.growth, channel).toBeLessThan(300 * MiB);
    }
    expect(snapshot()).toEqual(before);
  });

  it('the 2 MB one (2 GiB unpacked), and one small enough to pass the size limits but deflated 1000:1, are refused too', async () => {
    const [bigBomb, denseBomb] = [await xlsxBomb(2048), await xlsxBomb(64)];
    const before = snapshot();
    const big = await rssGrowth(() => call('issuesImport:preview', { source: source(bigBomb, 'big.xlsx') }));
    expect(big.result).toMatchObject({ ok: false, error: { code: 'import_file_unpacked_too_large', details: { reason: 'entry_too_large' } } });
    expect(big.growth).toBeLessThan(300 * MiB);
    const dense = await rssGrowth(() => call('issuesImport:preview', { source: source(denseBomb, 'dense.xlsx') }));
    expect(dense.result).toMatchObject({ ok: false, error: { code: 'import_file_unpacked_too_large', details: { reason: 'ratio' } } });
    expect(dense.growth).toBeLessThan(300 * MiB);
    expect(snapshot()).toEqual(before);
  });

  it('a bomb whose headers lie about its size is stopped where they said it ends, as a damaged file', async () => {
    const lying = await xlsxBomb(700, { declared: 4096 });
    const before = snapshot();
    const { result, growth } = await rssGrowth(() => call('issuesImport:preview', { source: source(lying, 'лжёт.xlsx') }));
    expect(result).toEqual({ ok: false, error: { code: 'import_file_invalid', details: { fileName: 'лжёт.xlsx' } } });
    expect(growth).toBeLessThan(300 * MiB);
    expect(snapshot()).toEqual(before);
  });

  it('a sheet of more cells and rows than a log has is refused before exceljs builds them', async () => {
    // Rows of ten empty cells, deflated about 15:1: within the zip limits, but over a million elements.
    const rows = Math.ceil(MAX_SHEET_ELEMENTS / 11) + 1;
    const columns = 'ABCDEFGHIJ';
    const xml = [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
      ...Array.from({ length: rows }, (_, r) => `<row r="${r + 1}">${[...columns].map((c) => `<c r="${c}${r + 1}"/>`).join('')}</row>`),
      '</sheetData></worksheet>',
    ].join('');
    const workbook = await withSheet({ content: Buffer.from(xml), method: 8 });
    const before = snapshot();
    const { result, growth } = await rssGrowth(() => call('issuesImport:preview', { source: source(workbook, 'ячейки.xlsx') }));
    expect(result).toEqual({ ok: false, error: { code: 'import_too_many_cells', details: { fileName: 'ячейки.xlsx', max: MAX_SHEET_ELEMENTS, rows: 50_000 } } });
    expect(growth).toBeLessThan(300 * MiB);
    expectMessages((result as { error: ErrorPayload }).error, 'ячейки.xlsx');
    expect(snapshot()).toEqual(before);
  });

  it('an entry the safe reader refuses (a name leaving its folder) makes the file unreadable, not a crash', async () => {
    const entries = rawEntriesOf(await oneRowLog());
    expect(await value<ImportPreview>('issuesImport:preview', { source: source(rawZip(entries), 'журнал.xlsx') })).toMatchObject({ rowCount: 1 });
    const escaping = rawZip([...entries, { name: 'xl/../../evil.xml', content: Buffer.from('<x/>') }]);
    expect(await call('issuesImport:preview', { source: source(escaping, 'путь.xlsx') })).toEqual({ ok: false, error: { code: 'import_file_invalid', details: { fileName: 'путь.xlsx' } } });
  });
});
