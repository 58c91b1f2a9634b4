import { randomUUID } from 'node:crypto';
import type { CoreContext } from '../context';
import type { Meeting, ObligationRef, Official, UnitSummary } from '../../../shared/contract/types';
import type { MeetingPlanInput, PlanPreview, PlanWarning } from '../../../shared/contract/meetings.contract';
import { blankMeeting } from '../../../shared/contract/meeting-defaults';
import { addMonths, type IsoDate } from '../../../shared/domain/dates';
import { EsepError } from '../../../shared/errors';
import { canApply, type AnnouncementChannel, type MeetingAction, type MeetingStatus } from '../../../shared/domain/meetings/meeting';
import { complianceAssessor, heldRange, nextWindowStart, obligationsFor, type Obligation, type RuleSet } from '../../../shared/domain/rules';
import type { ReportingUnitKind } from '../../../shared/domain/units/unit-kind';
import { getMeeting, heldMeetingsUnder, listMeetingsUnder, markMeetingDeleted, saveMeeting } from '../db/repos/meetings.repo';
import { appendAudit } from '../db/repos/audit.repo';
import { getAkim } from '../db/repos/akims.repo';
import { listRuleSets } from '../db/repos/rule-sets.repo';
import { isInSubtree } from '../db/repos/units.repo';
import { requireWorkingReportingUnit } from './units.service';
import { requireWorkingRoot } from './settings.service';
import { requireOwn } from './ownership';

const UPCOMING_STATUSES: readonly MeetingStatus[] = ['planned', 'announced', 'postponed'];

/** A window is at most a year long and its late period at most another: this covers both. */
const AROUND_MONTHS = 15;

function unitObligationsAround(ctx: CoreContext, kind: ReportingUnitKind, date: IsoDate): Obligation[] {
  return obligationsFor(listRuleSets(ctx.db), kind, addMonths(date, -AROUND_MONTHS), addMonths(date, AROUND_MONTHS));
}

/** The unit's obligation a reference names, if it is within reach of `date`. */
export function namedObligation(ctx: CoreContext, kind: ReportingUnitKind, ref: ObligationRef, date: IsoDate): Obligation | undefined {
  return unitObligationsAround(ctx, kind, date).find((o) => o.ruleSetId === ref.ruleSetId && o.windowKey === ref.windowKey);
}

/**
 * Whether a meeting on `date` would fulfil `o` once held: the compliance engine gives a window
 * the days from its start to the day before the unit's next window opens.
 */
function claims(ruleSets: readonly RuleSet[], kind: ReportingUnitKind, o: Obligation, date: IsoDate): boolean {
  if (date < o.windowStart) return false;
  const next = nextWindowStart(ruleSets, kind, o.windowStart);
  return next === null || date < next;
}

/** Whether each of the unit's windows around `around` has a meeting held for it, or one still to come. */
function windowsTaken(ctx: CoreContext, unit: UnitSummary, ruleSets: readonly RuleSet[], around: IsoDate, excludeMeetingId: string | undefined) {
  const kind = unit.kind as ReportingUnitKind;
  const today = ctx.clock.today();
  const assessor = complianceAssessor(ruleSets, kind, addMonths(around, -AROUND_MONTHS), addMonths(around, AROUND_MONTHS));
  const held = (heldMeetingsUnder(ctx.db, unit.kato, heldRange([assessor.span], today)).get(unit.kato) ?? []).filter((m) => m.id !== excludeMeetingId);
  const assessed = assessor.assess(held, today);
  // Any other upcoming meeting counts, not only the earliest one the grid shows.
  const upcoming = listMeetingsUnder(ctx.db, unit.kato, { unitKato: unit.kato, statuses: UPCOMING_STATUSES }).filter((m) => m.id !== excludeMeetingId);
  const names = (ref: ObligationRef | null, o: Obligation) => ref !== null && ref.ruleSetId === o.ruleSetId && ref.windowKey === o.windowKey;
  return {
    held: (o: Obligation) => assessed.some((a) => names(a, o) && a.meeting !== null),
    planned: (o: Obligation) => upcoming.some((m) => names(m.obligation, o)),
  };
}

/**
 * Which obligation a meeting on `date` would fulfil, and what the planner should be warned
 * about: a date inside a window suggests it; a date in the late period of an unfulfilled
 * window suggests that one (late); any other date fits nothing and needs a stated reason.
 * Also the unit's next open window (from today on, with no meeting held or planned for it),
 * where a new meeting's date starts.
 */
export function previewPlan(ctx: CoreContext, input: { unitKato: string; date: IsoDate; excludeMeetingId?: string | undefined }): PlanPreview {
  const unit = requireWorkingReportingUnit(ctx, input.unitKato);
  const kind = unit.kind as ReportingUnitKind;
  const ruleSets = listRuleSets(ctx.db);
  const obligations = unitObligationsAround(ctx, kind, input.date);
  const taken = windowsTaken(ctx, unit, ruleSets, input.date, input.excludeMeetingId);

  const warnings: PlanWarning[] = [];
  let suggested = obligations.find((o) => o.windowStart <= input.date && input.date <= o.windowEnd) ?? null;
  if (!suggested) {
    const previous = obligations.filter((o) => o.windowEnd < input.date).at(-1);
    if (previous && claims(ruleSets, kind, previous, input.date) && !taken.held(previous)) {
      suggested = previous;
      warnings.push('late_for_window');
    } else {
      warnings.push('outside_window');
    }
  }
  if (suggested && taken.held(suggested)) warnings.push('window_already_held');
  if (suggested && taken.planned(suggested)) warnings.push('window_already_planned');
  return { suggested, obligations, warnings, nextOpen: nextOpenWindow(ctx, unit, ruleSets, input.excludeMeetingId) };
}

function nextOpenWindow(ctx: CoreContext, unit: UnitSummary, ruleSets: readonly RuleSet[], excludeMeetingId: string | undefined): PlanPreview['nextOpen'] {
  const today = ctx.clock.today();
  const taken = windowsTaken(ctx, unit, ruleSets, today, excludeMeetingId);
  const open = unitObligationsAround(ctx, unit.kind as ReportingUnitKind, today).find((o) => o.windowEnd >= today && !taken.held(o) && !taken.planned(o));
  return open ? { date: open.windowStart > today ? open.windowStart : today, obligation: open } : null;
}

function validatePlan(ctx: CoreContext, unit: UnitSummary, fields: MeetingPlanInput): void {
  if (fields.venueKato !== null && fields.venueKato !== unit.kato && !isInSubtree(ctx.db, unit.kato, fields.venueKato)) {
    throw new EsepError('venue_outside_unit', { kato: fields.venueKato });
  }
  if (fields.akimId !== null) {
    const akim = getAkim(ctx.db, fields.akimId);
    if (!akim || akim.unitKato !== unit.kato) throw new EsepError('akim_unknown', { id: fields.akimId });
  }
  if (fields.obligation) {
    const kind = unit.kind as ReportingUnitKind;
    const obligation = namedObligation(ctx, kind, fields.obligation, fields.plannedOn);
    if (!obligation) throw new EsepError('obligation_unknown', { window: fields.obligation.windowKey });
    // Otherwise the grid would show the meeting planned in a window its date can never fulfil.
    if (!claims(listRuleSets(ctx.db), kind, obligation, fields.plannedOn)) throw new EsepError('validation', { fields: ['obligation'] });
  } else if (fields.outsideWindowReason.trim() === '') {
    throw new EsepError('outside_window_reason_required');
  }
  if (fields.questionsFrom && fields.questionsTo && fields.questionsFrom > fields.questionsTo) {
    throw new EsepError('range_invalid', { from: fields.questionsFrom, to: fields.questionsTo });
  }
}

function planFields(fields: MeetingPlanInput) {
  return {
    kind: fields.kind,
    plannedOn: fields.plannedOn,
    plannedTime: fields.plannedTime,
    venueName: fields.venueName,
    venueAddress: fields.venueAddress,
    venueKato: fields.venueKato,
    format: fields.format,
    broadcastLinks: fields.broadcastLinks,
    akimId: fields.akimId,
    obligation: fields.obligation,
    outsideWindowReason: fields.obligation ? '' : fields.outsideWindowReason,
    questionsChannels: fields.questionsChannels,
    questionsFrom: fields.questionsFrom,
    questionsTo: fields.questionsTo,
    note: fields.note,
  };
}

function newMeeting(ctx: CoreContext, unitKato: string, now: number): Meeting {
  return blankMeeting({ id: randomUUID(), origin: ctx.installationId, unitKato, now });
}

export function planMeeting(ctx: CoreContext, input: MeetingPlanInput & { unitKato: string }): Meeting {
  const unit = requireWorkingReportingUnit(ctx, input.unitKato);
  validatePlan(ctx, unit, input);
  const now = ctx.clock.now().getTime();
  const meeting: Meeting = { ...newMeeting(ctx, unit.kato, now), ...planFields(input) };
  ctx.db.transaction(() => {
    saveMeeting(ctx.db, meeting);
    appendAudit(ctx, { action: 'insert', entity: 'meeting', entityId: meeting.id, after: meeting });
  })();
  return meeting;
}

/**
 * Loads a meeting of the working set, checks the action is allowed in its status and that
 * the caller saw the latest revision, applies the change, and saves it with an audit entry.
 */
function change(ctx: CoreContext, id: string, revision: number, action: MeetingAction, apply: (m: Meeting) => Meeting): Meeting {
  return ctx.db.transaction(() => {
    const before = getMeeting(ctx.db, id);
    if (!before) throw new EsepError('not_found', { id });
    requireWorkingReportingUnit(ctx, before.unitKato);
    requireOwn(ctx, before);
    if (before.revision !== revision) throw new EsepError('conflict', { revision: before.revision });
    if (!canApply(action, before.status)) throw new EsepError('invalid_transition', { action, status: before.status });
    const after = { ...apply(before), revision: before.revision + 1, updatedAt: ctx.clock.now().getTime() };
    saveMeeting(ctx.db, after);
    appendAudit(ctx, { action: 'update', entity: 'meeting', entityId: id, before, after: { ...after, action } });
    return after;
  })();
}

function requireNotFuture(ctx: CoreContext, date: IsoDate): void {
  if (date > ctx.clock.today()) throw new EsepError('date_in_future', { date, today: ctx.clock.today() });
}

export function updateMeeting(ctx: CoreContext, input: MeetingPlanInput & { id: string; revision: number }): Meeting {
  return change(ctx, input.id, input.revision, 'update', (m) => {
    validatePlan(ctx, requireWorkingReportingUnit(ctx, m.unitKato), input);
    return { ...m, ...planFields(input) };
  });
}

export function announceMeeting(ctx: CoreContext, input: { id: string; revision: number; announcedOn: IsoDate; channels: AnnouncementChannel[] }): Meeting {
  requireNotFuture(ctx, input.announcedOn);
  return change(ctx, input.id, input.revision, 'announce', (m) => ({
    ...m,
    status: 'announced',
    announcedOn: input.announcedOn,
    announcementChannels: [...new Set(input.channels)],
  }));
}

export function markHeld(ctx: CoreContext, input: { id: string; revision: number; heldOn: IsoDate; attendance: number; onlineViewers: number | null }): Meeting {
  requireNotFuture(ctx, input.heldOn);
  return change(ctx, input.id, input.revision, 'markHeld', (m) => ({
    ...m,
    status: 'held',
    heldOn: input.heldOn,
    attendance: input.attendance,
    onlineViewers: input.onlineViewers,
  }));
}

export function closeMeeting(ctx: CoreContext, input: { id: string; revision: number }): Meeting {
  return change(ctx, input.id, input.revision, 'close', (m) => ({ ...m, status: 'closed' }));
}

export function cancelMeeting(ctx: CoreContext, input: { id: string; revision: number; reason: string }): Meeting {
  return change(ctx, input.id, input.revision, 'cancel', (m) => ({ ...m, status: 'cancelled', statusReason: input.reason }));
}

export function postponeMeeting(ctx: CoreContext, input: { id: string; revision: number; reason: string; newDate: IsoDate }): Meeting {
  return change(ctx, input.id, input.revision, 'postpone', (m) => {
    if (input.newDate === m.plannedOn) throw new EsepError('validation', { fields: ['newDate'] });
    if (m.obligation) {
      // A date past the obligation's reach would leave the meeting planned for a window it cannot fulfil.
      const kind = requireWorkingReportingUnit(ctx, m.unitKato).kind as ReportingUnitKind;
      const obligation = namedObligation(ctx, kind, m.obligation, input.newDate);
      if (!obligation || !claims(listRuleSets(ctx.db), kind, obligation, input.newDate)) {
        throw new EsepError('validation', { fields: ['newDate'] });
      }
    }
    return { ...m, status: 'postponed', statusReason: input.reason, postponedFrom: m.plannedOn, plannedOn: input.newDate };
  });
}

export function setOfficials(
  ctx: CoreContext,
  input: { id: string; revision: number; officials: Array<Omit<Official, 'id'>> },
): Meeting {
  return change(ctx, input.id, input.revision, 'setOfficials', (m) => ({
    ...m,
    officials: input.officials.map((o) => ({ ...o, id: randomUUID() })),
  }));
}

export function getMeetingById(ctx: CoreContext, input: { id: string }): Meeting {
  const meeting = getMeeting(ctx.db, input.id);
  if (!meeting) throw new EsepError('not_found', { id: input.id });
  requireWorkingReportingUnit(ctx, meeting.unitKato);
  return meeting;
}

export function listMeetings(
  ctx: CoreContext,
  input: { unitKato?: string | undefined; year?: number | undefined; from?: IsoDate | undefined; to?: IsoDate | undefined; statuses?: MeetingStatus[] | undefined },
): Meeting[] {
  const root = requireWorkingRoot(ctx);
  if (input.unitKato !== undefined) requireWorkingReportingUnit(ctx, input.unitKato);
  const from = input.from ?? (input.year === undefined ? undefined : `${input.year}-01-01`);
  const to = input.to ?? (input.year === undefined ? undefined : `${input.year}-12-31`);
  if (from && to && from > to) throw new EsepError('range_invalid', { from, to });
  return listMeetingsUnder(ctx.db, root, { unitKato: input.unitKato, from, to, statuses: input.statuses });
}

/** The foundation's quick path: a meeting that already took place, recorded in one step. */
export function recordHeld(ctx: CoreContext, input: { unitKato: string; heldOn: IsoDate; note?: string | undefined }): Meeting {
  const unit = requireWorkingReportingUnit(ctx, input.unitKato);
  requireNotFuture(ctx, input.heldOn);
  const now = ctx.clock.now().getTime();
  const meeting: Meeting = { ...newMeeting(ctx, unit.kato, now), status: 'held', heldOn: input.heldOn, note: input.note?.trim() ?? '' };
  ctx.db.transaction(() => {
    saveMeeting(ctx.db, meeting);
    appendAudit(ctx, { action: 'insert', entity: 'meeting', entityId: meeting.id, after: meeting });
  })();
  return meeting;
}

export function removeMeeting(ctx: CoreContext, input: { id: string }): { id: string } {
  ctx.db.transaction(() => {
    const before = getMeeting(ctx.db, input.id);
    if (!before) throw new EsepError('not_found', { id: input.id });
    requireWorkingReportingUnit(ctx, before.unitKato);
    requireOwn(ctx, before);
    markMeetingDeleted(ctx.db, input.id, ctx.clock.now().getTime());
    appendAudit(ctx, { action: 'delete', entity: 'meeting', entityId: input.id, before });
  })();
  return { id: input.id };
}
