import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import * as fontkit from 'fontkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { createHandlers } from '../../electron/core/api/handlers';
import { dispatch } from '../../electron/core/api/dispatch';
import { generateDemo } from '../../electron/core/demo/generate';
import { listAudit } from '../../electron/core/db/repos/audit.repo';
import { pdfFontFiles } from '../../electron/core/export/pdf.fonts';
import { excelDate } from '../../electron/core/export/xlsx';
import { createIssue } from '../../electron/core/services/issues.service';
import { blankIssueFields } from '../../shared/contract/issue-defaults';
import { PRINTED_ANNEX_ROWS } from '../../shared/documents/report.document';
import type { FileData } from '../../shared/contract/minutes.contract';
import { REPORT_DOCUMENTS, REPORT_FORMATS, REPORT_SECTIONS, type PeriodReport, type ReportExportInput } from '../../shared/contract/reports.contract';
import { resolvedShare } from '../../shared/domain/reports/figures';
import { parsePeriod } from '../../shared/domain/reports/period';
import { catalogs } from '../../shared/i18n';
import { documentText, footerParts, officeRenderer, renderDocx } from '../helpers/docx-render';
import { ABAY_DISTRICT, KARAAUYL_OKRUG, openTempCore, tempDir } from '../helpers/temp-core';
import { caller } from './meeting-fixtures';

/** A catalog key printed as it is: i18next's answer for a key it does not have. */
const UNTRANSLATED = /\b[A-Z][A-Za-z]+\.[a-z][A-Za-z0-9]*\.[A-Za-z0-9.]+/;

const TODAY = '2026-06-15';
const YEAR = parsePeriod('2025')!;

let core: Core;
let value: ReturnType<typeof caller>['value'];
let report: PeriodReport;
/** The issues of 2025 still open today, as the issue log lists them, and their authors. */
let open: { total: number; authors: string[] };

beforeAll(async () => {
  core = openTempCore({ today: TODAY });
  ({ value } = caller(core));
  value('setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
  generateDemo(core.ctx, { unitKato: ABAY_DISTRICT, fromYear: 2023, toYear: 2026, seed: 11 });
  report = value('reports:get', { unitKato: ABAY_DISTRICT, period: YEAR });
  const page = value('issues:list', { filter: { unitKato: ABAY_DISTRICT, from: YEAR.start, to: YEAR.end, open: true }, sort: { key: 'registryNo', dir: 'asc' }, offset: 0, limit: 500 });
  const authors = page.rows.map((r: { id: string }) => value('issues:author', { id: r.id })?.fullName ?? '').filter((n: string) => n.trim() !== '');
  open = { total: page.total, authors };
});
afterAll(() => core.close());

const input = (over: Partial<ReportExportInput> = {}): ReportExportInput => ({
  unitKato: ABAY_DISTRICT,
  period: YEAR,
  document: 'period',
  format: 'docx',
  language: 'ru',
  sections: [...REPORT_SECTIONS],
  personalData: false,
  ...over,
});

async function ask(c: Core, over: Partial<ReportExportInput>) {
  return dispatch(createHandlers(c, 't'), 'reports:export', input(over));
}

async function exported(over: Partial<ReportExportInput> = {}, c: Core = core): Promise<Buffer> {
  const envelope = await ask(c, over);
  if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
  return Buffer.from((envelope.value as FileData).dataBase64, 'base64');
}

const group = (lng: 'kk' | 'ru') => new Intl.NumberFormat(lng === 'kk' ? 'kk-KZ' : 'ru-RU');
const percent = (lng: 'kk' | 'ru', x: number) => new Intl.NumberFormat(lng === 'kk' ? 'kk-KZ' : 'ru-RU', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x);

/** The tables of a Word file: rows of cell texts. */
function docxTables(docx: Buffer): string[][][] {
  const xml = strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']!);
  const text = (s: string) => [...s.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1]!.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => text(c[1]!))),
  );
}

const xmlOf = (docx: Buffer) => strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']!);

async function workbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

function pdfText(pdf: Buffer, name: string): string {
  const file = path.join(tempDir('esep-pdf-'), `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

const karaauyl = () => report.units.find((u) => u.kato === KARAAUYL_OKRUG)!;
/** The per-unit table's figures of a unit, as the document prints them. */
const unitFigures = (u: Pick<PeriodReport, 'meetings' | 'attendance' | 'issues'>, lng: 'kk' | 'ru') => {
  const f = group(lng).format;
  const m = u.meetings;
  return [m.required, m.heldOnTime, m.heldLate, m.missed, m.open + m.upcoming, m.held, u.attendance.people, u.issues.total, u.issues.closed].map(f);
};

describe('reports:export as DOCX', () => {
  it('carries the figures of reports:get: totals, a unit row, a category, the annex', async () => {
    const docx = await exported({ format: 'docx', language: 'ru' });
    const text = documentText(docx);
    expect(text).not.toMatch(UNTRANSLATED);
    for (const s of ['Аппарат акима Абайского района', 'ОТЧЕТ', 'Период: 2025 год', 'Данные по состоянию на 15 июня 2026 г.']) expect(text).toContain(s);
    const tables = docxTables(docx);
    const summary = tables.find((t) => t[0]?.[0] === 'Показатель')!;
    const valueOf = (label: string) => summary.find((r) => r[0] === label)?.[1];
    expect(valueOf('Всего поднято вопросов')).toBe(group('ru').format(report.issues.total));
    expect(valueOf('закрыто')).toBe(group('ru').format(report.issues.closed));
    expect(valueOf('доля закрытых')).toBe(percent('ru', resolvedShare(report.issues)!));
    expect(valueOf('Положено провести (сроки, начавшиеся в периоде)')).toBe(String(report.meetings.required));
    expect(valueOf('Присутствовало человек')).toBe(group('ru').format(report.attendance.people));

    const units = tables.find((t) => t.some((r) => r[0] === 'Итого' && r.length > 10))!;
    expect(units[0]!.slice(0, 4)).toEqual(['Единица', 'Группа', 'Отчетные встречи', 'Вопросы, поднятые населением']);
    const row = units.find((r) => r[0] === 'Карааульский сельский округ')!;
    expect(row.slice(2, 11)).toEqual(unitFigures(karaauyl(), 'ru'));
    const totals = units.at(-1)!;
    expect(totals[0]).toBe('Итого');
    expect(totals.slice(2, 11)).toEqual(unitFigures(report, 'ru'));
    expect(units.length).toBe(2 + report.units.length + 1);

    const roads = tables.find((t) => t[0]?.[1] === 'Категория')!.find((r) => r[1] === 'Дороги и мосты')!;
    expect(roads[2]).toBe(String(report.issues.byCategory['roads']));

    const annex = tables.at(-1)!;
    expect(annex[0]![4]).toBe('Содержание вопроса');
    expect(annex.length - 1).toBe(open.total);
    expect(open.total).toBeGreaterThan(3);
  });

  it('has the chosen sections only, in the document’s language, pages numbered, wide tables landscape', async () => {
    const docx = await exported({ format: 'docx', language: 'kk', sections: ['summary', 'categories'] });
    const text = documentText(docx);
    expect(text).not.toMatch(UNTRANSLATED);
    for (const s of ['Абай ауданы әкімінің аппараты', 'Кезең: 2025 жыл', '1. Негізгі көрсеткіштер', '2. Мәселелер санаттар мен мәртебелер бойынша', 'Жолдар мен көпірлер']) {
      expect(text).toContain(s);
    }
    for (const s of ['Әкімшілік-аумақтық бірліктер бойынша', 'Қосымша.', 'Диаграммалар', 'Отчет', 'ReportDoc.']) expect(text).not.toContain(s);
    const xml = xmlOf(docx);
    expect(xml).not.toContain('w:orient="landscape"');
    expect(footerParts(docx)).toEqual(['Бет ', '{PAGE}', ' / ', '{NUMPAGES}']);

    const all = xmlOf(await exported({ format: 'docx', language: 'kk', sections: ['units', 'unresolved'] }));
    expect(all.match(/w:orient="landscape"/g)?.length).toBe(1);
    expect(all).toContain('<w:tblHeader/>');
  });

  it('draws the charts as shaded cells, a bar per unit', async () => {
    const docx = await exported({ format: 'docx', language: 'ru', sections: ['charts'] });
    const text = documentText(docx);
    expect(text).not.toMatch(UNTRANSLATED);
    for (const s of ['Проведение отчетных встреч по единицам', 'Поднятые и закрытые вопросы по кварталам', 'Карааульский сельский округ']) expect(text).toContain(s);
    expect(xmlOf(docx)).toMatch(/<w:shd [^>]*w:fill="2E7D32"/);
  });
});

describe('reports:export as XLSX', () => {
  it('writes a sheet per table with real numbers, dates and totals that match', async () => {
    const wb = await workbook(await exported({ format: 'xlsx', language: 'ru', personalData: true }));
    const names = wb.worksheets.map((s) => s.name);
    expect(names).toEqual(['Сводка', 'Участие', 'Единицы', 'Категории', 'Статусы', 'Нерешенные вопросы', 'Динамика по кварталам']);
    for (const n of names) expect(n.length <= 31 && !/[[\]:*?/\\]/.test(n)).toBe(true);

    const summary = wb.getWorksheet('Сводка')!;
    const rowOf = (sheet: ExcelJS.Worksheet, col: number, text: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((r) => {
        if (r.getCell(col).value === text) found = r;
      });
      return found!;
    };
    expect(rowOf(summary, 1, 'Всего поднято вопросов').getCell(2).value).toBe(report.issues.total);
    const share = rowOf(summary, 1, 'доля закрытых').getCell(2);
    expect(share.value).toBeCloseTo(resolvedShare(report.issues)!, 10);
    expect(share.numFmt).toBe('0.0%');
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const units = wb.getWorksheet('Единицы')!;
    expect(units.rowCount).toBe(1 + report.units.length + 1);
    const row = rowOf(units, 1, KARAAUYL_OKRUG);
    expect(row.getCell(2).value).toBe('Карааульский сельский округ');
    expect(row.getCell(2).alignment?.indent).toBe(2);
    const m = karaauyl().meetings;
    expect([4, 5, 6, 7, 8, 9, 10, 11, 12].map((c) => row.getCell(c).value)).toEqual([m.required, m.heldOnTime, m.heldLate, m.missed, m.open + m.upcoming, m.held, karaauyl().attendance.people, karaauyl().issues.total, karaauyl().issues.closed]);
    const totals = units.getRow(units.rowCount);
    expect(totals.getCell(2).value).toBe('Итого');
    expect([4, 10, 11, 12].map((c) => totals.getCell(c).value)).toEqual([report.meetings.required, report.attendance.people, report.issues.total, report.issues.closed]);
    // The totals row is the sum of the rows above it.
    for (const c of [4, 5, 6, 7, 8, 9, 10, 11, 12, 14]) {
      let sum = 0;
      for (let r = 2; r < units.rowCount; r++) sum += Number(units.getRow(r).getCell(c).value ?? 0);
      expect(sum, `column ${c}`).toBe(totals.getCell(c).value);
    }

    const categories = wb.getWorksheet('Категории')!;
    expect(rowOf(categories, 2, 'Дороги и мосты').getCell(3).value).toBe(report.issues.byCategory['roads']);
    const statuses = wb.getWorksheet('Статусы')!;
    expect(statuses.getRow(statuses.rowCount).getCell(3).value).toBe(report.issues.total);

    const unresolved = wb.getWorksheet('Нерешенные вопросы')!;
    expect(unresolved.rowCount - 1).toBe(open.total);
    expect(unresolved.getRow(1).values).toContain('Автор вопроса');
    expect(unresolved.getCell(2, 4).value).toBeInstanceOf(Date);
    expect(unresolved.getCell(2, 4).numFmt).toBe('dd.mm.yyyy');
    const written = unresolved.getColumn(10).values.map(String);
    for (const name of open.authors) expect(written).toContain(name);

    const trend = wb.getWorksheet('Динамика по кварталам')!;
    expect(trend.rowCount - 1).toBe(report.trend.length);
    expect(trend.getCell(2, 2).value).toEqual(new Date(Date.UTC(2024, 0, 1)));
  });

  it('names the sheets in Kazakh, keeps only the chosen ones and no personal data unless asked', async () => {
    const wb = await workbook(await exported({ format: 'xlsx', language: 'kk', sections: ['units', 'unresolved'] }));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Бірліктер', 'Шешілмеген мәселелер']);
    const all = wb.worksheets.flatMap((s) => s.getSheetValues().flat(2)).map(String).join('\n');
    for (const name of open.authors) expect(all).not.toContain(name);
    expect(wb.getWorksheet('Бірліктер')!.getCell(2, 1).value).toBe(ABAY_DISTRICT);
  });
});

describe('reports:export as PDF', () => {
  it('prints the same figures with an embedded font and page numbers', async () => {
    const pdf = await exported({ format: 'pdf', language: 'ru' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf, 'report-ru');
    const flat = text.replace(/\s+/g, ' ');
    for (const s of ['Аппарат акима Абайского района', 'Период: 2025 год', 'Дороги и мосты']) expect(flat).toContain(s);
    const numbers = (l: string) => l.replace(/(\d) (\d)/g, '$1$2').match(/\d[\d,]*/g) ?? [];
    // The table's line of a row, not the chart's bar or the annex's cell of the same name.
    const line = (start: RegExp) => text.split('\n').filter((l) => start.test(l.trim())).sort((a, b) => numbers(b).length - numbers(a).length)[0]!;
    expect(numbers(line(/^Всего поднято вопросов/))).toEqual([String(report.issues.total)]);
    expect(numbers(line(/^Карааульский\s+C\s/)).slice(0, 9)).toEqual(unitFigures(karaauyl(), 'ru').map((s) => s.replace(/\s/g, '')));
    const totals = numbers(line(/^Итого\s+\d/));
    expect(totals.slice(0, 9)).toEqual(
      [report.meetings.required, report.meetings.heldOnTime, report.meetings.heldLate, report.meetings.missed, report.meetings.open + report.meetings.upcoming, report.meetings.held, report.attendance.people, report.issues.total, report.issues.closed].map(String),
    );
    expect(text).toMatch(/Страница 1 из \d+/);
    for (const name of open.authors) expect(flat).not.toContain(name);
  });

  it('adds the authors only when personal data is asked for', async () => {
    const flat = pdfText(await exported({ format: 'pdf', language: 'ru', sections: ['unresolved'], personalData: true }), 'annex-ru').replace(/\s+/g, ' ');
    expect(flat).toContain('Содержит персональные данные авторов вопросов');
    expect(open.authors.length).toBeGreaterThan(0);
    // Names may wrap inside their cell: each word is there.
    for (const name of open.authors) for (const word of name.split(' ')) expect(flat).toContain(word);
  });

  it('embeds a font with every Kazakh and Russian letter the documents use', () => {
    const letters = new Set<string>();
    for (const lng of ['kk', 'ru'] as const) for (const ch of JSON.stringify(catalogs[lng].ReportDoc)) letters.add(ch);
    for (const ch of 'АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯаәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя№–«»■') letters.add(ch);
    for (const file of Object.values(pdfFontFiles())) {
      const font = fontkit.openSync(file);
      const missing = [...letters].filter((ch) => ch.trim() !== '' && !font.hasGlyphForCodePoint(ch.codePointAt(0)!));
      expect(missing, path.basename(file)).toEqual([]);
    }
  });
});

describe('reports:export records and refuses', () => {
  it('records every export in the audit log: who, when, what', async () => {
    const before = listAudit(core.ctx, 'report', ABAY_DISTRICT).length;
    await exported({ format: 'pdf', language: 'kk', sections: ['unresolved', 'summary'], personalData: true });
    const entries = listAudit(core.ctx, 'report', ABAY_DISTRICT);
    expect(entries.length).toBe(before + 1);
    expect(entries.at(-1)).toMatchObject({
      action: 'export',
      actor: core.ctx.actor,
      at: core.ctx.clock.now().getTime(),
      entityId: ABAY_DISTRICT,
      after: { document: 'period', format: 'pdf', language: 'kk', period: YEAR, sections: ['summary', 'unresolved'], personalData: true, fileName: 'Есеп — Абай ауданы — 2025.pdf' },
    });
  });

  it('refuses the point 3 note for a unit outside group A, and any period but a year', async () => {
    expect(await ask(core, { document: 'point3' })).toMatchObject({ ok: false, error: { code: 'report_point3_not_group_a', details: { kato: ABAY_DISTRICT } } });
    expect(await ask(core, { document: 'point3', period: parsePeriod('2025-H1')! })).toMatchObject({ ok: false, error: { code: 'report_point3_not_year' } });
    expect(await ask(core, { period: { start: '2025-12-31', end: '2025-01-01' } })).toMatchObject({ ok: false, error: { code: 'range_invalid' } });
    expect(await ask(core, { sections: [] })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});

describe('the point 3 note of a group A unit', () => {
  let capital: Core;
  afterAll(() => capital.close());

  it('reports the akim’s meeting and the lower akims’ year, and counts as sent for point 3', async () => {
    capital = openTempCore({ today: '2026-02-20' });
    const { value: v } = caller(capital);
    v('setup:complete', { rootKato: '710000000', language: 'ru' });
    v('meetings:recordHeld', { unitKato: '710000000', heldOn: '2026-02-10' });
    const before: PeriodReport = v('reports:get', { unitKato: '710000000', period: parsePeriod('2026') });
    expect(before.point3[0]).toMatchObject({ reportDue: '2026-03-10', reportedOn: null, late: false });

    const docx = await exported({ unitKato: '710000000', document: 'point3', language: 'ru', sections: ['summary', 'units'] }, capital);
    const text = documentText(docx);
    expect(text).not.toMatch(UNTRANSLATED);
    for (const s of ['Администрации Президента Республики Казахстан', 'ИНФОРМАЦИЯ', 'Указа Президента Республики Казахстан от 15 августа 2013 года № 615', 'Встречи нижестоящих акимов за 2025 год', '10 февраля 2026 г.', '10 марта 2026 г.']) {
      expect(text).toContain(s);
    }
    // The lower akims only: the capital itself has no row.
    const year: PeriodReport = v('reports:get', { unitKato: '710000000', period: YEAR });
    const units = docxTables(docx).find((t) => t.some((r) => r[0] === 'Итого'))!;
    expect(units.length).toBe(2 + year.units.length - 1 + 1);
    expect(units.some((r) => r[0] === year.units[0]!.nameRu)).toBe(false);

    const after: PeriodReport = v('reports:get', { unitKato: '710000000', period: parsePeriod('2026') });
    expect(after.point3[0]).toMatchObject({ reportedOn: '2026-02-20', late: false });

    // The workbook of the period report has the decree's checks too, dates as dates.
    const wb = await workbook(await exported({ unitKato: '710000000', period: parsePeriod('2026')!, format: 'xlsx', language: 'ru', sections: ['summary'] }, capital));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Сводка', 'Участие', 'Пункт 3']);
    const point3 = wb.getWorksheet('Пункт 3')!.getRow(2).values as unknown[];
    expect(point3.slice(1)).toEqual(['город Астана', excelDate('2026-02-10'), excelDate('2026-03-10'), excelDate('2026-02-20'), 'в срок']);
    const participation = wb.getWorksheet('Участие')!.getRow(2).values as unknown[];
    expect(participation.slice(1, 3)).toEqual(['город Астана', excelDate('2026-02-10')]);
    expect(String(participation[3])).toMatch(/4\.1/);
  });

  it('exports a year without issues in every format: no chart without bars, no table without rows', async () => {
    const doc = catalogs.kk.ReportDoc.chart;
    for (const format of REPORT_FORMATS) {
      for (const document of REPORT_DOCUMENTS) {
        const file = await exported({ unitKato: '710000000', document, format, language: 'kk' }, capital);
        expect(file.subarray(0, 4).toString('latin1'), `${format} ${document}`).toBe(format === 'pdf' ? '%PDF' : 'PK\u0003\u0004');
        if (format !== 'docx') continue;
        const xml = xmlOf(file);
        expect([...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].every((t) => t[1]!.includes('<w:tr'))).toBe(true);
        expect(documentText(file)).toContain(doc.compliance);
      }
    }
  });
});

describe('a large annex', () => {
  let big: Core;
  afterAll(() => big.close());

  it('a document lists the oldest 500 unresolved issues and says how many there are; the workbook has them all', async () => {
    big = openTempCore({ today: TODAY });
    const { value: v } = caller(big);
    v('setup:complete', { rootKato: ABAY_DISTRICT, language: 'ru' });
    const count = PRINTED_ANNEX_ROWS + 37;
    // One transaction through the real service: one fsync for all of them.
    big.ctx.db.transaction(() => {
      for (let n = 0; n < count; n++) {
        createIssue(big.ctx, { unitKato: KARAAUYL_OKRUG, meetingId: null, raisedOn: `2025-${String(1 + (n % 12)).padStart(2, '0')}-15`, fields: blankIssueFields(`Вопрос № ${n + 1}`), author: null });
      }
    })();
    const docx = await exported({ sections: ['unresolved'] }, big);
    const text = documentText(docx);
    expect(text).toContain(`Приведены первые 500 нерешенных вопросов из ${count}, начиная с самых ранних`);
    const annex = docxTables(docx).at(-1)!;
    expect(annex.length).toBe(1 + PRINTED_ANNEX_ROWS);
    const wb = await workbook(await exported({ sections: ['unresolved'], format: 'xlsx' }, big));
    expect(wb.worksheets[0]!.rowCount).toBe(1 + count);
  });

});

describe('rendered', () => {
  const soffice = officeRenderer();
  if (!soffice) {
    it('needs LibreOffice and poppler (set ESEP_NO_LIBREOFFICE=1 to skip)', ({ skip }) => {
      if (process.env.ESEP_NO_LIBREOFFICE === '1') skip();
      throw new Error('libreoffice and pdftotext/pdftoppm/pdfinfo must be on the PATH (apt-get install libreoffice-writer-nogui poppler-utils), or set ESEP_NO_LIBREOFFICE=1');
    });
    return;
  }

  it('the DOCX opens in LibreOffice in Kazakh, the landscape table on its own pages', { timeout: 120_000 }, async () => {
    const { info, text, png } = renderDocx(soffice, await exported({ format: 'docx', language: 'kk', personalData: false }), 'report-kk');
    expect(info).toMatch(/Pages:\s+\d+/);
    const flat = text.replace(/\s+/g, ' ');
    for (const s of ['Абай ауданы әкімінің аппараты', 'Кезең: 2025 жыл', 'Қараауыл ауылдық округі', 'Барлығы']) expect(flat).toContain(s);
    // һ is in no word of this report (the font test covers it).
    for (const letter of 'әғқңөұүі') expect(text, letter).toContain(letter);
    expect(fs.statSync(png).size).toBeGreaterThan(1000);
  });

  for (const language of ['kk', 'ru'] as const) {
    it(`the PDF renders in ${language}: A4, the wide tables landscape`, async () => {
      const dir = path.resolve('test-results');
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `report-${language}.pdf`);
      fs.writeFileSync(file, await exported({ format: 'pdf', language }));
      const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', file], { encoding: 'utf8' });
      expect(info).toMatch(/Page\s+1 size:\s+595\.\d+ x 841\.\d+ pts/);
      expect(info).toMatch(/size:\s+841\.\d+ x 595\.\d+ pts/);
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
      expect(fonts).toMatch(/DejaVuSerifCondensed\s.*yes\s+yes\s+yes/);
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', file, path.join(dir, `report-${language}-pdf`)]);
      expect(fs.readdirSync(dir).filter((f) => f.startsWith(`report-${language}-pdf`)).length).toBe(3);
    });
  }
});
