import type { CoreContext } from '../context';
import type { ComplianceInput, ScheduleInput } from '../../../shared/contract/rules.contract';
import type { UnitSummary } from '../../../shared/contract/types';
import { complianceAssessor, heldRange, obligationsFor, type AssessedObligation, type HeldMeeting, type Obligation } from '../../../shared/domain/rules';
import { isReportingKind, type ReportingUnitKind } from '../../../shared/domain/units/unit-kind';
import { EsepError } from '../../../shared/errors';
import { heldMeetingsUnder } from '../db/repos/meetings.repo';
import { listRuleSets } from '../db/repos/rule-sets.repo';
import { getUnit } from './units.service';

/**
 * The rule engine over the installation's rule sets (Decree 615 and any added later), for any
 * unit of the classifier: a what-if read, so no working set is needed.
 */
export function scheduleOf(ctx: CoreContext, input: ScheduleInput): Obligation[] {
  const { kind } = subjectOf(ctx, input);
  return obligationsFor(listRuleSets(ctx.db), kind, input.from, input.to);
}

/**
 * Each window's status as of the core's today, fulfilled by the given held dates or else, for
 * a unit, by its recorded meetings. Only given dates can be in the future: recorded ones after
 * a pinned today are simply not held yet on that day, as in the grid.
 */
export function complianceOf(ctx: CoreContext, input: ComplianceInput): AssessedObligation[] {
  const { kind, unit } = subjectOf(ctx, input);
  const today = ctx.clock.today();
  const assessor = complianceAssessor(listRuleSets(ctx.db), kind, input.from, input.to);
  let held: HeldMeeting[];
  if (input.held !== undefined) {
    const early = input.held.find((d) => d > today);
    if (early !== undefined) throw new EsepError('date_in_future', { date: early, today });
    held = input.held.map((heldOn) => ({ id: null, heldOn }));
  } else {
    held = unit === null ? [] : (heldMeetingsUnder(ctx.db, unit.kato, heldRange([assessor.span], today)).get(unit.kato) ?? []);
  }
  return assessor.assess(held, today);
}

function subjectOf(ctx: CoreContext, input: ScheduleInput): { kind: ReportingUnitKind; unit: UnitSummary | null } {
  if (input.from > input.to) throw new EsepError('range_invalid', { from: input.from, to: input.to });
  // The schema lets exactly one of kind and kato through.
  if (input.kato === undefined) return { kind: input.kind!, unit: null };
  const unit = getUnit(ctx, input.kato);
  if (!isReportingKind(unit.kind)) throw new EsepError('unit_not_reporting', { kato: unit.kato });
  return { kind: unit.kind, unit };
}
