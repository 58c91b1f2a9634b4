import { prepared } from '../statements';
import type { Db } from '../open';

export interface SavedFilterRow {
  id: string;
  name: string;
  /** As stored: the reader validates it, a filter saved by an older version may no longer fit. */
  filterJson: string;
  createdAt: number;
}

const SQL = {
  list: 'SELECT id, name, filter_json, created_at FROM saved_filters WHERE scope = ? ORDER BY name, id',
  byName: 'SELECT id FROM saved_filters WHERE scope = ? AND name = ?',
  get: 'SELECT id, name, filter_json, created_at FROM saved_filters WHERE scope = ? AND id = ?',
  insert: 'INSERT INTO saved_filters (id, scope, name, filter_json, created_at) VALUES (?, ?, ?, ?, ?)',
  remove: 'DELETE FROM saved_filters WHERE scope = ? AND id = ?',
};

interface Row {
  id: string;
  name: string;
  filter_json: string;
  created_at: number;
}

const toRow = (r: Row): SavedFilterRow => ({ id: r.id, name: r.name, filterJson: r.filter_json, createdAt: r.created_at });

export function listSavedFilters(db: Db, scope: string): SavedFilterRow[] {
  return (prepared(db, SQL.list).all(scope) as Row[]).map(toRow);
}

export function getSavedFilter(db: Db, scope: string, id: string): SavedFilterRow | null {
  const row = prepared(db, SQL.get).get(scope, id) as Row | undefined;
  return row ? toRow(row) : null;
}

export function savedFilterNamed(db: Db, scope: string, name: string): string | null {
  return (prepared(db, SQL.byName).get(scope, name) as { id: string } | undefined)?.id ?? null;
}

export function insertSavedFilter(db: Db, scope: string, f: SavedFilterRow): void {
  prepared(db, SQL.insert).run(f.id, scope, f.name, f.filterJson, f.createdAt);
}

export function removeSavedFilter(db: Db, scope: string, id: string): void {
  prepared(db, SQL.remove).run(scope, id);
}
