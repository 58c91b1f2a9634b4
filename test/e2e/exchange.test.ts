import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eSession, screenshot } from './harness';
import { ABAY_DISTRICT, KARAAUYL_OKRUG, openTempCore, tempDir } from '../helpers/temp-core';
import { caller } from '../integration/meeting-fixtures';
import { issueFields } from '../integration/issue-fixtures';

// Issue 11's acceptance in Chromium: an okrug exports its package through the Exchange screen to
// a folder (the USB stick); the district imports that file through the screen, with the preview
// and the fingerprint confirmed, and sees the okrug's meeting in its grid and its issue in the
// log, marked received. Screenshots at 1366×768 in kk and ru.
const TODAY = '2025-07-15';
const HELD_ON = '2025-07-10';
const OKRUG_NAME = 'Қараауыл а.о.';

const session = e2eSession();
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 50 });

/** A data folder set up for a unit through the core (the first-run wizard's step), and its fingerprint. */
function setUp(rootKato: string, work: (v: ReturnType<typeof caller>['value']) => void = () => {}): { dataDir: string; fingerprint: string } {
  const dataDir = tempDir('esep-e2e-exchange-');
  const core = openTempCore({ dataDir, today: TODAY });
  try {
    const { value } = caller(core);
    value('setup:complete', { rootKato, language: 'kk' });
    work(value);
    return { dataDir, fingerprint: value('identity:get', {}).key.fingerprint };
  } finally {
    core.close();
  }
}

async function openAt1366(dataDir: string): Promise<{ page: Page; problems: string[] }> {
  const opened = await session.open(dataDir, TODAY);
  await opened.page.setViewportSize({ width: 1366, height: 768 });
  await opened.page.getByTestId('obligations-grid').waitFor();
  return opened;
}

/** The element stays inside the 1366-px window: nothing pushed off to the right. */
async function fitsWidth(p: Page, testId: string): Promise<void> {
  const box = (await p.getByTestId(testId).boundingBox())!;
  expect(box.x + box.width, testId).toBeLessThanOrEqual(1366);
  // And the page itself never scrolls sideways.
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
}

describe('Exchange between an okrug and its district in Chromium', () => {
  it('exports the okrug’s package to a folder; the district previews it, confirms the fingerprint, imports it, and sees the meeting and the issue as received', async () => {
    const okrug = setUp(KARAAUYL_OKRUG, (v) => {
      const meeting = v('meetings:recordHeld', { unitKato: KARAAUYL_OKRUG, heldOn: HELD_ON, note: 'Ауыл клубында' });
      v('issues:create', {
        unitKato: KARAAUYL_OKRUG,
        meetingId: meeting.id,
        raisedOn: HELD_ON,
        fields: issueFields({ text: 'Қараауыл ауылындағы көше жарығы жанбайды' }),
        author: null,
      });
    });
    const district = setUp(ABAY_DISTRICT);
    const stick = tempDir('esep-e2e-stick-');

    // The okrug: its package for this year, written to the stick.
    const { page: o, problems: okrugProblems } = await openAt1366(okrug.dataDir);
    await o.getByTestId('nav-exchange').click();
    await o.getByTestId('exchange-screen').waitFor();
    await o.getByTestId('exchange-dir').fill(stick);
    await o.getByTestId('exchange-export-submit').click();
    await o.getByTestId('exchange-export-done').waitFor({ timeout: 30_000 });
    const files = fs.readdirSync(stick);
    expect(files).toHaveLength(1);
    const file = path.join(stick, files[0]!);
    expect(await o.getByTestId('exchange-export-path').innerText()).toContain(file);
    expect(await o.getByTestId('exchange-export-count-meetings').innerText()).toBe('Кездесулер: 1');
    expect(await o.getByTestId('exchange-export-count-issues').innerText()).toBe('Азаматтардың сұрақтары: 1');
    await fitsWidth(o, 'exchange-export');
    await screenshot(o, 'exchange-export-kk');
    await o.getByTestId('lang-ru').click();
    await poll(() => o.getByTestId('exchange-export-count-meetings').innerText()).toBe('Встречи: 1');
    await fitsWidth(o, 'exchange-export');
    await screenshot(o, 'exchange-export-ru');
    expect(okrugProblems).toEqual([]);

    // The district: the file from the stick, previewed, its source's fingerprint compared.
    const { page: d, problems: districtProblems } = await openAt1366(district.dataDir);
    await d.getByTestId('nav-exchange').click();
    await d.getByTestId('exchange-file').setInputFiles(file);
    await d.getByTestId('exchange-preview').waitFor({ timeout: 30_000 });
    expect(await d.getByTestId('exchange-file-name').innerText()).toBe(`Файл: ${path.basename(file)}`);
    const card = d.locator('[data-testid^="package-"].package-card');
    expect(await card.count()).toBe(1);
    const id = (await card.getAttribute('data-testid'))!;
    expect(await d.getByTestId(`${id}-unit`).innerText()).toBe(`${OKRUG_NAME} пакеті`);
    expect(await d.getByTestId(`${id}-fingerprint`).innerText()).toBe(okrug.fingerprint);
    expect(await d.getByTestId(`${id}-kind-meetings`).innerText()).toMatch(/^Кездесулер\s+1\s+0\s+0\s+0$/);
    expect(await d.getByTestId(`${id}-kind-issues`).innerText()).toMatch(/^Азаматтардың сұрақтары\s+1\s+0\s+0\s+0$/);
    expect(await d.getByTestId('exchange-apply').isDisabled()).toBe(true);
    await fitsWidth(d, 'exchange-import');
    await screenshot(d, 'exchange-import-preview-kk');
    await d.getByTestId('lang-ru').click();
    await poll(() => d.getByTestId(`${id}-unit`).innerText()).toBe('Пакет: Карааульский с.о.');
    await fitsWidth(d, 'exchange-import');
    await screenshot(d, 'exchange-import-preview-ru');
    await d.getByTestId('lang-kk').click();

    await d.getByTestId(`${id}-confirm`).check();
    expect(await d.getByTestId('exchange-apply').isDisabled()).toBe(false);
    await d.getByTestId('exchange-apply').click();
    await d.getByTestId('exchange-applied').waitFor({ timeout: 30_000 });
    expect(await d.getByTestId(`${id}-disposition`).innerText()).toBe('Импортталды');
    await screenshot(d, 'exchange-import-applied-kk');

    // The okrug's meeting fills its July window in the district's grid, and is listed there as received.
    await d.getByTestId('nav-calendar').click();
    const cell = d.getByTestId(`cell-${KARAAUYL_OKRUG}-2025-M07`);
    await poll(() => cell.getAttribute('data-status')).toBe('held_on_time');
    await cell.scrollIntoViewIfNeeded();
    await screenshot(d, 'exchange-received-grid-kk');
    await cell.getByRole('button').click();
    const listed = d.locator('[data-testid^="meeting-received-"]');
    await listed.waitFor();
    expect(await listed.getAttribute('title')).toBe(`Алынған: ${OKRUG_NAME}, 2025 жылғы 15 шілде пакеті`);
    expect(await d.getByTestId('meeting-remove').count()).toBe(0);
    await d.keyboard.press('Escape');

    // Its card says where it came from and offers no action.
    await d.getByTestId('nav-meetings').click();
    await d.locator('[data-testid^="meeting-open-"]').first().click();
    await d.getByTestId('meeting-card').waitFor();
    await poll(() => d.getByTestId('meeting-received-source').innerText()).toBe(`Алынған: ${OKRUG_NAME}, 2025 жылғы 15 шілде пакеті`);
    expect(await d.locator('[data-testid^="meeting-action-"]').count()).toBe(0);
    await d.getByTestId('card-close').click();

    // Its issue is in the log, marked received, and its card offers no change.
    await d.getByTestId('nav-issues').click();
    await poll(() => d.getByTestId('issues-total').innerText()).toBe('1 сұрақ табылды');
    const badge = d.locator('[data-testid^="issue-received-"]');
    await badge.waitFor();
    expect(await badge.getAttribute('title')).toBe(`Алынған: ${OKRUG_NAME}, 2025 жылғы 15 шілде пакеті`);
    await d.locator('[data-testid^="issue-row-"]').first().click();
    await d.getByTestId('issue-received').waitFor();
    expect(await d.getByTestId('issue-edit').count()).toBe(0);
    await d.getByTestId('issue-card-close').click();

    // Settings: this installation, and the okrug now among its trusted sources.
    await d.getByTestId('nav-settings').click();
    await d.getByTestId('identity-fingerprint').waitFor();
    expect(await d.getByTestId('identity-fingerprint').innerText()).toBe(district.fingerprint);
    await d.getByTestId('identity-origins').waitFor();
    expect(await d.getByTestId('identity-origins').innerText()).toContain(okrug.fingerprint);
    await d.getByTestId('settings-identity').scrollIntoViewIfNeeded();
    await fitsWidth(d, 'settings-identity');
    await screenshot(d, 'settings-identity-kk');
    await d.getByTestId('lang-ru').click();
    await poll(() => d.getByRole('heading', { level: 2, name: 'Эта установка' }).count()).toBe(1);
    await d.getByTestId('settings-identity').scrollIntoViewIfNeeded();
    await fitsWidth(d, 'settings-identity');
    await screenshot(d, 'settings-identity-ru');
    expect(districtProblems).toEqual([]);
  });
});
