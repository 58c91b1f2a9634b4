import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../electron/cli/cli';
import { openCore } from '../../electron/core/core';
import { corePaths, SOURCE_RESOURCES_DIR } from '../../electron/core/paths';
import { fixedClock } from '../../electron/core/clock';
import { addStaff, STAFF, STAFF_SECRET } from '../helpers/staff';
import { tempDir, KARAAUYL_OKRUG } from '../helpers/temp-core';

const TODAY = '2025-12-20';

async function cli(args: string[], env: NodeJS.ProcessEnv = {}, readSecret?: CliIo['readSecret']) {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...args, '--today', TODAY], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { LANG: 'C', ...env }, ...(readSecret ? { readSecret } : {}) });
  return { code, stdout, stderr };
}

/** An okrug's installation, set up by the CLI, then given one operator of each role. */
async function staffedOkrug(): Promise<string> {
  const dir = tempDir('esep-cli-operators-');
  expect((await cli(['setup', '--data-dir', dir, '--unit', KARAAUYL_OKRUG])).code).toBe(0);
  const core = openCore({ paths: corePaths(dir, SOURCE_RESOURCES_DIR), clock: fixedClock(TODAY) });
  await addStaff(core, null);
  core.close();
  return dir;
}

const count = (dir: string, sql: string) => {
  const db = new Database(path.join(dir, 'esep.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).pluck().get();
  } finally {
    db.close();
  }
};

const generate = (dir: string) => ['generate', '--data-dir', dir, '--unit', KARAAUYL_OKRUG, '--from', '2025', '--to', '2025', '--seed', '3'];

describe('the CLI acts as an operator', () => {
  it('on an installation without operators, works as before: nothing to name, the changes the CLI’s', async () => {
    const dir = tempDir('esep-cli-operators-');
    const setup = await cli(['setup', '--data-dir', dir, '--unit', KARAAUYL_OKRUG, '--lang', 'ru']);
    expect([setup.code, setup.stderr]).toEqual([0, '']);
    expect(count(dir, "SELECT DISTINCT actor || '|' || ifnull(operator_id, '') FROM audit_log")).toBe('cli|');
  });

  it('needs --operator once operators exist, signs in with ESEP_SECRET, names the operator and keeps to their role', async () => {
    const dir = await staffedOkrug();
    const meetings = 'SELECT count(*) FROM meetings';
    const none = await cli(generate(dir));
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('give --operator LOGIN');
    expect(count(dir, meetings)).toBe(0);

    const wrong = await cli([...generate(dir), '--operator', 'admin'], { ESEP_SECRET: '135790' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe('esep: Wrong login or PIN/password.\n');

    const okrug = await cli([...generate(dir), '--operator', 'okrug'], { ESEP_SECRET: STAFF_SECRET });
    expect(okrug.code).toBe(2);
    expect(okrug.stderr).toContain(`acting as ${STAFF.okrug_staff.name} (rural okrug staff, okrug)`);
    expect(okrug.stderr).toContain('Your role does not allow this. Nothing was changed.');
    expect(count(dir, meetings)).toBe(0);

    const admin = await cli([...generate(dir), '--operator', 'ADMIN', '--lang', 'kk'], { ESEP_SECRET: STAFF_SECRET });
    expect(admin.code, admin.stderr).toBe(0);
    expect(admin.stderr).toBe(`esep: оператор: ${STAFF.admin.name} (әкімші, admin)\n`);
    expect(count(dir, meetings)).toBeGreaterThan(0);
    const adminId = count(dir, "SELECT id FROM operators WHERE login = 'admin'");
    expect(count(dir, `SELECT count(*) FROM audit_log WHERE action = 'sign_in' AND operator_id = '${adminId}' AND actor = '${STAFF.admin.name}'`)).toBe(1);

    // Reading needs an operator too, and a viewer may.
    expect((await cli(['issues', '--data-dir', dir])).code).toBe(2);
    const read = await cli(['issues', '--data-dir', dir, '--operator', 'viewer', '--json'], { ESEP_SECRET: STAFF_SECRET });
    expect(read.code, read.stderr).toBe(0);
    expect(read.stderr).toBe('');
    expect(JSON.parse(read.stdout).total).toBeGreaterThan(0);
  });

  it('asks on the terminal when ESEP_SECRET is not set, and refuses when there is no terminal to ask on', async () => {
    const dir = await staffedOkrug();
    const asked: string[] = [];
    const typed = await cli(['identity', '--data-dir', dir, '--operator', 'hatshy'], {}, async (prompt) => {
      asked.push(prompt);
      return STAFF_SECRET;
    });
    expect(typed.code, typed.stderr).toBe(0);
    expect(asked).toEqual(['PIN or password of hatshy: ']);
    const script = await cli(['identity', '--data-dir', dir, '--operator', 'hatshy']);
    expect(script.code).toBe(2);
    expect(script.stderr).toContain('ESEP_SECRET');
  });
});
