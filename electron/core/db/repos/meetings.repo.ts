import type { Db } from '../open';
import type { Meeting, MeetingStatus } from '../../../../shared/contract/types';
import type { IsoDate } from '../../../../shared/domain/dates';

interface MeetingRow {
  id: string;
  origin: string;
  revision: number;
  unit_kato: string;
  status: MeetingStatus;
  planned_on: string | null;
  held_on: string | null;
  note: string;
  created_at: number;
  updated_at: number;
}

function toMeeting(r: MeetingRow): Meeting {
  return {
    id: r.id,
    origin: r.origin,
    revision: r.revision,
    unitKato: r.unit_kato,
    status: r.status,
    plannedOn: r.planned_on,
    heldOn: r.held_on,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function insertMeeting(db: Db, m: Meeting): void {
  db.prepare(
    `INSERT INTO meetings (id, origin, revision, unit_kato, status, planned_on, held_on, note, created_at, updated_at)
     VALUES (@id, @origin, @revision, @unitKato, @status, @plannedOn, @heldOn, @note, @createdAt, @updatedAt)`,
  ).run(m);
}

export function getMeeting(db: Db, id: string): Meeting | null {
  const row = db.prepare('SELECT * FROM meetings WHERE id = ? AND deleted_at IS NULL').get(id) as
    | MeetingRow
    | undefined;
  return row ? toMeeting(row) : null;
}

/** Soft delete: the row stays as a tombstone so an exchange package can carry the deletion. */
export function markMeetingDeleted(db: Db, id: string, now: number): void {
  db.prepare('UPDATE meetings SET deleted_at = ?, updated_at = ?, revision = revision + 1 WHERE id = ?').run(
    now,
    now,
    id,
  );
}

export function listMeetingsOfUnit(db: Db, unitKato: string, from?: IsoDate, to?: IsoDate): Meeting[] {
  const rows = db
    .prepare(
      `SELECT * FROM meetings
       WHERE unit_kato = @unitKato AND deleted_at IS NULL
         AND (@from IS NULL OR coalesce(held_on, planned_on) >= @from)
         AND (@to IS NULL OR coalesce(held_on, planned_on) <= @to)
       ORDER BY coalesce(held_on, planned_on), created_at`,
    )
    .all({ unitKato, from: from ?? null, to: to ?? null }) as MeetingRow[];
  return rows.map(toMeeting);
}

/** Held meetings of every unit under a root, grouped by unit: one query for the whole grid. */
export function heldMeetingsUnder(db: Db, rootKato: string): Map<string, Array<{ id: string; heldOn: IsoDate }>> {
  const rows = db
    .prepare(
      `WITH RECURSIVE tree(kato) AS (
         SELECT ? UNION ALL SELECT u.kato FROM units u JOIN tree ON u.parent_kato = tree.kato
       )
       SELECT m.id, m.unit_kato, m.held_on FROM meetings m JOIN tree ON m.unit_kato = tree.kato
       WHERE m.deleted_at IS NULL AND m.held_on IS NOT NULL AND m.status IN ('held', 'closed')
       ORDER BY m.held_on`,
    )
    .all(rootKato) as Array<{ id: string; unit_kato: string; held_on: string }>;
  const byUnit = new Map<string, Array<{ id: string; heldOn: IsoDate }>>();
  for (const r of rows) {
    const list = byUnit.get(r.unit_kato) ?? [];
    list.push({ id: r.id, heldOn: r.held_on });
    byUnit.set(r.unit_kato, list);
  }
  return byUnit;
}
