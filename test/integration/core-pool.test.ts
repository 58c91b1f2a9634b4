import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startCorePool, type CorePool } from '../../electron/core/worker/core-pool';
import { corePaths, SOURCE_RESOURCES_DIR } from '../../electron/core/paths';
import { createHandlers } from '../../electron/core/api/handlers';
import { dispatch } from '../../electron/core/api/dispatch';
import type { Envelope } from '../../shared/contract/envelope';
import type { JobProgress } from '../../shared/contract/types';
import type { ImportReport } from '../../shared/contract/issues-import.contract';
import type { Minutes } from '../../shared/contract/minutes.contract';
import { ABAY_DISTRICT, KARAAUYL_OKRUG, openTempCore, tempDir } from '../helpers/temp-core';
import { excelDate, legacyWorkbook, RU_HEADERS, ruRow } from '../helpers/legacy-xlsx';
import { listBackups } from '../../electron/core/db/backup';

/*
 * The core in its workers (worker/core-pool.ts), as the desktop app and the browser host run
 * it: the long jobs run beside the short requests, so a minutes autosave is answered while a
 * 13,000-row import is under way, and the import reports its progress.
 */
const TODAY = '2025-06-15';
const ROWS = 13_000;
const dataDir = tempDir('esep-pool-');
let pool: CorePool;
let meetingId: string;
let xlsx: Buffer;

async function value<T>(channel: string, input: unknown): Promise<T> {
  const envelope = (await pool.call(channel, input)) as Envelope<T>;
  if (!envelope.ok) throw new Error(`${channel}: ${JSON.stringify(envelope.error)}`);
  return envelope.value;
}

beforeAll(async () => {
  // Set up in line, as a first run would have left it, then closed.
  const core = openTempCore({ today: TODAY, dataDir });
  const handlers = createHandlers(core, 'test');
  const call = (channel: string, input: unknown) => dispatch(handlers, channel, input) as Envelope<{ id: string }>;
  call('setup:complete', { rootKato: ABAY_DISTRICT, language: 'ru' });
  const held = call('meetings:recordHeld', { unitKato: KARAAUYL_OKRUG, heldOn: '2025-06-10' });
  if (!held.ok) throw new Error(JSON.stringify(held.error));
  meetingId = held.value.id;
  core.close();

  const rows = Array.from({ length: ROWS }, (_, i) =>
    ruRow(i + 1, { date: excelDate(`2025-0${1 + (i % 5)}-${String(1 + (i % 28)).padStart(2, '0')}`), kind: 'Вопрос', text: `Ремонт дороги по улице ${i + 1}` }),
  );
  xlsx = await legacyWorkbook({ name: 'Журнал', headers: RU_HEADERS, rows });
  // The desktop's folder dialog, which lives on the door's thread: the workers ask for it by message.
  const platform = { chooseFolder: async () => dataDir };
  pool = await startCorePool({ paths: corePaths(dataDir, SOURCE_RESOURCES_DIR), today: TODAY, appVersion: 'test', platform, backups: true });
}, 120_000);

afterAll(() => pool?.close());

describe('the core pool', () => {
  it('answers the contract through its workers, and refuses what the contract refuses', async () => {
    const info = await value<{ dataDir: string; canChooseFolder: boolean }>('app:info', {});
    expect(info).toMatchObject({ dataDir, canChooseFolder: true });
    expect(await value('exchange:chooseFolder', {})).toEqual({ path: dataDir });
    expect(await pool.call('app:nothing', {})).toEqual({ ok: false, error: { code: 'not_found', details: { channel: 'app:nothing' } } });
    expect(await pool.call('minutes:open', { meetingId: 'not-a-uuid' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await value('jobs:progress', {})).toBeNull();
  });

  it('keeps a minutes autosave quick while a 13,000-row import runs, and reports the import’s progress', async () => {
    const source = { fileName: 'журнал.xlsx', dataBase64: xlsx.toString('base64') };
    const preview = await value<{ suggested: Record<string, number> }>('issuesImport:preview', { source });
    let minutes = await value<Minutes>('minutes:open', { meetingId });

    let importDone = false;
    const started = performance.now();
    const committing = value<ImportReport>('issuesImport:commit', { source, mapping: preview.suggested, unitKato: KARAAUYL_OKRUG, onlyValid: true }).then((report) => {
      importDone = true;
      return report;
    });

    const saves: number[] = [];
    const seen: JobProgress[] = [];
    while (!importDone) {
      const t0 = performance.now();
      minutes = await value<Minutes>('minutes:save', { minutesId: minutes.id, revision: minutes.revision, body: { ...bodyOf(minutes), chair: `Председатель ${saves.length}` } });
      saves.push(performance.now() - t0);
      const progress = await value<JobProgress | null>('jobs:progress', {});
      if (progress) seen.push(progress);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const report = await committing;
    const importMs = performance.now() - started;

    expect(report.imported).toBe(ROWS);
    // The saves went on all through the import, each answered in a fraction of a second.
    expect(saves.length).toBeGreaterThan(3);
    const sorted = [...saves].sort((a, b) => a - b);
    // A save waits at most for the slice under way (IMPORT_SLICE_MS) and SQLite's next look.
    expect(sorted[sorted.length >> 1]).toBeLessThan(150);
    expect(sorted[sorted.length - 1]).toBeLessThan(Math.max(1000, importMs / 10));
    expect(minutes.chair).toBe(`Председатель ${saves.length - 1}`);
    // Progress was seen for the import, counting up towards its rows.
    const ofCommit = seen.filter((p) => p.channel === 'issuesImport:commit');
    expect(ofCommit.length).toBeGreaterThan(0);
    expect(ofCommit.every((p) => p.done <= (p.total ?? Infinity))).toBe(true);
    expect(await value('jobs:progress', {})).toBeNull();
    // What the job wrote, the main worker reads.
    const page = await value<{ total: number }>('issues:list', { filter: { unitKato: KARAAUYL_OKRUG }, sort: { key: 'registryNo', dir: 'asc' }, offset: 0, limit: 10 });
    expect(page.total).toBe(ROWS);
  }, 180_000);

  it('keeps a minutes autosave quick while a report of the district is built as a PDF', async () => {
    let minutes = await value<Minutes>('minutes:open', { meetingId });
    let done = false;
    const building = value<{ fileName: string; dataBase64: string }>('reports:export', {
      unitKato: ABAY_DISTRICT,
      period: { start: '2025-01-01', end: '2025-12-31' },
      document: 'period',
      format: 'pdf',
      language: 'ru',
      sections: ['summary', 'units', 'categories', 'unresolved', 'charts'],
      personalData: false,
    }).then((file) => {
      done = true;
      return file;
    });
    const saves: number[] = [];
    while (!done) {
      const t0 = performance.now();
      minutes = await value<Minutes>('minutes:save', { minutesId: minutes.id, revision: minutes.revision, body: { ...bodyOf(minutes), secretary: `Секретарь ${saves.length}` } });
      saves.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const file = await building;
    expect(Buffer.from(file.dataBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(saves.length).toBeGreaterThan(2);
    expect(Math.max(...saves)).toBeLessThan(500);
  }, 120_000);

  it('restores a backup with the job worker closed first, so the next job reads the restored file', async () => {
    const period = { start: '2025-01-01', end: '2025-12-31' };
    const issuesIn = async () => (await value<{ issues: { total: number } }>('reports:get', { unitKato: KARAAUYL_OKRUG, period })).issues.total;
    const backup = await value<{ file: string }>('backup:now', { folder: null });
    const before = await issuesIn();
    await value('issues:create', {
      unitKato: KARAAUYL_OKRUG, meetingId: null, raisedOn: '2025-06-01', author: null,
      fields: { kind: 'question', receivedVia: 'oral', collective: false, categoryId: null, localityKato: null, answeredOnSpot: false, answer: '', bodyId: null, personId: null, deadline: null, onControl: false, controller: '', eotinishNo: '', repeatsId: null, text: 'После копии' },
    });
    // The job worker is open and has read the newer data.
    expect(await issuesIn()).toBe(before + 1);
    const restored = await value<{ restored: { file: string } }>('backup:restore', { file: backup.file });
    expect(restored.restored.file).toBe(backup.file);
    expect(await issuesIn()).toBe(before);
    expect((await value<{ total: number }>('issues:list', { filter: { search: 'копии' }, sort: { key: 'registryNo', dir: 'asc' }, offset: 0, limit: 10 })).total).toBe(0);
  }, 60_000);

  it('backs up at start and, when asked, at close, even when a restore closed the job worker last', async () => {
    const autos = () => listBackups(corePaths(dataDir, SOURCE_RESOURCES_DIR).backupDir).filter((b) => b.kind === 'auto').length;
    // The job worker's backup at start, copied in steps beside the requests.
    await vi.waitFor(() => expect(autos()).toBeGreaterThanOrEqual(1), { timeout: 30_000, interval: 50 });
    const atStart = autos();
    const copy = await value<{ file: string }>('backup:now', { folder: null });
    await value('backup:restore', { file: copy.file });
    await value('settings:setLanguage', { language: 'kk' });
    await pool.close({ backup: true });
    expect(autos()).toBe(atStart + 1);
    expect(fs.existsSync(corePaths(dataDir, SOURCE_RESOURCES_DIR).dbFile)).toBe(true);
    expect(await pool.call('app:info', {})).toEqual({ ok: false, error: { code: 'internal' } });
  });
});

function bodyOf(minutes: Minutes) {
  const { number, date, place, chair, secretary, presentCount, presentList, invited, items } = minutes;
  return { number, date, place, chair, secretary, presentCount, presentList, invited, items: items.length === 0 ? [] : items };
}
