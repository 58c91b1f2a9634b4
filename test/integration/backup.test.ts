import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ABAY_DISTRICT, KARAAUYL_OKRUG, openTempCore, tempDir } from '../helpers/temp-core';
import { automaticBackup, backupFileName, backupInto, inspectBackup, listBackups, restoreBackup, rotateBackups, writeBackup, ROTATION } from '../../electron/core/db/backup';
import { LATEST_VERSION } from '../../electron/core/db/migrations';
import type { Core } from '../../electron/core/core';
import { EsepError } from '../../shared/errors';
import { snapshot } from '../helpers/db-snapshot';
import { samplePdf } from '../helpers/sample-files';
import { STALE_TEMP_MS } from '../../electron/core/services/attachments.service';
import { caller } from './meeting-fixtures';

function setUp(core: Core, value: string): void {
  core.ctx.db.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('backup-test', ?, 1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(value);
}

function expectCode(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(EsepError);
    expect((error as EsepError).code).toBe(code);
    return;
  }
  throw new Error(`expected ${code}`);
}

async function expectRejected(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toMatchObject({ code });
}

describe('backups', () => {
  it('writes a checked single-file copy under the final name only, in a folder given', async () => {
    const core = openTempCore();
    const out = path.join(tempDir('esep-usb-'), 'esep.sqlite');
    const info = await writeBackup(core.ctx.db, out);
    expect(info).toMatchObject({ file: out, schemaVersion: LATEST_VERSION, installationId: core.ctx.installationId });
    expect(fs.readdirSync(path.dirname(out))).toEqual(['esep.sqlite']);
    expect(inspectBackup(out).installationId).toBe(core.ctx.installationId);
    core.close();
  });

  it('refuses a file that is not a database, a damaged one and one from a newer schema, leaving them unchanged', () => {
    const dir = tempDir();
    const text = path.join(dir, 'notes.sqlite');
    fs.writeFileSync(text, 'x'.repeat(200));
    expectCode(() => inspectBackup(text), 'db_unreadable');
    const core = openTempCore();
    const file = path.join(dir, 'copy.sqlite');
    core.ctx.db.prepare('VACUUM INTO ?').run(file);
    core.close();
    const damaged = path.join(dir, 'damaged.sqlite');
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, 4096 * 3, 4096 * 6);
    fs.writeFileSync(damaged, bytes);
    expectCode(() => inspectBackup(damaged), 'backup_damaged');
    const future = path.join(dir, 'future.sqlite');
    const newer = fs.readFileSync(file);
    newer.writeUInt32BE(LATEST_VERSION + 10, 60);
    fs.writeFileSync(future, newer);
    expectCode(() => inspectBackup(future), 'db_from_future');
    expect(fs.readFileSync(future)).toEqual(newer);
  });

  it(`rotates: ${ROTATION.AUTO_TODAY} of today, one per earlier day, ${ROTATION.AUTO_CAP} in all; ${ROTATION.KEEP_OTHER} of each other kind`, () => {
    const dir = tempDir();
    const now = new Date(2026, 5, 30, 18, 0, 0);
    const names: string[] = [];
    for (let day = 0; day < 20; day++) {
      for (let hour = 8; hour < 14; hour++) names.push(backupFileName('auto', new Date(2026, 5, 30 - day, hour), LATEST_VERSION));
    }
    for (let i = 0; i < 7; i++) names.push(backupFileName('before-restore', new Date(2026, 5, 1 + i, 9), LATEST_VERSION));
    for (const name of names) fs.writeFileSync(path.join(dir, name), '');
    fs.writeFileSync(path.join(dir, 'mine.sqlite'), '');
    rotateBackups(dir, now);
    const left = listBackups(dir);
    const auto = left.filter((b) => b.kind === 'auto');
    expect(auto).toHaveLength(ROTATION.AUTO_CAP);
    expect(auto.slice(0, 4).map((b) => b.at.getHours())).toEqual([13, 12, 11, 10]);
    const earlier = auto.slice(4).map((b) => [b.at.getDate(), b.at.getHours()]);
    expect(earlier).toEqual(Array.from({ length: ROTATION.AUTO_CAP - 4 }, (_, i) => [29 - i, 13]));
    expect(left.filter((b) => b.kind === 'before-restore').map((b) => b.at.getDate())).toEqual([7, 6, 5, 4, 3]);
    expect(fs.existsSync(path.join(dir, 'mine.sqlite'))).toBe(true);
  });

  it('a backup cut short leaves a temp copy, removed at a start once it is an hour old (a younger one may still be written)', async () => {
    const dataDir = tempDir();
    let core = openTempCore({ dataDir });
    const kept = await backupInto(core.ctx.db, core.paths.backupDir, 'manual', new Date('2025-06-15T08:00:00Z'));
    const backupDir = core.paths.backupDir;
    core.close();
    // As writeBackup names its copy in progress (and SQLite the copy's journal) beside the final name.
    const temp = (at: string) => `.${backupFileName('auto', new Date(at), LATEST_VERSION)}.${randomUUID()}.tmp`;
    const old = temp('2025-06-15T09:00:00Z');
    const young = temp('2025-06-15T10:00:00Z');
    for (const name of [old, `${old}-journal`, `${old}-wal`, `${old}-shm`, young, '.notes.tmp']) fs.writeFileSync(path.join(backupDir, name), 'partial copy');
    const twoHoursAgo = new Date(Date.now() - 2 * STALE_TEMP_MS);
    for (const name of [old, `${old}-journal`, `${old}-wal`, `${old}-shm`, '.notes.tmp']) fs.utimesSync(path.join(backupDir, name), twoHoursAgo, twoHoursAgo);

    core = openTempCore({ dataDir });
    core.close();
    expect(fs.readdirSync(backupDir).sort()).toEqual(['.notes.tmp', young, path.basename(kept.file)].sort());
  });
});

describe('restore', () => {
  it('brings back exactly the data of the moment of a backup made to a folder, keeping the current database first', async () => {
    const dataDir = tempDir('esep-restore-');
    let core = openTempCore({ dataDir });
    setUp(core, 'before');
    const usb = path.join(tempDir('esep-usb-'), 'esep-backup.sqlite');
    await writeBackup(core.ctx.db, usb);
    core.close();
    const atBackup = snapshot(usb);

    core = openTempCore({ dataDir });
    setUp(core, 'after');
    core.ctx.db.prepare(`DELETE FROM settings WHERE key <> 'backup-test'`).run();
    core.ctx.db.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('added-later', 'x', 2)`).run();
    const installationId = core.ctx.installationId;
    const paths = core.paths;
    core.close();
    const changed = snapshot(paths.dbFile);
    expect(changed).not.toEqual(atBackup);

    const result = await restoreBackup(paths, usb, { now: new Date() });
    expect(result.restored.installationId).toBe(installationId);
    expect(snapshot(paths.dbFile)).toEqual(atBackup);
    expect(snapshot(result.keptAs!)).toEqual(changed);
    expect(fs.readdirSync(dataDir).filter((n) => n.endsWith('.tmp'))).toEqual([]);

    core = openTempCore({ dataDir });
    expect(core.ctx.installationId).toBe(installationId);
    expect(core.ctx.db.prepare(`SELECT value FROM settings WHERE key = 'backup-test'`).pluck().get()).toBe('before');
    core.close();
    expect(snapshot(paths.dbFile)).toEqual(atBackup);
  });

  it('keeps the files a kept backup names: removed since, or added after it and needed by the copy kept at restore', async () => {
    const dataDir = tempDir('esep-restore-files-');
    let core = openTempCore({ dataDir });
    const { value } = caller(core);
    value('setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
    const meeting = value('meetings:recordHeld', { unitKato: KARAAUYL_OKRUG, heldOn: '2025-06-10' });
    const add = (note: string) => value('attachments:add', { meetingId: meeting.id, fileName: `${note}.pdf`, kind: 'other', dataBase64: samplePdf(note).toString('base64') });
    const early = add('early');
    const backup = await backupInto(core.ctx.db, core.paths.backupDir, 'manual', new Date());
    value('attachments:remove', { id: early.id });
    const late = add('late');
    const paths = core.paths;
    core.close();

    await restoreBackup(paths, backup.file, { now: new Date() });
    core = openTempCore({ dataDir });
    try {
      const read = caller(core).value;
      // The removed file is back with its row; the later one is kept for the copy taken at restore.
      expect(Buffer.from(read('attachments:read', { id: early.id }).dataBase64, 'base64').equals(samplePdf('early'))).toBe(true);
      const store = path.join(dataDir, 'attachments');
      const files = fs.readdirSync(store, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
      expect(files.some((n) => n.includes(late.sha256))).toBe(true);
    } finally {
      core.close();
    }
  });

  it('refuses another installation’s backup unless told so, and a database still open elsewhere; nothing changes', async () => {
    const other = openTempCore();
    const foreign = path.join(tempDir(), 'other.sqlite');
    await writeBackup(other.ctx.db, foreign);
    other.close();

    const core = openTempCore();
    const paths = core.paths;
    const own = path.join(tempDir(), 'own.sqlite');
    await writeBackup(core.ctx.db, own);
    const before = fs.readFileSync(paths.dbFile);
    await expectRejected(restoreBackup(paths, own, { now: new Date() }), 'db_in_use');
    core.close();
    const closed = fs.readFileSync(paths.dbFile);
    await expectRejected(restoreBackup(paths, foreign, { now: new Date() }), 'backup_other_installation');
    expect(fs.readFileSync(paths.dbFile)).toEqual(closed);
    expect(before.length).toBeGreaterThan(0);

    const result = await restoreBackup(paths, foreign, { now: new Date(), otherInstallation: true });
    expect(inspectBackup(paths.dbFile).installationId).toBe(result.restored.installationId);
    expect(result.restored.installationId).not.toBe(core.ctx.installationId);
  });

  it('onto a damaged database: that one is moved aside whole, not written to, and the backup put in place', async () => {
    const { paths, usb, bytes } = await damagedWithBackup();
    const result = await restoreBackup(paths, usb, { now: new Date() });
    expect(path.basename(result.keptAs!)).toMatch(/^damaged-.*-esep\.sqlite$/);
    expect(fs.readFileSync(result.keptAs!)).toEqual(bytes);
    expect(snapshot(paths.dbFile)).toEqual(snapshot(usb));
  });

  it('onto a damaged database from a backup that cannot be copied: the damaged one stays where it was, nothing is moved', async () => {
    const { paths, usb, bytes } = await damagedWithBackup();
    const backupsBefore = fs.existsSync(paths.backupDir) ? fs.readdirSync(paths.backupDir).sort() : [];
    // The stick is pulled as the copy starts.
    const copy = vi.spyOn(fs, 'copyFileSync').mockImplementationOnce(() => {
      throw Object.assign(new Error('EIO: i/o error, copyfile'), { code: 'EIO' });
    });
    try {
      await expect(restoreBackup(paths, usb, { now: new Date(), currentDamaged: true })).rejects.toMatchObject({ code: 'EIO' });
    } finally {
      copy.mockRestore();
    }
    expect(fs.readFileSync(paths.dbFile)).toEqual(bytes);
    expect(fs.existsSync(paths.backupDir) ? fs.readdirSync(paths.backupDir).sort() : []).toEqual(backupsBefore);
    expect(fs.readdirSync(path.dirname(paths.dbFile)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('backupInto names the kind and keeps the rotation', async () => {
    const core = openTempCore();
    const info = await backupInto(core.ctx.db, core.paths.backupDir, 'manual', new Date());
    expect(listBackups(core.paths.backupDir).map((b) => [b.file, b.kind])).toContainEqual([info.file, 'manual']);
    core.close();
  });
});

/** An installation with a good backup on a stick, then pages of its database overwritten. */
async function damagedWithBackup() {
  const core = openTempCore();
  const paths = core.paths;
  const usb = path.join(tempDir('esep-usb-'), 'b.sqlite');
  await writeBackup(core.ctx.db, usb);
  core.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  core.close();
  const bytes = fs.readFileSync(paths.dbFile);
  bytes.fill(0x5a, 4096 * 4, 4096 * 12);
  fs.writeFileSync(paths.dbFile, bytes);
  return { paths, usb, bytes };
}

describe('automatic backups', () => {
  it('at start: one a day; on quit: only when the session changed something', async () => {
    const core = openTempCore();
    const dir = core.paths.backupDir;
    const morning = new Date(2026, 5, 15, 8);
    expect(await automaticBackup(core.ctx.db, dir, morning, 'start')).not.toBeNull();
    expect(await automaticBackup(core.ctx.db, dir, new Date(2026, 5, 15, 14), 'start')).toBeNull();
    expect(await automaticBackup(core.ctx.db, dir, new Date(2026, 5, 16, 8), 'start')).not.toBeNull();
    core.close();

    const again = openTempCore({ dataDir: core.paths.dataDir });
    expect(await automaticBackup(again.ctx.db, dir, new Date(2026, 5, 16, 18), 'quit')).toBeNull();
    setUp(again, 'changed');
    const info = await automaticBackup(again.ctx.db, dir, new Date(2026, 5, 16, 18), 'quit');
    expect(snapshot(info!.file)['settings']).toContainEqual(expect.objectContaining({ key: 'backup-test', value: 'changed' }));
    expect(listBackups(dir).filter((b) => b.kind === 'auto')).toHaveLength(3);
    again.close();
  });
});
