/**
 * How long the obligations grid takes for the largest working sets (a whole oblast, and the
 * whole country), with a held meeting for every window so far. Run: npx tsx test/bench/grid.bench.ts
 * Target: under 100 ms for an oblast, so the Calendar screen answers at once.
 */
import { performance } from 'node:perf_hooks';
import { openTempCore } from '../helpers/temp-core';
import { obligationsGrid } from '../../electron/core/services/obligations.service';
import { completeSetup } from '../../electron/core/services/settings.service';
import { subtree } from '../../electron/core/db/repos/units.repo';
import { recordHeld } from '../../electron/core/services/meetings.service';
import { isReportingKind } from '../../shared/domain/units/unit-kind';

const core = openTempCore({ today: '2025-12-31' });
const { ctx } = core;
const oblasts = ctx.db.prepare(`SELECT kato FROM units WHERE parent_kato IS NULL`).all() as Array<{ kato: string }>;
const largest = oblasts
  .map(({ kato }) => ({ kato, units: subtree(ctx.db, kato).filter((u) => isReportingKind(u.kind)).length }))
  .sort((a, b) => b.units - a.units)[0]!;

completeSetup(ctx, { rootKato: largest.kato, language: 'kk' });

// Four meetings a year for every reporting unit of that oblast, 2014-2025.
ctx.db.transaction(() => {
  for (const unit of subtree(ctx.db, largest.kato)) {
    if (!isReportingKind(unit.kind)) continue;
    for (let year = 2014; year <= 2025; year++) {
      for (const month of ['01', '04', '07', '10']) {
        const day = `${year}-${month}-15`;
        recordHeld(ctx, { unitKato: unit.kato, heldOn: day });
      }
    }
  }
})();

function time(label: string, fn: () => unknown, runs = 10): void {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  console.log(`${label}: median ${samples[Math.floor(runs / 2)]!.toFixed(1)} ms, max ${samples.at(-1)!.toFixed(1)} ms`);
}

console.log(`largest oblast ${largest.kato}: ${largest.units} reporting units, ${largest.units * 48} meetings`);
time('obligations grid, one year, whole oblast', () => obligationsGrid(ctx, { year: 2025 }));
core.close();
