/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eSession, rowsOnDisk, screenshot } from './harness';
import { ABAY_DISTRICT, openTempCore, tempDir } from '../helpers/temp-core';
import { caller } from '../integration/meeting-fixtures';
import { legacyWorkbook } from '../helpers/legacy-xlsx';

// Issue 13, point 3: on a fresh installation (no bodies; categories named otherwise than the
// file names them) a legacy log's rows all fail until its values are mapped; then every row
// goes in and the bodies and category made for it are on disk once.
const TODAY = '2026-04-10';
const session = e2eSession();

function seed(dataDir: string, language: 'kk' | 'ru'): void {
  const core = openTempCore({ dataDir, today: TODAY });
  try {
    caller(core).value('setup:complete', { rootKato: ABAY_DISTRICT, language });
  } finally {
    core.close();
  }
}

const legacyLog = () =>
  legacyWorkbook({
    name: 'Журнал 2025',
    title: 'Журнал учёта вопросов, поднятых на встречах акима с населением',
    headers: ['№', 'Дата', 'Содержание вопроса', 'Категория', 'Ответственный', 'Статус', 'Населённый пункт'],
    rows: [
      [1, '15.01.2025', 'Ремонт дороги по улице Абая', 'Дороги', 'Аппарат акима', 'В работе', 'Карауыл'],
      [2, '16.01.2025', 'Мектеп шатырын жөндеу', 'Образование', 'Отдел образования', 'Выполнен', 'с.Медеу'],
      [3, '17.01.2025', 'Нет уличного освещения на улице Кунанбаева', 'Уличное освещение', 'аппарат  АКИМА', '', 'Карауыл'],
      [4, '18.01.2025', 'Подвоз воды в летний период', 'Дороги', 'ГУ «Отдел ЖКХ и пассажирского транспорта»', 'Выполнен', ''],
    ],
  });

const TEXT = {
  kk: { summaryBefore: 'Барлық жол: 4; дұрысы: 0; қатесі барлары: 4.', summaryAfter: 'Барлық жол: 4; дұрысы: 4; қатесі барлары: 0.', done: 'Импорт аяқталды: импортталғаны – 4, импортталмағаны – 0.', file: 'Файл: журнал-2025.xlsx' },
  ru: { summaryBefore: 'В файле 4 строки: верных — 0, с ошибками — 4.', summaryAfter: 'В файле 4 строки: верных — 4, с ошибками — 0.', done: 'Импорт завершён: импортировано — 4, не импортировано — 0.', file: 'Файл: журнал-2025.xlsx' },
} as const;

const summary = (p: Page) => p.getByTestId('import-report-summary').innerText();
/** The summary once the recount after the last answer is in. */
const recounted = (p: Page, text: string) =>
  expect.poll(async () => ((await p.getByTestId('import-recounting').count()) === 0 ? summary(p) : 'recounting'), { timeout: 10_000, interval: 50 }).toBe(text);

describe('the value mapping of the Excel import in Chromium', () => {
  for (const language of ['kk', 'ru'] as const) {
    it(`maps the unknown values and imports every row of the file (${language})`, async () => {
      const dataDir = tempDir(`esep-e2e-import-mapping-${language}-`);
      seed(dataDir, language);
      const categoriesBefore = rowsOnDisk(dataDir, 'issue_categories');
      const { page: p, problems } = await session.open(dataDir, TODAY);
      await p.setViewportSize({ width: 1366, height: 768 });
      await p.getByTestId('obligations-grid').waitFor();
      await p.getByTestId('nav-issues').click();
      await p.getByTestId('issues-empty').waitFor();
      await p.getByTestId('issues-tab-import').click();
      await p.getByTestId('import-file').setInputFiles({ name: 'журнал-2025.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await legacyLog() });
      await p.getByTestId('import-found').waitFor();
      expect(await p.getByTestId('import-file-name').innerText()).toBe(TEXT[language].file);
      await screenshot(p, `import-mapping-columns-${language}`);
      await p.getByTestId('import-check').click();
      await p.getByTestId('import-values').waitFor();
      await p.getByTestId('import-report').waitFor();
      await recounted(p, TEXT[language].summaryBefore);
      // Three bodies, none on a fresh installation; the guesses for "Дороги", "Образование" and "Карауыл" are chosen.
      expect(await p.locator('[data-testid^="import-value-body-"]').count()).toBe(3);
      expect(await p.getByTestId('import-value-select-category-0').inputValue()).toBe('id:roads');
      expect(await p.getByTestId('import-value-select-category-1').inputValue()).toBe('id:education');
      expect(await p.getByTestId('import-value-select-locality-0').inputValue()).toBe('id:103230100');
      expect(await p.getByTestId('import-file-name').innerText()).toBe(TEXT[language].file);
      // scrollIntoView honours the step's scroll margin: its title clear of the sticky file name.
      await p.getByTestId('import-values').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await screenshot(p, `import-mapping-values-${language}`);

      await p.getByTestId('import-create-all-body').click();
      await p.getByTestId('import-value-select-status-0').selectOption('id:done');
      await p.getByTestId('import-value-select-category-2').selectOption('create');
      await recounted(p, TEXT[language].summaryAfter);
      expect(await p.getByTestId('import-report-created').locator('li').count()).toBe(4);
      expect(rowsOnDisk(dataDir, 'bodies')).toBe(0);
      await p.getByTestId('import-values-status').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await screenshot(p, `import-mapping-recounted-${language}`);

      await p.getByTestId('import-all').click();
      await p.getByTestId('import-done').waitFor();
      expect(await p.getByTestId('import-done-summary').innerText()).toBe(TEXT[language].done);
      expect(await p.getByTestId('import-file-name').innerText()).toBe(TEXT[language].file);
      expect(rowsOnDisk(dataDir, 'issues')).toBe(4);
      expect(rowsOnDisk(dataDir, 'bodies')).toBe(3);
      expect(rowsOnDisk(dataDir, 'issue_categories')).toBe(categoriesBefore + 1);
      await screenshot(p, `import-mapping-done-${language}`);
      expect(problems).toEqual([]);
    });
  }
});
