import { compareIsoDates, firstDayOfMonth, isIsoDate, lastDayOfMonth, toYmd, type IsoDate } from '../dates';
import type { ReportingUnitKind } from '../units/unit-kind';
import { assertUsableRuleSets, periodsInForce, type PeriodInForce, type RuleGroup, type RuleSet, type WindowRule } from './rule-set';

/** One window in which a unit's akim must hold a reporting meeting. */
export interface Obligation {
  readonly ruleSetId: string;
  readonly group: string;
  readonly kind: ReportingUnitKind;
  /** `${year}-${window key}`; unique per unit together with ruleSetId. */
  readonly windowKey: string;
  /** Inclusive. */
  readonly windowStart: IsoDate;
  /** Inclusive. */
  readonly windowEnd: IsoDate;
  /** The period the meeting reports on, inclusive. */
  readonly coversStart: IsoDate;
  readonly coversEnd: IsoDate;
  readonly reportDueMonths: number | null;
}

/**
 * The windows of a unit of `kind` that overlap [from, to] (inclusive), ordered by windowStart.
 * A window belongs to the rule set in force for `kind` on the day it opens (periodsInForce),
 * and stays an obligation even if a later set takes over while it is open. Throws a RangeError
 * for invalid dates or from > to, and InvalidRuleSetsError for unsound or conflicting sets.
 */
export function obligationsFor(
  ruleSets: readonly RuleSet[],
  kind: ReportingUnitKind,
  from: IsoDate,
  to: IsoDate,
): Obligation[] {
  requireRange(from, to);
  assertUsableRuleSets(ruleSets);
  // A window is at most 12 months long, so one that reaches `from` opened no earlier than
  // the previous calendar year.
  const firstYear = toYmd(from).year - 1;
  const lastYear = toYmd(to).year;
  const out: Obligation[] = [];
  for (const period of periodsInForce(ruleSets, kind)) {
    for (const o of windowsOf(period, kind, firstYear, lastYear)) {
      if (o.windowStart <= to && o.windowEnd >= from) out.push(o);
    }
  }
  return out.sort((a, b) => compareIsoDates(a.windowStart, b.windowStart));
}

/** Start of the first window of `kind` opening after `date`, under the sets in force; null if none ever does. */
export function nextWindowStart(
  ruleSets: readonly RuleSet[],
  kind: ReportingUnitKind,
  date: IsoDate,
): IsoDate | null {
  requireIsoDate(date, 'date');
  assertUsableRuleSets(ruleSets);
  return firstWindowAfter(ruleSets, kind, date);
}

/** nextWindowStart for sets that have already passed assertUsableRuleSets. */
export function firstWindowAfter(
  ruleSets: readonly RuleSet[],
  kind: ReportingUnitKind,
  date: IsoDate,
): IsoDate | null {
  let best: IsoDate | null = null;
  for (const period of periodsInForce(ruleSets, kind)) {
    if (period.to !== null && period.to <= date) continue;
    const floor = period.from > date ? period.from : date;
    const year = toYmd(floor).year;
    // Every group has a window each year, so this year or the next holds the first one
    // after `floor`, unless the period ends first.
    for (const o of windowsOf(period, kind, year, year + 1)) {
      if (o.windowStart > date && (best === null || o.windowStart < best)) best = o.windowStart;
    }
  }
  return best;
}

function windowsOf(period: PeriodInForce, kind: ReportingUnitKind, firstYear: number, lastYear: number): Obligation[] {
  const { ruleSet, group, from, to } = period;
  const out: Obligation[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    for (const w of group.windows) {
      const o = windowIn(ruleSet, group, kind, w, year);
      if (o.windowStart >= from && (to === null || o.windowStart <= to)) out.push(o);
    }
  }
  return out;
}

function windowIn(rs: RuleSet, group: RuleGroup, kind: ReportingUnitKind, w: WindowRule, year: number): Obligation {
  const coversFirstMonth = w.startMonth + w.coversOffsetMonths;
  return {
    ruleSetId: rs.id,
    group: group.code,
    kind,
    windowKey: `${year}-${w.key}`,
    windowStart: firstDayOfMonth(year, w.startMonth),
    windowEnd: lastDayOfMonth(year, w.startMonth + w.lengthMonths - 1),
    coversStart: firstDayOfMonth(year, coversFirstMonth),
    coversEnd: lastDayOfMonth(year, coversFirstMonth + w.coversMonths - 1),
    reportDueMonths: group.reportDueMonths,
  };
}

export function requireIsoDate(value: IsoDate, name: string): void {
  if (!isIsoDate(value)) throw new RangeError(`${name} is not a date: ${JSON.stringify(value)}`);
}

export function requireRange(from: IsoDate, to: IsoDate): void {
  requireIsoDate(from, 'from');
  requireIsoDate(to, 'to');
  if (from > to) throw new RangeError(`from (${from}) is after to (${to})`);
}
