/// <reference lib="dom" />
// (page.evaluate callbacks run in Chromium: they use the DOM's types.)
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eSession, rowsOnDisk, screenshot } from './harness';
import { ABAY_DISTRICT, openTempCore, tempDir } from '../helpers/temp-core';
import { caller } from '../integration/meeting-fixtures';
import { sampleLegacyLog } from '../helpers/legacy-xlsx';

// Issue 5's third acceptance line: a legacy Excel log with bad rows is imported only when the
// user chooses the valid rows; either way the result is stated row by row; the same file again
// adds nothing.
const TODAY = '2026-04-10';
const session = e2eSession();

/** expect.poll with room for a slow CI machine (its default gives up after one second). */
const poll = <T>(fn: () => T | Promise<T>, interval = 50) => expect.poll(fn, { timeout: 10_000, interval });

function seed(dataDir: string): void {
  const core = openTempCore({ dataDir, today: TODAY });
  try {
    caller(core).value('setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
  } finally {
    core.close();
  }
}


/** The sample's rows as Excel numbers them: a title, a blank line, the header, the column numbers, then 5…11. */
const GOOD_ROWS = [5, 6, 7, 8, 9];
const BAD_ROWS = { 10: 'Мәселенің мазмұны: толтырылмаған', 11: 'Күні: «31.02.2025» күн ретінде танылмады' } as const;
const TEXTS = ['Ремонт дороги по улице Абая', 'Открыть спортивную секцию для детей', 'Нет уличного освещения на улице Кунанбаева', 'Подвоз воды в летний период', 'Қоқыс шығару кестесі'];

const rowText = (p: Page, row: number) => p.getByTestId(`import-row-${row}`).innerText();

async function chooseAndCheck(p: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await p.getByTestId('issues-tab-import').click();
  await p.getByTestId('import-file').setInputFiles(file);
  await p.getByTestId('import-found').waitFor();
  // Header on row 3, seven rows of data under the column numbers.
  expect(await p.getByTestId('import-found').innerText()).toContain('3-жол');
  await p.getByTestId('import-check').click();
  await p.getByTestId('import-report').waitFor();
}

describe('the Excel import in Chromium', () => {
  it('reports the bad rows, imports nothing until only the valid rows are chosen, then refuses the same file again row by row', async () => {
    const dataDir = tempDir('esep-e2e-import-');
    seed(dataDir);
    const file = { name: 'журнал-2025.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await sampleLegacyLog() };
    const { page: p, problems } = await session.open(dataDir, TODAY);
    await p.getByTestId('obligations-grid').waitFor();
    await p.getByTestId('nav-issues').click();
    await p.getByTestId('issues-empty').waitFor();

    await chooseAndCheck(p, file);
    expect(await p.getByTestId('import-report-summary').innerText()).toBe('Барлық жол: 7; дұрысы: 5; қатесі барлары: 2.');
    for (const row of GOOD_ROWS) {
      expect(await p.getByTestId(`import-row-${row}`).getAttribute('class')).toContain('import-row--ok');
      expect(await rowText(p, row)).toContain('дұрыс');
    }
    for (const [row, reason] of Object.entries(BAD_ROWS)) {
      expect(await p.getByTestId(`import-row-${row}`).getAttribute('class')).toContain('import-row--bad');
      expect(await rowText(p, Number(row))).toContain(reason);
    }
    expect(await p.locator('[data-testid^="import-row-"]').count()).toBe(7);
    // With bad rows in the file, "import all" cannot be pressed; nothing is imported by checking.
    expect(await p.getByTestId('import-all').isDisabled()).toBe(true);
    expect(rowsOnDisk(dataDir, 'issues')).toBe(0);
    await p.getByTestId('import-report').scrollIntoViewIfNeeded();
    await screenshot(p, 'issues-import-report');

    // Only the valid rows, confirmed.
    await p.getByTestId('import-valid-only').click();
    await p.getByTestId('import-confirm').click();
    await p.getByTestId('import-done').waitFor();
    expect(await p.getByTestId('import-done-summary').innerText()).toBe('Импорт аяқталды: импортталғаны – 5, импортталмағаны – 2.');
    for (const [n, row] of GOOD_ROWS.entries()) expect(await rowText(p, row)).toContain(`№ ${n + 1} болып импортталды`);
    for (const [row, reason] of Object.entries(BAD_ROWS)) {
      expect(await rowText(p, Number(row))).toContain('импортталмады');
      expect(await rowText(p, Number(row))).toContain(reason);
    }
    expect(rowsOnDisk(dataDir, 'issues')).toBe(5);
    await p.getByTestId('import-done').scrollIntoViewIfNeeded();
    await screenshot(p, 'issues-import-done');

    // The log shows the five.
    await p.getByTestId('issues-tab-log').click();
    await poll(() => p.locator('[data-testid^="issue-row-"]').count()).toBe(5);
    for (const [n, text] of TEXTS.entries()) expect(await p.getByTestId(`issue-row-${n + 1}`).innerText()).toContain(text);
    await poll(() => p.getByTestId('issues-count-total').locator('.issue-count-value').innerText()).toBe('5');
    // Statuses of the file are kept: "Исполнено" and "Разъяснено" close their issues.
    expect(await p.getByTestId('issues-count-done').locator('.issue-count-value').innerText()).toBe('1');
    expect(await p.getByTestId('issues-count-explained').locator('.issue-count-value').innerText()).toBe('1');

    // The same file again: every good row is now a duplicate of the issue it became, so
    // nothing can be imported, and each row says why.
    await chooseAndCheck(p, file);
    expect(await p.getByTestId('import-report-summary').innerText()).toBe('Барлық жол: 7; дұрысы: 0; қатесі барлары: 7.');
    for (const [n, row] of GOOD_ROWS.entries()) {
      expect(await p.getByTestId(`import-row-${row}`).getAttribute('class')).toContain('import-row--bad');
      expect(await rowText(p, row)).toContain(`Бұл сұрақ журналда бар (№ ${n + 1})`);
    }
    for (const [row, reason] of Object.entries(BAD_ROWS)) expect(await rowText(p, Number(row))).toContain(reason);
    expect(await p.getByTestId('import-all').isDisabled()).toBe(true);
    expect(await p.getByTestId('import-valid-only').count()).toBe(0);
    await p.getByTestId('import-report').scrollIntoViewIfNeeded();
    await screenshot(p, 'issues-import-duplicates');
    expect(rowsOnDisk(dataDir, 'issues')).toBe(5);
    await p.getByTestId('issues-tab-log').click();
    await poll(() => p.getByTestId('issues-count-total').locator('.issue-count-value').innerText()).toBe('5');
    expect(await p.locator('[data-testid^="issue-row-"]').count()).toBe(5);
    expect(problems).toEqual([]);
  });
});
