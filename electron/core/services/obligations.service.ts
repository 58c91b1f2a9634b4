import type { CoreContext } from '../context';
import type { GridRow, ObligationsGrid } from '../../../shared/contract/types';
import { complianceAssessor, heldRange, type ComplianceAssessor } from '../../../shared/domain/rules';
import { isReportingKind, type ReportingUnitKind } from '../../../shared/domain/units/unit-kind';
import { subtree } from '../db/repos/units.repo';
import { heldMeetingsUnder, plannedKey, plannedMeetingsUnder } from '../db/repos/meetings.repo';
import { listRuleSets } from '../db/repos/rule-sets.repo';
import { requireWorkingRoot } from './settings.service';

/** The working set's obligations for a year, each with its compliance status as of today. */
export function obligationsGrid(ctx: CoreContext, input: { year: number }): ObligationsGrid {
  const root = requireWorkingRoot(ctx);
  const ruleSets = listRuleSets(ctx.db);
  const today = ctx.clock.today();
  const from = `${input.year}-01-01`;
  const to = `${input.year}-12-31`;
  const units = subtree(ctx.db, root);
  // The windows are the same for every unit of a kind: worked out once per kind.
  const assessors = new Map<ReportingUnitKind, ComplianceAssessor>();
  for (const { kind } of units) {
    if (isReportingKind(kind) && !assessors.has(kind)) assessors.set(kind, complianceAssessor(ruleSets, kind, from, to));
  }
  const held = heldMeetingsUnder(ctx.db, root, heldRange([...assessors.values()].map((a) => a.span), today));
  const planned = plannedMeetingsUnder(ctx.db, root);
  const rows: GridRow[] = [];
  for (const { depth, ...unit } of units) {
    const assessor = isReportingKind(unit.kind) ? assessors.get(unit.kind) : undefined;
    if (assessor === undefined) continue;
    const obligations = assessor.assess(held.get(unit.kato) ?? [], today).map((o) => ({
      ...o,
      // A planned meeting shows in its window's cell until a held one fulfils the window.
      planned: o.meeting ? null : (planned.get(plannedKey(unit.kato, o.ruleSetId, o.windowKey)) ?? null),
    }));
    rows.push({ unit, depth, obligations });
  }
  return { year: input.year, today, rows };
}
