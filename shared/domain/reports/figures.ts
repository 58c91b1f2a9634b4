import { ISSUE_KINDS, OUTCOMES, type IssueKind, type Outcome } from '../issues/issue';
import type { ComplianceStatus } from '../rules';

/**
 * The numbers of a period report, for one unit or consolidated over many. Every field is a
 * count (or a map of counts), so figures of units add up to the figures of their parent, and
 * a total is always the sum of its rows; what cannot be added (a median, a share) is derived
 * from them on the way out (`medianDaysToClose`, `resolvedShare`).
 */
export interface MeetingFigures {
  /** Obligations whose window opens in the period; = heldOnTime + heldLate + missed + open + upcoming. */
  required: number;
  heldOnTime: number;
  heldLate: number;
  missed: number;
  open: number;
  upcoming: number;
  /** Of the open and upcoming ones, those with a meeting planned. */
  planned: number;
  /** Reporting meetings held in the period (by their held date), whichever window they fulfil. */
  held: number;
}

/** Over the reporting meetings held in the period. */
export interface AttendanceFigures {
  people: number;
  onlineViewers: number;
}

/** Officials present at the reporting meetings held in the period (decree points 4.1 and 5). */
export interface OfficialsFigures {
  present: number;
  government: number;
  oblastLeadership: number;
}

/** Issues raised in the period, with their state today. */
export interface IssueFigures {
  total: number;
  closed: number;
  /** Open with a deadline before today. */
  overdue: number;
  /** Deadline moved at least once. */
  prolonged: number;
  onControl: number;
  byKind: Record<IssueKind, number>;
  /** Status id → count (every status of the installation, zeros included). */
  byStatus: Record<string, number>;
  /** Top-level category id → count, sub-categories rolled up; `none` for issues without one. */
  byCategory: Record<string, number>;
  byOutcome: Record<Outcome, number>;
  /** Days from raised to closed → how many closed issues took that long (a median adds up this way). */
  closeDays: Record<string, number>;
}

export interface Figures {
  meetings: MeetingFigures;
  attendance: AttendanceFigures;
  officials: OfficialsFigures;
  issues: IssueFigures;
}

/** The key of issues without a category in `byCategory`. */
export const NO_CATEGORY = 'none';

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function emptyMeetingFigures(): MeetingFigures {
  return { required: 0, heldOnTime: 0, heldLate: 0, missed: 0, open: 0, upcoming: 0, planned: 0, held: 0 };
}

/** Figures of nothing, with a zero for every status and category that a report lists. */
export function emptyFigures(statusIds: readonly string[] = [], categoryIds: readonly string[] = []): Figures {
  return {
    meetings: emptyMeetingFigures(),
    attendance: { people: 0, onlineViewers: 0 },
    officials: { present: 0, government: 0, oblastLeadership: 0 },
    issues: {
      total: 0,
      closed: 0,
      overdue: 0,
      prolonged: 0,
      onControl: 0,
      byKind: zeros(ISSUE_KINDS),
      byStatus: zeros(statusIds),
      byCategory: zeros([...categoryIds, NO_CATEGORY]),
      byOutcome: zeros(OUTCOMES),
      closeDays: {},
    },
  };
}

function addCounts<T extends Record<string, number>>(a: T, b: T): T {
  const out: Record<string, number> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out as T;
}

function addFlat<T extends object>(a: T, b: T): T {
  const out = { ...a } as Record<string, unknown>;
  for (const [k, v] of Object.entries(b)) {
    const mine = out[k];
    out[k] = typeof v === 'number' ? ((mine as number | undefined) ?? 0) + v : addCounts((mine ?? {}) as Record<string, number>, v as Record<string, number>);
  }
  return out as T;
}

/** a + b, field by field (maps key by key); neither is changed. */
export function addFigures(a: Figures, b: Figures): Figures {
  return {
    meetings: addFlat(a.meetings, b.meetings),
    attendance: addFlat(a.attendance, b.attendance),
    officials: addFlat(a.officials, b.officials),
    issues: addFlat(a.issues, b.issues),
  };
}

export function sumFigures(list: readonly Figures[], zero: Figures = emptyFigures()): Figures {
  return list.reduce(addFigures, zero);
}

/** An assessed obligation as the report counts it. */
export interface ObligationFact {
  status: ComplianceStatus;
  /** An open or upcoming window with a meeting planned in it. */
  planned: boolean;
}

const STATUS_FIELD: Record<ComplianceStatus, keyof MeetingFigures> = {
  held_on_time: 'heldOnTime',
  held_late: 'heldLate',
  missed: 'missed',
  open: 'open',
  upcoming: 'upcoming',
};

/** The obligations of one unit in the period, counted (`held` is the caller's: it counts meetings, not windows). */
export function countObligations(obligations: readonly ObligationFact[]): MeetingFigures {
  const out = emptyMeetingFigures();
  for (const o of obligations) {
    out.required++;
    out[STATUS_FIELD[o.status]]++;
    if (o.planned && (o.status === 'open' || o.status === 'upcoming')) out.planned++;
  }
  return out;
}

/**
 * A group of alike issues as the database counts them (one GROUP BY row): `count` of them, and
 * of those how many are overdue, prolonged and on control (counted, not grouped by: they are
 * only ever totals).
 */
export interface IssueCell {
  kind: IssueKind;
  categoryId: string | null;
  statusId: string;
  outcome: Outcome | null;
  closed: boolean;
  overdue: number;
  prolonged: number;
  onControl: number;
  count: number;
}

/**
 * Adds alike issues into `into` (changed in place: a unit's cells arrive one by one).
 * `topCategory` maps a category to the top of its tree (itself if it has no parent).
 */
export function addIssueCell(into: IssueFigures, cell: IssueCell, topCategory: (id: string) => string): void {
  const n = cell.count;
  into.total += n;
  if (cell.closed) into.closed += n;
  into.overdue += cell.overdue;
  into.prolonged += cell.prolonged;
  into.onControl += cell.onControl;
  into.byKind[cell.kind] += n;
  into.byStatus[cell.statusId] = (into.byStatus[cell.statusId] ?? 0) + n;
  const category = cell.categoryId === null ? NO_CATEGORY : topCategory(cell.categoryId);
  into.byCategory[category] = (into.byCategory[category] ?? 0) + n;
  if (cell.outcome) into.byOutcome[cell.outcome] += n;
}

/** Adds closed issues that took `days` days from raised to closed. */
export function addCloseDays(into: IssueFigures, days: number, count: number): void {
  const key = String(days);
  into.closeDays[key] = (into.closeDays[key] ?? 0) + count;
}

/** The median of the days to close, from their histogram; null when nothing was closed. */
export function medianDaysToClose(issues: Pick<IssueFigures, 'closeDays'>): number | null {
  const entries = Object.entries(issues.closeDays)
    .map(([d, n]) => [Number(d), n] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  // The middle value, or the mean of the two middle ones.
  const at = (index: number): number => {
    let seen = 0;
    for (const [d, n] of entries) {
      seen += n;
      if (index < seen) return d;
    }
    return entries.at(-1)![0];
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

/** Closed issues as a share (0–1) of those raised; null when none was raised. */
export function resolvedShare(issues: Pick<IssueFigures, 'total' | 'closed'>): number | null {
  return issues.total === 0 ? null : issues.closed / issues.total;
}

/** Maps each category to the top of its tree; an unknown or looping parent ends the walk. */
export function topCategories(categories: ReadonlyArray<{ id: string; parentId: string | null }>): (id: string) => string {
  const parentOf = new Map(categories.map((c) => [c.id, c.parentId]));
  const memo = new Map<string, string>();
  return (id) => {
    const known = memo.get(id);
    if (known) return known;
    const seen = new Set<string>();
    let top = id;
    for (let parent = parentOf.get(top); parent != null && parentOf.has(parent) && !seen.has(parent); parent = parentOf.get(top)) {
      seen.add(top);
      top = parent;
    }
    memo.set(id, top);
    return top;
  };
}

/** A row of a unit tree with its own figures. */
export interface TreeRow {
  kato: string;
  parent: string | null;
  figures: Figures;
}

/**
 * Each row's figures consolidated over its subtree (itself and every row under it), by KATO
 * code. Rows whose parent is not among them are roots.
 */
export function subtreeFigures(rows: readonly TreeRow[], zero: Figures = emptyFigures()): Map<string, Figures> {
  const children = new Map<string, TreeRow[]>();
  const present = new Set(rows.map((r) => r.kato));
  for (const r of rows) {
    if (r.parent !== null && present.has(r.parent)) children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
  }
  const out = new Map<string, Figures>();
  const visit = (row: TreeRow): Figures => {
    const done = out.get(row.kato);
    if (done) return done;
    const total = (children.get(row.kato) ?? []).reduce((acc, child) => addFigures(acc, visit(child)), addFigures(zero, row.figures));
    out.set(row.kato, total);
    return total;
  };
  for (const r of rows) visit(r);
  return out;
}
