import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ABAY_DISTRICT, KARAAUYL_OKRUG, openTempCore, tempDir } from '../helpers/temp-core';
import { openCoreOnCopy } from '../helpers/template-db';
import { createHandlers } from '../../electron/core/api/handlers';
import { dispatch } from '../../electron/core/api/dispatch';
import { openCore, type Core } from '../../electron/core/core';
import { fixedClock } from '../../electron/core/clock';
import { backupInto, listBackups, ROTATION } from '../../electron/core/db/backup';
import { damageAtOpen } from '../../electron/core/db/health';
import { automaticBackupOf } from '../../electron/core/services/backups.service';
import type { BackupEntry, DbHealth, RestoreOutcome } from '../../shared/contract/backups.contract';
import type { Envelope } from '../../shared/contract/envelope';
import { snapshot } from '../helpers/db-snapshot';
import { damageMiddle, damageTable } from '../helpers/damage';

// Issue 12, point 6: a damaged database is detected, never written to, and the newest good
// backup brings back exactly the data of its moment, the damaged file kept aside.

function doors(core: Core) {
  const handlers = createHandlers(core, '0.0.0-test');
  const call = async (channel: string, input: unknown = {}) => (await dispatch(handlers, channel, input, () => {})) as Envelope<any>;
  const value = async <T = any>(channel: string, input: unknown = {}): Promise<T> => {
    const result = await call(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value as T;
  };
  return { call, value };
}

const sha = (file: string) => (fs.existsSync(file) ? createHash('sha256').update(fs.readFileSync(file)).digest('hex') : null);
/** The database as it is on disk: the file and any committed log beside it. */
const filesOf = (dbFile: string) => ({ db: sha(dbFile), wal: fs.existsSync(`${dbFile}-wal`) && fs.statSync(`${dbFile}-wal`).size > 0 ? sha(`${dbFile}-wal`) : null });

async function setUpInstallation(core: Core) {
  const { value } = doors(core);
  await value('setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
  await value('meetings:recordHeld', { unitKato: ABAY_DISTRICT, heldOn: '2025-02-12' });
}

/** Closes the core with everything folded into the main file (no log), as a clean quit leaves it. */
function closeClean(core: Core): void {
  core.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  core.close();
}

describe('a damaged database', () => {
  it('is found at open, every write is refused with db_damaged and the file stays byte for byte as it was', async () => {
    const dataDir = tempDir();
    const core = openCoreOnCopy({ dataDir, today: '2025-06-15' });
    await setUpInstallation(core);
    const good = await doors(core).value<BackupEntry>('backup:now', { folder: null });
    closeClean(core);
    damageMiddle(core.paths.dbFile);
    expect(damageAtOpen(core.paths.dbFile).length).toBeGreaterThan(0);
    const before = filesOf(core.paths.dbFile);

    const damaged = openCoreOnCopy({ dataDir, today: '2025-06-15' });
    expect(damaged.health).toMatchObject({ state: 'damaged', by: 'open' });
    const { call, value } = doors(damaged);
    const health = await value<DbHealth>('db:health');
    expect(health).toMatchObject({ state: 'damaged', by: 'open', newestGood: { file: good.file, kind: 'manual' } });
    // Reads that can still work do (the settings live in pages the damage missed).
    expect((await call('settings:get')).ok).toBe(true);
    for (const [channel, input] of [
      ['settings:setLanguage', { language: 'ru' }],
      ['meetings:recordHeld', { unitKato: KARAAUYL_OKRUG, heldOn: '2025-03-03' }],
      ['settings:setReminderDays', { days: 9 }],
    ] as const) {
      expect(await call(channel, input)).toEqual({ ok: false, error: { code: 'db_damaged' } });
    }
    // A copy of it would be no backup: none is made, and the good one stays.
    const backups = listBackups(damaged.paths.backupDir).map((b) => b.file);
    expect(await call('backup:now', { folder: null })).toEqual({ ok: false, error: { code: 'db_damaged' } });
    expect(await automaticBackupOf(damaged, 'start')).toBeNull();
    expect(listBackups(damaged.paths.backupDir).map((b) => b.file)).toEqual(backups);
    damaged.close();
    expect(filesOf(core.paths.dbFile)).toEqual(before);
  });

  it('is restored from the newest good backup: exactly the data of that moment, the damaged file kept aside whole', async () => {
    const dataDir = tempDir();
    const core = openCoreOnCopy({ dataDir, today: '2025-06-15' });
    await setUpInstallation(core);
    const { value } = doors(core);
    await automaticBackupOf(core, 'start');
    await value('meetings:recordHeld', { unitKato: KARAAUYL_OKRUG, heldOn: '2025-01-20' });
    const newest = await value<BackupEntry>('backup:now', { folder: null });
    const atBackup = snapshot(core.paths.dbFile);
    // Work after the backup, which the restore cannot bring back.
    await value('meetings:recordHeld', { unitKato: KARAAUYL_OKRUG, heldOn: '2025-05-05' });
    closeClean(core);
    damageMiddle(core.paths.dbFile);
    const damagedFile = sha(core.paths.dbFile);

    const reopened = openCoreOnCopy({ dataDir, today: '2025-06-15' });
    const door = doors(reopened);
    const health = await door.value<DbHealth>('db:health');
    expect(health.state === 'damaged' && health.newestGood?.file).toBe(newest.file);
    const outcome = await door.value<RestoreOutcome>('backup:restore', { file: newest.file });

    expect(outcome.health).toEqual({ state: 'ok' });
    expect(reopened.health).toEqual({ state: 'ok' });
    expect(path.basename(outcome.keptAs!)).toMatch(/^damaged-.*-esep\.sqlite$/);
    expect(sha(outcome.keptAs!)).toBe(damagedFile);
    expect(snapshot(reopened.paths.dbFile)).toEqual(atBackup);
    // The same core, the same handlers: they read and write the restored database.
    const meetings = await door.value<Array<{ heldOn: string | null }>>('meetings:list', { unitKato: KARAAUYL_OKRUG });
    expect(meetings.map((m) => m.heldOn).sort()).toEqual(['2025-01-20']);
    expect((await door.call('meetings:recordHeld', { unitKato: KARAAUYL_OKRUG, heldOn: '2025-05-06' })).ok).toBe(true);
    reopened.close();
  });

  it('met while working (past the check at open) puts the core in the damaged state, and nothing more is written', async () => {
    const core = openTempCore();
    await setUpInstallation(core);
    const { call } = doors(core);
    core.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    // The file goes bad under the running app (a failing disk): the open check saw it sound.
    damageMiddle(core.paths.dbFile);
    const before = filesOf(core.paths.dbFile);
    const search = await call('units:search', { query: 'ауылдық округі', limit: 100 });
    const grid = await call('obligations:grid', { year: 2025 });
    expect([search, grid].some((r) => !r.ok && r.error.code === 'db_damaged')).toBe(true);
    expect(core.health).toMatchObject({ state: 'damaged', by: 'work' });
    expect(await call('settings:setLanguage', { language: 'ru' })).toEqual({ ok: false, error: { code: 'db_damaged' } });
    core.close();
    expect(filesOf(core.paths.dbFile)).toEqual(before);
  });
});

describe('the automatic backup of a damaged database', () => {
  it('finds damage the check at open could not see, keeps every good backup and writes nothing', async () => {
    const first = openTempCore();
    await setUpInstallation(first);
    // Two weeks of good daily backups: a full rotation, none of which a damaged copy may push out.
    for (let day = ROTATION.AUTO_CAP; day >= 1; day--) await backupInto(first.ctx.db, first.paths.backupDir, 'auto', new Date(Date.now() - day * 86_400_000));
    const good = listBackups(first.paths.backupDir).map((b) => b.file);
    expect(good).toHaveLength(ROTATION.AUTO_CAP);
    closeClean(first);
    // Damage to the log of changes, which nothing reads at open (the classifier's units are counted there).
    damageTable(first.paths.dbFile, 'audit_log');
    const before = filesOf(first.paths.dbFile);
    // A database above the budget of the check at open (an oblast's): only its header and schema are read.
    const core = openCore({ paths: first.paths, clock: fixedClock('2025-06-15'), quickCheckMaxBytes: 0 });
    expect(core.health).toEqual({ state: 'ok' });

    await expect(automaticBackupOf(core, 'start')).rejects.toMatchObject({ code: 'db_damaged' });
    expect(core.health).toMatchObject({ state: 'damaged', by: 'backup' });
    expect(fs.readdirSync(core.paths.backupDir).sort()).toEqual(good.map((f) => path.basename(f)).sort());
    // From now on none is even tried, at start or quit.
    expect(await automaticBackupOf(core, 'quit')).toBeNull();
    expect(await automaticBackupOf(core, 'start')).toBeNull();
    const { value } = doors(core);
    expect((await value<DbHealth>('db:health')).state === 'damaged' && (await value<DbHealth & { state: 'damaged' }>('db:health')).newestGood?.file).toBe(good[0]);
    core.close();
    expect(filesOf(core.paths.dbFile)).toEqual(before);
  });
});

describe('a backup to a folder', () => {
  it('restored while the app runs brings back exactly the data of its moment; what was there is kept as a backup', async () => {
    const core = openTempCore();
    await setUpInstallation(core);
    const { value } = doors(core);
    const usb = tempDir('esep-usb-');
    const copy = await value<BackupEntry>('backup:now', { folder: usb });
    expect(path.dirname(copy.file)).toBe(usb);
    expect(copy.kind).toBe('manual');
    const atBackup = snapshot(core.paths.dbFile);
    expect(snapshot(copy.file)).toEqual(atBackup);
    await value('meetings:recordHeld', { unitKato: KARAAUYL_OKRUG, heldOn: '2025-01-20' });
    await value('settings:setLanguage', { language: 'ru' });
    const beforeRestore = snapshot(core.paths.dbFile);
    expect(beforeRestore).not.toEqual(atBackup);

    const restoring = value<RestoreOutcome>('backup:restore', { file: copy.file });
    // Meanwhile the file is being swapped: another request is turned away, not run on a closed connection.
    expect(await doors(core).call('settings:get')).toEqual({ ok: false, error: { code: 'db_busy' } });
    const outcome = await restoring;
    expect(snapshot(core.paths.dbFile)).toEqual(atBackup);
    expect(path.basename(outcome.keptAs!)).toMatch(/^esep-before-restore-/);
    expect(snapshot(outcome.keptAs!)).toEqual(beforeRestore);
    expect((await value<{ language: string }>('settings:get')).language).toBe('kk');
    const listed = await value<BackupEntry[]>('backup:list');
    expect(listed.map((b) => b.file)).toContain(outcome.keptAs);
    core.close();
  });

  it('into a folder that is not there is refused and writes nothing', async () => {
    const core = openTempCore();
    const { call } = doors(core);
    const missing = path.join(tempDir('esep-usb-'), 'no-such-stick');
    expect(await call('backup:now', { folder: missing })).toEqual({ ok: false, error: { code: 'file_unwritable', details: { file: missing } } });
    expect(fs.existsSync(missing)).toBe(false);
    core.close();
  });
});
