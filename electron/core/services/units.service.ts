import type { CoreContext } from '../context';
import type { UnitSearchHit, UnitSummary } from '../../../shared/contract/types';
import { EsepError } from '../../../shared/errors';
import { isReportingKind } from '../../../shared/domain/units/unit-kind';
import { getUnit as findUnit, isInSubtree, searchUnits as search, subtree } from '../db/repos/units.repo';
import { requireWorkingRoot } from './settings.service';

export function searchUnits(
  ctx: CoreContext,
  input: { query: string; limit?: number | undefined; reportingOnly?: boolean | undefined },
): UnitSearchHit[] {
  return search(ctx.db, input.query, { limit: input.limit ?? 20, reportingOnly: input.reportingOnly ?? false });
}

export function getUnit(ctx: CoreContext, kato: string): UnitSummary {
  const unit = findUnit(ctx.db, kato);
  if (!unit) throw new EsepError('unit_unknown', { kato });
  return unit;
}

/** A unit that can hold reporting meetings and belongs to this installation's working set. */
export function requireWorkingReportingUnit(ctx: CoreContext, kato: string): UnitSummary {
  const root = requireWorkingRoot(ctx);
  const unit = getUnit(ctx, kato);
  if (!isReportingKind(unit.kind)) throw new EsepError('unit_not_reporting', { kato });
  if (!isInSubtree(ctx.db, root, kato)) throw new EsepError('unit_outside_working_set', { kato, root });
  return unit;
}

/** A working-set unit with its whole subtree (localities included), e.g. to pick a venue. */
export function unitSubtree(ctx: CoreContext, kato: string): Array<UnitSummary & { depth: number }> {
  const unit = requireWorkingReportingUnit(ctx, kato);
  return subtree(ctx.db, unit.kato);
}
