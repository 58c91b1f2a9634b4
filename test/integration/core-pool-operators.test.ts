import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCorePool, type CorePool } from '../../electron/core/worker/core-pool';
import { corePaths, SOURCE_RESOURCES_DIR } from '../../electron/core/paths';
import { createHandlers } from '../../electron/core/api/handlers';
import { dispatch } from '../../electron/core/api/dispatch';
import { ABAY_DISTRICT, openTempCore, tempDir } from '../helpers/temp-core';
import { addStaff, STAFF, STAFF_SECRET } from '../helpers/staff';

/*
 * One session for the app's two core workers (operators/session.ts over shared memory): a job
 * runs in the job worker as the operator signed in through the main one, and the lock stops
 * both at once.
 */
const TODAY = '2025-06-15';
const dataDir = tempDir('esep-pool-operators-');
let pool: CorePool;

const exportInput = (personalData: boolean) => ({
  unitKato: ABAY_DISTRICT,
  period: { start: '2025-01-01', end: '2025-06-30' },
  document: 'period',
  format: 'xlsx',
  language: 'ru',
  sections: ['summary', 'unresolved'],
  personalData,
});

beforeAll(async () => {
  const core = openTempCore({ today: TODAY, dataDir });
  dispatch(createHandlers(core, 'test'), 'setup:complete', { rootKato: ABAY_DISTRICT, language: 'ru' });
  await addStaff(core, null);
  core.close();
  pool = await startCorePool({ paths: corePaths(dataDir, SOURCE_RESOURCES_DIR), today: TODAY, appVersion: 'test' });
}, 60_000);

afterAll(() => pool?.close());

function exportsBy(): Array<{ actor: string; personal: number }> {
  const db = new Database(path.join(dataDir, 'esep.sqlite'), { readonly: true });
  try {
    return db.prepare("SELECT actor, json_extract(after_json, '$.personalData') AS personal FROM audit_log WHERE action = 'export' ORDER BY seq").all() as Array<{ actor: string; personal: number }>;
  } finally {
    db.close();
  }
}

describe('operators across the core pool', () => {
  it('runs a job as the operator signed in, refuses it by role, and stops both workers while locked', async () => {
    expect(await pool.call('reports:export', exportInput(false))).toMatchObject({ ok: false, error: { code: 'auth_required' } });
    expect(await pool.call('auth:signIn', { login: 'hatshy', secret: STAFF_SECRET })).toMatchObject({ ok: true, value: { operator: { login: 'hatshy' } } });
    expect(await pool.call('reports:export', exportInput(true))).toMatchObject({ ok: true });
    expect(exportsBy()).toEqual([{ actor: STAFF.secretary.name, personal: 1 }]);

    expect(await pool.call('auth:lock', {})).toMatchObject({ ok: true, value: { locked: true } });
    expect(await pool.call('reports:export', exportInput(false))).toMatchObject({ ok: false, error: { code: 'auth_locked' } });
    expect(await pool.call('issues:counts', { filter: {} })).toMatchObject({ ok: false, error: { code: 'auth_locked' } });
    expect(await pool.call('auth:unlock', { secret: STAFF_SECRET })).toMatchObject({ ok: true, value: { locked: false } });

    await pool.call('auth:signIn', { login: 'okrug', secret: STAFF_SECRET });
    expect(await pool.call('reports:export', exportInput(true))).toMatchObject({ ok: false, error: { code: 'not_permitted' } });
    expect(await pool.call('reports:export', exportInput(false))).toMatchObject({ ok: true });
    expect(exportsBy()).toEqual([
      { actor: STAFF.secretary.name, personal: 1 },
      { actor: STAFF.okrug_staff.name, personal: 0 },
    ]);
  }, 60_000);
});
