import { prepared } from '../statements';
import type { Db } from '../open';
import type { Body, BodyPerson, IssueCategory, IssueStatus } from '../../../../shared/contract/issues.contract';
import type { Outcome } from '../../../../shared/domain/issues/issue';

/** The issue log's editable reference lists: statuses, categories, bodies and their people. */

interface StatusRow {
  id: string;
  code: string | null;
  name_kk: string;
  name_ru: string;
  closed: number;
  outcome: Outcome | null;
  ordinal: number;
  archived: number;
  revision: number;
}

interface CategoryRow {
  id: string;
  code: string | null;
  parent_id: string | null;
  name_kk: string;
  name_ru: string;
  ordinal: number;
  archived: number;
  revision: number;
}

interface BodyRow {
  id: string;
  name_kk: string;
  name_ru: string;
  archived: number;
  revision: number;
}

interface PersonRow {
  id: string;
  body_id: string;
  full_name: string;
  position_kk: string;
  position_ru: string;
  archived: number;
  revision: number;
}

function toStatus(r: StatusRow): IssueStatus {
  return {
    id: r.id,
    code: r.code,
    nameKk: r.name_kk,
    nameRu: r.name_ru,
    closed: r.closed === 1,
    outcome: r.outcome,
    ordinal: r.ordinal,
    archived: r.archived === 1,
    revision: r.revision,
  };
}

function toCategory(r: CategoryRow): IssueCategory {
  return {
    id: r.id,
    code: r.code,
    parentId: r.parent_id,
    nameKk: r.name_kk,
    nameRu: r.name_ru,
    ordinal: r.ordinal,
    archived: r.archived === 1,
    revision: r.revision,
  };
}

function toPerson(r: PersonRow): BodyPerson {
  return { id: r.id, bodyId: r.body_id, fullName: r.full_name, positionKk: r.position_kk, positionRu: r.position_ru, archived: r.archived === 1, revision: r.revision };
}

const SQL = {
  statuses: 'SELECT * FROM issue_statuses ORDER BY ordinal, id',
  status: 'SELECT * FROM issue_statuses WHERE id = ?',
  saveStatus: `INSERT INTO issue_statuses (id, origin, revision, code, name_kk, name_ru, closed, outcome, ordinal, archived)
     VALUES (@id, @origin, @revision, @code, @nameKk, @nameRu, @closed, @outcome, @ordinal, @archived)
     ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, name_kk = excluded.name_kk, name_ru = excluded.name_ru,
       closed = excluded.closed, outcome = excluded.outcome, ordinal = excluded.ordinal, archived = excluded.archived`,
  statusInUse: 'SELECT 1 AS hit FROM issues WHERE status_id = ? LIMIT 1',
  nextStatusOrdinal: 'SELECT coalesce(max(ordinal), 0) + 10 AS n FROM issue_statuses',
  categories: 'SELECT * FROM issue_categories ORDER BY ordinal, id',
  category: 'SELECT * FROM issue_categories WHERE id = ?',
  saveCategory: `INSERT INTO issue_categories (id, origin, revision, code, parent_id, name_kk, name_ru, ordinal, archived)
     VALUES (@id, @origin, @revision, @code, @parentId, @nameKk, @nameRu, @ordinal, @archived)
     ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, parent_id = excluded.parent_id, name_kk = excluded.name_kk,
       name_ru = excluded.name_ru, ordinal = excluded.ordinal, archived = excluded.archived`,
  nextCategoryOrdinal: 'SELECT coalesce(max(ordinal), 0) + 10 AS n FROM issue_categories',
  // The category and every category above it, nearest first (a cycle cannot be stored, but the
  // depth cap keeps a damaged table from looping).
  ancestors: `WITH RECURSIVE up(id, depth) AS (
       SELECT ?, 0 UNION ALL
       SELECT c.parent_id, up.depth + 1 FROM issue_categories c JOIN up ON c.id = up.id WHERE c.parent_id IS NOT NULL AND up.depth < 100
     ) SELECT id FROM up`,
  bodies: 'SELECT * FROM bodies ORDER BY name_ru, id',
  body: 'SELECT * FROM bodies WHERE id = ?',
  saveBody: `INSERT INTO bodies (id, origin, revision, name_kk, name_ru, archived) VALUES (@id, @origin, @revision, @nameKk, @nameRu, @archived)
     ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, name_kk = excluded.name_kk, name_ru = excluded.name_ru, archived = excluded.archived`,
  people: 'SELECT * FROM body_people ORDER BY rowid',
  peopleOf: 'SELECT * FROM body_people WHERE body_id = ? ORDER BY rowid',
  person: 'SELECT * FROM body_people WHERE id = ?',
  savePerson: `INSERT INTO body_people (id, origin, revision, body_id, full_name, position_kk, position_ru, archived)
     VALUES (@id, @origin, @revision, @bodyId, @fullName, @positionKk, @positionRu, @archived)
     ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, full_name = excluded.full_name, position_kk = excluded.position_kk,
       position_ru = excluded.position_ru, archived = excluded.archived`,
};

const flag = (b: boolean) => (b ? 1 : 0);

export function listStatuses(db: Db): IssueStatus[] {
  return (prepared(db, SQL.statuses).all() as StatusRow[]).map(toStatus);
}

export function getStatus(db: Db, id: string): IssueStatus | null {
  const row = prepared(db, SQL.status).get(id) as StatusRow | undefined;
  return row ? toStatus(row) : null;
}

export function saveStatus(db: Db, s: IssueStatus, origin: string): void {
  prepared(db, SQL.saveStatus).run({ ...s, origin, closed: flag(s.closed), archived: flag(s.archived) });
}

export function statusInUse(db: Db, id: string): boolean {
  return prepared(db, SQL.statusInUse).get(id) !== undefined;
}

export function nextStatusOrdinal(db: Db): number {
  return (prepared(db, SQL.nextStatusOrdinal).get() as { n: number }).n;
}

export function listCategories(db: Db): IssueCategory[] {
  return (prepared(db, SQL.categories).all() as CategoryRow[]).map(toCategory);
}

export function getCategory(db: Db, id: string): IssueCategory | null {
  const row = prepared(db, SQL.category).get(id) as CategoryRow | undefined;
  return row ? toCategory(row) : null;
}

export function saveCategory(db: Db, c: IssueCategory, origin: string): void {
  prepared(db, SQL.saveCategory).run({ ...c, origin, archived: flag(c.archived) });
}

export function nextCategoryOrdinal(db: Db): number {
  return (prepared(db, SQL.nextCategoryOrdinal).get() as { n: number }).n;
}

/** The category's id followed by its parent's, its grandparent's…. */
export function categoryAncestors(db: Db, id: string): string[] {
  return (prepared(db, SQL.ancestors).all(id) as Array<{ id: string }>).map((r) => r.id);
}

export function listBodies(db: Db): Body[] {
  const people = new Map<string, BodyPerson[]>();
  for (const r of prepared(db, SQL.people).all() as PersonRow[]) {
    const list = people.get(r.body_id) ?? [];
    list.push(toPerson(r));
    people.set(r.body_id, list);
  }
  return (prepared(db, SQL.bodies).all() as BodyRow[]).map((r) => ({
    id: r.id,
    nameKk: r.name_kk,
    nameRu: r.name_ru,
    archived: r.archived === 1,
    revision: r.revision,
    people: people.get(r.id) ?? [],
  }));
}

export function getBody(db: Db, id: string): Body | null {
  const row = prepared(db, SQL.body).get(id) as BodyRow | undefined;
  if (!row) return null;
  const people = (prepared(db, SQL.peopleOf).all(id) as PersonRow[]).map(toPerson);
  return { id: row.id, nameKk: row.name_kk, nameRu: row.name_ru, archived: row.archived === 1, revision: row.revision, people };
}

export function saveBody(db: Db, b: Omit<Body, 'people'>, origin: string): void {
  prepared(db, SQL.saveBody).run({ id: b.id, origin, revision: b.revision, nameKk: b.nameKk, nameRu: b.nameRu, archived: flag(b.archived) });
}

export function getPerson(db: Db, id: string): BodyPerson | null {
  const row = prepared(db, SQL.person).get(id) as PersonRow | undefined;
  return row ? toPerson(row) : null;
}

export function savePerson(db: Db, p: BodyPerson, origin: string): void {
  prepared(db, SQL.savePerson).run({ ...p, origin, archived: flag(p.archived) });
}
