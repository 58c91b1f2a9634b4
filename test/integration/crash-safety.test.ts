import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/core';
import { fixedClock } from '../../electron/core/clock';
import { corePaths, SOURCE_RESOURCES_DIR } from '../../electron/core/paths';
import { backupFileName, backupInto } from '../../electron/core/db/backup';
import { LATEST_VERSION } from '../../electron/core/db/migrations';
import { commitImport, previewImport } from '../../electron/core/services/issues-import.service';
import { applyPackage } from '../../electron/core/services/exchange-import.service';
import { checkAfterCrash, prepareCrashFixtures, runCrashTrials, type CrashFixtures, type KillTarget, type TrialResult } from '../helpers/crash-harness';
import { PHASES } from '../helpers/crash-protocol';
import { templateDb } from '../helpers/template-db';
import { tempDir } from '../helpers/temp-core';

/**
 * Issue 12 point 8, the few trials of `npm test` (the bench runs 200: test/bench/crash.bench.ts).
 * One trial aimed at each phase, then one anywhere; a new seed every run, printed, so a failure
 * replays with ESEP_CRASH_SEED=<seed>.
 */
const TARGETS: readonly KillTarget[] = [...PHASES, 'any'];

let fixtures: CrashFixtures;
beforeAll(async () => {
  fixtures = await prepareCrashFixtures(tempDir('esep-crash-'), templateDb());
}, 60_000);

describe('SIGKILL during writes, imports and backups', () => {
  it('leaves an installation that opens intact, with every acknowledged record, each import whole or absent, every named backup complete', async () => {
    const seed = Number(process.env.ESEP_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
    // One at a time: a trial's checks hold the event loop, and would make another's kill late.
    const run = await runCrashTrials(fixtures, { trials: TARGETS.length, seed, targets: TARGETS });
    // An aimed kill can still come after its operation returned (a backup of this small base takes
    // milliseconds, and a loaded machine fires the timer late): that trial is a crash like any
    // other and is checked, but its target is tried again, twice at most, for a kill inside it.
    const missed = (t: TrialResult) => t.target !== 'any' && t.target !== 'write' && !(t.killedIn === t.target && t.inside);
    const trials = [...run.trials];
    for (let attempt = 1; attempt <= 2; attempt++) {
      const again = PHASES.filter((target) => target !== 'write' && !trials.some((t) => t.target === target && !missed(t)));
      if (again.length === 0) break;
      const retry = await runCrashTrials(fixtures, { trials: again.length, seed: seed + attempt * 1000, targets: again });
      trials.push(...retry.trials);
      run.failures.push(...retry.failures);
    }
    expect(run.failures.map((t) => ({ seed: t.seed, target: t.target, killedDuring: t.killedDuring, problems: t.problems, dataDir: t.dataDir })), `seed ${seed}`).toEqual([]);
    // The child was at work when it died: each aimed kill found its phase (an import or a backup
    // before it returned) in one of its tries, and work had been acknowledged.
    for (const target of TARGETS.filter((t) => t !== 'any')) {
      const tries = trials.filter((t) => t.target === target);
      expect({ target, found: tries.some((t) => t.killedIn === target && (t.inside || target === 'write')), tries: tries.map((t) => `${t.seed}: ${t.killedIn}${t.inside ? ' inside' : ''}`) }).toMatchObject({ target, found: true });
    }
    expect(trials.reduce((n, t) => n + t.acknowledged.length, 0)).toBeGreaterThan(0);
  }, 240_000);
});

describe('the checks after a crash', () => {
  /** A copy of the base with one legacy log and one package imported and one backup taken, in process. */
  async function importedInstallation() {
    const dir = tempDir('esep-crash-control-');
    fs.cpSync(fixtures.baseDir, dir, { recursive: true });
    const paths = corePaths(dir, SOURCE_RESOURCES_DIR);
    const core = openCore({ paths, clock: fixedClock(fixtures.child.today), actor: 'tester' });
    try {
      const { file, fileName } = fixtures.child.xlsx[0]!;
      const source = { fileName, dataBase64: fs.readFileSync(file).toString('base64') };
      const { suggested } = await previewImport(core.ctx, { source });
      await commitImport(core.ctx, { source, mapping: suggested, unitKato: fixtures.child.unitKato, onlyValid: false });
      await applyPackage(core, { path: fixtures.child.packages[0]!.file }, fixtures.child.trust);
      const backup = await backupInto(core.ctx.db, paths.backupDir, 'manual', new Date('2025-07-15T10:00:00Z'));
      return { dir, paths, backup: backup.file };
    } finally {
      core.close();
    }
  }

  it('pass a sound installation and catch a lost record, a half-applied import and a broken backup', async () => {
    const { dir, paths, backup } = await importedInstallation();
    const acknowledged = [
      { op: 'importXlsx', data: { n: 0 } },
      { op: 'importPackage', data: { n: 0 } },
      { op: 'backup', data: { file: backup } },
    ];
    expect(checkAfterCrash(fixtures, dir, acknowledged)).toEqual([]);

    const lostIssue = randomUUID();
    const db = openCore({ paths, clock: fixedClock(fixtures.child.today) }).ctx.db;
    db.prepare("UPDATE issues SET text = 'changed' WHERE seq = (SELECT min(seq) FROM issues WHERE text LIKE ? || '%')").run(fixtures.xlsx[0]!.marker);
    db.prepare('DELETE FROM imported_packages WHERE id = ?').run(fixtures.packages[0]!.packageId);
    db.close();
    const bytes = fs.readFileSync(backup);
    fs.writeFileSync(path.join(paths.backupDir, backupFileName('manual', new Date('2025-07-15T11:00:00Z'), LATEST_VERSION)), bytes.subarray(0, bytes.length / 2));

    expect(checkAfterCrash(fixtures, dir, [...acknowledged, { op: 'createIssue', data: { id: lostIssue, revision: 1 } }, { op: 'importXlsx', data: { n: 1 } }])).toEqual([
      `acknowledged issue ${lostIssue} is missing`,
      expect.stringMatching(/^legacy import 0 is partly applied: 999 of 1000 issues/),
      'acknowledged legacy import 0 is missing',
      'acknowledged legacy import 1 is missing',
      expect.stringMatching(/^package 0 is partly applied/),
      'acknowledged package 0 is missing',
      expect.stringMatching(new RegExp(`^backup esep-manual-2025-07-15T11-00-00-000Z-v${LATEST_VERSION}\\.sqlite is not a complete backup`)),
    ]);
  });
});
