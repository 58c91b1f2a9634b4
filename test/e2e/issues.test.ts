/// <reference lib="dom" />
// (page.evaluate callbacks run in Chromium: they use the DOM's types.)
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { documentText } from '../helpers/docx-render';
import { e2eSession, screenshot } from './harness';
import { ABAY_DISTRICT, KARAAUYL_OKRUG, KARAAUYL_VILLAGE, openTempCore, tempDir } from '../helpers/temp-core';
import { caller } from '../integration/meeting-fixtures';

// Issue 5's first acceptance line: from a held meeting, five issues typed by keyboard, assigned,
// prolonged, one closed as explained; found by a Kazakh word in another case (and typed without
// Kazakh letters); the action plan exported to XLSX (kk) and DOCX (ru) and read back.
const TODAY = '2026-04-10';

/** Abay district, kk; a meeting held in Қараауыл a.o. two days ago; two bodies with a person each. */
function seed(dataDir: string) {
  const core = openTempCore({ dataDir, today: TODAY });
  try {
    const { value } = caller(core);
    value('setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
    const meetingId = value('meetings:recordHeld', { unitKato: KARAAUYL_OKRUG, heldOn: '2026-04-08' }).id as string;
    const utilities = value('bodies:save', { nameKk: 'Тұрғын үй-коммуналдық шаруашылық бөлімі', nameRu: 'Отдел ЖКХ', archived: false }).id as string;
    const head = value('bodies:savePerson', { bodyId: utilities, fullName: 'Сейітов Нұрлан', positionKk: 'бөлім басшысы', positionRu: '', archived: false }).id as string;
    const education = value('bodies:save', { nameKk: 'Білім бөлімі', nameRu: 'Отдел образования', archived: false }).id as string;
    value('bodies:savePerson', { bodyId: education, fullName: 'Омарова Айгүл', positionKk: 'маман', positionRu: '', archived: false });
    return { meetingId, utilities, head, education };
  } finally {
    core.close();
  }
}

const session = e2eSession();

/** expect.poll with room for a slow CI machine (its default gives up after one second). */
const poll = <T>(fn: () => T | Promise<T>, interval = 50) => expect.poll(fn, { timeout: 10_000, interval });

const focusedTestId = (p: Page) => p.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

/** Tab (Shift+Tab with `back`), never the mouse, until the control is focused. */
async function tabTo(p: Page, testId: string, back = false): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if ((await focusedTestId(p)) === testId) return;
    await p.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${back ? 'Shift+Tab' : 'Tab'} never reached ${testId} (last: ${await focusedTestId(p)})`);
}

/** Picks an option of the focused <select> with the arrow keys, as a keyboard user does. */
async function arrowTo(p: Page, testId: string, value: string): Promise<void> {
  const select = p.getByTestId(testId);
  const values = await select.evaluate((s: HTMLSelectElement) => [...s.options].filter((o) => !o.disabled).map((o) => o.value));
  const target = values.indexOf(value);
  if (target < 0) throw new Error(`${testId} has no option ${value}: ${values.join(', ')}`);
  const steps = target - values.indexOf(await select.inputValue());
  for (let i = 0; i < Math.abs(steps); i++) await p.keyboard.press(steps > 0 ? 'ArrowDown' : 'ArrowUp');
  expect(await select.inputValue()).toBe(value);
}

async function choose(p: Page, testId: string, value: string, back = false): Promise<void> {
  await tabTo(p, testId, back);
  await arrowTo(p, testId, value);
}

/** Types a date into the focused <input type=date>, its fields in the order the browser's locale puts them. */
async function typeDate(p: Page, testId: string, iso: string): Promise<void> {
  await tabTo(p, testId);
  const order = await p.evaluate(() =>
    new Intl.DateTimeFormat(navigator.language, { year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(new Date(2026, 0, 2))
      .filter((part) => part.type !== 'literal')
      .map((part) => part.type),
  );
  const [year, month, day] = iso.split('-') as [string, string, string];
  const parts: Record<string, string> = { year, month, day };
  await p.keyboard.type(order.map((k) => parts[k]).join(''));
  expect(await p.getByTestId(testId).inputValue()).toBe(iso);
}

async function typeInto(p: Page, testId: string, text: string): Promise<void> {
  await tabTo(p, testId);
  await p.keyboard.type(text);
}

/** The registry numbers of the rows the log shows, top to bottom. */
const shownRows = (p: Page) =>
  p.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid^="issue-row-"]')]
      .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
      .map((row) => Number(row.dataset['testid']!.slice('issue-row-'.length))),
  );

/** What a fact of the card says (without its label). */
const fact = (p: Page, testId: string) => p.getByTestId(testId).locator('dd').innerText();

const count = (p: Page, testId: string) => p.getByTestId(testId).locator('.issue-count-value').innerText();

async function downloaded(p: Page, testId: string): Promise<{ name: string; data: Buffer }> {
  const [download]: [Download, void] = await Promise.all([p.waitForEvent('download'), p.getByTestId(testId).click()]);
  return { name: download.suggestedFilename(), data: fs.readFileSync(await download.path()) };
}

/** A cell's text, rich text included. */
const cellText = (value: ExcelJS.CellValue): string =>
  value && typeof value === 'object' && 'richText' in value ? value.richText.map((r) => r.text).join('') : String(value ?? '');

/** Every text part of an OOXML package (a .xlsx or .docx is a zip of XML files). */
function packageText(data: Buffer): string {
  return Object.values(unzipSync(new Uint8Array(data)))
    .map((part) => strFromU8(part))
    .join('\n');
}

const AUTHOR = { name: 'Сәрсенбаев Ғалым', phone: '+7 701 555 12 34' };

/** The five issues, as the secretary types them during the meeting. */
const ISSUES = [
  { kind: 'complaint', text: 'Ауыз су құбыры жиі бұзылады', category: 'water', body: '', deadline: '' },
  { kind: 'question', text: 'Мектептің шатыры ағып тұр', category: 'education', body: 'education', deadline: '2026-06-01', author: AUTHOR },
  { kind: 'request', text: 'Көшеге жарық орнату керек', category: 'power', body: 'utilities', deadline: '2026-06-01' },
  { kind: 'proposal', text: 'Ауылда спорт алаңын салу', category: 'culture', body: '', deadline: '2026-06-01' },
  { kind: 'remark', text: 'Жол белгілері жоқ', category: 'roads', body: 'utilities', deadline: '2026-06-01' },
] as const;

describe('the issue log in Chromium', () => {
  it('five issues of a held meeting by keyboard; assigned, prolonged, closed as explained; found by a Kazakh stem; the plan exported and read back', async () => {
    const dataDir = tempDir('esep-e2e-issues-');
    const ids = seed(dataDir);
    const bodyId = { education: ids.education, utilities: ids.utilities, '': '' } as const;
    const { page: p, problems } = await session.open(dataDir, TODAY);
    await p.getByTestId('obligations-grid').waitFor();

    // The meeting's card → its issues: the log of that meeting with the new-issue form open.
    await p.getByTestId('nav-meetings').click();
    await p.getByTestId(`meeting-open-${ids.meetingId}`).click();
    await p.getByTestId('meeting-issues').click();
    await p.getByTestId('issue-new').waitFor();
    await p.getByTestId('issues-meeting-scope').waitFor();
    await poll(() => focusedTestId(p)).toBe('issue-new-text');
    await poll(() => p.getByTestId('issue-new-locality').locator('option').count()).toBeGreaterThan(1);
    await poll(() => p.getByTestId('issue-new-body').locator('option').count()).toBe(3);

    // From here until the five are saved, only the keyboard. The cursor starts in the text;
    // kind, category, place, body and deadline are before it.
    for (const [n, issue] of ISSUES.entries()) {
      await choose(p, 'issue-new-kind', issue.kind, true);
      await choose(p, 'issue-new-category', issue.category);
      await choose(p, 'issue-new-locality', KARAAUYL_VILLAGE);
      await choose(p, 'issue-new-body', bodyId[issue.body]);
      if (issue.deadline) await typeDate(p, 'issue-new-deadline', issue.deadline);
      await typeInto(p, 'issue-new-text', issue.text);
      if ('author' in issue) {
        await typeInto(p, 'issue-new-author-name', issue.author.name);
        await typeInto(p, 'issue-new-author-phone', issue.author.phone);
      }
      await p.keyboard.press('Control+Enter');
      // Saved: the form stays open, empty, with the cursor back in the text.
      await poll(() => p.getByTestId('issue-new-saved').innerText()).toBe(`Сақталды: ${n + 1} (соңғысы № ${n + 1})`);
      await poll(() => focusedTestId(p)).toBe('issue-new-text');
      expect(await p.getByTestId('issue-new-text').inputValue()).toBe('');
      expect(await p.getByTestId('issue-new-author-name').inputValue()).toBe('');
    }
    // The kind carries over to the next issue; place and deadline only when asked (not here), category and body never.
    expect(await p.getByTestId('issue-new-kind').inputValue()).toBe('remark');
    expect(await p.getByTestId('issue-new-deadline').inputValue()).toBe('');
    expect(await p.getByTestId('issue-new-locality').inputValue()).toBe('');
    expect(await p.getByTestId('issue-new-category').inputValue()).toBe('');
    await p.keyboard.press('Escape');
    await p.getByTestId('issue-new').waitFor({ state: 'detached' });

    // The five rows, newest first, and the counts.
    await poll(() => shownRows(p)).toEqual([5, 4, 3, 2, 1]);
    for (const [n, issue] of ISSUES.entries()) expect(await p.getByTestId(`issue-row-${n + 1}`).innerText()).toContain(issue.text);
    expect(await p.getByTestId('issue-row-2').innerText()).toContain('Білім бөлімі');
    expect(await p.getByTestId('issue-row-2').innerText()).toContain('01.06.2026');
    expect(await p.getByTestId('issue-row-1').innerText()).not.toContain('01.06.2026');
    expect(await p.getByTestId('issues-total').innerText()).toBe('5 сұрақ табылды');
    await poll(() => count(p, 'issues-count-total')).toBe('5');
    // Registered with a responsible body, an issue is in progress at once.
    expect(await count(p, 'issues-count-new')).toBe('2');
    expect(await count(p, 'issues-count-in_progress')).toBe('3');
    expect(await count(p, 'issues-count-explained')).toBe('0');
    expect(await count(p, 'issues-count-overdue')).toBe('0');

    // Issue 1 was saved without a body or deadline: assigned in its card (keyboard: the grid is
    // one tab stop, End goes to the last row, Enter opens it).
    await tabTo(p, 'issues-scroller');
    await p.keyboard.press('End');
    await p.keyboard.press('Enter');
    await poll(() => p.getByTestId('issue-card').locator('.side-panel-title').innerText()).toBe('№ 1 сұрақ');
    expect(await fact(p, 'issue-fact-body')).toBe('Көрсетілмеген');
    await tabTo(p, 'issue-edit');
    await p.keyboard.press('Enter');
    await poll(() => focusedTestId(p)).toBe('issue-edit-kind');
    await choose(p, 'issue-edit-body', ids.utilities);
    await choose(p, 'issue-edit-person', ids.head);
    await typeDate(p, 'issue-edit-deadline', '2026-05-15');
    await tabTo(p, 'issue-save');
    await p.keyboard.press('Enter');
    await p.getByTestId('issue-notice').waitFor();
    expect(await fact(p, 'issue-fact-body')).toBe('Тұрғын үй-коммуналдық шаруашылық бөлімі; Сейітов Нұрлан, бөлім басшысы');
    expect(await fact(p, 'issue-fact-deadline')).toBe('15.05.2026');
    // (With the card open the table narrows to number, date, text, deadline and status.)
    await poll(() => p.getByTestId('issue-row-1').innerText()).toContain('15.05.2026');
    expect(await p.getByTestId('issue-status').innerText()).toContain('Орындалуда');
    await poll(() => count(p, 'issues-count-in_progress')).toBe('4');
    expect(await count(p, 'issues-count-new')).toBe('1');
    await screenshot(p, 'issues-card-assigned');
    await p.keyboard.press('Escape');
    await p.getByTestId('issue-card').waitFor({ state: 'detached' });
    await poll(() => p.getByTestId('issue-row-1').innerText()).toContain('Сейітов Нұрлан');

    // Issue 4 (the second row): its deadline moved once, with the reason.
    await tabTo(p, 'issues-scroller');
    await p.keyboard.press('Home');
    await p.keyboard.press('ArrowDown');
    await p.keyboard.press('Enter');
    await poll(() => p.getByTestId('issue-card').locator('.side-panel-title').innerText()).toBe('№ 4 сұрақ');
    await tabTo(p, 'issue-prolong');
    await p.keyboard.press('Enter');
    await poll(() => focusedTestId(p)).toBe('issue-prolong-date');
    await p.keyboard.press('Shift+Tab'); // back before the date: typeDate tabs into its first field
    await typeDate(p, 'issue-prolong-date', '2026-07-15');
    await typeInto(p, 'issue-prolong-reason', 'Мердігер ауысты, жұмыс шілдеге көшірілді');
    await tabTo(p, 'issue-prolong-submit');
    await p.keyboard.press('Enter');
    await p.getByTestId('issue-notice').waitFor();
    expect(await fact(p, 'issue-fact-deadline')).toBe('15.07.2026 · Мерзімі 1 рет ұзартылды');
    expect(await p.getByTestId('issue-prolongations').innerText()).toContain('Мердігер ауысты, жұмыс шілдеге көшірілді');
    await poll(() => p.getByTestId('issue-row-4').locator('.issue-prolonged').count()).toBe(1);
    expect(await p.getByTestId('issue-row-4').innerText()).toContain('15.07.2026');
    await p.keyboard.press('Escape');
    await p.getByTestId('issue-card').waitFor({ state: 'detached' });

    // Issue 5 (the first row) closed as explained, with a comment and a document.
    await tabTo(p, 'issues-scroller');
    await p.keyboard.press('Home');
    await p.keyboard.press('Enter');
    await poll(() => p.getByTestId('issue-card').locator('.side-panel-title').innerText()).toBe('№ 5 сұрақ');
    await tabTo(p, 'issue-status-change');
    await p.keyboard.press('Enter');
    await poll(() => focusedTestId(p)).toBe('issue-status-select');
    await arrowTo(p, 'issue-status-select', 'explained');
    // A closing status asks the outcome; "explained" suggests its own.
    expect(await p.getByTestId('issue-status-outcome').inputValue()).toBe('explained');
    const comment = 'Белгілер аудандық бюджетке енгізілгені тұрғындарға түсіндірілді';
    await typeInto(p, 'issue-status-comment', comment);
    await typeInto(p, 'issue-status-document', '09.04.2026 ж. № 02-15/347 хат');
    await tabTo(p, 'issue-status-submit');
    await p.keyboard.press('Enter');
    await p.getByTestId('issue-notice').waitFor();
    expect(await p.getByTestId('issue-status').innerText()).toContain('Түсіндірілді');
    const history = p.getByTestId('issue-history-row');
    const closing = await history.last().innerText();
    for (const part of ['10.04.2026', 'Түсіндірілді', comment, '№ 02-15/347 хат']) expect(closing).toContain(part);
    expect(await fact(p, 'issue-fact-outcome')).toBe('Түсіндірілді, 10.04.2026');
    await poll(() => count(p, 'issues-count-explained')).toBe('1');
    expect(await count(p, 'issues-count-in_progress')).toBe('3');
    expect(await count(p, 'issues-count-new')).toBe('1');
    expect(await count(p, 'issues-count-total')).toBe('5');
    await poll(() => p.getByTestId('issue-row-5').getAttribute('class')).toContain('is-closed');
    await screenshot(p, 'issues-card-closed');
    await p.keyboard.press('Escape');
    await p.getByTestId('issue-card').waitFor({ state: 'detached' });

    // Search: a stem of "Мектептің" (genitive) finds that issue only; "коше" typed without
    // Kazakh letters finds "Көшеге" (dative).
    await p.getByTestId('issues-search').focus();
    await p.keyboard.type('мектеп');
    await poll(() => shownRows(p)).toEqual([2]);
    expect(await p.getByTestId('issues-total').innerText()).toBe('1 сұрақ табылды');
    await p.keyboard.press('Control+A');
    await p.keyboard.type('коше');
    await poll(() => shownRows(p)).toEqual([3]);
    // A word of the closing comment: history comments are searched too.
    await p.keyboard.press('Control+A');
    await p.keyboard.type('түсіндір');
    await poll(() => shownRows(p)).toEqual([5]);
    await p.keyboard.press('Control+A');
    await p.keyboard.press('Backspace');
    await poll(() => shownRows(p)).toEqual([5, 4, 3, 2, 1]);

    // The action plan of the meeting: filled from the issues, a measure typed, exported.
    await p.getByTestId('issues-tab-plan').click();
    await p.getByTestId('plan-view').waitFor();
    await p.getByTestId('plan-fill').click();
    await p.getByTestId('plan-row-4-measure').waitFor();
    const planIssues = await p.locator('.plan-issue').allInnerTexts();
    expect(planIssues).toHaveLength(5);
    const schoolRow = planIssues.findIndex((text) => text.startsWith(ISSUES[1].text));
    expect(schoolRow).toBeGreaterThanOrEqual(0);
    expect(await p.getByTestId(`plan-row-${schoolRow}-executor`).inputValue()).toBe('Білім бөлімі');
    await p.getByTestId(`plan-row-${schoolRow}-measure`).focus();
    await p.keyboard.type('Мектеп шатырын жөндеу');
    await p.keyboard.press('Tab');
    await p.keyboard.type('Орындалған жұмыстар актісі');
    await p.keyboard.press('Enter'); // down the column: the row is left, and saved
    await p.getByTestId(`plan-row-${schoolRow}`).getByText('Сақталды').waitFor();

    const xlsx = await downloaded(p, 'plan-export-xlsx-kk');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.data as unknown as ArrayBuffer);
    const cells = workbook.worksheets.flatMap((sheet) => sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : [])).map(cellText));
    expect(cells.some((c) => c.includes('іс-шаралар жоспары'))).toBe(true);
    for (const issue of ISSUES) expect(cells).toContain(issue.text);
    for (const text of ['Мектеп шатырын жөндеу', 'Орындалған жұмыстар актісі', 'Тұрғын үй-коммуналдық шаруашылық бөлімі, Сейітов Нұрлан']) {
      expect(cells.some((c) => c.includes(text))).toBe(true);
    }

    const docx = await downloaded(p, 'plan-export-docx-ru');
    expect(docx.name).toMatch(/^План мероприятий — .+\.docx$/);
    const text = documentText(docx.data);
    for (const issue of ISSUES) expect(text).toContain(issue.text);
    expect(text).toContain('Мектеп шатырын жөндеу');
    expect(text).toContain('План мероприятий по решению вопросов');
    expect(text).toContain('Отметка об исполнении');

    // The author typed with issue 2 is on record (kept apart from the issue)…
    const db = new Database(path.join(dataDir, 'esep.sqlite'), { readonly: true, fileMustExist: true });
    try {
      expect(db.prepare('SELECT full_name AS name, phone FROM issue_authors').all()).toEqual([{ name: AUTHOR.name, phone: AUTHOR.phone }]);
    } finally {
      db.close();
    }
    // …and stays out of both files, whichever part of the package one looks in.
    for (const file of [xlsx, docx]) {
      const all = packageText(file.data);
      expect(all).not.toContain(AUTHOR.name);
      expect(all).not.toContain('Сәрсенбаев');
      expect(all).not.toContain('555 12 34');
      expect(all).not.toContain('5551234');
    }
    await screenshot(p, 'issues-action-plan');
    expect(problems).toEqual([]);
  });
});
