import { randomUUID } from 'node:crypto';
import { prepared } from '../statements';
import type { Db } from '../open';
import { unitsUnder } from './units.repo';
import type { Meeting, Official, PlannedRef } from '../../../../shared/contract/types';
import type { IsoDate } from '../../../../shared/domain/dates';
import type { MeetingStatus } from '../../../../shared/domain/meetings/meeting';

interface MeetingRow {
  id: string;
  origin: string;
  revision: number;
  unit_kato: string;
  kind: Meeting['kind'];
  status: MeetingStatus;
  planned_on: string | null;
  planned_time: string | null;
  held_on: string | null;
  venue_name: string;
  venue_address: string;
  venue_kato: string | null;
  format: Meeting['format'];
  broadcast_links: string;
  akim_id: string | null;
  rule_set_id: string | null;
  window_key: string | null;
  outside_window_reason: string;
  announced_on: string | null;
  announcement_channels: string;
  questions_channels: string;
  questions_from: string | null;
  questions_to: string | null;
  attendance: number | null;
  online_viewers: number | null;
  status_reason: string;
  postponed_from: string | null;
  note: string;
  created_at: number;
  updated_at: number;
}

interface OfficialRow {
  id: string;
  meeting_id: string;
  full_name: string;
  position_kk: string;
  position_ru: string;
  body: string;
  is_government: number;
  is_oblast_leadership: number;
}

function toMeeting(r: MeetingRow, officials: Official[]): Meeting {
  return {
    id: r.id,
    origin: r.origin,
    revision: r.revision,
    unitKato: r.unit_kato,
    kind: r.kind,
    status: r.status,
    plannedOn: r.planned_on,
    plannedTime: r.planned_time,
    heldOn: r.held_on,
    venueName: r.venue_name,
    venueAddress: r.venue_address,
    venueKato: r.venue_kato,
    format: r.format,
    broadcastLinks: JSON.parse(r.broadcast_links) as string[],
    akimId: r.akim_id,
    obligation: r.rule_set_id && r.window_key ? { ruleSetId: r.rule_set_id, windowKey: r.window_key } : null,
    outsideWindowReason: r.outside_window_reason,
    announcedOn: r.announced_on,
    announcementChannels: JSON.parse(r.announcement_channels) as Meeting['announcementChannels'],
    questionsChannels: JSON.parse(r.questions_channels) as Meeting['questionsChannels'],
    questionsFrom: r.questions_from,
    questionsTo: r.questions_to,
    attendance: r.attendance,
    onlineViewers: r.online_viewers,
    statusReason: r.status_reason,
    postponedFrom: r.postponed_from,
    officials,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toOfficial(r: OfficialRow): Official {
  return {
    id: r.id,
    fullName: r.full_name,
    positionKk: r.position_kk,
    positionRu: r.position_ru,
    body: r.body,
    isGovernment: r.is_government === 1,
    isOblastLeadership: r.is_oblast_leadership === 1,
  };
}

function toRow(m: Meeting): Record<string, unknown> {
  return {
    id: m.id,
    origin: m.origin,
    revision: m.revision,
    unit_kato: m.unitKato,
    kind: m.kind,
    status: m.status,
    planned_on: m.plannedOn,
    planned_time: m.plannedTime,
    held_on: m.heldOn,
    venue_name: m.venueName,
    venue_address: m.venueAddress,
    venue_kato: m.venueKato,
    format: m.format,
    broadcast_links: JSON.stringify(m.broadcastLinks),
    akim_id: m.akimId,
    rule_set_id: m.obligation?.ruleSetId ?? null,
    window_key: m.obligation?.windowKey ?? null,
    outside_window_reason: m.outsideWindowReason,
    announced_on: m.announcedOn,
    announcement_channels: JSON.stringify(m.announcementChannels),
    questions_channels: JSON.stringify(m.questionsChannels),
    questions_from: m.questionsFrom,
    questions_to: m.questionsTo,
    attendance: m.attendance,
    online_viewers: m.onlineViewers,
    status_reason: m.statusReason,
    postponed_from: m.postponedFrom,
    note: m.note,
    created_at: m.createdAt,
    updated_at: m.updatedAt,
  };
}

const ROW_COLUMNS = Object.keys(
  toRow({
    officials: [],
    broadcastLinks: [],
    announcementChannels: [],
    questionsChannels: [],
  } as unknown as Meeting),
);

const SAVE_SQL = {
  meeting: `INSERT INTO meetings (${ROW_COLUMNS.join(', ')}) VALUES (${ROW_COLUMNS.map((c) => `@${c}`).join(', ')})
     ON CONFLICT (id) DO UPDATE SET ${ROW_COLUMNS.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`).join(', ')}`,
  clearOfficials: 'DELETE FROM meeting_officials WHERE meeting_id = ?',
  official: `INSERT INTO meeting_officials (id, meeting_id, ordinal, full_name, position_kk, position_ru, body, is_government, is_oblast_leadership)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
};

/** Inserts or replaces the meeting row and its officials (the caller bumps the revision). */
export function saveMeeting(db: Db, m: Meeting): void {
  prepared(db, SAVE_SQL.meeting).run(toRow(m));
  prepared(db, SAVE_SQL.clearOfficials).run(m.id);
  const official = prepared(db, SAVE_SQL.official);
  m.officials.forEach((o, i) =>
    official.run(o.id || randomUUID(), m.id, i, o.fullName, o.positionKk, o.positionRu, o.body, o.isGovernment ? 1 : 0, o.isOblastLeadership ? 1 : 0),
  );
}

function withOfficials(db: Db, rows: MeetingRow[]): Meeting[] {
  if (rows.length === 0) return [];
  const byMeeting = new Map<string, Official[]>();
  const officials = db
    .prepare(
      `SELECT * FROM meeting_officials WHERE meeting_id IN (SELECT value FROM json_each(?)) ORDER BY meeting_id, ordinal`,
    )
    .all(JSON.stringify(rows.map((r) => r.id))) as OfficialRow[];
  for (const o of officials) {
    const list = byMeeting.get(o.meeting_id) ?? [];
    list.push(toOfficial(o));
    byMeeting.set(o.meeting_id, list);
  }
  return rows.map((r) => toMeeting(r, byMeeting.get(r.id) ?? []));
}

export function getMeeting(db: Db, id: string): Meeting | null {
  const row = db.prepare('SELECT * FROM meetings WHERE id = ? AND deleted_at IS NULL').get(id) as MeetingRow | undefined;
  return row ? withOfficials(db, [row])[0]! : null;
}

/** Soft delete: the row stays as a tombstone so an exchange package can carry the deletion. */
export function markMeetingDeleted(db: Db, id: string, now: number): void {
  db.prepare('UPDATE meetings SET deleted_at = ?, updated_at = ?, revision = revision + 1 WHERE id = ?').run(now, now, id);
}

const UNDER_ROOT = unitsUnder('@root');

/** The subtree queries, each bound to `@root`; exported for the query-plan tests. */
export const MEETINGS_UNDER_SQL = {
  list: `SELECT m.* FROM meetings m
     WHERE m.unit_kato IN ${UNDER_ROOT} AND m.deleted_at IS NULL
       AND (@unitKato IS NULL OR m.unit_kato = @unitKato)
       AND (@from IS NULL OR coalesce(m.held_on, m.planned_on) >= @from)
       AND (@to IS NULL OR coalesce(m.held_on, m.planned_on) <= @to)
       AND (@statuses IS NULL OR m.status IN (SELECT value FROM json_each(@statuses)))
     ORDER BY coalesce(m.held_on, m.planned_on), m.planned_time, m.created_at`,
  count: `SELECT count(*) AS n FROM meetings m WHERE m.unit_kato IN ${UNDER_ROOT}`,
  held: `SELECT m.id, m.unit_kato, m.held_on FROM meetings m
     WHERE m.unit_kato IN ${UNDER_ROOT} AND m.deleted_at IS NULL AND m.held_on BETWEEN @from AND @to AND m.status IN ('held', 'closed')
     ORDER BY m.held_on, m.created_at`,
  planned: `SELECT m.id, m.unit_kato, m.rule_set_id, m.window_key, m.planned_on, m.status
     FROM meetings m
     WHERE m.unit_kato IN ${UNDER_ROOT} AND m.deleted_at IS NULL AND m.status IN ('planned', 'announced', 'postponed')
       AND m.window_key IS NOT NULL AND m.planned_on IS NOT NULL
     ORDER BY m.planned_on, m.created_at`,
  /** Read from meetings_upcoming (migration 100): its WHERE is the same status list. */
  unmarked: `SELECT m.id, m.unit_kato, m.planned_on FROM meetings m
     WHERE m.unit_kato IN ${UNDER_ROOT} AND m.deleted_at IS NULL AND m.status IN ('planned', 'announced', 'postponed')
       AND m.planned_on < @today
     ORDER BY m.planned_on, m.id LIMIT @limit`,
};

/**
 * Meetings of the units under a root (or of one unit) whose held date, or planned date when
 * not held, falls in [from, to]; ordered by that date.
 */
export function listMeetingsUnder(
  db: Db,
  rootKato: string,
  filter: { unitKato?: string | undefined; from?: IsoDate | undefined; to?: IsoDate | undefined; statuses?: readonly MeetingStatus[] | undefined },
): Meeting[] {
  const rows = prepared(db, MEETINGS_UNDER_SQL.list).all({
    root: rootKato,
    unitKato: filter.unitKato ?? null,
    from: filter.from ?? null,
    to: filter.to ?? null,
    statuses: filter.statuses ? JSON.stringify(filter.statuses) : null,
  }) as MeetingRow[];
  return withOfficials(db, rows);
}

/** Meetings still planned (announced, postponed) on a date before today: held or not, nobody said; oldest first. */
export function unmarkedMeetingsUnder(db: Db, rootKato: string, today: IsoDate, limit: number): Array<{ id: string; unitKato: string; plannedOn: IsoDate }> {
  const rows = prepared(db, MEETINGS_UNDER_SQL.unmarked).all({ root: rootKato, today, limit }) as Array<{ id: string; unit_kato: string; planned_on: string }>;
  return rows.map((r) => ({ id: r.id, unitKato: r.unit_kato, plannedOn: r.planned_on }));
}

/** Meetings (tombstones included) of a unit and everything under it. */
export function countMeetingsUnder(db: Db, rootKato: string): number {
  return (prepared(db, MEETINGS_UNDER_SQL.count).get({ root: rootKato }) as { n: number }).n;
}

/** Every held date, for the callers that need the whole history (the demo generator). */
const ALL_DATES = { from: '0000-01-01', to: '9999-12-31' } as const;

/**
 * Held meetings of every unit under a root, grouped by unit: one query for the whole grid.
 * `range` (inclusive) is what the assessment can use (see heldRange; null: none): an oblast holds thirteen
 * years of meetings, a year's grid needs a little more than one.
 */
export function heldMeetingsUnder(
  db: Db,
  rootKato: string,
  range: { from: IsoDate; to: IsoDate } | null = ALL_DATES,
): Map<string, Array<{ id: string; heldOn: IsoDate }>> {
  if (range === null) return new Map();
  const rows = prepared(db, MEETINGS_UNDER_SQL.held).all({ root: rootKato, from: range.from, to: range.to }) as Array<{ id: string; unit_kato: string; held_on: string }>;
  const byUnit = new Map<string, Array<{ id: string; heldOn: IsoDate }>>();
  for (const r of rows) {
    const list = byUnit.get(r.unit_kato) ?? [];
    list.push({ id: r.id, heldOn: r.held_on });
    byUnit.set(r.unit_kato, list);
  }
  return byUnit;
}

/** Planned (not yet held, not cancelled) meetings under a root, keyed by unit + obligation. */
export function plannedMeetingsUnder(db: Db, rootKato: string): Map<string, PlannedRef> {
  const rows = prepared(db, MEETINGS_UNDER_SQL.planned).all({ root: rootKato }) as Array<{
    id: string;
    unit_kato: string;
    rule_set_id: string;
    window_key: string;
    planned_on: string;
    status: MeetingStatus;
  }>;
  const out = new Map<string, PlannedRef>();
  for (const r of rows) {
    const key = plannedKey(r.unit_kato, r.rule_set_id, r.window_key);
    if (!out.has(key)) out.set(key, { id: r.id, plannedOn: r.planned_on, status: r.status });
  }
  return out;
}

export function plannedKey(unitKato: string, ruleSetId: string, windowKey: string): string {
  return `${unitKato}|${ruleSetId}|${windowKey}`;
}
