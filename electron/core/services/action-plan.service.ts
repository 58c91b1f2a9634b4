import { randomUUID } from 'node:crypto';
import type { CoreContext } from '../context';
import type { ActionPlan, ActionPlanLine, ActionPlanRow, PlanRowFields, PlanScope } from '../../../shared/contract/action-plan.contract';
import type { Meeting, UnitSummary } from '../../../shared/contract/types';
import type { Language } from '../../../shared/contract/schemas';
import type { IsoDate } from '../../../shared/domain/dates';
import type { Outcome } from '../../../shared/domain/issues/issue';
import { markOfIssue, matchingDecision } from '../../../shared/domain/issues/plan';
import { EsepError } from '../../../shared/errors';
import { appendAudit } from '../db/repos/audit.repo';
import { getMeeting } from '../db/repos/meetings.repo';
import { getSetting } from '../db/repos/settings.repo';
import {
  countIssuesWithoutRow,
  getPlanLine,
  getPlanRow,
  issuesWithoutRow,
  listPlanLines,
  markPlanRowDeleted,
  nextOrdinal,
  ownRowsOfIssue,
  planIssue,
  writePlanRow,
  type FillSource,
} from '../db/repos/action-plan.repo';
import { requireWorkingReportingUnit } from './units.service';
import { requireOwn } from './ownership';
import { positionIn } from '../../../shared/domain/people/positions';

const ENTITY = 'action_plan_row';

/** What a plan covers, checked: the unit it is headed by and, for a meeting's plan, the meeting. */
export interface ResolvedScope {
  scope: PlanScope;
  unit: UnitSummary;
  meeting: Meeting | null;
}

/** A meeting of the working set, or a working-set unit over a period that does not run backwards. */
export function resolveScope(ctx: CoreContext, scope: PlanScope): ResolvedScope {
  if ('meetingId' in scope) {
    const meeting = getMeeting(ctx.db, scope.meetingId);
    if (!meeting) throw new EsepError('not_found', { id: scope.meetingId });
    return { scope, unit: requireWorkingReportingUnit(ctx, meeting.unitKato), meeting };
  }
  if (scope.from > scope.to) throw new EsepError('range_invalid', { from: scope.from, to: scope.to });
  return { scope, unit: requireWorkingReportingUnit(ctx, scope.unitKato), meeting: null };
}

function plan(ctx: CoreContext, scope: PlanScope): ActionPlan {
  return { lines: listPlanLines(ctx.db, scope), issuesWithoutRow: countIssuesWithoutRow(ctx.db, scope) };
}

export function listPlan(ctx: CoreContext, input: { scope: PlanScope }): ActionPlan {
  resolveScope(ctx, input.scope);
  return plan(ctx, input.scope);
}

/** "Отдел ЖКХ, Иванов И.И. (начальник)": the responsible body and person named on the issue. */
function executorOf(source: FillSource, language: Language): string {
  const body = (language === 'ru' ? source.bodyNameRu : source.bodyNameKk)?.trim() ?? '';
  const person = source.personName?.trim() ?? '';
  const position = positionIn({ positionKk: source.personPositionKk ?? '', positionRu: source.personPositionRu ?? '' }, language);
  const who = person && position ? `${person} (${position})` : person;
  return [body, who].filter((s) => s !== '').join(', ');
}

function newRow(ctx: CoreContext, issueId: string, ordinal: number, fields: PlanRowFields): ActionPlanRow {
  return { id: randomUUID(), origin: ctx.installationId, revision: 1, issueId, ordinal, ...fields };
}

const EMPTY_FIELDS: PlanRowFields = {
  measure: '',
  completionForm: '',
  executor: '',
  deadline: null,
  fundingSource: '',
  fundingAmount: '',
  mark: 'not_started',
  markNote: '',
  markDate: null,
};

/**
 * A first row for every issue in scope that has none: the measure is the answer given on the
 * issue, else the decision of the minutes item it was raised under; the executor is the
 * responsible body and person (named in the installation's language), else the decision's
 * responsible; the deadline is the issue's, else the decision's. Running it again adds rows
 * only for issues that have none (registered since, or whose every row was removed). The mark
 * starts as the issue's status implies (an issue already closed is not "not started", and is
 * dated the day it closed).
 */
export function fillPlan(ctx: CoreContext, input: { scope: PlanScope }): ActionPlan {
  return ctx.db.transaction(() => {
    resolveScope(ctx, input.scope);
    const language: Language = getSetting(ctx.db, 'language') === 'ru' ? 'ru' : 'kk';
    const now = ctx.clock.now().getTime();
    for (const source of issuesWithoutRow(ctx.db, input.scope)) {
      const decision = matchingDecision(source.text, source.decisions);
      // Not always 1: a removed row keeps its number.
      const row = newRow(ctx, source.issueId, nextOrdinal(ctx.db, ctx.installationId, source.issueId), {
        ...EMPTY_FIELDS,
        measure: source.answer.trim() || decision?.text.trim() || '',
        executor: executorOf(source, language) || decision?.responsible.trim() || '',
        deadline: source.deadline ?? decision?.deadline ?? null,
        mark: markOfIssue(source),
        markDate: source.closedOn,
      });
      writePlanRow(ctx.db, row, now);
      appendAudit(ctx, { action: 'insert', entity: ENTITY, entityId: row.id, after: { ...row, filled: true } });
    }
    return plan(ctx, input.scope);
  })();
}

function requireIssue(ctx: CoreContext, issueId: string) {
  const issue = planIssue(ctx.db, issueId);
  if (!issue) throw new EsepError('not_found', { id: issueId });
  requireWorkingReportingUnit(ctx, issue.unitKato);
  return issue;
}

/**
 * A row of the working set this installation wrote, at the revision the caller saw. Rows are
 * their writer's even on a received issue (a district plans measures for an okrug's issue).
 */
function requireRow(ctx: CoreContext, id: string, revision: number): ActionPlanRow {
  const row = getPlanRow(ctx.db, id);
  if (!row) throw new EsepError('not_found', { id });
  requireIssue(ctx, row.issueId);
  requireOwn(ctx, row);
  if (row.revision !== revision) throw new EsepError('conflict', { revision: row.revision });
  return row;
}

const sameFields = (a: PlanRowFields, b: PlanRowFields) => (Object.keys(EMPTY_FIELDS) as Array<keyof PlanRowFields>).every((k) => a[k] === b[k]);

/**
 * Without an id: a new row (measure) for the issue, numbered after its last one. With an id and
 * the revision last read: the row's new fields; a save that changes nothing writes nothing.
 */
export function saveRow(
  ctx: CoreContext,
  input: { id?: string | undefined; revision?: number | undefined; issueId: string; fields: PlanRowFields },
): ActionPlanLine {
  return ctx.db.transaction(() => {
    const now = ctx.clock.now().getTime();
    if (input.id === undefined) {
      if (input.revision !== undefined) throw new EsepError('validation', { fields: ['id'] });
      requireIssue(ctx, input.issueId);
      const row = newRow(ctx, input.issueId, nextOrdinal(ctx.db, ctx.installationId, input.issueId), input.fields);
      writePlanRow(ctx.db, row, now);
      appendAudit(ctx, { action: 'insert', entity: ENTITY, entityId: row.id, after: row });
      return getPlanLine(ctx.db, row.id)!;
    }
    if (input.revision === undefined) throw new EsepError('validation', { fields: ['revision'] });
    const before = requireRow(ctx, input.id, input.revision);
    if (before.issueId !== input.issueId) throw new EsepError('validation', { fields: ['issueId'] });
    if (!sameFields(before, input.fields)) {
      const after: ActionPlanRow = { ...before, ...input.fields, revision: before.revision + 1 };
      writePlanRow(ctx.db, after, now);
      appendAudit(ctx, { action: 'update', entity: ENTITY, entityId: after.id, before, after });
    }
    return getPlanLine(ctx.db, input.id)!;
  })();
}

export function removeRow(ctx: CoreContext, input: { id: string; revision: number }): { id: string } {
  return ctx.db.transaction(() => {
    const before = requireRow(ctx, input.id, input.revision);
    markPlanRowDeleted(ctx.db, before.id, ctx.clock.now().getTime());
    appendAudit(ctx, { action: 'delete', entity: ENTITY, entityId: before.id, before });
    return { id: before.id };
  })();
}

type IssueState = { statusId: string; outcome: Outcome | null };

/**
 * The plan follows the log: when an issue's status changes, each of this installation's rows
 * of it whose mark still agrees with the status before takes the mark of the status after (a
 * closing mark dated the day of the change). A row whose mark the user set otherwise keeps it.
 * Stored rather than derived on read so the plan, its export and the exchange package all
 * carry the same mark, and a mark the user chose is never overridden without a column to say
 * it was chosen. Runs inside the caller's transaction.
 */
export function followIssueStatus(ctx: CoreContext, issueId: string, before: IssueState, after: IssueState, onDate: IsoDate): void {
  const from = markOfIssue(before);
  const to = markOfIssue(after);
  if (from === to) return;
  const closing = to === 'done' || to === 'not_done';
  const now = ctx.clock.now().getTime();
  for (const row of ownRowsOfIssue(ctx.db, ctx.installationId, issueId)) {
    if (row.mark !== from) continue;
    const next: ActionPlanRow = { ...row, mark: to, markDate: closing ? onDate : from === 'done' || from === 'not_done' ? null : row.markDate, revision: row.revision + 1 };
    writePlanRow(ctx.db, next, now);
    appendAudit(ctx, { action: 'update', entity: ENTITY, entityId: row.id, before: { mark: row.mark, markDate: row.markDate }, after: { revision: next.revision, mark: next.mark, markDate: next.markDate, followed: issueId } });
  }
}
