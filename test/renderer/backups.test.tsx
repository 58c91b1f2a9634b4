import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import type { Language } from '../../shared/contract/schemas';
import { formatOfficialInstant } from '../../shared/format/dates';
import { startCore, handler, testCore, OKRUG } from './test-core';
import { renderWithI18n } from './render';
import { tempDir } from '../helpers/temp-core';
import { damageMiddle } from '../helpers/damage';
import { snapshot } from '../helpers/db-snapshot';

// Issue 12, points 6 and 7 on the screen: Settings → Backups (the list, a copy now into the
// backups folder or a folder, a restore confirmed), and the app-wide banner of a damaged database.

beforeEach(() => startCore({ setUp: true }));

async function openSettings(language: Language = 'kk') {
  if (language !== 'kk') await testCore().api.settings.setLanguage({ language });
  renderWithI18n(<App />, language);
  fireEvent.click(await screen.findByTestId('nav-settings'));
  return screen.findByTestId('settings-backups');
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const hhmm = (ms: number) => new Date(ms).toTimeString().slice(0, 5);

/** The database file goes bad while closed (the core reopens on it, as at the next start). */
async function damageDatabase() {
  const { core } = testCore();
  core.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  await core.reopen(async () => void damageMiddle(core.paths.dbFile));
  expect(core.health.state).toBe('damaged');
}

describe('Settings → Backups', () => {
  it('lists the backups with their date in the official style, kind and size, and makes one now', async () => {
    const made = await testCore().api.backup.now({ folder: null });
    const section = await openSettings();
    const row = await within(section).findByTestId(`backup-${made.name}`);
    const cells = within(row).getAllByRole('cell').map((c) => c.textContent);
    expect(within(row).getByRole('rowheader').textContent).toBe(`${formatOfficialInstant(made.at, 'kk')}, ${hhmm(made.at)}${made.name}`);
    expect(within(row).getByRole('rowheader').textContent).toMatch(/^\d{4} жылғы \d{1,2} \S+, \d\d:\d\d/);
    expect(cells.slice(0, 2)).toEqual(['қолмен жасалған', `${new Intl.NumberFormat('ru', { maximumFractionDigits: 1 }).format(made.bytes / 1048576)} МБ (${new Intl.NumberFormat('ru').format(made.bytes)} байт)`]);

    fireEvent.click(within(section).getByTestId('backup-now'));
    const done = await within(section).findByTestId('backup-now-done');
    expect(handler('backup:now')).toHaveBeenLastCalledWith({ folder: null });
    const list = await testCore().api.backup.list({});
    expect(list).toHaveLength(2);
    expect(done.textContent).toBe(`Сақтық көшірме жасалды және тексерілді: ${list[0]!.file}`);
    await waitFor(() => expect(within(section).getAllByRole('row')).toHaveLength(3));
  });

  it('backs up into a typed folder (a USB stick) and refuses without one; in Russian', async () => {
    const section = await openSettings('ru');
    fireEvent.click(within(section).getByTestId('backup-to-folder'));
    fireEvent.click(within(section).getByTestId('backup-now'));
    expect((await within(section).findByTestId('backup-dir-missing')).textContent).toBe('Укажите папку, в которую копировать.');
    expect(handler('backup:now')).not.toHaveBeenCalled();
    // The browser host has no folder dialog: the path is typed.
    expect(within(section).queryByTestId('backup-choose-folder')).toBeNull();

    const usb = tempDir('esep-usb-');
    fireEvent.change(within(section).getByTestId('backup-dir'), { target: { value: usb } });
    fireEvent.click(within(section).getByTestId('backup-now'));
    const done = await within(section).findByTestId('backup-now-done');
    const [written] = fs.readdirSync(usb);
    expect(written).toMatch(/^esep-manual-.*\.sqlite$/);
    expect(done.textContent).toBe(`Резервная копия сделана и проверена: ${path.join(usb, written!)}`);
    expect(snapshot(path.join(usb, written!))).toEqual(snapshot(testCore().core.paths.dbFile));

    fireEvent.change(within(section).getByTestId('backup-dir'), { target: { value: path.join(usb, 'нет-такой') } });
    fireEvent.click(within(section).getByTestId('backup-now'));
    expect((await within(section).findByTestId('backup-now-error')).textContent).toContain('нет-такой');
  });

  it('on the desktop the folder comes from the system dialog', async () => {
    const usb = tempDir('esep-usb-');
    await startCore({ setUp: true, platform: { chooseFolder: async () => usb } });
    const section = await openSettings();
    fireEvent.click(within(section).getByTestId('backup-to-folder'));
    fireEvent.click(await within(section).findByTestId('backup-choose-folder'));
    await waitFor(() => expect((within(section).getByTestId('backup-dir') as HTMLInputElement).value).toBe(usb));
    fireEvent.click(within(section).getByTestId('backup-now'));
    await within(section).findByTestId('backup-now-done');
    expect(fs.readdirSync(usb)).toHaveLength(1);
  });

  it('restores a backup after saying what happens: the data of that moment comes back, the current database kept first', async () => {
    const backup = await testCore().api.backup.now({ folder: null });
    const atBackup = snapshot(testCore().core.paths.dbFile);
    await testCore().api.meetings.recordHeld({ unitKato: OKRUG.kato, heldOn: '2025-06-02' });
    const section = await openSettings();
    fireEvent.click(await within(section).findByTestId(`backup-restore-${backup.name}`));
    const date = `${formatOfficialInstant(backup.at, 'kk')}, ${hhmm(backup.at)}`;
    const confirm = within(section).getByTestId('backups-confirm');
    expect(confirm.getAttribute('role')).toBe('group');
    expect(confirm.textContent).toContain(`${date} сақтық көшірмесін қалпына келтіру керек пе?`);
    expect(within(confirm).getByTestId('backups-confirm-text').textContent).toContain('Ағымдағы дерекқор алдымен сақталады');
    // Cancelled: nothing is sent.
    fireEvent.click(within(confirm).getByTestId('backups-confirm-cancel'));
    expect(handler('backup:restore')).not.toHaveBeenCalled();

    fireEvent.click(within(section).getByTestId(`backup-restore-${backup.name}`));
    fireEvent.click(within(section).getByTestId('backups-confirm-restore'));
    const restored = await screen.findByTestId('backups-restored');
    expect(handler('backup:restore')).toHaveBeenCalledWith({ file: backup.file });
    const outcome = await (handler('backup:restore').mock.results[0]!.value as Promise<{ keptAs: string }>);
    expect(restored.textContent).toBe(`${date} сақтық көшірмесі қалпына келтірілді. Бұрынғы дерекқор ${outcome.keptAs} ретінде сақталды.`);
    expect(snapshot(testCore().core.paths.dbFile)).toEqual(atBackup);
    expect(fs.existsSync(outcome.keptAs)).toBe(true);
    // The kept copy is listed, and the screen reads the restored data.
    expect(await within(await screen.findByTestId('settings-backups')).findByTestId(`backup-${path.basename(outcome.keptAs)}`)).toBeTruthy();
    const okrug = await testCore().api.meetings.list({ unitKato: OKRUG.kato });
    expect(okrug.map((m) => m.heldOn).sort()).toEqual(['2025-01-20', '2025-05-05']);
  });
});

describe('a damaged database', () => {
  it('shows the banner on every screen, refuses changes with db_damaged, and restores the newest good backup', async () => {
    await testCore().api.backup.now({ folder: null });
    const newest = await testCore().api.backup.now({ folder: null });
    await damageDatabase();
    const damagedFile = sha(testCore().core.paths.dbFile);
    renderWithI18n(<App />, 'kk');
    const banner = await screen.findByTestId('damaged-banner');
    expect(banner.getAttribute('role')).toBe('alert');
    expect(within(banner).getByRole('heading').textContent).toBe('Дерекқор бүлінген');
    const date = `${formatOfficialInstant(newest.at, 'kk')}, ${hhmm(newest.at)}`;
    expect(within(banner).getByTestId('damaged-offer').textContent).toBe(`${date} сақтық көшірмесін қалпына келтіру керек пе? Бүлінген файл жойылмайды, бөлек қойылады.`);

    // A change is refused with its own message, and the file is not touched.
    fireEvent.click(screen.getByTestId('nav-settings'));
    fireEvent.click(await screen.findByTestId('settings-lang-ru'));
    expect((await screen.findAllByText(/^Дерекқор файлы бүлінген, сондықтан Esep оған енді жазбайды: бұл өзгеріс сақталмады/)).length).toBeGreaterThan(0);
    expect(sha(testCore().core.paths.dbFile)).toBe(damagedFile);
    expect(screen.getByTestId('damaged-banner')).toBeTruthy();

    fireEvent.click(within(screen.getByTestId('damaged-banner')).getByTestId('damaged-restore'));
    fireEvent.click(await screen.findByTestId('damaged-confirm-restore'));
    await screen.findByTestId('backups-restored');
    await waitFor(() => expect(screen.queryByTestId('damaged-banner')).toBeNull());
    expect(handler('backup:restore')).toHaveBeenCalledWith({ file: newest.file });
    expect(testCore().core.health.state).toBe('ok');
    const aside = fs.readdirSync(testCore().core.paths.backupDir).filter((n) => n.startsWith('damaged-') && n.endsWith('esep.sqlite'));
    expect(aside).toHaveLength(1);
    expect(sha(path.join(testCore().core.paths.backupDir, aside[0]!))).toBe(damagedFile);
    // Writing works again.
    fireEvent.click(await screen.findByTestId('settings-lang-ru'));
    await waitFor(async () => expect((await testCore().api.settings.get({})).language).toBe('ru'));
  });

  it('found while working brings the banner up at once, in Russian, and says when there is no backup', async () => {
    await openSettings('ru');
    expect(screen.queryByTestId('damaged-banner')).toBeNull();
    await damageDatabase();
    fireEvent.click(screen.getByTestId('settings-lang-kk'));
    const banner = await screen.findByTestId('damaged-banner');
    expect(within(banner).getByRole('heading').textContent).toBe('База данных повреждена');
    expect(within(banner).getByTestId('damaged-no-backup').textContent).toBe('Резервной копии для восстановления нет. Обратитесь к администратору; не удаляйте файл.');
  });
});
