import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/cli';
import { tempDir, ABAY_DISTRICT, ABAI_OBLAST } from '../helpers/temp-core';
import { OKRUGS } from './exchange-fixtures';

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { LANG: 'C' } });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

const TODAY = '2025-12-20';

/** Every row of every table but the audit's reads of the database (opening it logs nothing else). */
function contents(dbFile: string): Record<string, unknown[]> {
  const db = new Database(dbFile, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'issue_search_%' ORDER BY name").pluck().all() as string[];
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all()]));
  } finally {
    db.close();
  }
}

async function ok(...args: string[]) {
  const r = await cli(...args);
  expect(r.code, r.stderr).toBe(0);
  return r;
}

type Totals = { meetings: Record<string, number>; issues: { total: number; closed: number } };
const totals = async (dataDir: string, unit: string): Promise<Totals> => (await ok("report", "--data-dir", dataDir, "--unit", unit, "--period", "2025", "--json", "--today", TODAY)).json();

describe('the exchange by CLI', () => {
  it('three okrugs → their district → the oblast: the same totals at every level', { timeout: 120_000 }, async () => {
    const okrugDirs = OKRUGS.map(() => tempDir('esep-cli-okrug-'));
    const packages: string[] = [];
    for (const [i, kato] of OKRUGS.entries()) {
      const setup = await ok('setup', '--data-dir', okrugDirs[i]!, '--unit', kato, '--json', '--today', TODAY);
      expect(setup.json()).toMatchObject({ root: { kato }, key: { fingerprint: expect.stringMatching(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/) } });
      await ok('generate', '--data-dir', okrugDirs[i]!, '--unit', kato, '--from', '2025', '--to', '2025', '--seed', String(i + 1), '--today', TODAY);
      const exported = (await ok('export', '--data-dir', okrugDirs[i]!, '--period', '2025', '--out', tempDir('esep-stick-'), '--json', '--today', TODAY)).json();
      expect(exported).toMatchObject({ sequence: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect((await ok('verify', exported.path)).stdout).toContain('intact');
      packages.push(exported.path);
    }

    const district = tempDir('esep-cli-district-');
    await ok('setup', '--data-dir', district, '--unit', ABAY_DISTRICT, '--today', TODAY);
    // A new origin is refused without --trust-new, and the message shows its fingerprint.
    const untrusted = await cli('import', '--data-dir', district, packages[0]!, '--today', TODAY);
    expect(untrusted.code).toBe(2);
    expect(untrusted.stderr).toMatch(/[0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4}/);
    const dry = (await ok('import', '--data-dir', district, '--dry-run', '--json', ...packages, '--today', TODAY)).json();
    expect(dry.every((r: { packages: Array<{ origin: { trust: string } }> }) => r.packages[0]!.origin.trust === 'new')).toBe(true);
    const imported = (await ok('import', '--data-dir', district, '--trust-new', '--json', ...packages, '--today', TODAY)).json();
    expect(imported).toHaveLength(3);
    const again = (await ok('import', '--data-dir', district, '--json', ...packages, '--today', TODAY)).json();
    expect(again.map((r: { packages: Array<{ disposition: string }> }) => r.packages[0]!.disposition)).toEqual(['already_imported', 'already_imported', 'already_imported']);

    const okrugTotals = await Promise.all(OKRUGS.map((kato, i) => totals(okrugDirs[i]!, kato)));
    const districtTotals = await totals(district, ABAY_DISTRICT);
    expect(districtTotals.issues.total).toBe(okrugTotals.reduce((n, t) => n + t.issues.total, 0));
    expect(districtTotals.issues.closed).toBe(okrugTotals.reduce((n, t) => n + t.issues.closed, 0));
    expect(districtTotals.meetings.held).toBe(okrugTotals.reduce((n, t) => n + t.meetings.held!, 0));

    const up = (await ok('export', '--data-dir', district, '--period', '2025', '--out', tempDir('esep-stick-'), '--json', '--today', TODAY)).json();
    expect(up.forwarded).toBe(3);
    const verified = (await ok('verify', up.path, '--json')).json();
    expect(verified.packages.map((p: { originUnit: string }) => p.originUnit).sort()).toEqual([ABAY_DISTRICT, ...OKRUGS].sort());

    const oblast = tempDir('esep-cli-oblast-');
    await ok('setup', '--data-dir', oblast, '--unit', ABAI_OBLAST, '--today', TODAY);
    await ok('import', '--data-dir', oblast, '--trust-new', up.path, '--today', TODAY);
    const oblastTotals = await totals(oblast, ABAI_OBLAST);
    expect(oblastTotals.issues).toEqual(districtTotals.issues);
    expect(oblastTotals.meetings.held).toBe(districtTotals.meetings.held);
  });

  it('a flipped byte: verify and import refuse it (exit 2), and the database is unchanged', { timeout: 60_000 }, async () => {
    const okrug = tempDir('esep-cli-okrug-');
    await ok('setup', '--data-dir', okrug, '--unit', OKRUGS[0], '--today', TODAY);
    await ok('generate', '--data-dir', okrug, '--unit', OKRUGS[0], '--from', '2025', '--to', '2025', '--seed', '3', '--today', TODAY);
    const pkg = (await ok('export', '--data-dir', okrug, '--period', '2025', '--out', tempDir('esep-stick-'), '--json', '--today', TODAY)).json();
    const bytes = fs.readFileSync(pkg.path);
    const district = tempDir('esep-cli-district-');
    await ok('setup', '--data-dir', district, '--unit', ABAY_DISTRICT, '--today', TODAY);
    const dbFile = path.join(district, 'esep.sqlite');
    const before = contents(dbFile);
    for (const offset of [0, 100, Math.floor(bytes.length / 2), bytes.length - 30]) {
      const broken = Buffer.from(bytes);
      broken[offset] = broken[offset]! ^ 0x01;
      const file = path.join(tempDir('esep-broken-'), 'package.zip');
      fs.writeFileSync(file, broken);
      const verify = await cli('verify', file);
      expect(verify.code, `offset ${offset}`).toBe(2);
      expect(verify.stderr).toMatch(/^esep: /);
      const imported = await cli('import', '--data-dir', district, '--trust-new', file, '--today', TODAY);
      expect(imported.code, `offset ${offset}`).toBe(2);
    }
    expect(contents(dbFile)).toEqual(before);
  });
});
