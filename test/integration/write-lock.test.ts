import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { createI18n, errorMessage } from '../../shared/i18n';
import type { ErrorCode } from '../../shared/errors';
import { ABAY_DISTRICT, KARAAUYL_OKRUG, openTempCore } from '../helpers/temp-core';
import { caller } from './meeting-fixtures';
import { createHandlers } from '../../electron/core/api/handlers';
import { dispatch } from '../../electron/core/api/dispatch';
import { issueFields } from './issue-fixtures';

/**
 * Another process writing at the same time (a second window, the CLI), played by a worker
 * thread with its own connection: it takes the write lock, writes a row, holds the lock for
 * `holdMs`, commits. `locked` resolves once it holds the lock.
 */
function otherWriter(dbFile: string, holdMs: number): { locked: Promise<void>; done: Promise<void> } {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(
    `const { workerData } = require('node:worker_threads');
     const Database = require(workerData.module);
     const db = new Database(workerData.file);
     db.exec('BEGIN IMMEDIATE');
     db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('other_writer', 'x', 0)").run();
     Atomics.store(workerData.signal, 0, 1);
     Atomics.notify(workerData.signal, 0);
     Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs);
     db.exec('COMMIT');
     db.close();`,
    { eval: true, workerData: { file: dbFile, holdMs, signal, module: require.resolve('better-sqlite3') } },
  );
  const done = new Promise<void>((resolve, reject) => {
    worker.on('exit', () => resolve());
    worker.on('error', reject);
  });
  const locked = (async () => {
    while (Atomics.load(signal, 0) === 0) await new Promise((r) => setTimeout(r, 5));
  })();
  return { locked, done };
}

const raise = (meetingId: string) => ({ unitKato: KARAAUYL_OKRUG, meetingId, raisedOn: '2025-07-10', fields: issueFields(), author: null });

let core: Core;
afterEach(() => core?.close());

function world() {
  core = openTempCore({ today: '2025-07-15' });
  const { call, value } = caller(core);
  value('setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
  const meeting = value('meetings:recordHeld', { unitKato: KARAAUYL_OKRUG, heldOn: '2025-07-10' });
  return { call, meeting, dbFile: path.join(core.paths.dataDir, 'esep.sqlite') };
}

describe('a write while another process writes', () => {
  it('waits for the lock and then writes over what the other committed (no "busy" from a stale snapshot)', async () => {
    const { call, meeting, dbFile } = world();
    const other = otherWriter(dbFile, 300);
    await other.locked;
    // A service that reads (the meeting, the next registry number) and then writes: it blocks here until the other commits.
    const started = Date.now();
    const result = call('issues:create', raise(meeting.id));
    expect(result).toMatchObject({ ok: true, value: { registryNo: 1 } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    await other.done;
    expect(core.ctx.db.prepare("SELECT value FROM settings WHERE key = 'other_writer'").pluck().get()).toBe('x');
  });

  it('past busy_timeout, says the database is busy in the user’s language, and nothing changed', async () => {
    const { call, meeting, dbFile } = world();
    core.ctx.db.pragma('busy_timeout = 100');
    const other = otherWriter(dbFile, 1500);
    await other.locked;
    const result = call('issues:create', raise(meeting.id));
    expect(result).toEqual({ ok: false, error: { code: 'db_busy' } });
    if (!result.ok) expect(errorMessage(createI18n('ru').t, result.error)).toMatch(/занята.*Данные не изменены\.$/);
    await other.done;
    expect(core.ctx.db.prepare('SELECT count(*) FROM issues').pluck().get()).toBe(0);
  });
});

describe('what the disk and SQLite say, as the person’s own error', () => {
  it('full, read-only, busy and damaged are each their own code, with kk and ru texts; only damage is logged', () => {
    core = openTempCore();
    const handlers = createHandlers(core, 't');
    const cases: Array<[string, string]> = [
      ['SQLITE_FULL', 'disk_full'],
      ['ENOSPC', 'disk_full'],
      ['SQLITE_READONLY_DBMOVED', 'db_readonly'],
      ['SQLITE_BUSY_SNAPSHOT', 'db_busy'],
      ['SQLITE_CORRUPT', 'db_damaged'],
      ['SQLITE_NOTADB', 'db_damaged'],
      ['SQLITE_MISUSE', 'internal'],
    ];
    for (const [code, expected] of cases) {
      const logged: unknown[] = [];
      const failing = {
        ...handlers,
        'settings:get': () => {
          throw Object.assign(new Error('x'), { code });
        },
      } as typeof handlers;
      expect(dispatch(failing, 'settings:get', {}, (e) => logged.push(e)), code).toEqual({ ok: false, error: { code: expected } });
      expect(logged.length, code).toBe(expected === 'db_damaged' || expected === 'internal' ? 1 : 0);
      if (expected !== 'internal') for (const lng of ['kk', 'ru'] as const) expect(errorMessage(createI18n(lng).t, { code: expected as ErrorCode })).not.toContain('Errors.');
    }
  });
});
