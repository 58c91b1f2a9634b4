import { prepared } from '../statements';
import type { Db } from '../open';
import { unitsUnder } from './units.repo';
import { listStatuses } from './issue-reference.repo';
import { issueCountAll, statusCountsUnder, type StatusCount } from './issue-status-counts.repo';
import type { IssueAuthor, IssueHistoryEntry, IssueRow, IssueSort, Prolongation } from '../../../../shared/contract/issues.contract';
import type { IsoDate } from '../../../../shared/domain/dates';
import { isOverdue, type IssueKind, type Outcome, type ReceivedVia } from '../../../../shared/domain/issues/issue';

/** Every stored column of an issue, camelCased; `seq` is the row's key in the search index. */
export interface StoredIssue {
  seq: number;
  id: string;
  origin: string;
  revision: number;
  unitKato: string;
  registryNo: number;
  meetingId: string | null;
  meetingNo: number | null;
  speechId: string | null;
  raisedOn: IsoDate;
  kind: IssueKind;
  receivedVia: ReceivedVia;
  collective: boolean;
  text: string;
  categoryId: string | null;
  localityKato: string | null;
  answeredOnSpot: boolean;
  answer: string;
  bodyId: string | null;
  personId: string | null;
  deadline: IsoDate | null;
  onControl: boolean;
  controller: string;
  eotinishNo: string;
  repeatsId: string | null;
  statusId: string;
  outcome: Outcome | null;
  closedOn: IsoDate | null;
  createdAt: number;
  updatedAt: number;
}

/** A stored issue as read back, with what comes from elsewhere: its status's type and its prolongation count. */
export interface LoadedIssue extends StoredIssue {
  closed: boolean;
  prolongations: number;
}

interface IssueDbRow {
  seq: number;
  id: string;
  origin: string;
  revision: number;
  unit_kato: string;
  registry_no: number;
  meeting_id: string | null;
  meeting_no: number | null;
  speech_id: string | null;
  raised_on: string;
  kind: IssueKind;
  received_via: ReceivedVia;
  collective: number;
  text: string;
  category_id: string | null;
  locality_kato: string | null;
  answered_on_spot: number;
  answer: string;
  body_id: string | null;
  person_id: string | null;
  deadline: string | null;
  on_control: number;
  controller: string;
  eotinish_no: string;
  repeats_id: string | null;
  status_id: string;
  outcome: Outcome | null;
  closed_on: string | null;
  created_at: number;
  updated_at: number;
  status_closed: number;
  prolongation_count: number;
}

function toLoaded(r: IssueDbRow): LoadedIssue {
  return {
    seq: r.seq,
    id: r.id,
    origin: r.origin,
    revision: r.revision,
    unitKato: r.unit_kato,
    registryNo: r.registry_no,
    meetingId: r.meeting_id,
    meetingNo: r.meeting_no,
    speechId: r.speech_id,
    raisedOn: r.raised_on,
    kind: r.kind,
    receivedVia: r.received_via,
    collective: r.collective === 1,
    text: r.text,
    categoryId: r.category_id,
    localityKato: r.locality_kato,
    answeredOnSpot: r.answered_on_spot === 1,
    answer: r.answer,
    bodyId: r.body_id,
    personId: r.person_id,
    deadline: r.deadline,
    onControl: r.on_control === 1,
    controller: r.controller,
    eotinishNo: r.eotinish_no,
    repeatsId: r.repeats_id,
    statusId: r.status_id,
    outcome: r.outcome,
    closedOn: r.closed_on,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    closed: r.status_closed === 1,
    prolongations: r.prolongation_count,
  };
}

/** The row the log shows: no personal data; overdue derived here, for `today`. */
export function toIssueRow(i: LoadedIssue, today: IsoDate): IssueRow {
  return {
    id: i.id,
    origin: i.origin,
    revision: i.revision,
    unitKato: i.unitKato,
    registryNo: i.registryNo,
    meetingId: i.meetingId,
    meetingNo: i.meetingNo,
    raisedOn: i.raisedOn,
    kind: i.kind,
    text: i.text,
    categoryId: i.categoryId,
    localityKato: i.localityKato,
    bodyId: i.bodyId,
    personId: i.personId,
    deadline: i.deadline,
    statusId: i.statusId,
    closed: i.closed,
    overdue: isOverdue(i, today),
    onControl: i.onControl,
    outcome: i.outcome,
    closedOn: i.closedOn,
    prolongations: i.prolongations,
    eotinishNo: i.eotinishNo,
  };
}

const flag = (b: boolean) => (b ? 1 : 0);

function toParams(s: Omit<StoredIssue, 'seq'>): Record<string, unknown> {
  return {
    id: s.id,
    origin: s.origin,
    revision: s.revision,
    unit_kato: s.unitKato,
    registry_no: s.registryNo,
    meeting_id: s.meetingId,
    meeting_no: s.meetingNo,
    speech_id: s.speechId,
    raised_on: s.raisedOn,
    kind: s.kind,
    received_via: s.receivedVia,
    collective: flag(s.collective),
    text: s.text,
    category_id: s.categoryId,
    locality_kato: s.localityKato,
    answered_on_spot: flag(s.answeredOnSpot),
    answer: s.answer,
    body_id: s.bodyId,
    person_id: s.personId,
    deadline: s.deadline,
    on_control: flag(s.onControl),
    controller: s.controller,
    eotinish_no: s.eotinishNo,
    repeats_id: s.repeatsId,
    status_id: s.statusId,
    outcome: s.outcome,
    closed_on: s.closedOn,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
  };
}

const COLUMNS = Object.keys(toParams({} as StoredIssue));
/** What never changes after registration: identity, numbering, where it came from. */
const FIXED = new Set(['id', 'origin', 'unit_kato', 'registry_no', 'meeting_id', 'meeting_no', 'speech_id', 'created_at']);

/** `prolongation_count` is kept by triggers on issue_prolongations (migration 60). */
const LOAD = `SELECT i.*, s.closed AS status_closed FROM issues i JOIN issue_statuses s ON s.id = i.status_id`;

const SQL = {
  insert: `INSERT INTO issues (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`,
  byId: `${LOAD} WHERE i.id = ?`,
  bySeqs: `${LOAD} WHERE i.seq IN (SELECT value FROM json_each(?))`,
  exists: 'SELECT unit_kato FROM issues WHERE id = ?',
  nextRegistryNo: 'SELECT coalesce(max(registry_no), 0) + 1 AS n FROM issues WHERE origin = ? AND unit_kato = ?',
  nextMeetingNo: 'SELECT coalesce(max(meeting_no), 0) + 1 AS n FROM issues WHERE meeting_id = ?',
  registeredSpeeches: 'SELECT speech_id FROM issues WHERE speech_id IN (SELECT value FROM json_each(?))',
  history: 'SELECT * FROM issue_history WHERE issue_id = ? ORDER BY at, rowid',
  addHistory: `INSERT INTO issue_history (id, issue_id, at, on_date, actor, status_id, outcome, comment, document_ref)
     VALUES (@id, @issueId, @at, @onDate, @actor, @statusId, @outcome, @comment, @documentRef)`,
  prolongations: 'SELECT * FROM issue_prolongations WHERE issue_id = ? ORDER BY at, rowid',
  addProlongation: `INSERT INTO issue_prolongations (id, issue_id, at, actor, previous_deadline, new_deadline, reason)
     VALUES (@id, @issueId, @at, @actor, @previousDeadline, @newDeadline, @reason)`,
  author: 'SELECT full_name, phone, address FROM issue_authors WHERE issue_id = ?',
  hasAuthor: 'SELECT 1 AS hit FROM issue_authors WHERE issue_id = ?',
  putAuthor: `INSERT INTO issue_authors (issue_id, full_name, phone, address) VALUES (?, ?, ?, ?)
     ON CONFLICT (issue_id) DO UPDATE SET full_name = excluded.full_name, phone = excluded.phone, address = excluded.address`,
  removeAuthor: 'DELETE FROM issue_authors WHERE issue_id = ?',
};

/** Inserts a new issue; returns its `seq` (the search index's rowid). */
export function insertIssue(db: Db, s: Omit<StoredIssue, 'seq'>): number {
  return Number(prepared(db, SQL.insert).run(toParams(s)).lastInsertRowid);
}

/**
 * Writes the columns that differ from `before` (the caller bumps the revision). Only those:
 * SQLite rewrites the entry of every index whose column is SET, changed or not, and a bulk
 * status change would otherwise rewrite nine indexes per issue.
 */
export function updateIssue(db: Db, before: StoredIssue, after: StoredIssue): void {
  const old = toParams(before);
  const params = toParams(after);
  const changed = COLUMNS.filter((c) => !FIXED.has(c) && params[c] !== old[c]);
  if (changed.length === 0) return;
  const sql = `UPDATE issues SET ${changed.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`;
  prepared(db, sql).run(Object.fromEntries(['id', ...changed].map((c) => [c, params[c]])));
}

export function getIssue(db: Db, id: string): LoadedIssue | null {
  const row = prepared(db, SQL.byId).get(id) as IssueDbRow | undefined;
  return row ? toLoaded(row) : null;
}

/** The issues with these seqs, in the order given. */
export function issuesBySeq(db: Db, seqs: readonly number[]): LoadedIssue[] {
  if (seqs.length === 0) return [];
  const bySeq = new Map((prepared(db, SQL.bySeqs).all(JSON.stringify(seqs)) as IssueDbRow[]).map((r) => [r.seq, toLoaded(r)]));
  return seqs.map((s) => bySeq.get(s)).filter((i): i is LoadedIssue => i !== undefined);
}

/** The unit an issue belongs to, or null when there is no such issue. */
export function issueUnit(db: Db, id: string): string | null {
  return (prepared(db, SQL.exists).get(id) as { unit_kato: string } | undefined)?.unit_kato ?? null;
}

/**
 * The next number in a unit's registry as this origin keeps it: a district numbering an okrug's
 * issues and the okrug's own installation each count their own (migration 70).
 */
export function nextRegistryNo(db: Db, origin: string, unitKato: string): number {
  return (prepared(db, SQL.nextRegistryNo).get(origin, unitKato) as { n: number }).n;
}

export function nextMeetingNo(db: Db, meetingId: string): number {
  return (prepared(db, SQL.nextMeetingNo).get(meetingId) as { n: number }).n;
}

/** Which of these minutes speeches already have their issue. */
export function registeredSpeeches(db: Db, speechIds: readonly string[]): Set<string> {
  if (speechIds.length === 0) return new Set();
  return new Set((prepared(db, SQL.registeredSpeeches).all(JSON.stringify(speechIds)) as Array<{ speech_id: string }>).map((r) => r.speech_id));
}

interface HistoryRow {
  id: string;
  at: number;
  on_date: string;
  actor: string;
  status_id: string;
  outcome: Outcome | null;
  comment: string;
  document_ref: string;
}

export function listHistory(db: Db, issueId: string): IssueHistoryEntry[] {
  return (prepared(db, SQL.history).all(issueId) as HistoryRow[]).map((r) => ({
    id: r.id,
    at: r.at,
    onDate: r.on_date,
    actor: r.actor,
    statusId: r.status_id,
    outcome: r.outcome,
    comment: r.comment,
    documentRef: r.document_ref,
  }));
}

export function addHistory(db: Db, issueId: string, e: IssueHistoryEntry): void {
  prepared(db, SQL.addHistory).run({ ...e, issueId });
}

interface ProlongationRow {
  id: string;
  at: number;
  actor: string;
  previous_deadline: string | null;
  new_deadline: string;
  reason: string;
}

export function listProlongations(db: Db, issueId: string): Prolongation[] {
  return (prepared(db, SQL.prolongations).all(issueId) as ProlongationRow[]).map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    previousDeadline: r.previous_deadline,
    newDeadline: r.new_deadline,
    reason: r.reason,
  }));
}

export function addProlongation(db: Db, issueId: string, p: Prolongation): void {
  prepared(db, SQL.addProlongation).run({ ...p, issueId });
}

export function getAuthor(db: Db, issueId: string): IssueAuthor | null {
  const row = prepared(db, SQL.author).get(issueId) as { full_name: string; phone: string; address: string } | undefined;
  return row ? { fullName: row.full_name, phone: row.phone, address: row.address } : null;
}

export function hasAuthor(db: Db, issueId: string): boolean {
  return prepared(db, SQL.hasAuthor).get(issueId) !== undefined;
}

/** Stores the author, or removes the row when `author` is null. */
export function putAuthor(db: Db, issueId: string, author: IssueAuthor | null): void {
  if (author) prepared(db, SQL.putAuthor).run(issueId, author.fullName, author.phone, author.address);
  else prepared(db, SQL.removeAuthor).run(issueId);
}

/* ---------------------------------------------------------------- the log's queries */

/** A filter already resolved by the service: the unit is always set (the working root at least). */
export interface IssueQuery {
  unitKato: string;
  localityKato?: string | undefined;
  categoryId?: string | undefined;
  statusIds?: readonly string[] | undefined;
  open?: boolean | undefined;
  bodyId?: string | undefined;
  personId?: string | undefined;
  overdue?: boolean | undefined;
  dueBy?: IsoDate | undefined;
  onControl?: boolean | undefined;
  meetingId?: string | undefined;
  kind?: IssueKind | undefined;
  from?: IsoDate | undefined;
  to?: IsoDate | undefined;
  /** An FTS5 MATCH expression (built by issue-search.ts), never raw user input. */
  match?: string | undefined;
  today: IsoDate;
}

const OPEN_STATUSES = '(SELECT id FROM issue_statuses WHERE closed = 0)';
const CLOSED_STATUSES = '(SELECT id FROM issue_statuses WHERE closed = 1)';

/**
 * How a statement of the log is run, chosen from the counters (migration 90) because the
 * planner cannot see them: `IN (the subtree)` and `IN (the matches)` look alike to it whether
 * they hold ten issues or a million.
 */
export interface LogPlan {
  /**
   * False when an index is named and the subtree holds every issue: the unit test would pass
   * for every row. Otherwise kept, also when it passes every row: the unit-first indexes
   * (issues_unit_status for overdue, for a status) need it to range within each unit.
   */
  filterUnit: boolean;
  /**
   * The index the statement reads (INDEXED BY), null for the planner's choice: a window walks its
   * sort's own index and stops after its rows instead of sorting every match; a search's counts
   * look its matches up in issues_seq_status instead of the table.
   */
  index: string | null;
  /** The unit (`unitAsTest`), the search (`searchAsTest`) tested on each issue met, not what drives the statement. */
  unitAsTest: boolean;
  searchAsTest: boolean;
}

const EVERY_ROW: LogPlan = { filterUnit: true, index: null, unitAsTest: false, searchAsTest: false };

/** The narrow index a search's counts look their matches up in (migration 90). */
const SEQ_STATUS_INDEX = 'issues_seq_status';

/** The sorts with an index in their exact order, and the columns that index carries besides the rowid. */
const SORT_INDEXES: Partial<Record<IssueSort['key'], { index: string; columns: readonly string[] }>> = {
  registryNo: { index: 'issues_registry', columns: ['registry_no', 'unit_kato'] },
  raisedOn: { index: 'issues_raised', columns: ['raised_on'] },
};

/** The columns each filter reads (the search reads the index of matches, not the row). */
const FILTER_COLUMNS: Record<Exclude<keyof IssueQuery, 'today' | 'match'>, readonly string[]> = {
  unitKato: ['unit_kato'],
  localityKato: ['locality_kato'],
  categoryId: ['category_id'],
  statusIds: ['status_id'],
  open: ['status_id'],
  bodyId: ['body_id'],
  personId: ['person_id'],
  overdue: ['deadline', 'status_id'],
  dueBy: ['deadline', 'status_id'],
  onControl: ['on_control'],
  meetingId: ['meeting_id'],
  kind: ['kind'],
  from: ['raised_on'],
  to: ['raised_on'],
};

type Filter = keyof typeof FILTER_COLUMNS | 'match';

/** The filters a query sets, the search included, the unit aside (it is always set). */
function filtersOf(q: IssueQuery): Filter[] {
  return ([...Object.keys(FILTER_COLUMNS), 'match'] as Filter[]).filter((k) => k !== 'unitKato' && q[k] !== undefined);
}

/**
 * WITH + WHERE for a query over `issues i`. Every value is a bound parameter. The unit and the
 * locality filter take their whole subtrees; the category comes with its sub-categories
 * (UNION: a damaged table with a cycle still ends). A term the plan makes a test is written
 * `+column`, which keeps the planner from driving the statement by it.
 */
function whereOf(q: IssueQuery, plan: LogPlan): { sql: string; params: Record<string, unknown> } {
  let withClause = '';
  const walk = plan.unitAsTest ? '+' : '';
  const test = plan.searchAsTest ? '+' : '';
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (plan.filterUnit) {
    where.push(`${walk}i.unit_kato IN ${unitsUnder('@unit')}`);
    params.unit = q.unitKato;
  }
  if (q.localityKato !== undefined) {
    where.push(`i.locality_kato IN ${unitsUnder('@locality')}`);
    params.locality = q.localityKato;
  }
  if (q.categoryId !== undefined) {
    withClause = `WITH RECURSIVE category_tree(id) AS (SELECT @category UNION SELECT c.id FROM issue_categories c JOIN category_tree t ON c.parent_id = t.id)\n`;
    where.push('i.category_id IN (SELECT id FROM category_tree)');
    params.category = q.categoryId;
  }
  if (q.statusIds !== undefined) {
    where.push('i.status_id IN (SELECT value FROM json_each(@statusIds))');
    params.statusIds = JSON.stringify(q.statusIds);
  }
  if (q.open !== undefined) where.push(`i.status_id IN ${q.open ? OPEN_STATUSES : CLOSED_STATUSES}`);
  if (q.overdue !== undefined) {
    where.push(
      q.overdue
        ? `(i.deadline < @today AND i.status_id IN ${OPEN_STATUSES})`
        : `(i.deadline IS NULL OR i.deadline >= @today OR i.status_id IN ${CLOSED_STATUSES})`,
    );
    params.today = q.today;
  }
  if (q.dueBy !== undefined) {
    where.push(`(i.deadline BETWEEN @today AND @dueBy AND i.status_id IN ${OPEN_STATUSES})`);
    params.today = q.today;
    params.dueBy = q.dueBy;
  }
  const equal: Array<[string, string, unknown]> = [
    ['body_id', 'body', q.bodyId],
    ['person_id', 'person', q.personId],
    ['meeting_id', 'meeting', q.meetingId],
    ['kind', 'kind', q.kind],
    ['on_control', 'onControl', q.onControl === undefined ? undefined : flag(q.onControl)],
  ];
  for (const [column, name, value] of equal) {
    if (value === undefined) continue;
    where.push(`i.${column} = @${name}`);
    params[name] = value;
  }
  if (q.from !== undefined) {
    where.push('i.raised_on >= @from');
    params.from = q.from;
  }
  if (q.to !== undefined) {
    where.push('i.raised_on <= @to');
    params.to = q.to;
  }
  // Driven by the matches, a join: as `seq IN (…)` they were first gathered in a temporary table (40% of the time).
  const joined = q.match !== undefined && plan.index === SEQ_STATUS_INDEX;
  if (q.match !== undefined) {
    where.push(joined ? 'issue_search MATCH @match' : `${test}i.seq IN (SELECT rowid FROM issue_search WHERE issue_search MATCH @match)`);
    params.match = q.match;
  }
  const indexed = plan.index === null ? 'issues i' : `issues i INDEXED BY ${plan.index}`;
  const from = joined ? `issue_search JOIN ${indexed} ON i.seq = issue_search.rowid` : indexed;
  return { sql: `${withClause}SELECT %COLUMNS% FROM ${from} WHERE ${where.length > 0 ? where.join('\n AND ') : '1'}`, params };
}

function orderOf(sort: IssueSort): string {
  const d = sort.dir === 'asc' ? 'ASC' : 'DESC';
  switch (sort.key) {
    case 'registryNo':
      return `i.registry_no ${d}, i.unit_kato ${d}, i.seq ${d}`;
    case 'raisedOn':
      return `i.raised_on ${d}, i.seq ${d}`;
    case 'deadline':
      // Issues without a deadline come last in either direction.
      return `i.deadline IS NULL, i.deadline ${d}, i.seq ${d}`;
    case 'status':
      return `(SELECT ordinal FROM issue_statuses s WHERE s.id = i.status_id) ${d}, i.seq ${d}`;
    case 'category':
      return `i.category_id IS NULL, (SELECT ordinal FROM issue_categories c WHERE c.id = i.category_id) ${d}, i.seq ${d}`;
    case 'unit':
      return `i.unit_kato ${d}, i.registry_no ${d}`;
  }
}

/** The statement text of a query; exported for the query-plan tests and the bench. */
export function issueQuerySql(
  q: IssueQuery,
  shape: { kind: 'page'; sort: IssueSort } | { kind: 'total' } | { kind: 'counts' },
  plan: LogPlan = EVERY_ROW,
): { sql: string; params: Record<string, unknown> } {
  const { sql, params } = whereOf(q, plan);
  switch (shape.kind) {
    case 'page':
      return { sql: `${sql.replace('%COLUMNS%', 'i.seq')} ORDER BY ${orderOf(shape.sort)} LIMIT @limit OFFSET @offset`, params };
    case 'total':
      return { sql: sql.replace('%COLUMNS%', 'count(*) AS n'), params };
    case 'counts':
      return {
        sql: `${sql.replace('%COLUMNS%', 'i.status_id, count(*) AS n, sum(i.on_control) AS on_control, sum(i.deadline IS NOT NULL AND i.deadline < @today) AS late')} GROUP BY i.status_id`,
        params: { ...params, today: q.today },
      };
  }
}

/*
 * The log's statements are built per filter, so they are prepared per call (a fraction of a
 * millisecond) rather than kept in the `prepared` cache, which would grow with every
 * combination of filters a user ever tried.
 */

/** What the counters say of a query's subtree: its issues per status, and whether they are all the issues there are. */
interface Scope {
  statuses: StatusCount[];
  held: number;
  all: number;
}

function matchCount(db: Db, match: string): number {
  return (prepared(db, 'SELECT count(*) AS n FROM issue_search WHERE issue_search MATCH ?').get(match) as { n: number }).n;
}

function scopeOf(db: Db, unitKato: string): Scope {
  const statuses = statusCountsUnder(db, unitKato);
  return { statuses, held: statuses.reduce((s, c) => s + c.n, 0), all: issueCountAll(db) };
}

/**
 * The total from the counters or from the search index alone, when the filter is one they
 * answer exactly; null otherwise. The search index holds one entry per issue (issues are never
 * deleted, and every writer indexes what it writes), so with the whole database in scope its
 * count of matches is the log's.
 */
function quickTotal(db: Db, q: IssueQuery, scope: Scope): number | null {
  const filters = filtersOf(q);
  if (filters.every((k) => k === 'statusIds' || k === 'open' || k === 'onControl')) {
    const closed = new Map(listStatuses(db).map((s) => [s.id, s.closed]));
    const wanted = q.statusIds === undefined ? null : new Set(q.statusIds);
    return scope.statuses
      .filter((c) => (wanted === null || wanted.has(c.statusId)) && (q.open === undefined || closed.get(c.statusId) === !q.open))
      .reduce((s, c) => s + (q.onControl === undefined ? c.n : q.onControl ? c.onControl : c.n - c.onControl), 0);
  }
  if (filters.length === 1 && q.match !== undefined && scope.held === scope.all) {
    return matchCount(db, q.match);
  }
  return null;
}

/**
 * A row read from the table costs about ten index entries walked (measured on the 1M
 * database: 89,000 rows by rowid 110 ms, 50,000 entries of issues_registry 7 ms).
 */
const ROW_COST = 10;

/**
 * Walk the sort's index when that meets fewer rows than sorting all `total` matches would: the
 * walk passes about (offset + limit) × all / total entries before its window is full (matches
 * spread evenly over the order), each a row read when a filter needs a column the index lacks.
 */
function planOf(q: IssueQuery, sort: IssueSort, scope: Scope, total: number, end: number): LogPlan {
  const index = SORT_INDEXES[sort.key];
  if (!index) return EVERY_ROW;
  const filterUnit = scope.held !== scope.all;
  const columns = [...filtersOf(q), ...(filterUnit ? (['unitKato'] as const) : [])].flatMap((k) => (k === 'match' ? [] : FILTER_COLUMNS[k]));
  const readsRows = columns.some((c) => !index.columns.includes(c));
  const walked = (Math.min(end, total) * scope.all) / total;
  return walked * (readsRows ? ROW_COST : 1) < total * ROW_COST ? { filterUnit, index: index.index, unitAsTest: true, searchAsTest: true } : EVERY_ROW;
}

/** What issues_unit_status and issues_seq_status hold besides the rowid: a count over either reads no row. */
const STATUS_COLUMNS = ['unit_kato', 'status_id', 'deadline', 'on_control'];

/**
 * A lookup by rowid in issues_seq_status costs about eight index entries walked (the 89,929
 * matches of "мектеп" ~110 ms; the rows themselves ~2.5 times that, against the same FTS count).
 */
const NARROW_COST = 8;

/**
 * How a search's total or counts are counted: from the matches, each looked up in
 * issues_seq_status (or the row, when a filter needs more), or through the subtree's entries of
 * issues_unit_status, the matches gathered once as a test, when those are fewer (a district's
 * 40,000 entries against the 89,929 matches of "мектеп" over the oblast).
 */
function countPlan(db: Db, q: IssueQuery, scope: Scope): LogPlan {
  if (q.match === undefined) return EVERY_ROW;
  const narrow = filtersOf(q).every((k) => k === 'match' || FILTER_COLUMNS[k].every((c) => STATUS_COLUMNS.includes(c)));
  const byMatches: LogPlan = narrow ? { filterUnit: scope.held !== scope.all, index: SEQ_STATUS_INDEX, unitAsTest: true, searchAsTest: false } : EVERY_ROW;
  if (scope.held === scope.all) return byMatches;
  const matches = matchCount(db, q.match);
  return scope.held * (narrow ? 1 : ROW_COST) < matches * (narrow ? NARROW_COST : ROW_COST) ? { ...EVERY_ROW, searchAsTest: true } : byMatches;
}

/** How the counts of a query are counted when the counters cannot give them; exported for the query-plan tests. */
export function planCounts(db: Db, q: IssueQuery): LogPlan {
  return countPlan(db, q, scopeOf(db, q.unitKato));
}

/** A window's total, and how its rows are fetched; exported for the query-plan tests. */
export function planWindow(db: Db, q: IssueQuery, sort: IssueSort, end: number): { total: number; plan: LogPlan } {
  const scope = scopeOf(db, q.unitKato);
  let total = quickTotal(db, q, scope);
  if (total === null) {
    const count = issueQuerySql(q, { kind: 'total' }, countPlan(db, q, scope));
    total = (db.prepare(count.sql).get(count.params) as { n: number }).n;
  }
  return { total, plan: planOf(q, sort, scope, total, end) };
}

/** One window of the log, sorted; ties broken by registration order so windows never overlap. */
export function listIssuePage(db: Db, q: IssueQuery, sort: IssueSort, offset: number, limit: number): { rows: LoadedIssue[]; total: number } {
  const { total, plan } = planWindow(db, q, sort, offset + limit);
  if (offset >= total) return { rows: [], total };
  const page = issueQuerySql(q, { kind: 'page', sort }, plan);
  const seqs = (db.prepare(page.sql).all({ ...page.params, limit, offset }) as Array<{ seq: number }>).map((r) => r.seq);
  return { rows: issuesBySeq(db, seqs), total };
}

/**
 * Overdue depends on today, so the counters cannot hold it: counted from issues_unit_status, a
 * range of each open status's deadlines in each unit. One count per status, not a GROUP BY:
 * that sorted its 89,518 entries first (a third of the time over the oblast).
 */
export const overdueByStatusSql = `SELECT s.id AS status_id,
    (SELECT count(*) FROM issues i WHERE i.unit_kato IN ${unitsUnder('@unit')} AND i.status_id = s.id AND i.deadline < @today) AS n
  FROM issue_statuses s WHERE s.closed = 0`;

/**
 * Open issues under a unit whose deadline falls from `from` to `to` (inclusive): the bell's
 * overdue ('' to yesterday) and due soon (today to today + N). Read as overdueByStatusSql is, a
 * range of issues_unit_status per unit and open status, never the rows.
 */
export const openByDeadlineSql = `SELECT coalesce(sum(
    (SELECT count(*) FROM issues i WHERE i.unit_kato IN ${unitsUnder('@unit')} AND i.status_id = s.id AND i.deadline BETWEEN @from AND @to)
  ), 0) AS n
  FROM issue_statuses s WHERE s.closed = 0`;

export function countOpenByDeadline(db: Db, unitKato: string, from: IsoDate, to: IsoDate): number {
  return (prepared(db, openByDeadlineSql).get({ unit: unitKato, from, to }) as { n: number }).n;
}

/** Per status: how many, how many on control, how many overdue (an open status, a deadline before today). */
export function countIssuesByStatus(db: Db, q: IssueQuery): Array<{ statusId: string; n: number; onControl: number; overdue: number }> {
  if (filtersOf(q).length === 0) {
    const overdue = new Map((prepared(db, overdueByStatusSql).all({ unit: q.unitKato, today: q.today }) as Array<{ status_id: string; n: number }>).map((r) => [r.status_id, r.n]));
    return statusCountsUnder(db, q.unitKato)
      .filter((c) => c.n > 0)
      .map((c) => ({ ...c, overdue: overdue.get(c.statusId) ?? 0 }));
  }
  const open = new Set(listStatuses(db).filter((s) => !s.closed).map((s) => s.id));
  const counts = issueQuerySql(q, { kind: 'counts' }, planCounts(db, q));
  return (db.prepare(counts.sql).all(counts.params) as Array<{ status_id: string; n: number; on_control: number; late: number }>).map((r) => ({
    statusId: r.status_id,
    n: r.n,
    onControl: r.on_control,
    overdue: open.has(r.status_id) ? r.late : 0,
  }));
}

/** Open issues of one unit raised before a date, oldest first. */
export function openIssuesBefore(db: Db, unitKato: string, before: IsoDate): LoadedIssue[] {
  const seqs = (
    prepared(
      db,
      `SELECT i.seq FROM issues i WHERE i.unit_kato = ? AND i.raised_on < ? AND i.status_id IN ${OPEN_STATUSES} ORDER BY i.raised_on, i.registry_no`,
    ).all(unitKato, before) as Array<{ seq: number }>
  ).map((r) => r.seq);
  return issuesBySeq(db, seqs);
}
