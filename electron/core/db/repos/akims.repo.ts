import type { Db } from '../open';
import { prepared } from '../statements';
import type { Akim } from '../../../../shared/contract/types';

interface AkimRow {
  id: string;
  origin: string;
  revision: number;
  unit_kato: string;
  full_name: string;
  position_kk: string;
  position_ru: string;
  term_from: string;
  term_to: string | null;
}

function toAkim(r: AkimRow): Akim {
  return {
    id: r.id,
    origin: r.origin,
    revision: r.revision,
    unitKato: r.unit_kato,
    fullName: r.full_name,
    positionKk: r.position_kk,
    positionRu: r.position_ru,
    termFrom: r.term_from,
    termTo: r.term_to,
  };
}

export function listAkimsOfUnit(db: Db, unitKato: string): Akim[] {
  const rows = db
    .prepare('SELECT * FROM akims WHERE unit_kato = ? AND deleted_at IS NULL ORDER BY term_from DESC')
    .all(unitKato) as AkimRow[];
  return rows.map(toAkim);
}

export function getAkim(db: Db, id: string): Akim | null {
  const row = db.prepare('SELECT * FROM akims WHERE id = ? AND deleted_at IS NULL').get(id) as AkimRow | undefined;
  return row ? toAkim(row) : null;
}

export function saveAkim(db: Db, a: Akim, now: number): void {
  prepared(
    db,
    `INSERT INTO akims (id, origin, revision, unit_kato, full_name, position_kk, position_ru, term_from, term_to, created_at, updated_at)
     VALUES (@id, @origin, @revision, @unitKato, @fullName, @positionKk, @positionRu, @termFrom, @termTo, @now, @now)
     ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, full_name = excluded.full_name,
       position_kk = excluded.position_kk, position_ru = excluded.position_ru, term_from = excluded.term_from, term_to = excluded.term_to,
       updated_at = excluded.updated_at`,
  ).run({ ...a, now });
}
