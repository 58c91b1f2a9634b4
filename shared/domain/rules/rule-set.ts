import { addDays, compareIsoDates, isIsoDate, type IsoDate } from '../dates';
import { REPORTING_UNIT_KINDS, type ReportingUnitKind } from '../units/unit-kind';

/**
 * A body of legislation on reporting meetings, as data: an administrator adds a set for a
 * later decree without a new release. Plain JSON.
 *
 * Sets are effective-dated and supersede one another: for each unit kind, the set in force on
 * a day is the one covering that kind with the latest effectiveFrom on or before the day, if
 * the day is also within its own effectiveTo (see periodsInForce). A later set therefore
 * repeals earlier ones only for the kinds it covers, and a repealed set never comes back.
 */
export interface RuleSet {
  readonly id: string;
  readonly nameKk: string;
  readonly nameRu: string;
  /** First day in force; no earlier than EARLIEST_EFFECTIVE_FROM. */
  readonly effectiveFrom: IsoDate;
  /** Last day in force, inclusive; null while in force until a later set supersedes it. */
  readonly effectiveTo: IsoDate | null;
  readonly groups: readonly RuleGroup[];
}

export interface RuleGroup {
  readonly code: string;
  readonly kinds: readonly ReportingUnitKind[];
  /** Repeated every calendar year. */
  readonly windows: readonly WindowRule[];
  /** Months after the meeting day by which its results must be reported upwards; null if not required. */
  readonly reportDueMonths: number | null;
}

export interface WindowRule {
  /** Unique within the group; obligations are keyed `${year}-${key}`. */
  readonly key: string;
  /** 1..12; the window opens on day 1 of this month. */
  readonly startMonth: number;
  /** The window closes on the last day of month startMonth + lengthMonths - 1 (may run into the next year). */
  readonly lengthMonths: number;
  /** The covered period starts this many months from the window's start month (negative: before it). */
  readonly coversOffsetMonths: number;
  readonly coversMonths: number;
}

/** Esep follows reporting-meeting legislation from Decree 615 (2013) on. */
export const EARLIEST_EFFECTIVE_FROM: IsoDate = '2013-01-01';

/**
 * Stable codes: the UI translates them (`RuleSets.problems.<code>`) and the core sends them in
 * a `rule_set_invalid` error, so never rename one once released.
 */
export const RULE_SET_PROBLEM_CODES = [
  'id_invalid',
  'name_missing',
  'effective_from_invalid',
  'effective_from_too_early',
  'effective_to_invalid',
  'effective_to_before_from',
  'no_groups',
  'group_code_invalid',
  'group_code_duplicate',
  'group_without_kinds',
  'kind_unknown',
  'kind_duplicate',
  'kind_in_two_groups',
  'report_due_months_invalid',
  'group_without_windows',
  'window_key_invalid',
  'window_key_duplicate',
  'window_start_month_invalid',
  'window_length_invalid',
  'windows_overlap',
  'covers_offset_invalid',
  'covers_months_invalid',
  'rule_set_id_duplicate',
  'rule_sets_same_start',
] as const;

export type RuleSetProblemCode = (typeof RULE_SET_PROBLEM_CODES)[number];

export interface RuleSetProblem {
  readonly code: RuleSetProblemCode;
  readonly ruleSetId: string;
  /** The group concerned, if any. */
  readonly group: string | null;
  /** The window key concerned, if any. */
  readonly window: string | null;
  /** Interpolation values for the translated message. */
  readonly details: Readonly<Record<string, string | number>>;
}

// Generous bounds that still keep every computed date inside four-digit years.
const MAX_MONTHS = 120;
const CODE_PATTERN = /^[A-Za-z0-9_]{1,32}$/;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

function problem(
  code: RuleSetProblemCode,
  ruleSetId: string,
  group: string | null = null,
  window: string | null = null,
  details: Record<string, string | number> = {},
): RuleSetProblem {
  return { code, ruleSetId, group, window, details };
}

function isIntegerIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/** Every problem that makes a rule set unusable; empty when it is sound. */
export function validateRuleSet(rs: RuleSet): RuleSetProblem[] {
  const id = rs.id;
  const out: RuleSetProblem[] = [];
  if (!ID_PATTERN.test(id)) out.push(problem('id_invalid', id));
  if (rs.nameKk.trim() === '') out.push(problem('name_missing', id, null, null, { lang: 'kk' }));
  if (rs.nameRu.trim() === '') out.push(problem('name_missing', id, null, null, { lang: 'ru' }));

  const fromOk = isIsoDate(rs.effectiveFrom);
  if (!fromOk) out.push(problem('effective_from_invalid', id, null, null, { value: rs.effectiveFrom }));
  else if (rs.effectiveFrom < EARLIEST_EFFECTIVE_FROM) {
    out.push(problem('effective_from_too_early', id, null, null, { value: rs.effectiveFrom, min: EARLIEST_EFFECTIVE_FROM }));
  }
  if (rs.effectiveTo !== null) {
    if (!isIsoDate(rs.effectiveTo)) {
      out.push(problem('effective_to_invalid', id, null, null, { value: rs.effectiveTo }));
    } else if (fromOk && rs.effectiveTo < rs.effectiveFrom) {
      out.push(
        problem('effective_to_before_from', id, null, null, {
          effectiveFrom: rs.effectiveFrom,
          effectiveTo: rs.effectiveTo,
        }),
      );
    }
  }

  if (rs.groups.length === 0) out.push(problem('no_groups', id));
  const groupCodes = new Set<string>();
  const groupOfKind = new Map<string, string>();
  for (const g of rs.groups) {
    if (!CODE_PATTERN.test(g.code)) out.push(problem('group_code_invalid', id, g.code));
    else if (groupCodes.has(g.code)) out.push(problem('group_code_duplicate', id, g.code));
    groupCodes.add(g.code);

    if (g.kinds.length === 0) out.push(problem('group_without_kinds', id, g.code));
    const kindsHere = new Set<string>();
    for (const kind of g.kinds) {
      if (!(REPORTING_UNIT_KINDS as readonly string[]).includes(kind)) {
        out.push(problem('kind_unknown', id, g.code, null, { kind }));
      } else if (kindsHere.has(kind)) {
        out.push(problem('kind_duplicate', id, g.code, null, { kind }));
      } else {
        const other = groupOfKind.get(kind);
        if (other !== undefined) {
          out.push(problem('kind_in_two_groups', id, g.code, null, { kind, otherGroup: other }));
        } else {
          groupOfKind.set(kind, g.code);
        }
      }
      kindsHere.add(kind);
    }

    if (g.reportDueMonths !== null && !isIntegerIn(g.reportDueMonths, 1, MAX_MONTHS)) {
      out.push(problem('report_due_months_invalid', id, g.code, null, { value: g.reportDueMonths }));
    }
    out.push(...validateWindows(id, g));
  }
  return out;
}

function validateWindows(id: string, g: RuleGroup): RuleSetProblem[] {
  const out: RuleSetProblem[] = [];
  if (g.windows.length === 0) out.push(problem('group_without_windows', id, g.code));
  const keys = new Set<string>();
  // Windows recur yearly, so a window running past December collides with next year's
  // January: occupancy is tracked modulo 12.
  const monthOwner: (string | undefined)[] = new Array<string | undefined>(12);
  for (const w of g.windows) {
    if (!CODE_PATTERN.test(w.key)) out.push(problem('window_key_invalid', id, g.code, w.key));
    else if (keys.has(w.key)) out.push(problem('window_key_duplicate', id, g.code, w.key));
    keys.add(w.key);

    const startOk = isIntegerIn(w.startMonth, 1, 12);
    const lengthOk = isIntegerIn(w.lengthMonths, 1, 12);
    if (!startOk) out.push(problem('window_start_month_invalid', id, g.code, w.key, { value: w.startMonth }));
    if (!lengthOk) out.push(problem('window_length_invalid', id, g.code, w.key, { value: w.lengthMonths }));
    if (!isIntegerIn(w.coversOffsetMonths, -MAX_MONTHS, MAX_MONTHS)) {
      out.push(problem('covers_offset_invalid', id, g.code, w.key, { value: w.coversOffsetMonths }));
    }
    if (!isIntegerIn(w.coversMonths, 1, MAX_MONTHS)) {
      out.push(problem('covers_months_invalid', id, g.code, w.key, { value: w.coversMonths }));
    }
    if (!startOk || !lengthOk) continue;

    const clashes = new Set<string>();
    for (let i = 0; i < w.lengthMonths; i++) {
      const slot = (w.startMonth - 1 + i) % 12;
      const owner = monthOwner[slot];
      if (owner === undefined) monthOwner[slot] = w.key;
      else if (!clashes.has(owner)) {
        clashes.add(owner);
        out.push(problem('windows_overlap', id, g.code, w.key, { otherWindow: owner, month: slot + 1 }));
      }
    }
  }
  return out;
}

/**
 * Conflicts between rule sets: a repeated id, or two sets covering the same unit kind from the
 * same effectiveFrom. Any other overlap is supersession (the later set wins from its start);
 * only a common start leaves no way to tell which set governs that kind.
 */
export function findConflicts(ruleSets: readonly RuleSet[]): RuleSetProblem[] {
  const out: RuleSetProblem[] = [];
  const seen = new Set<string>();
  for (const rs of ruleSets) {
    if (seen.has(rs.id)) out.push(problem('rule_set_id_duplicate', rs.id));
    seen.add(rs.id);
  }
  for (let i = 0; i < ruleSets.length; i++) {
    const a = ruleSets[i]!;
    if (!isIsoDate(a.effectiveFrom)) continue;
    for (let j = i + 1; j < ruleSets.length; j++) {
      const b = ruleSets[j]!;
      if (b.effectiveFrom !== a.effectiveFrom) continue;
      const kindsOfB = new Set(b.groups.flatMap((g) => g.kinds));
      const shared = [...new Set(a.groups.flatMap((g) => g.kinds))].filter((k) => kindsOfB.has(k));
      for (const kind of shared) {
        out.push(problem('rule_sets_same_start', a.id, null, null, { otherRuleSetId: b.id, kind, effectiveFrom: a.effectiveFrom }));
      }
    }
  }
  return out;
}

/** The group of `rs` that applies to `kind`, if any. */
export function groupFor(rs: RuleSet, kind: ReportingUnitKind): RuleGroup | null {
  return rs.groups.find((g) => g.kinds.includes(kind)) ?? null;
}

/** The span of days in which one set governs one unit kind. */
export interface PeriodInForce {
  readonly ruleSet: RuleSet;
  readonly group: RuleGroup;
  /** Inclusive: the set's effectiveFrom. */
  readonly from: IsoDate;
  /**
   * Inclusive: the set's effectiveTo or the day before the next set covering the kind takes
   * effect, whichever comes first; null if neither.
   */
  readonly to: IsoDate | null;
}

/**
 * When each set governs `kind`, in date order: the set with the latest effectiveFrom on or
 * before a day, while that day is within its effectiveTo. A day after that effectiveTo and
 * before the next set's start is governed by none (the repealed set does not revive). Expects
 * sets that passed assertUsableRuleSets, so no two covering `kind` share an effectiveFrom.
 */
export function periodsInForce(ruleSets: readonly RuleSet[], kind: ReportingUnitKind): PeriodInForce[] {
  const covering = ruleSets
    .flatMap((ruleSet) => {
      const group = groupFor(ruleSet, kind);
      return group === null ? [] : [{ ruleSet, group }];
    })
    .sort((a, b) => compareIsoDates(a.ruleSet.effectiveFrom, b.ruleSet.effectiveFrom));
  return covering.map(({ ruleSet, group }, i): PeriodInForce => {
    const next = covering[i + 1];
    const cut = next === undefined ? null : addDays(next.ruleSet.effectiveFrom, -1);
    return { ruleSet, group, from: ruleSet.effectiveFrom, to: earlierEnd(ruleSet.effectiveTo, cut) };
  });
}

function earlierEnd(a: IsoDate | null, b: IsoDate | null): IsoDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

/** Thrown when schedules are asked of rule sets that validateRuleSet or findConflicts reject. */
export class InvalidRuleSetsError extends RangeError {
  readonly problems: readonly RuleSetProblem[];
  constructor(problems: readonly RuleSetProblem[]) {
    super(`Invalid rule sets: ${problems.map((p) => `${p.ruleSetId}:${p.code}`).join(', ')}`);
    this.name = 'InvalidRuleSetsError';
    this.problems = problems;
  }
}

/** Throws InvalidRuleSetsError unless the sets are individually sound and free of conflicts. */
export function assertUsableRuleSets(ruleSets: readonly RuleSet[]): void {
  const problems = [...ruleSets.flatMap(validateRuleSet), ...findConflicts(ruleSets)];
  if (problems.length > 0) throw new InvalidRuleSetsError(problems);
}
