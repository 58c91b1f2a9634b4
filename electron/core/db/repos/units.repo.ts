import type { Db } from '../open';
import { prepared } from '../statements';
import type { UnitSearchHit, UnitSummary } from '../../../../shared/contract/types';
import type { UnitKind } from '../../../../shared/domain/units/unit-kind';
import { REPORTING_UNIT_KINDS } from '../../../../shared/domain/units/unit-kind';
import { foldForSearch, looseForSearch } from '../../../../shared/domain/text/fold';
import { unitClosure } from '../../../../shared/domain/kato/closure';

interface UnitRow {
  kato: string;
  kind: UnitKind;
  parent_kato: string | null;
  name_kk: string;
  name_ru: string;
}

const COLUMNS = 'kato, kind, parent_kato, name_kk, name_ru';
const prefixed = (alias: string) => COLUMNS.split(', ').map((c) => `${alias}.${c}`).join(', ');

function toUnit(row: UnitRow): UnitSummary {
  return { kato: row.kato, kind: row.kind, nameKk: row.name_kk, nameRu: row.name_ru, parent: row.parent_kato };
}

export interface NewUnit extends UnitSummary {
  id: string;
  edition: string;
}

/**
 * Parents must come before children (the KATO file is sorted by code, which guarantees it).
 * The closure is derived from the same parent links, in the same transaction as the caller's.
 */
export function insertUnits(db: Db, units: readonly NewUnit[]): void {
  const insert = db.prepare(
    `INSERT INTO units (kato, id, kind, parent_kato, name_kk, name_ru, search_text, search_loose, edition)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const u of units) {
    const text = searchText(u);
    insert.run(u.kato, u.id, u.kind, u.parent, u.nameKk, u.nameRu, text, looseForSearch(text), u.edition);
  }
  const pair = db.prepare('INSERT INTO unit_closure (ancestor, descendant, depth) VALUES (?, ?, ?)');
  for (const p of unitClosure(units)) pair.run(p.ancestor, p.descendant, p.depth);
}

function searchText(u: UnitSummary): string {
  return `${u.kato} ${foldForSearch(u.nameKk)} ${foldForSearch(u.nameRu)}`;
}

export function getUnit(db: Db, kato: string): UnitSummary | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM units WHERE kato = ?`).get(kato) as UnitRow | undefined;
  return row ? toUnit(row) : null;
}

export function countUnits(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n;
}

const KIND_RANK = ['oblast', 'capital', 'republican_city', 'city_district', 'district', 'oblast_city', 'district_city', 'rural_okrug', 'settlement', 'village', 'locality'];

/**
 * Every word of the query must appear in the code or either name, exactly (once folded) or in
 * the loose form that forgives a doubled vowel ("Қарауыл" finds "Қараауыл"). Units every word
 * matches exactly come first, then names that start with the first word ("Абай" before
 * "Бурабай"), then higher levels before lower ones.
 */
export function searchUnits(db: Db, query: string, options: { limit: number; reportingOnly: boolean }): UnitSearchHit[] {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const exact = words.map(() => `u.search_text LIKE ? ESCAPE '\\'`);
  const where = words.map(() => `(u.search_text LIKE ? ESCAPE '\\' OR u.search_loose LIKE ? ESCAPE '\\')`);
  if (options.reportingOnly) where.push(`u.kind IN (${REPORTING_UNIT_KINDS.map(() => '?').join(', ')})`);
  const rank = `CASE u.kind ${KIND_RANK.map((k, i) => `WHEN '${k}' THEN ${i}`).join(' ')} END`;
  const contains = (w: string) => `%${escapeLike(w)}%`;
  const params: unknown[] = words.flatMap((w) => [contains(w), contains(looseForSearch(w))]);
  if (options.reportingOnly) params.push(...REPORTING_UNIT_KINDS);
  const first = words[0]!;
  const rows = db
    .prepare(
      `SELECT ${prefixed('u')}, p.name_kk AS parent_name_kk, p.name_ru AS parent_name_ru
       FROM units u LEFT JOIN units p ON p.kato = u.parent_kato
       WHERE ${where.join(' AND ')}
       ORDER BY (${exact.join(' AND ')}) DESC, (u.search_text LIKE ? ESCAPE '\\') DESC, (u.search_loose LIKE ? ESCAPE '\\') DESC, ${rank}, u.kato LIMIT ?`,
    )
    .all(...params, ...words.map(contains), `% ${escapeLike(first)}%`, `% ${escapeLike(looseForSearch(first))}%`, options.limit) as Array<
    UnitRow & { parent_name_kk: string | null; parent_name_ru: string | null }
  >;
  return rows.map((r) => ({ ...toUnit(r), parentNameKk: r.parent_name_kk, parentNameRu: r.parent_name_ru }));
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * "The units under X", X included, as a subquery for `column IN …` with X bound to `param`
 * ('?' or '@name'): the one way a repository says it. A range of the closure's primary key,
 * so the planner drives the index on `column` with it. Localities stay in the list: leaving
 * them out takes a lookup of each unit's kind, which costs about what the empty seeks cost.
 */
export function unitsUnder(param: string): string {
  return `(SELECT descendant FROM unit_closure WHERE ancestor = ${param})`;
}

/** The unit and all its descendants, each with its depth below the root, in code order. */
export function subtree(db: Db, rootKato: string): Array<UnitSummary & { depth: number }> {
  const rows = prepared(
    db,
    `SELECT ${prefixed('u')}, c.depth
     FROM unit_closure c JOIN units u ON u.kato = c.descendant
     WHERE c.ancestor = ? ORDER BY c.descendant`,
  ).all(rootKato) as Array<UnitRow & { depth: number }>;
  return rows.map((r) => ({ ...toUnit(r), depth: r.depth }));
}

export function isInSubtree(db: Db, rootKato: string, kato: string): boolean {
  return prepared(db, 'SELECT 1 FROM unit_closure WHERE ancestor = ? AND descendant = ?').get(rootKato, kato) !== undefined;
}
