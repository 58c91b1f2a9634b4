/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { e2eSession, rowsOnDisk, screenshot } from './harness';
import { ABAY_DISTRICT, KARAAUYL_OKRUG, openTempCore, tempDir } from '../helpers/temp-core';
import { caller } from '../integration/meeting-fixtures';
import { excelDate, legacyWorkbook, RU_HEADERS, ruRow } from '../helpers/legacy-xlsx';

// Issue 12, point 1, through the browser host: the core runs in its workers, so while a
// 13,000-row log is imported the header says how far it is and the other screens answer; then
// Settings → Backups, in both languages.
const TODAY = '2025-06-15';
const ROWS = 13_000;
const session = e2eSession();
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 60_000, interval: 50 });


describe('long jobs in Chromium', () => {
  it('a 13,000-row import shows its progress in the header while the other screens answer; the backups are listed in kk and ru', async () => {
    const dataDir = tempDir('esep-e2e-jobs-');
    const core = openTempCore({ dataDir, today: TODAY });
    caller(core).value('setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
    core.close();
    const rows = Array.from({ length: ROWS }, (_, i) => ruRow(i + 1, { date: excelDate(`2025-0${1 + (i % 5)}-${String(1 + (i % 28)).padStart(2, '0')}`), kind: 'Вопрос', text: `Ремонт дороги по улице ${i + 1}` }));
    const buffer = await legacyWorkbook({ name: 'Журнал', headers: RU_HEADERS, rows });

    const { page: p } = await session.open(dataDir, TODAY);
    // The akimats' usual laptop.
    await p.setViewportSize({ width: 1366, height: 768 });
    await p.getByTestId('obligations-grid').waitFor();
    await p.getByTestId('nav-issues').click();
    await p.getByTestId('issues-tab-import').click();
    await p.getByTestId('import-file').setInputFiles({ name: 'журнал-2025.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    await p.getByTestId('import-found').waitFor({ timeout: 60_000 });
    const unit = p.getByTestId('import-unit');
    if (await unit.count()) await unit.selectOption(KARAAUYL_OKRUG);
    await p.getByTestId('import-check').click();
    await p.getByTestId('import-report').waitFor({ timeout: 60_000 });
    await p.getByTestId('import-all').click();

    // The header tells what runs and how far, once it has run a moment.
    const status = p.getByTestId('job-status');
    await status.waitFor({ timeout: 10_000 });
    await poll(async () => /^Журнал импортталуда: [\d\u00a0 ]+ \/ 13\u00a0000$/.test(await status.innerText())).toBe(true);
    await screenshot(p, 'long-job-import-kk');
    // Another screen answers meanwhile (its requests go to the main worker).
    await p.getByTestId('nav-meetings').click();
    await p.getByTestId('meetings-filters').waitFor({ timeout: 5_000 });
    // The import may have ended while the screen came up (13,000 rows take two or three seconds);
    // while it has not, the header still says so on the other screen.
    const running = rowsOnDisk(dataDir, 'issues') < ROWS;
    expect(running ? await status.isVisible() : true).toBe(true);
    await poll(() => rowsOnDisk(dataDir, 'issues')).toBe(ROWS);
    await status.waitFor({ state: 'detached', timeout: 30_000 });

    await p.getByTestId('nav-settings').click();
    const backups = p.getByTestId('settings-backups');
    await backups.scrollIntoViewIfNeeded();
    await p.getByTestId('backup-now').click();
    await p.getByTestId('backup-now-done').waitFor();
    await screenshot(p, 'settings-backups-kk');
    await p.getByTestId('lang-ru').click();
    await poll(async () => (await backups.innerText()).includes('Резервн')).toBe(true);
    await backups.scrollIntoViewIfNeeded();
    await screenshot(p, 'settings-backups-ru');
  }, 240_000);
});
