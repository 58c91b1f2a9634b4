import { addMonths, compareIsoDates, type IsoDate } from '../dates';
import type { ReportingUnitKind } from '../units/unit-kind';
import type { RuleSet } from './rule-set';
import { firstWindowAfter, obligationsFor, requireIsoDate, requireRange, type Obligation } from './schedule';

export type ComplianceStatus = 'upcoming' | 'open' | 'held_on_time' | 'held_late' | 'missed';

export interface HeldMeeting {
  readonly id: string | null;
  readonly heldOn: IsoDate;
}

export interface AssessedObligation extends Obligation {
  readonly status: ComplianceStatus;
  /** The meeting that fulfils the obligation (the caller's object). */
  readonly meeting: HeldMeeting | null;
  /** Only when a meeting fulfils it and its group must report upwards. */
  readonly reportDue: IsoDate | null;
}

/**
 * Decree 615 point 3: calendar months after the meeting day, clamped to the month's end
 * (a meeting on 31 January is due by 28 or 29 February).
 */
export function reportDueDate(heldOn: IsoDate, months: number): IsoDate {
  requireIsoDate(heldOn, 'heldOn');
  if (!Number.isInteger(months) || months < 0) throw new RangeError(`months must be a whole number >= 0: ${months}`);
  return addMonths(heldOn, months);
}

/**
 * The obligations of a unit of `kind` overlapping [from, to], each with its status on `today`
 * and the meeting that fulfils it.
 *
 * A window "claims" the days from its start to the day before the unit's next window opens
 * (under whichever rule set), or forever if none follows; the earliest meeting in that span
 * fulfils it, on time inside the window and late after it. The spans never overlap, so a
 * meeting fulfils at most one obligation, and one held before the first window fulfils none.
 * Meetings after `today` are ignored; same-day meetings keep their input order.
 */
export function assessCompliance(
  ruleSets: readonly RuleSet[],
  kind: ReportingUnitKind,
  from: IsoDate,
  to: IsoDate,
  held: readonly HeldMeeting[],
  today: IsoDate,
): AssessedObligation[] {
  requireRange(from, to);
  requireIsoDate(today, 'today');
  for (const m of held) requireIsoDate(m.heldOn, 'heldOn');

  const obligations = obligationsFor(ruleSets, kind, from, to);
  const first = obligations[0];
  const last = obligations.at(-1);
  if (first === undefined || last === undefined) return [];
  const afterLast = firstWindowAfter(ruleSets, kind, last.windowStart);

  const meetings = held
    .filter((m) => m.heldOn >= first.windowStart && m.heldOn <= today)
    .sort((a, b) => compareIsoDates(a.heldOn, b.heldOn));

  const out: AssessedObligation[] = [];
  let next = 0;
  obligations.forEach((o, i) => {
    const claimEnd = obligations[i + 1]?.windowStart ?? afterLast;
    // Meetings before this window lie in an earlier span whose first meeting was already used.
    while (next < meetings.length && meetings[next]!.heldOn < o.windowStart) next++;
    const candidate = meetings[next];
    const meeting = candidate !== undefined && (claimEnd === null || candidate.heldOn < claimEnd) ? candidate : null;
    if (meeting !== null) next++;
    out.push(assess(o, meeting, today));
  });
  return out;
}

function assess(o: Obligation, meeting: HeldMeeting | null, today: IsoDate): AssessedObligation {
  if (meeting !== null) {
    return {
      ...o,
      status: meeting.heldOn <= o.windowEnd ? 'held_on_time' : 'held_late',
      meeting,
      reportDue: o.reportDueMonths === null ? null : reportDueDate(meeting.heldOn, o.reportDueMonths),
    };
  }
  const status: ComplianceStatus = today < o.windowStart ? 'upcoming' : today <= o.windowEnd ? 'open' : 'missed';
  return { ...o, status, meeting: null, reportDue: null };
}
