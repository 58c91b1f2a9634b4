import { prepared } from '../statements';
import type { Db } from '../open';
import type { Amendment, Minutes, MinutesChange } from '../../../../shared/contract/minutes.contract';
import type { AgendaItem, Decision, IssueKind, Speech } from '../../../../shared/domain/minutes/minutes';

interface MinutesRow {
  id: string;
  origin: string;
  revision: number;
  meeting_id: string;
  number: string;
  date: string | null;
  place: string;
  chair: string;
  secretary: string;
  present_count: number | null;
  present_list: string;
  invited: string;
  status: Minutes['status'];
  finalized_at: number | null;
  finalized_by: string | null;
  created_at: number;
  updated_at: number;
}

interface ItemRow {
  id: string;
  title: string;
  speaker: string;
  heard: string;
}

interface SpeechRow {
  id: string;
  item_id: string;
  speaker: string;
  locality_kato: string | null;
  gist: string;
  issue_kind: IssueKind | null;
  issue_text: string;
}

interface DecisionRow {
  id: string;
  item_id: string;
  text: string;
  responsible: string;
  deadline: string | null;
}

interface AmendmentRow {
  id: string;
  at: number;
  actor: string;
  reason: string;
  changes_json: string;
}

const SQL = {
  byId: 'SELECT * FROM minutes WHERE id = ?',
  byMeeting: 'SELECT * FROM minutes WHERE meeting_id = ?',
  items: 'SELECT id, title, speaker, heard FROM minutes_items WHERE minutes_id = ? ORDER BY ordinal',
  speeches: `SELECT s.id, s.item_id, s.speaker, s.locality_kato, s.gist, s.issue_kind, s.issue_text
     FROM minutes_speeches s JOIN minutes_items i ON i.id = s.item_id WHERE i.minutes_id = ? ORDER BY s.ordinal`,
  decisions: `SELECT d.id, d.item_id, d.text, d.responsible, d.deadline
     FROM minutes_decisions d JOIN minutes_items i ON i.id = d.item_id WHERE i.minutes_id = ? ORDER BY d.ordinal`,
  amendments: 'SELECT id, at, actor, reason, changes_json FROM minutes_amendments WHERE minutes_id = ? ORDER BY at, rowid',
  upsert: `INSERT INTO minutes (id, origin, revision, meeting_id, number, date, place, chair, secretary, present_count,
       present_list, invited, status, finalized_at, finalized_by, created_at, updated_at)
     VALUES (@id, @origin, @revision, @meeting_id, @number, @date, @place, @chair, @secretary, @present_count,
       @present_list, @invited, @status, @finalized_at, @finalized_by, @updated_at, @updated_at)
     ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, number = excluded.number, date = excluded.date,
       place = excluded.place, chair = excluded.chair, secretary = excluded.secretary, present_count = excluded.present_count,
       present_list = excluded.present_list, invited = excluded.invited, status = excluded.status,
       finalized_at = excluded.finalized_at, finalized_by = excluded.finalized_by, updated_at = excluded.updated_at`,
  clearSpeeches: 'DELETE FROM minutes_speeches WHERE item_id IN (SELECT id FROM minutes_items WHERE minutes_id = ?)',
  clearDecisions: 'DELETE FROM minutes_decisions WHERE item_id IN (SELECT id FROM minutes_items WHERE minutes_id = ?)',
  clearItems: 'DELETE FROM minutes_items WHERE minutes_id = ?',
  item: 'INSERT INTO minutes_items (id, minutes_id, ordinal, title, speaker, heard) VALUES (?, ?, ?, ?, ?, ?)',
  speech: `INSERT INTO minutes_speeches (id, item_id, ordinal, speaker, locality_kato, gist, issue_kind, issue_text)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  decision: 'INSERT INTO minutes_decisions (id, item_id, ordinal, text, responsible, deadline) VALUES (?, ?, ?, ?, ?, ?)',
  amendment: 'INSERT INTO minutes_amendments (id, minutes_id, at, actor, reason, changes_json) VALUES (?, ?, ?, ?, ?, ?)',
};

function toSpeech(r: SpeechRow): Speech {
  return { id: r.id, speaker: r.speaker, localityKato: r.locality_kato, gist: r.gist, issueKind: r.issue_kind, issueText: r.issue_text };
}

function toDecision(r: DecisionRow): Decision {
  return { id: r.id, text: r.text, responsible: r.responsible, deadline: r.deadline };
}

function toAmendment(r: AmendmentRow): Amendment {
  return { id: r.id, at: r.at, actor: r.actor, reason: r.reason, changes: JSON.parse(r.changes_json) as MinutesChange[] };
}

function byItem<R extends { item_id: string }, T>(rows: R[], map: (r: R) => T): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const r of rows) {
    const list = grouped.get(r.item_id) ?? [];
    list.push(map(r));
    grouped.set(r.item_id, list);
  }
  return grouped;
}

function load(db: Db, row: MinutesRow | undefined): Minutes | null {
  if (!row) return null;
  const speeches = byItem(prepared(db, SQL.speeches).all(row.id) as SpeechRow[], toSpeech);
  const decisions = byItem(prepared(db, SQL.decisions).all(row.id) as DecisionRow[], toDecision);
  const items: AgendaItem[] = (prepared(db, SQL.items).all(row.id) as ItemRow[]).map((r) => ({
    id: r.id,
    title: r.title,
    speaker: r.speaker,
    heard: r.heard,
    speeches: speeches.get(r.id) ?? [],
    decisions: decisions.get(r.id) ?? [],
  }));
  return {
    id: row.id,
    origin: row.origin,
    revision: row.revision,
    meetingId: row.meeting_id,
    status: row.status,
    finalizedAt: row.finalized_at,
    finalizedBy: row.finalized_by,
    updatedAt: row.updated_at,
    number: row.number,
    date: row.date,
    place: row.place,
    chair: row.chair,
    secretary: row.secretary,
    presentCount: row.present_count,
    presentList: row.present_list,
    invited: row.invited,
    items,
    amendments: (prepared(db, SQL.amendments).all(row.id) as AmendmentRow[]).map(toAmendment),
  };
}

export function getMinutes(db: Db, id: string): Minutes | null {
  return load(db, prepared(db, SQL.byId).get(id) as MinutesRow | undefined);
}

export function getMinutesOfMeeting(db: Db, meetingId: string): Minutes | null {
  return load(db, prepared(db, SQL.byMeeting).get(meetingId) as MinutesRow | undefined);
}

/**
 * Inserts or updates the header (the caller bumps the revision) and replaces the agenda items,
 * speeches and decisions with the body's, keeping their ids; ordinals are the list positions.
 * Call it inside a transaction: a failure half-way must leave the previous body in place.
 */
export function writeMinutes(db: Db, m: Omit<Minutes, 'amendments'>): void {
  prepared(db, SQL.upsert).run({
    id: m.id,
    origin: m.origin,
    revision: m.revision,
    meeting_id: m.meetingId,
    number: m.number,
    date: m.date,
    place: m.place,
    chair: m.chair,
    secretary: m.secretary,
    present_count: m.presentCount,
    present_list: m.presentList,
    invited: m.invited,
    status: m.status,
    finalized_at: m.finalizedAt,
    finalized_by: m.finalizedBy,
    updated_at: m.updatedAt,
  });
  prepared(db, SQL.clearSpeeches).run(m.id);
  prepared(db, SQL.clearDecisions).run(m.id);
  prepared(db, SQL.clearItems).run(m.id);
  const item = prepared(db, SQL.item);
  const speech = prepared(db, SQL.speech);
  const decision = prepared(db, SQL.decision);
  m.items.forEach((it, i) => {
    item.run(it.id, m.id, i, it.title, it.speaker, it.heard);
    it.speeches.forEach((s, j) => speech.run(s.id, it.id, j, s.speaker, s.localityKato, s.gist, s.issueKind, s.issueText));
    it.decisions.forEach((d, j) => decision.run(d.id, it.id, j, d.text, d.responsible, d.deadline));
  });
}

export function addAmendment(db: Db, minutesId: string, a: Amendment): void {
  prepared(db, SQL.amendment).run(a.id, minutesId, a.at, a.actor, a.reason, JSON.stringify(a.changes));
}

/** Whether a meeting's minutes are a draft or final, without loading them; null when there are none. */
export function minutesStatusOfMeeting(db: Db, meetingId: string): Minutes['status'] | null {
  const row = prepared(db, 'SELECT status FROM minutes WHERE meeting_id = ?').get(meetingId) as { status: Minutes['status'] } | undefined;
  return row?.status ?? null;
}
