import { addDays, addMonths, compareIsoDates, type IsoDate } from '../dates';
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

/** The held dates an assessment can use: none before `from`, none after `to` (null: no end). */
export interface HeldSpan {
  readonly from: IsoDate;
  readonly to: IsoDate | null;
}

/** The obligations of one unit kind over a range, ready to assess the held meetings of each unit of that kind. */
export interface ComplianceAssessor {
  readonly obligations: readonly Obligation[];
  /** Null when there are no obligations, so no meeting matters. */
  readonly span: HeldSpan | null;
  assess(held: readonly HeldMeeting[], today: IsoDate): AssessedObligation[];
}

/**
 * The obligations of a unit of `kind` overlapping [from, to], worked out once for every unit of
 * that kind (the grid and the reports assess hundreds of units of a few kinds).
 *
 * A window "claims" the days from its start to the day before the unit's next window opens
 * (under whichever rule set), or forever if none follows; the earliest meeting in that span
 * fulfils it, on time inside the window and late after it. The spans never overlap, so a
 * meeting fulfils at most one obligation, and one held before the first window fulfils none.
 * Meetings after `today` are ignored; same-day meetings keep their input order.
 */
export function complianceAssessor(ruleSets: readonly RuleSet[], kind: ReportingUnitKind, from: IsoDate, to: IsoDate): ComplianceAssessor {
  requireRange(from, to);
  const obligations = obligationsFor(ruleSets, kind, from, to);
  const first = obligations[0];
  const last = obligations.at(-1);
  const afterLast = last === undefined ? null : firstWindowAfter(ruleSets, kind, last.windowStart);
  const span: HeldSpan | null = first === undefined ? null : { from: first.windowStart, to: afterLast === null ? null : addDays(afterLast, -1) };

  return {
    obligations,
    span,
    assess(held, today) {
      requireIsoDate(today, 'today');
      for (const m of held) requireIsoDate(m.heldOn, 'heldOn');
      if (span === null) return [];
      const meetings = held
        .filter((m) => m.heldOn >= span.from && m.heldOn <= today)
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
    },
  };
}

/** The obligations of a unit of `kind` overlapping [from, to], each with its status on `today` and the meeting that fulfils it (see complianceAssessor). */
export function assessCompliance(
  ruleSets: readonly RuleSet[],
  kind: ReportingUnitKind,
  from: IsoDate,
  to: IsoDate,
  held: readonly HeldMeeting[],
  today: IsoDate,
): AssessedObligation[] {
  return complianceAssessor(ruleSets, kind, from, to).assess(held, today);
}

/**
 * The held dates that any of these assessments can use up to `today`: what to read from the
 * database (the first window of a range may open before it, the last one claims days after it).
 * Null when none can use any.
 */
export function heldRange(spans: ReadonlyArray<HeldSpan | null>, today: IsoDate): { from: IsoDate; to: IsoDate } | null {
  let from: IsoDate | null = null;
  let to: IsoDate | null = null;
  for (const span of spans) {
    if (span === null || span.from > today) continue;
    const end = span.to === null || span.to > today ? today : span.to;
    if (from === null || span.from < from) from = span.from;
    if (to === null || end > to) to = end;
  }
  return from === null || to === null ? null : { from, to };
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
