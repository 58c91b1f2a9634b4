import type { Db } from '../open';
import { prepared } from '../statements';
import { unitsUnder } from './units.repo';
import type { ActionPlanLine, ActionPlanRow, PlanScope } from '../../../../shared/contract/action-plan.contract';
import type { IssueKind, Outcome, PlanMark } from '../../../../shared/domain/issues/issue';

interface PlanRowRow {
  id: string;
  origin: string;
  revision: number;
  issue_id: string;
  ordinal: number;
  measure: string;
  completion_form: string;
  executor: string;
  deadline: string | null;
  funding_source: string;
  funding_amount: string;
  mark: PlanMark;
  mark_note: string;
  mark_date: string | null;
}

interface LineRow extends PlanRowRow {
  registry_no: number;
  meeting_no: number | null;
  unit_kato: string;
  locality_kato: string | null;
  text: string;
  kind: IssueKind;
  raised_on: string;
  meeting_id: string | null;
}

function toRow(r: PlanRowRow): ActionPlanRow {
  return {
    id: r.id,
    origin: r.origin,
    revision: r.revision,
    issueId: r.issue_id,
    ordinal: r.ordinal,
    measure: r.measure,
    completionForm: r.completion_form,
    executor: r.executor,
    deadline: r.deadline,
    fundingSource: r.funding_source,
    fundingAmount: r.funding_amount,
    mark: r.mark,
    markNote: r.mark_note,
    markDate: r.mark_date,
  };
}

function toLine(r: LineRow): ActionPlanLine {
  return {
    ...toRow(r),
    issue: {
      registryNo: r.registry_no,
      meetingNo: r.meeting_no,
      unitKato: r.unit_kato,
      localityKato: r.locality_kato,
      text: r.text,
      kind: r.kind,
      raisedOn: r.raised_on,
      meetingId: r.meeting_id,
    },
  };
}

/**
 * The issues a plan covers, as a WHERE over `issues i` with its parameters: a meeting's, or
 * those of a unit and everything under it raised within [from, to]. The order is the plan's:
 * by number within the meeting, else unit by unit (a parent's code sorts before its
 * children's) and by registry number.
 */
function scopeSql(scope: PlanScope): { where: string; order: string; params: Record<string, string> } {
  if ('meetingId' in scope) {
    return { where: 'i.meeting_id = @meetingId', order: 'i.meeting_no, i.registry_no', params: { meetingId: scope.meetingId } };
  }
  return {
    where: `i.unit_kato IN ${unitsUnder('@unitKato')} AND i.raised_on BETWEEN @from AND @to`,
    order: 'i.unit_kato, i.registry_no',
    params: { unitKato: scope.unitKato, from: scope.from, to: scope.to },
  };
}

/** The plan's rows for the issues in scope, each with what the plan prints about its issue. */
export function listPlanLines(db: Db, scope: PlanScope): ActionPlanLine[] {
  const s = scopeSql(scope);
  const rows = db
    .prepare(
      `SELECT r.*, i.registry_no, i.meeting_no, i.unit_kato, i.locality_kato, i.text, i.kind, i.raised_on, i.meeting_id
       FROM action_plan_rows r JOIN issues i ON i.id = r.issue_id
       WHERE ${s.where} AND r.deleted_at IS NULL
       ORDER BY ${s.order}, r.ordinal`,
    )
    .all(s.params) as LineRow[];
  return rows.map(toLine);
}

export function countIssuesWithoutRow(db: Db, scope: PlanScope): number {
  const s = scopeSql(scope);
  const row = db
    .prepare(
      `SELECT count(*) AS n FROM issues i
       WHERE ${s.where} AND NOT EXISTS (SELECT 1 FROM action_plan_rows r WHERE r.issue_id = i.id AND r.deleted_at IS NULL)`,
    )
    .get(s.params) as { n: number };
  return row.n;
}

/** What filling the plan starts a row from: the issue, its responsible body and person, and the decisions of the minutes item it was raised under. */
export interface FillSource {
  issueId: string;
  text: string;
  answer: string;
  deadline: string | null;
  bodyNameKk: string | null;
  bodyNameRu: string | null;
  personName: string | null;
  personPositionKk: string | null;
  personPositionRu: string | null;
  statusId: string;
  outcome: Outcome | null;
  closedOn: string | null;
  decisions: Array<{ text: string; responsible: string; deadline: string | null }>;
}

interface FillRow {
  id: string;
  text: string;
  answer: string;
  deadline: string | null;
  speech_id: string | null;
  body_name_kk: string | null;
  body_name_ru: string | null;
  person_name: string | null;
  person_position_kk: string | null;
  person_position_ru: string | null;
  status_id: string;
  outcome: Outcome | null;
  closed_on: string | null;
}

/** The issues in scope that have no plan row yet, in the plan's order. */
export function issuesWithoutRow(db: Db, scope: PlanScope): FillSource[] {
  const s = scopeSql(scope);
  const rows = db
    .prepare(
      `SELECT i.id, i.text, i.answer, i.deadline, i.speech_id, i.status_id, i.outcome, i.closed_on,
              b.name_kk AS body_name_kk, b.name_ru AS body_name_ru, p.full_name AS person_name,
              p.position_kk AS person_position_kk, p.position_ru AS person_position_ru
       FROM issues i
       LEFT JOIN bodies b ON b.id = i.body_id
       LEFT JOIN body_people p ON p.id = i.person_id
       WHERE ${s.where} AND NOT EXISTS (SELECT 1 FROM action_plan_rows r WHERE r.issue_id = i.id AND r.deleted_at IS NULL)
       ORDER BY ${s.order}`,
    )
    .all(s.params) as FillRow[];
  const decisions = prepared(
    db,
    `SELECT d.text, d.responsible, d.deadline FROM minutes_decisions d
     WHERE d.item_id = (SELECT item_id FROM minutes_speeches WHERE id = ?) ORDER BY d.ordinal`,
  );
  return rows.map((r) => ({
    issueId: r.id,
    text: r.text,
    answer: r.answer,
    deadline: r.deadline,
    bodyNameKk: r.body_name_kk,
    bodyNameRu: r.body_name_ru,
    personName: r.person_name,
    personPositionKk: r.person_position_kk,
    personPositionRu: r.person_position_ru,
    statusId: r.status_id,
    outcome: r.outcome,
    closedOn: r.closed_on,
    decisions: r.speech_id ? (decisions.all(r.speech_id) as FillSource['decisions']) : [],
  }));
}

/** The issue a row belongs to, and the unit that owns it (for the working-set check). */
export function planIssue(db: Db, issueId: string): { id: string; unitKato: string } | null {
  const row = prepared(db, 'SELECT id, unit_kato FROM issues WHERE id = ?').get(issueId) as { id: string; unit_kato: string } | undefined;
  return row ? { id: row.id, unitKato: row.unit_kato } : null;
}

/** The live rows one origin wrote for an issue. */
export function ownRowsOfIssue(db: Db, origin: string, issueId: string): ActionPlanRow[] {
  const rows = prepared(db, 'SELECT * FROM action_plan_rows WHERE origin = ? AND issue_id = ? AND deleted_at IS NULL ORDER BY ordinal').all(origin, issueId) as PlanRowRow[];
  return rows.map(toRow);
}

export function getPlanRow(db: Db, id: string): ActionPlanRow | null {
  const row = prepared(db, 'SELECT * FROM action_plan_rows WHERE id = ? AND deleted_at IS NULL').get(id) as PlanRowRow | undefined;
  return row ? toRow(row) : null;
}

export function getPlanLine(db: Db, id: string): ActionPlanLine | null {
  const row = prepared(
    db,
    `SELECT r.*, i.registry_no, i.meeting_no, i.unit_kato, i.locality_kato, i.text, i.kind, i.raised_on, i.meeting_id
     FROM action_plan_rows r JOIN issues i ON i.id = r.issue_id WHERE r.id = ? AND r.deleted_at IS NULL`,
  ).get(id) as LineRow | undefined;
  return row ? toLine(row) : null;
}

/**
 * After this origin's last row of the issue, removed ones included: a tombstone keeps its
 * number, and the numbers are this origin's (migration 70).
 */
export function nextOrdinal(db: Db, origin: string, issueId: string): number {
  return (prepared(db, 'SELECT coalesce(max(ordinal), 0) + 1 AS n FROM action_plan_rows WHERE origin = ? AND issue_id = ?').get(origin, issueId) as { n: number }).n;
}

const COLUMNS = [
  'id',
  'origin',
  'revision',
  'issue_id',
  'ordinal',
  'measure',
  'completion_form',
  'executor',
  'deadline',
  'funding_source',
  'funding_amount',
  'mark',
  'mark_note',
  'mark_date',
  'created_at',
  'updated_at',
] as const;

const SQL = {
  upsert: `INSERT INTO action_plan_rows (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})
    ON CONFLICT (id) DO UPDATE SET ${COLUMNS.filter((c) => !['id', 'origin', 'issue_id', 'created_at'].includes(c))
      .map((c) => `${c} = excluded.${c}`)
      .join(', ')}`,
  remove: 'UPDATE action_plan_rows SET deleted_at = @now, updated_at = @now, revision = revision + 1 WHERE id = @id',
};

/** Inserts or replaces a row (the caller sets the revision); `now` is the update time (and the creation time of a new row). */
export function writePlanRow(db: Db, r: ActionPlanRow, now: number): void {
  prepared(db, SQL.upsert).run({
    id: r.id,
    origin: r.origin,
    revision: r.revision,
    issue_id: r.issueId,
    ordinal: r.ordinal,
    measure: r.measure,
    completion_form: r.completionForm,
    executor: r.executor,
    deadline: r.deadline,
    funding_source: r.fundingSource,
    funding_amount: r.fundingAmount,
    mark: r.mark,
    mark_note: r.markNote,
    mark_date: r.markDate,
    created_at: now,
    updated_at: now,
  });
}

/** Soft delete: the row stays as a tombstone so an exchange package can carry the removal. */
export function markPlanRowDeleted(db: Db, id: string, now: number): void {
  prepared(db, SQL.remove).run({ id, now });
}
