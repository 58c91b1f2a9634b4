import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { CoreContext } from '../context';
import type { Meeting } from '../../../shared/contract/types';
import type { Minutes } from '../../../shared/contract/minutes.contract';
import { blankIssueFields } from '../../../shared/contract/issue-defaults';
import type {
  issuesContract,
  Issue,
  IssueAuthor,
  IssueCounts,
  IssueFields,
  IssueFilter,
  IssueHistoryEntry,
  IssuePage,
  IssueRow,
} from '../../../shared/contract/issues.contract';
import type { IsoDate } from '../../../shared/domain/dates';
import { AUTO_STATUS, type Outcome } from '../../../shared/domain/issues/issue';
import { isHeldStatus } from '../../../shared/domain/meetings/meeting';
import { EsepError, invalidFields, type FieldReason } from '../../../shared/errors';
import { appendAudit } from '../db/repos/audit.repo';
import { getMeeting } from '../db/repos/meetings.repo';
import { getMinutesOfMeeting } from '../db/repos/minutes.repo';
import { isInSubtree } from '../db/repos/units.repo';
import { getBody, getCategory, getPerson, getStatus, listStatuses } from '../db/repos/issue-reference.repo';
import {
  addHistory,
  addProlongation,
  countIssuesByStatus,
  getAuthor,
  getIssue as loadIssue,
  hasAuthor,
  insertIssue,
  issueUnit,
  listHistory,
  listIssuePage,
  listProlongations,
  nextMeetingNo,
  nextRegistryNo,
  openIssuesBefore,
  putAuthor,
  registeredSpeeches,
  toIssueRow,
  updateIssue as writeIssue,
  type IssueQuery,
  type LoadedIssue,
  type StoredIssue,
} from '../db/repos/issues.repo';
import { matchExpression, reindexIssues, searchDocument, type SearchEntry, searchNotes, stemSuggestion, writeSearchRows } from './issue-search';
import { requireWorkingReportingUnit } from './units.service';
import { requireWorkingRoot } from './settings.service';
import { requireOwn } from './ownership';
import { followIssueStatus } from './action-plan.service';

type In<K extends keyof typeof issuesContract> = z.output<(typeof issuesContract)[K]['input']>;

const FIELD_KEYS = [
  'kind',
  'receivedVia',
  'collective',
  'text',
  'categoryId',
  'localityKato',
  'answeredOnSpot',
  'answer',
  'bodyId',
  'personId',
  'deadline',
  'onControl',
  'controller',
  'eotinishNo',
  'repeatsId',
] as const satisfies ReadonlyArray<keyof IssueFields>;

/** Changing these changes what the search index holds. */
const INDEXED_KEYS: ReadonlySet<string> = new Set(['text', 'answer', 'eotinishNo']);

function fieldsOf(i: StoredIssue): IssueFields {
  return Object.fromEntries(FIELD_KEYS.map((k) => [k, i[k]])) as IssueFields;
}

/**
 * An issue of the working set (its unit still in it), or not_found. A bulk change passes the
 * units it has checked already, so a selection of thousands checks each unit once.
 */
function requireIssue(ctx: CoreContext, id: string, checkedUnits?: Set<string>): LoadedIssue {
  const issue = loadIssue(ctx.db, id);
  if (!issue) throw new EsepError('not_found', { id });
  if (!checkedUnits?.has(issue.unitKato)) {
    requireWorkingReportingUnit(ctx, issue.unitKato);
    checkedUnits?.add(issue.unitKato);
  }
  return issue;
}

/** An issue of the working set that this installation may change: its own (see requireOwn). */
function requireOwnIssue(ctx: CoreContext, id: string, checkedUnits?: Set<string>): LoadedIssue {
  const issue = requireIssue(ctx, id, checkedUnits);
  requireOwn(ctx, issue);
  return issue;
}

function requireRevision(issue: LoadedIssue, revision: number): void {
  if (issue.revision !== revision) throw new EsepError('conflict', { id: issue.id, revision: issue.revision });
}

/** The full card: the row, its history, its prolongations, and whether an author is on file. */
function toIssue(ctx: CoreContext, i: LoadedIssue): Issue {
  return {
    ...toIssueRow(i, ctx.clock.today()),
    speechId: i.speechId,
    receivedVia: i.receivedVia,
    collective: i.collective,
    answeredOnSpot: i.answeredOnSpot,
    answer: i.answer,
    controller: i.controller,
    repeatsId: i.repeatsId,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
    history: listHistory(ctx.db, i.id),
    prolongationList: listProlongations(ctx.db, i.id),
    hasAuthor: hasAuthor(ctx.db, i.id),
  };
}

/**
 * References must exist; one newly chosen must not be archived (one already on the issue may
 * stay). The locality lies in the unit; the person works in the body; a deadline does not come
 * before the issue; an answer on the spot has its text.
 */
function validateFields(ctx: CoreContext, unitKato: string, raisedOn: IsoDate, f: IssueFields, before: IssueFields | null, selfId: string | null): void {
  const bad: Record<string, FieldReason> = {};
  const chosen = (key: keyof IssueFields) => before === null || before[key] !== f[key];
  if (f.categoryId !== null) {
    const category = getCategory(ctx.db, f.categoryId);
    if (!category || (category.archived && chosen('categoryId'))) bad['fields.categoryId'] = 'unavailable';
  }
  if (f.localityKato !== null && chosen('localityKato') && !isInSubtree(ctx.db, unitKato, f.localityKato)) bad['fields.localityKato'] = 'outside_unit';
  if (f.bodyId !== null) {
    const body = getBody(ctx.db, f.bodyId);
    if (!body || (body.archived && chosen('bodyId'))) bad['fields.bodyId'] = 'unavailable';
  }
  if (f.personId !== null) {
    const person = getPerson(ctx.db, f.personId);
    if (!person || person.bodyId !== f.bodyId || (person.archived && chosen('personId'))) bad['fields.personId'] = 'unavailable';
  }
  if (f.repeatsId !== null && chosen('repeatsId')) {
    const unit = f.repeatsId === selfId ? null : issueUnit(ctx.db, f.repeatsId);
    if (unit === null || !isInSubtree(ctx.db, requireWorkingRoot(ctx), unit)) bad['fields.repeatsId'] = 'unavailable';
  }
  if (f.deadline !== null && f.deadline < raisedOn) bad['fields.deadline'] = 'deadline_before_raised';
  if (f.answeredOnSpot && f.answer === '') bad['fields.answer'] = 'required';
  if (Object.keys(bad).length > 0) throw invalidFields(bad);
}

function historyEntry(ctx: CoreContext, e: Omit<IssueHistoryEntry, 'id' | 'at' | 'actor'>): IssueHistoryEntry {
  return { id: randomUUID(), at: ctx.clock.now().getTime(), actor: ctx.actor, ...e };
}

function nonEmptyAuthor(author: IssueAuthor | null): IssueAuthor | null {
  if (!author) return null;
  return author.fullName === '' && author.phone === '' && author.address === '' ? null : author;
}

interface Registration {
  unitKato: string;
  meeting: Meeting | null;
  speechId: string | null;
  raisedOn: IsoDate;
  fields: IssueFields;
  author: IssueAuthor | null;
}

/** What registering an issue stores: its row at revision 1, the history's first entry, its author (or none). */
function registration(ctx: CoreContext, r: Registration, registryNo: number): { stored: Omit<StoredIssue, 'seq'>; first: IssueHistoryEntry; author: IssueAuthor | null } {
  const { fields } = r;
  const now = ctx.clock.now().getTime();
  const statusId = fields.answeredOnSpot ? AUTO_STATUS.answeredOnSpot : fields.bodyId !== null ? AUTO_STATUS.assigned : AUTO_STATUS.registered;
  const outcome: Outcome | null = fields.answeredOnSpot ? 'explained' : null;
  const stored: Omit<StoredIssue, 'seq'> = {
    id: randomUUID(),
    origin: ctx.installationId,
    revision: 1,
    unitKato: r.unitKato,
    registryNo,
    meetingId: r.meeting?.id ?? null,
    meetingNo: r.meeting ? nextMeetingNo(ctx.db, r.meeting.id) : null,
    speechId: r.speechId,
    raisedOn: r.raisedOn,
    ...fields,
    statusId,
    outcome,
    closedOn: outcome ? r.raisedOn : null,
    createdAt: now,
    updatedAt: now,
  };
  const first = historyEntry(ctx, { onDate: r.raisedOn, statusId, outcome, comment: '', documentRef: '' });
  return { stored, first, author: nonEmptyAuthor(r.author) };
}

/** A registration's rows beside the issue's own: the first history entry, the author, the audit entry (which never holds the author). */
function writeRegistration(ctx: CoreContext, reg: ReturnType<typeof registration>): void {
  addHistory(ctx.db, reg.stored.id, reg.first);
  if (reg.author) putAuthor(ctx.db, reg.stored.id, reg.author);
  appendAudit(ctx, { action: 'insert', entity: 'issue', entityId: reg.stored.id, after: { ...reg.stored, hasAuthor: reg.author !== null } });
}

/**
 * Registers one issue (inside the caller's transaction): numbers it in the unit's registry and
 * in its meeting, gives it its first status — explained when answered on the spot, in progress
 * when a body is assigned, registered otherwise — with the history's first entry, the search
 * entry, the author apart, and the audit entry.
 */
function register(ctx: CoreContext, r: Registration): LoadedIssue {
  const reg = registration(ctx, r, nextRegistryNo(ctx.db, ctx.installationId, r.unitKato));
  const seq = insertIssue(ctx.db, reg.stored);
  writeRegistration(ctx, reg);
  writeSearchRows(ctx.db, [{ seq, document: searchDocument({ text: reg.stored.text, answer: reg.stored.answer, eotinishNo: reg.stored.eotinishNo, notes: [] }) }], true);
  return loadIssue(ctx.db, reg.stored.id)!;
}

/** One issue of a bulk registration (the legacy import). */
export interface BulkIssue {
  raisedOn: IsoDate;
  fields: IssueFields;
  author: IssueAuthor | null;
  /** The status it is then given, dated the day it was raised (null: the one registration gave it). */
  statusId: string | null;
  /** The status change's comment. */
  note: string;
}

/**
 * Issues of one unit registered and each given its status: for each, the rows, history, author,
 * audit and search entry that createIssue followed by setIssueStatus write, after the same
 * checks, but in the caller's transaction and without their savepoints and re-reads. A savepoint
 * flushes FTS5's pending entries into a segment of their own, so a 13,000-row import made
 * 26,000 segments, and each issue was read back three times. Returns each one's id, seq and registry number.
 */
export function registerIssues(
  ctx: CoreContext,
  unitKato: string,
  issues: readonly BulkIssue[],
  /** Where the search entries go when the caller writes them later (an import in slices); else written here. */
  deferredSearch?: Array<SearchEntry>,
): Array<{ id: string; seq: number; registryNo: number }> {
  const unit = requireWorkingReportingUnit(ctx, unitKato);
  const today = ctx.clock.today();
  let registryNo = nextRegistryNo(ctx.db, ctx.installationId, unit.kato);
  const search = deferredSearch ?? [];
  const numbers = issues.map((issue) => {
    if (issue.raisedOn > today) throw invalidFields({ raisedOn: 'date_in_future' });
    validateFields(ctx, unit.kato, issue.raisedOn, issue.fields, null, null);
    const reg = registration(ctx, { unitKato: unit.kato, meeting: null, speechId: null, raisedOn: issue.raisedOn, fields: issue.fields, author: issue.author }, registryNo++);
    const change: StatusChange = { statusId: issue.statusId ?? reg.stored.statusId, onDate: issue.raisedOn, comment: issue.note, documentRef: '', outcome: null };
    const { after, entry } = changedStatus(ctx, reg.stored, change, checkedStatus(ctx, change));
    // The row as the status change leaves it, written once; the audit shows both steps.
    const seq = insertIssue(ctx.db, after);
    writeRegistration(ctx, reg);
    addHistory(ctx.db, after.id, entry);
    appendAudit(ctx, statusAudit(reg.stored, after, change));
    search.push({ seq, document: searchDocument({ text: after.text, answer: after.answer, eotinishNo: after.eotinishNo, notes: searchNotes([reg.first, entry]) }) });
    return { id: after.id, seq, registryNo: reg.stored.registryNo };
  });
  // After all the row writes (see writeSearchRows).
  if (!deferredSearch) writeSearchRows(ctx.db, search, true);
  return numbers;
}

export function createIssue(ctx: CoreContext, input: In<'issues:create'>): Issue {
  return ctx.db.transaction(() => {
    const unit = requireWorkingReportingUnit(ctx, input.unitKato);
    let meeting: Meeting | null = null;
    if (input.meetingId !== null) {
      meeting = getMeeting(ctx.db, input.meetingId);
      if (!meeting) throw new EsepError('not_found', { id: input.meetingId });
      requireWorkingReportingUnit(ctx, meeting.unitKato);
      // Only the meeting's origin numbers issues within it (UNIQUE(meeting_id, meeting_no)).
      requireOwn(ctx, meeting);
      if (!isHeldStatus(meeting.status)) throw new EsepError('issue_meeting_not_held', { status: meeting.status });
      if (meeting.unitKato !== unit.kato) throw new EsepError('validation', { fields: ['unitKato'] });
    }
    if (input.raisedOn > ctx.clock.today()) throw invalidFields({ raisedOn: 'date_in_future' });
    validateFields(ctx, unit.kato, input.raisedOn, input.fields, null, null);
    return toIssue(ctx, register(ctx, { unitKato: unit.kato, meeting, speechId: null, raisedOn: input.raisedOn, fields: input.fields, author: input.author }));
  })();
}

export function updateIssue(ctx: CoreContext, input: In<'issues:update'>): Issue {
  return ctx.db.transaction(() => {
    const before = requireOwnIssue(ctx, input.id);
    requireRevision(before, input.revision);
    const previous = fieldsOf(before);
    const given = Object.fromEntries(Object.entries(input.fields).filter(([, v]) => v !== undefined)) as Partial<IssueFields>;
    const fields: IssueFields = { ...previous, ...given };
    const changed = FIELD_KEYS.filter((k) => fields[k] !== previous[k]);
    if (changed.length === 0) return toIssue(ctx, before);
    // A deadline once set moves only by a prolongation, which keeps the count and the reason.
    if (before.deadline !== null && fields.deadline !== before.deadline) throw new EsepError('deadline_use_prolong', { deadline: before.deadline });
    validateFields(ctx, before.unitKato, before.raisedOn, fields, previous, before.id);

    const now = ctx.clock.now().getTime();
    const assigned = before.statusId === AUTO_STATUS.registered && fields.bodyId !== null && changed.includes('bodyId');
    const after: StoredIssue = { ...before, ...fields, statusId: assigned ? AUTO_STATUS.assigned : before.statusId, revision: before.revision + 1, updatedAt: now };
    writeIssue(ctx.db, before, after);
    if (assigned) {
      addHistory(ctx.db, after.id, historyEntry(ctx, { onDate: ctx.clock.today(), statusId: after.statusId, outcome: null, comment: '', documentRef: '' }));
      followIssueStatus(ctx, after.id, before, after, ctx.clock.today());
    }
    if (changed.some((k) => INDEXED_KEYS.has(k))) reindexIssues(ctx.db, [after.id]);
    const pick = (i: StoredIssue) => Object.fromEntries([...changed, ...(assigned ? (['statusId'] as const) : [])].map((k) => [k, i[k]]));
    appendAudit(ctx, { action: 'update', entity: 'issue', entityId: after.id, before: pick(before), after: { revision: after.revision, ...pick(after) } });
    return toIssue(ctx, loadIssue(ctx.db, after.id)!);
  })();
}

/**
 * One status change for a selection, all or nothing: every issue must exist and be at the
 * revision the caller saw. Closing records the outcome (the status's own unless another is
 * given) and the date; reopening clears both. Each issue gets its history entry, and its
 * search entry when the change carries a comment or a document reference.
 */
export function setIssueStatus(ctx: CoreContext, input: In<'issues:setStatus'>): Issue[] {
  return ctx.db.transaction(() => {
    const { change } = input;
    const checked = checkedStatus(ctx, change);
    if (new Set(input.items.map((i) => i.id)).size !== input.items.length) throw new EsepError('validation', { fields: ['items'] });

    const noted = change.comment !== '' || change.documentRef !== '';
    const checkedUnits = new Set<string>();
    const ids = input.items.map((item) => {
      // A received issue anywhere in the selection refuses the whole change (the transaction).
      const before = requireOwnIssue(ctx, item.id, checkedUnits);
      requireRevision(before, item.revision);
      const { after, entry } = changedStatus(ctx, before, change, checked);
      writeIssue(ctx.db, before, after);
      addHistory(ctx.db, after.id, entry);
      appendAudit(ctx, statusAudit(before, after, change));
      followIssueStatus(ctx, after.id, before, after, change.onDate);
      return after.id;
    });
    // After all the row writes (see writeSearchRows).
    if (noted) reindexIssues(ctx.db, ids);
    return ids.map((id) => toIssue(ctx, loadIssue(ctx.db, id)!));
  })();
}

type StatusChange = In<'issues:setStatus'>['change'];

/** The status a change sets and the outcome it records, or why the change is refused. */
function checkedStatus(ctx: CoreContext, change: StatusChange): { statusId: string; closed: boolean; outcome: Outcome | null } {
  const status = getStatus(ctx.db, change.statusId);
  if (!status || status.archived) throw invalidFields({ 'change.statusId': 'unavailable' });
  if (change.onDate > ctx.clock.today()) throw invalidFields({ 'change.onDate': 'date_in_future' });
  if (!status.closed && change.outcome !== null) throw new EsepError('validation', { fields: ['change.outcome'] });
  const outcome = status.closed ? (change.outcome ?? status.outcome) : null;
  if (status.closed && outcome === null) throw new EsepError('outcome_required');
  return { statusId: status.id, closed: status.closed, outcome };
}

/** An issue after a status change (closing records the outcome and the date; reopening clears both), with its history entry. */
function changedStatus<T extends Omit<StoredIssue, 'seq'>>(
  ctx: CoreContext,
  before: T,
  change: StatusChange,
  status: ReturnType<typeof checkedStatus>,
): { after: T; entry: IssueHistoryEntry } {
  if (change.onDate < before.raisedOn) throw invalidFields({ 'change.onDate': 'date_before_raised' });
  const after: T = {
    ...before,
    statusId: status.statusId,
    outcome: status.outcome,
    closedOn: status.closed ? change.onDate : null,
    revision: before.revision + 1,
    updatedAt: ctx.clock.now().getTime(),
  };
  const entry = historyEntry(ctx, { onDate: change.onDate, statusId: status.statusId, outcome: status.outcome, comment: change.comment, documentRef: change.documentRef });
  return { after, entry };
}

function statusAudit(before: Omit<StoredIssue, 'seq'>, after: Omit<StoredIssue, 'seq'>, change: StatusChange): Parameters<typeof appendAudit>[1] {
  return {
    action: 'update',
    entity: 'issue',
    entityId: after.id,
    before: { statusId: before.statusId, outcome: before.outcome, closedOn: before.closedOn },
    after: { revision: after.revision, statusId: after.statusId, outcome: after.outcome, closedOn: after.closedOn, comment: change.comment, documentRef: change.documentRef },
  };
}

/** A new deadline, later than the current one (any, when there is none), with its reason. */
export function prolongIssue(ctx: CoreContext, input: In<'issues:prolong'>): Issue {
  return ctx.db.transaction(() => {
    const before = requireOwnIssue(ctx, input.id);
    requireRevision(before, input.revision);
    if (before.closed) throw new EsepError('issue_closed', { id: before.id });
    if (before.deadline !== null && input.newDeadline <= before.deadline) {
      throw new EsepError('deadline_not_later', { deadline: before.deadline, newDeadline: input.newDeadline });
    }
    if (input.newDeadline < before.raisedOn) throw invalidFields({ newDeadline: 'deadline_before_raised' });
    const now = ctx.clock.now().getTime();
    const prolongation = { id: randomUUID(), at: now, actor: ctx.actor, previousDeadline: before.deadline, newDeadline: input.newDeadline, reason: input.reason };
    addProlongation(ctx.db, before.id, prolongation);
    writeIssue(ctx.db, before, { ...before, deadline: input.newDeadline, revision: before.revision + 1, updatedAt: now });
    appendAudit(ctx, {
      action: 'update',
      entity: 'issue',
      entityId: before.id,
      before: { deadline: before.deadline },
      after: { revision: before.revision + 1, deadline: input.newDeadline, prolongation: prolongation.id, reason: input.reason },
    });
    return toIssue(ctx, loadIssue(ctx.db, before.id)!);
  })();
}

/**
 * The questions a meeting's minutes captured (speeches with a kind) that are not in the log
 * yet become issues: spoken at the meeting, on the minutes' date, the speaker's village as
 * the locality and the speaker's name as the author (personal data, kept apart). Runs in the
 * caller's transaction; finalising the minutes calls it too, so none is missed. A speech with
 * neither issue text nor gist has nothing to register.
 */
export function registerFromMinutes(ctx: CoreContext, meeting: Meeting, minutes: Pick<Minutes, 'date' | 'items'>): LoadedIssue[] {
  const speeches = minutes.items.flatMap((item) => item.speeches).filter((s) => s.issueKind !== null);
  const done = registeredSpeeches(ctx.db, speeches.map((s) => s.id));
  const today = ctx.clock.today();
  const day = minutes.date ?? meeting.heldOn ?? today;
  const raisedOn = day > today ? today : day;
  const registered: LoadedIssue[] = [];
  for (const s of speeches) {
    const text = (s.issueText.trim() || s.gist.trim()).slice(0, 10_000);
    if (done.has(s.id) || text === '' || s.issueKind === null) continue;
    const localityKato = s.localityKato !== null && isInSubtree(ctx.db, meeting.unitKato, s.localityKato) ? s.localityKato : null;
    const fields: IssueFields = { ...blankIssueFields(text, s.issueKind), localityKato };
    const speaker = s.speaker.trim().slice(0, 300);
    registered.push(register(ctx, { unitKato: meeting.unitKato, meeting, speechId: s.id, raisedOn, fields, author: { fullName: speaker, phone: '', address: '' } }));
  }
  return registered;
}

export function issuesFromMinutes(ctx: CoreContext, input: In<'issues:fromMinutes'>): Issue[] {
  return ctx.db.transaction(() => {
    const meeting = getMeeting(ctx.db, input.meetingId);
    if (!meeting) throw new EsepError('not_found', { id: input.meetingId });
    requireWorkingReportingUnit(ctx, meeting.unitKato);
    requireOwn(ctx, meeting);
    if (!isHeldStatus(meeting.status)) throw new EsepError('issue_meeting_not_held', { status: meeting.status });
    const minutes = getMinutesOfMeeting(ctx.db, meeting.id);
    return minutes ? registerFromMinutes(ctx, meeting, minutes).map((i) => toIssue(ctx, i)) : [];
  })();
}

/**
 * For the agenda of a meeting ("report on the issues raised last time"): the open issues of
 * its unit raised before its date, whether at earlier meetings or otherwise.
 */
export function carryOverIssues(ctx: CoreContext, input: In<'issues:carryOver'>): IssueRow[] {
  const meeting = getMeeting(ctx.db, input.meetingId);
  if (!meeting) throw new EsepError('not_found', { id: input.meetingId });
  requireWorkingReportingUnit(ctx, meeting.unitKato);
  const date = meeting.heldOn ?? meeting.plannedOn ?? ctx.clock.today();
  const today = ctx.clock.today();
  return openIssuesBefore(ctx.db, meeting.unitKato, date).map((i) => toIssueRow(i, today));
}

export function getIssue(ctx: CoreContext, input: In<'issues:get'>): Issue {
  return toIssue(ctx, requireIssue(ctx, input.id));
}

/** Personal data: read only through this channel, never with the list or the card. */
export function getIssueAuthor(ctx: CoreContext, input: In<'issues:author'>): IssueAuthor | null {
  requireIssue(ctx, input.id);
  return getAuthor(ctx.db, input.id);
}

/** Sets or removes the author; the audit says that it changed, never what it says. */
export function setIssueAuthor(ctx: CoreContext, input: In<'issues:setAuthor'>): IssueAuthor | null {
  return ctx.db.transaction(() => {
    // The author travels with the issue (docs/exchange.md): only its origin changes it.
    requireOwnIssue(ctx, input.id);
    const had = hasAuthor(ctx.db, input.id);
    const author = nonEmptyAuthor(input.author);
    if (!had && !author) return null;
    putAuthor(ctx.db, input.id, author);
    appendAudit(ctx, { action: 'update', entity: 'issue', entityId: input.id, after: { author: author ? (had ? 'changed' : 'added') : 'removed' } });
    return author;
  })();
}

/* ---------------------------------------------------------------- the log */

/** The contract's filter as the repo runs it: within the working set, the search made safe. */
function resolveFilter(ctx: CoreContext, filter: IssueFilter): IssueQuery {
  const root = requireWorkingRoot(ctx);
  if (filter.unitKato !== undefined) requireWorkingReportingUnit(ctx, filter.unitKato);
  if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to) throw new EsepError('range_invalid', { from: filter.from, to: filter.to });
  const { search, unitKato, ...rest } = filter;
  const match = search === undefined ? null : matchExpression(search);
  return { ...rest, unitKato: unitKato ?? root, ...(match === null ? {} : { match }), today: ctx.clock.today() };
}

export function listIssues(ctx: CoreContext, input: In<'issues:list'>): IssuePage {
  const query = resolveFilter(ctx, input.filter);
  const page = listIssuePage(ctx.db, query, input.sort, input.offset, input.limit);
  const suggestion = page.total === 0 && input.filter.search !== undefined ? suggestedSearch(ctx, query, input) : null;
  return { rows: page.rows.map((i) => toIssueRow(i, query.today)), total: page.total, ...(suggestion === null ? {} : { suggestion }) };
}

/** The stems of a search that found nothing, if they find something under the same filter. */
function suggestedSearch(ctx: CoreContext, query: IssueQuery, input: In<'issues:list'>): string | null {
  const suggestion = stemSuggestion(input.filter.search!);
  const match = suggestion === null ? null : matchExpression(suggestion);
  if (match === null) return null;
  return listIssuePage(ctx.db, { ...query, match }, input.sort, 0, 1).total > 0 ? suggestion : null;
}

/**
 * The counts beside the log: by status, overdue and on control, over the filter without its
 * status part (the statuses, open/closed and overdue), so each count says what choosing that
 * status would show.
 */
export function countIssues(ctx: CoreContext, input: In<'issues:counts'>): IssueCounts {
  const { statusIds: _s, open: _o, overdue: _d, ...filter } = input.filter;
  const query = resolveFilter(ctx, filter);
  const counts: IssueCounts = { total: 0, byStatus: Object.fromEntries(listStatuses(ctx.db).map((s) => [s.id, 0])), overdue: 0, onControl: 0 };
  for (const c of countIssuesByStatus(ctx.db, query)) {
    counts.byStatus[c.statusId] = c.n;
    counts.total += c.n;
    counts.onControl += c.onControl;
    counts.overdue += c.overdue;
  }
  return counts;
}
