/// <reference lib="dom" />
// (page.evaluate callbacks run in Chromium: they use the DOM's types.)
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { e2eSession, screenshot } from './harness';
import { ABAY_DISTRICT, KARAAUYL_OKRUG, KARAAUYL_VILLAGE, openTempCore, tempDir } from '../helpers/temp-core';
import { caller, planInput } from '../integration/meeting-fixtures';

// Issue 5, points 5 and 6: the action plan of a held meeting filled from its issues, edited by
// keyboard and exported; the unit's next meeting lists the issues still open.
const TODAY = '2026-04-10';

const fields = (text: string, overrides: Record<string, unknown> = {}) => ({
  kind: 'question',
  receivedVia: 'oral',
  collective: false,
  text,
  categoryId: null,
  localityKato: KARAAUYL_VILLAGE,
  answeredOnSpot: false,
  answer: '',
  bodyId: null,
  personId: null,
  deadline: '2026-06-01',
  onControl: false,
  controller: '',
  eotinishNo: '',
  repeatsId: null,
  ...overrides,
});

/** A held meeting of Қараауыл a.o. with two issues, and the okrug's next meeting planned. */
function seed(dataDir: string): { held: string; next: string } {
  const core = openTempCore({ dataDir, today: TODAY });
  try {
    const { value } = caller(core);
    value('setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
    const held = value('meetings:recordHeld', { unitKato: KARAAUYL_OKRUG, heldOn: '2026-04-08' }).id as string;
    for (const [text, extra] of [
      ['Көше жарығы жоқ', {}],
      ['Мектепке автобус керек', { answer: 'Автобус 2026 жылғы бюджетке енгізілді', answeredOnSpot: true }],
    ] as const) {
      value('issues:create', { unitKato: KARAAUYL_OKRUG, meetingId: held, raisedOn: '2026-04-08', fields: fields(text, extra), author: { fullName: 'Сәрсенбаев Ғалым', phone: '', address: '' } });
    }
    const next = value('meetings:plan', planInput(KARAAUYL_OKRUG, '2026-05-20', null, { venueName: 'Мәдениет үйі' })).id as string;
    return { held, next };
  } finally {
    core.close();
  }
}

const session = e2eSession();

describe('the action plan in Chromium', () => {
  it('fills the plan from the issues, saves an edit typed by keyboard, exports it; the next meeting lists the open issues', async () => {
    const dataDir = tempDir('esep-e2e-plan-');
    const { next } = seed(dataDir);
    const { page: p, problems } = await session.open(dataDir, TODAY);
    await p.getByTestId('obligations-grid').waitFor();

    await p.getByTestId('nav-issues').click();
    await p.getByTestId('issues-tab-plan').click();
    await p.getByTestId('plan-view').waitFor();
    await p.getByTestId('plan-fill').click();
    await p.getByTestId('plan-row-1-measure').waitFor();
    expect(await p.getByTestId('plan-row-1-measure').inputValue()).toBe('Автобус 2026 жылғы бюджетке енгізілді');

    await p.getByTestId('plan-row-0-measure').focus();
    await p.keyboard.type('Шамдарды ауыстыру');
    await p.keyboard.press('Tab');
    await p.keyboard.type('Акт');
    await p.keyboard.press('Tab');
    await p.keyboard.type('Округ әкімінің аппараты');
    // Enter goes down the column, leaving the row: it is saved.
    await p.keyboard.press('Enter');
    await p.getByTestId('plan-row-0').getByText('Сақталды').waitFor();
    // Answered on the spot, the issue was closed when registered: its row starts done, dated that day.
    expect(await p.getByTestId('plan-row-1-mark').inputValue()).toBe('done');
    await screenshot(p, 'action-plan-view');

    const [download] = await Promise.all([p.waitForEvent('download'), p.getByTestId('plan-export-xlsx-ru').click()]);
    const file = await download.path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getCell(6, 3).value)).toBe('Шамдарды ауыстыру');
    expect(String(sheet.getCell(6, 5).value)).toBe('Округ әкімінің аппараты');
    expect(String(sheet.getCell(7, 9).value)).toBe('Исполнено, 8 апреля 2026 г.');
    expect(JSON.stringify(sheet.getSheetValues())).not.toContain('Сәрсенбаев');

    await p.getByTestId('nav-meetings').click();
    await p.getByTestId(`meeting-open-${next}`).click();
    const carryOver = p.getByTestId('carry-over');
    await carryOver.getByText('Көше жарығы жоқ').waitFor();
    // The question answered on the spot was closed when it was registered; the other is still open.
    expect(await carryOver.locator('li').count()).toBe(1);
    expect(await carryOver.innerText()).not.toContain('Мектепке автобус керек');
    await screenshot(p, 'carry-over-card');
    expect(problems).toEqual([]);
  });
});
