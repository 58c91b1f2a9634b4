import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import type { ActionPlan } from '../../shared/contract/action-plan.contract';
import type { FileData } from '../../shared/contract/minutes.contract';
import type { Language } from '../../shared/contract/schemas';
import { ABAY_DISTRICT, KARAAUYL_OKRUG } from '../helpers/temp-core';
import { documentText, footerParts, officeRenderer, renderDocx } from '../helpers/docx-render';
import { createHandlers } from '../../electron/core/api/handlers';
import { dispatch } from '../../electron/core/api/dispatch';
import { DECISION_LIGHT, DECISION_WATER, planWorld } from './plan-fixtures';

let world: ReturnType<typeof planWorld>;
let core: Core;

const TITLE: Record<Language, string> = {
  kk: 'Қараауыл ауылдық округі әкімінің халықпен кездесуінде көтерілген мәселелерді шешу жөніндегі іс-шаралар жоспары',
  ru: 'План мероприятий по решению вопросов, поднятых на встрече акима Карааульского сельского округа с населением',
};
const OFFICE: Record<Language, string> = {
  kk: 'Қараауыл ауылдық округі әкімінің аппараты',
  ru: 'Аппарат акима Карааульского сельского округа',
};
const EXPECTED: Record<Language, { header: string[]; when: string; village: string; mark: string; deadline: string; registry: string }> = {
  kk: {
    header: ['№ р/с', 'Көтерілген мәселе, елді мекен', 'Іс-шара', 'Аяқтау нысаны', 'Жауапты орындаушы', 'Орындау мерзімі', 'Қаржыландыру көзі', 'Сомасы, теңге', 'Орындалуы туралы белгі'],
    when: 'Кездесу күні: 2025 жылғы 10 шілде',
    village: 'Қараауыл ауылы',
    mark: 'Орындалды, 2025 жылғы 20 шілде',
    deadline: '2025 жылғы 1 қыркүйек',
    registry: 'тіркеу № 1',
  },
  ru: {
    header: ['№ п/п', 'Поднятый вопрос, населённый пункт', 'Мероприятие', 'Форма завершения', 'Ответственный исполнитель', 'Срок исполнения', 'Источник финансирования', 'Сумма, тенге', 'Отметка об исполнении'],
    when: 'Дата встречи: 10 июля 2025 г.',
    village: 'село Карааул',
    mark: 'Исполнено, 20 июля 2025 г.',
    deadline: '1 сентября 2025 г.',
    registry: 'рег. № 1',
  },
};

const FUNDING: Record<Language, string> = { kk: 'Қаржыландыру көзі, сомасы (теңге)', ru: 'Источник финансирования, сумма (тенге)' };

/** Personal data of the issues' authors (seeded in plan-fixtures) that must never be exported. */
const PERSONAL = /Сәрсенбаев Ғалым Төлеуұлы|555 12 34/;

beforeAll(() => {
  world = planWorld();
  core = world.core;
  const plan: ActionPlan = world.value('actionPlan:fill', { scope: { meetingId: world.meeting.id } });
  const water = plan.lines.find((l) => l.issueId === world.issues.water)!;
  world.value('actionPlan:saveRow', {
    id: water.id,
    revision: water.revision,
    issueId: water.issueId,
    fields: {
      measure: water.measure,
      completionForm: 'Ақпарат',
      executor: water.executor,
      deadline: water.deadline,
      fundingSource: 'Жергілікті бюджет',
      fundingAmount: '1 250 000,5',
      mark: 'done',
      markNote: 'Су тасымалы ұйымдастырылды',
      markDate: '2025-07-20',
    },
  });
  // A second measure for the street light: the issue spans two rows.
  world.value('actionPlan:saveRow', {
    issueId: world.issues.light,
    fields: {
      measure: 'Тіреуіштерді ауыстыруға бюджеттік өтінім беру',
      completionForm: 'Бюджеттік өтінім',
      executor: 'Аппарат',
      deadline: '2025-10-15',
      fundingSource: '',
      fundingAmount: '',
      mark: 'not_started',
      markNote: '',
      markDate: null,
    },
  });
});
afterAll(() => core.close());

async function exported(language: Language, format: 'xlsx' | 'docx', scope: object = { meetingId: world.meeting.id }): Promise<FileData> {
  const envelope = await dispatch(createHandlers(core, 't'), 'actionPlan:export', { scope, language, format });
  if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
  return envelope.value as FileData;
}

async function workbook(file: FileData): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
  return wb;
}

const text = (cell: ExcelJS.Cell) => (cell.value === null || cell.value === undefined ? '' : String(cell.value));

describe('actionPlan:export as XLSX', () => {
  for (const language of ['kk', 'ru'] as const) {
    it(`writes the official table in ${language}, read back cell by cell`, async () => {
      const file = await exported(language, 'xlsx');
      expect(file.fileName).toBe(`${language === 'kk' ? 'Іс-шаралар жоспары — Қараауыл а.о.' : 'План мероприятий — Карааульский с.о.'} — 2025-07-10.xlsx`);
      expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const wb = await workbook(file);
      expect(wb.worksheets.map((s) => s.name)).toEqual(language === 'kk' ? ['Жоспар', 'Тізілім'] : ['План', 'Реестр']);
      const sheet = wb.worksheets[0]!;

      expect([1, 2, 3].map((r) => text(sheet.getCell(r, 1)))).toEqual([OFFICE[language], TITLE[language], EXPECTED[language].when]);
      expect(sheet.getRow(5).values).toEqual([undefined, ...EXPECTED[language].header]);
      expect(sheet.getCell(5, 1).font?.bold).toBe(true);
      // Three issues in four rows: the street light has two measures under one number.
      expect(sheet.rowCount).toBe(9);
      expect([6, 7, 8, 9].map((r) => sheet.getCell(r, 1).value)).toEqual([1, 1, 2, 3]);
      expect(sheet.model.merges).toEqual(expect.arrayContaining(['A6:A7', 'B6:B7']));
      expect(text(sheet.getCell(6, 2))).toBe(`Көше жарығы жоқ\n${EXPECTED[language].village}, ${EXPECTED[language].registry}`);
      expect(text(sheet.getCell(6, 3))).toBe(DECISION_LIGHT);
      expect(text(sheet.getCell(7, 3))).toBe('Тіреуіштерді ауыстыруға бюджеттік өтінім беру');
      expect(text(sheet.getCell(8, 3))).toBe(DECISION_WATER);

      // Dates are real dates, amounts numbers; both formatted.
      const deadline = sheet.getCell(6, 6);
      expect(deadline.value).toEqual(new Date(Date.UTC(2025, 8, 1)));
      expect(deadline.numFmt).toBe('dd.mm.yyyy');
      const amount = sheet.getCell(8, 8);
      expect(amount.value).toBe(1250000.5);
      expect(amount.numFmt).toBe('#,##0.00');
      expect(text(sheet.getCell(8, 9))).toBe(`${EXPECTED[language].mark}\nСу тасымалы ұйымдастырылды`);
      // An untouched mark prints nothing.
      expect(text(sheet.getCell(6, 9))).toBe('');
      expect(sheet.getCell(6, 3).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
      expect(sheet.getCell(6, 3).border?.left?.style).toBe('thin');

      // Frozen header, widths, print setup.
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
      expect(sheet.getColumn(2).width).toBeGreaterThan(30);
      expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '5:5' });

      // The register: KATO codes as text, dates as dates.
      const register = wb.worksheets[1]!;
      expect(register.rowCount).toBe(5);
      expect(register.getCell(2, 5).value).toBe(KARAAUYL_OKRUG);
      expect(register.getCell(2, 5).numFmt).toBe('@');
      expect(register.getCell(2, 6).value).toBe('103230100');
      expect(register.getCell(2, 4).value).toEqual(new Date(Date.UTC(2025, 6, 10)));
      expect(register.autoFilter).toBeTruthy();

      const all = wb.worksheets.flatMap((s) => s.getSheetValues().flat(2)).map(String).join('\n');
      expect(all).not.toMatch(PERSONAL);
      expect(all).not.toMatch(/PlanDoc\./);
    });
  }

  it('writes a period’s plan with its title and period, over the unit’s subtree', async () => {
    const file = await exported('ru', 'xlsx', { unitKato: ABAY_DISTRICT, from: '2025-07-01', to: '2025-09-30' });
    expect(file.fileName).toBe('План мероприятий — Абайский район — 2025-07-01 – 2025-09-30.xlsx');
    const sheet = (await workbook(file)).worksheets[0]!;
    expect(text(sheet.getCell(1, 1))).toBe('Аппарат акима Абайского района');
    expect(text(sheet.getCell(2, 1))).toBe('План мероприятий по решению вопросов, поднятых на встречах акима Абайского района с населением');
    expect(text(sheet.getCell(3, 1))).toBe('Период: 1 июля 2025 г. – 30 сентября 2025 г.');
    // The issue raised without a locality names its okrug in a plan over several units.
    expect(text(sheet.getCell(8, 2))).toBe('Подвоз питьевой воды\nКарааульский сельский округ, рег. № 2');
  });
});

describe('actionPlan:export as DOCX', () => {
  for (const language of ['kk', 'ru'] as const) {
    it(`writes the plan as a landscape table in ${language}`, async () => {
      const file = await exported(language, 'docx');
      expect(file.fileName).toBe(`${language === 'kk' ? 'Іс-шаралар жоспары — Қараауыл а.о.' : 'План мероприятий — Карааульский с.о.'} — 2025-07-10.docx`);
      const docx = Buffer.from(file.dataBase64, 'base64');
      const content = documentText(docx);
      // The printed table joins the funding source and amount in one column.
      const header = [...EXPECTED[language].header.filter((_, i) => i !== 6 && i !== 7), FUNDING[language]];
      for (const s of [OFFICE[language], TITLE[language], EXPECTED[language].when, ...header, DECISION_LIGHT, DECISION_WATER]) {
        expect(content).toContain(s);
      }
      expect(content).toContain(EXPECTED[language].mark);
      expect(content).toContain(EXPECTED[language].deadline);
      expect(content).toContain('1\u00a0250\u00a0000,50');
      expect(content).not.toMatch(PERSONAL);
      expect(content).not.toMatch(/PlanDoc\./);
      const xml = strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']!);
      expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
      expect(xml).toContain('<w:tblHeader/>');
      expect(footerParts(docx)).toEqual(language === 'kk' ? ['Бет ', '{PAGE}', ' / ', '{NUMPAGES}'] : ['Страница ', '{PAGE}', ' из ', '{NUMPAGES}']);
      // The street light's number and text span its two measures.
      expect(xml).toMatch(/<w:vMerge w:val="restart"\/>/);
      expect(xml).toMatch(/<w:vMerge w:val="continue"\/>|<w:vMerge\/>/);
    });
  }

  describe('rendered by LibreOffice', () => {
    const soffice = officeRenderer();
    if (!soffice) {
      it('needs LibreOffice and poppler (set ESEP_NO_LIBREOFFICE=1 to skip)', ({ skip }) => {
        if (process.env.ESEP_NO_LIBREOFFICE === '1') skip();
        throw new Error(
          'libreoffice and pdftotext/pdftoppm/pdfinfo must be on the PATH to render the action plan ' +
            '(apt-get install libreoffice-writer-nogui poppler-utils), or set ESEP_NO_LIBREOFFICE=1 to skip this check',
        );
      });
      return;
    }

    for (const language of ['kk', 'ru'] as const) {
      it(`opens in LibreOffice and renders in ${language}`, { timeout: 120_000 }, async () => {
        const docx = Buffer.from((await exported(language, 'docx')).dataBase64, 'base64');
        const { info, text, png } = renderDocx(soffice, docx, `action-plan-${language}`);
        // A4 landscape: 842 × 595 points.
        expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts/);
        const flat = text.replace(/\s+/g, ' ');
        for (const s of [OFFICE[language], EXPECTED[language].when]) expect(flat).toContain(s);
        for (const word of TITLE[language].split(' ').slice(0, 4)) expect(flat).toContain(word);
        for (const word of ['Көше', 'жарығы', 'Подвоз', 'питьевой']) expect(flat).toContain(word);
        expect(flat).not.toMatch(PERSONAL);
        expect(fs.statSync(png).size).toBeGreaterThan(1000);
      });
    }
  });
});
