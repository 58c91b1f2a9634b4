/**
 * Crash safety at length (issue 12 point 8): `--trials` SIGKILLs of a core at random points of
 * its writes, legacy Excel imports, package imports and backups (test/helpers/crash-harness.ts),
 * each followed by the checks the app's state must pass after a crash. Prints the kills by
 * phase, how long the operations took, the failures (each with its seed; the goal is none) and
 * the time. Exit 1 on a failure.
 * Run: npx tsx test/bench/crash.bench.ts [-- --trials N --seed S --parallel P]
 * A failed trial replays with --trials 1 --seed <its seed>.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { prepareCrashFixtures, runCrashTrials } from '../helpers/crash-harness';

const { values } = parseArgs({ options: { trials: { type: 'string', default: '200' }, seed: { type: 'string' }, parallel: { type: 'string', default: '2' } } });
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'esep-bench-crash-'));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

try {
  const fixtures = await prepareCrashFixtures(work);
  let done = 0;
  const run = await runCrashTrials(fixtures, {
    trials: Number(values.trials),
    seed,
    parallel: Number(values.parallel),
    onTrial: (t) => {
      if (++done % 20 === 0) console.log(`  ${done} trials…`);
      if (t.problems.length > 0) console.log(`  FAILED seed ${t.seed} (${t.target}, killed during ${t.killedDuring}), kept in ${t.dataDir}:\n    ${t.problems.join('\n    ')}`);
    },
  });
  const durations = new Map<string, number[]>();
  for (const t of run.trials) for (const a of t.acknowledged) durations.set(a.op, [...(durations.get(a.op) ?? []), a.ms]);
  console.log(`crash safety: ${run.trials.length} trials from seed ${seed}, ${values.parallel} at a time, in ${(run.ms / 1000).toFixed(0)} s`);
  console.log(
    `kills by phase (of them before the operation returned): ${Object.entries(run.killedIn)
      .map(([phase, k]) => `${phase} ${k.kills} (${k.inside})`)
      .join(', ')}`,
  );
  console.log(`aimed kills come within (ms of their cue): ${Object.entries(fixtures.windows).map(([target, ms]) => `${target} ${ms}`).join(', ')}`);
  console.log(`acknowledged operations, median ms: ${[...durations].map(([op, ms]) => `${op} ${ms.length}× ${median(ms)}`).join(', ')}`);
  const cut = run.trials.filter((t) => t.leftovers.length > 0).length;
  console.log(`backups cut short: ${cut} trials left a temp copy in backups/, each removed by a start once stale`);
  console.log(`failures: ${run.failures.length} (goal 0) ${run.failures.length === 0 ? 'OK' : `MISSED: seeds ${run.failures.map((t) => t.seed).join(', ')}`}`);
  if (run.failures.length > 0) process.exitCode = 1;
} finally {
  // A failed trial's folder is kept for a look; the rest goes.
  for (const name of fs.readdirSync(work)) if (!name.startsWith('trial-')) fs.rmSync(path.join(work, name), { recursive: true, force: true });
  if (fs.readdirSync(work).length === 0) fs.rmSync(work, { recursive: true });
}
