import type { Db } from '../db/open';
import { unitsUnder } from '../db/repos/units.repo';
import type { PackageKind } from '../../../shared/domain/exchange/record-kinds';
import type { ChildSpec, KindSpec } from './record-format';

/**
 * What an installation sends for a period (docs/exchange.md §What travels): the current state
 * of every record it owns in its working subtree dated up to the period's end, not only the
 * period's. An issue raised last year and closed this month must reach the level above, and a
 * package that is a full state makes the latest one enough: a lost or skipped package loses
 * nothing, and re-sending changes nothing. Reference lists go whole (they are small).
 */
export interface ExportScope {
  origin: string;
  root: string;
  end: string;
  attachments: boolean;
}

/** Which of a kind's rows the scope takes: a WHERE clause over the table aliased `t`, with @origin, @root, @end. */
const SELECTION: Record<PackageKind, string | null> = {
  issue_statuses: '1',
  issue_categories: '1',
  bodies: '1',
  body_people: '1',
  rule_sets: '1',
  akims: `t.origin = @origin AND t.unit_kato IN ${unitsUnder('@root')}`,
  meetings: `t.origin = @origin AND t.unit_kato IN ${unitsUnder('@root')} AND COALESCE(t.held_on, t.planned_on, '') <= @end`,
  minutes: `t.origin = @origin AND t.meeting_id IN (SELECT id FROM meetings WHERE unit_kato IN ${unitsUnder('@root')} AND COALESCE(held_on, planned_on, '') <= @end)`,
  attachments: `t.origin = @origin AND t.meeting_id IN (SELECT id FROM meetings WHERE unit_kato IN ${unitsUnder('@root')} AND COALESCE(held_on, planned_on, '') <= @end)`,
  issues: `t.origin = @origin AND t.unit_kato IN ${unitsUnder('@root')} AND t.raised_on <= @end`,
  // Measures this installation planned, for its own issues and for ones received from below.
  action_plan_rows: `t.origin = @origin AND t.issue_id IN (SELECT id FROM issues WHERE unit_kato IN ${unitsUnder('@root')} AND raised_on <= @end)`,
};

/*
 * SQLite writes each line itself (json_object, in the schema's column order, the parts nested
 * by correlated subqueries over their parent's index): building 100,000 issues with their
 * history as JavaScript objects and serializing them took 6 s, this a fraction of it. A JSON
 * text column (a list) travels as the text it is, not as nested JSON.
 */

/** `json_object('col', alias.col, …)` for columns, then the nested parts. */
function objectOf(columns: Record<string, unknown>, alias: string, nested: string[]): string {
  const pairs = Object.keys(columns).map((c) => `'${c}', ${alias}.${c}`);
  return `json_object(${[...pairs, ...nested].join(', ')})`;
}

/** The children of the row aliased `parent`, as `'field', json(array)`, in their order. */
function childrenOf(child: ChildSpec, parent: string, depth: number): string {
  const alias = `c${depth}`;
  const nested = (child.children ?? []).map((g) => childrenOf(g, alias, depth + 1));
  const order = child.order
    .split(',')
    .map((o) => `${alias}.${o.trim()}`)
    .join(', ');
  // json_group_array keeps the order of the rows it is fed: a subquery sorts them first.
  const rows = `SELECT ${objectOf(child.columns, alias, nested)} AS o FROM ${child.table} ${alias} WHERE ${alias}.${child.parentColumn} = ${parent}.id ORDER BY ${order}`;
  // json() again outside: a value loses its JSON subtype on its way out of a subquery.
  return `'${child.field}', json((SELECT json_group_array(json(o)) FROM (${rows})))`;
}

/** One kind's records in the scope, as JSON lines (id order, so the same state gives the same bytes). */
export function exportKind(db: Db, spec: KindSpec, scope: ExportScope): { lines: Buffer; count: number } {
  const where = SELECTION[spec.kind];
  if (where === null || (spec.kind === 'attachments' && !scope.attachments)) return { lines: Buffer.alloc(0), count: 0 };
  const nested = spec.children.map((c) => childrenOf(c, 't', 0));
  if (spec.part) {
    const p = spec.part;
    nested.push(`'${p.field}', json((SELECT ${objectOf(p.columns, 'p', [])} FROM ${p.table} p WHERE p.${p.keyColumn} = t.id))`);
  }
  const lines = db
    .prepare(`SELECT ${objectOf(spec.columns, 't', nested)} FROM ${spec.table} t WHERE ${where} ORDER BY t.id`)
    .pluck()
    .all({ origin: scope.origin, root: scope.root, end: scope.end }) as string[];
  return { lines: Buffer.from(lines.length === 0 ? '' : `${lines.join('\n')}\n`, 'utf8'), count: lines.length };
}

/**
 * How many of the kind's records in the scope carry their one-to-one part: for issues, how many
 * authors (personal data) the package takes out, which its audit entry records.
 */
export function countParts(db: Db, spec: KindSpec, scope: ExportScope): number {
  const where = SELECTION[spec.kind];
  if (where === null || !spec.part) return 0;
  const p = spec.part;
  return db
    .prepare(`SELECT count(*) FROM ${spec.table} t JOIN ${p.table} p ON p.${p.keyColumn} = t.id WHERE ${where}`)
    .pluck()
    .get({ origin: scope.origin, root: scope.root, end: scope.end }) as number;
}

/** The sha256 of the attachment files the scope's attachment rows name (their bytes go under data/attachments/). */
export function attachmentHashes(db: Db, scope: ExportScope): string[] {
  if (!scope.attachments) return [];
  const params = { origin: scope.origin, root: scope.root, end: scope.end };
  return (db.prepare(`SELECT DISTINCT t.sha256 FROM attachments t WHERE t.deleted_at IS NULL AND ${SELECTION.attachments} ORDER BY t.sha256`).all(params) as Array<{ sha256: string }>).map((r) => r.sha256);
}

