import type { CoreContext } from '../context';
import type { GridRow, ObligationsGrid } from '../../../shared/contract/types';
import { assessCompliance } from '../../../shared/domain/rules';
import { isReportingKind } from '../../../shared/domain/units/unit-kind';
import { subtree } from '../db/repos/units.repo';
import { heldMeetingsUnder, plannedKey, plannedMeetingsUnder } from '../db/repos/meetings.repo';
import { listRuleSets } from '../db/repos/rule-sets.repo';
import { requireWorkingRoot } from './settings.service';

/** The working set's obligations for a year, each with its compliance status as of today. */
export function obligationsGrid(ctx: CoreContext, input: { year: number }): ObligationsGrid {
  const root = requireWorkingRoot(ctx);
  const ruleSets = listRuleSets(ctx.db);
  const held = heldMeetingsUnder(ctx.db, root);
  const planned = plannedMeetingsUnder(ctx.db, root);
  const today = ctx.clock.today();
  const from = `${input.year}-01-01`;
  const to = `${input.year}-12-31`;
  const rows: GridRow[] = [];
  for (const { depth, ...unit } of subtree(ctx.db, root)) {
    if (!isReportingKind(unit.kind)) continue;
    const obligations = assessCompliance(ruleSets, unit.kind, from, to, held.get(unit.kato) ?? [], today).map((o) => ({
      ...o,
      // A planned meeting shows in its window's cell until a held one fulfils the window.
      planned: o.meeting ? null : (planned.get(plannedKey(unit.kato, o.ruleSetId, o.windowKey)) ?? null),
    }));
    rows.push({ unit, depth, obligations });
  }
  return { year: input.year, today, rows };
}
