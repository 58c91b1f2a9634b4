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

type Row = Record<string, unknown>;

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

const columnList = (columns: Record<string, unknown>, alias: string) =>
  Object.keys(columns)
    .map((c) => `${alias}.${c}`)
    .join(', ');

/** The children of the selected parents, grouped by parent id, each with its own children nested. */
function loadChildren(db: Db, child: ChildSpec, parentIds: string, params: Row): Map<string, Row[]> {
  const rows = db
    .prepare(`SELECT c.${child.parentColumn} AS parent_key, ${columnList(child.columns, 'c')} FROM ${child.table} c WHERE c.${child.parentColumn} IN (${parentIds}) ORDER BY c.${child.parentColumn}, ${child.order.split(',').map((o) => `c.${o.trim()}`).join(', ')}`)
    .all(params) as Row[];
  const nested = (child.children ?? []).map((grandchild) => ({
    spec: grandchild,
    byParent: loadChildren(db, grandchild, `SELECT id FROM ${child.table} WHERE ${child.parentColumn} IN (${parentIds})`, params),
  }));
  const grouped = new Map<string, Row[]>();
  for (const { parent_key, ...row } of rows) {
    for (const n of nested) row[n.spec.field] = n.byParent.get(row.id as string) ?? [];
    const list = grouped.get(parent_key as string);
    if (list) list.push(row);
    else grouped.set(parent_key as string, [row]);
  }
  return grouped;
}

/** One kind's records in the scope, as JSON lines (id order, so the same state gives the same bytes). */
export function exportKind(db: Db, spec: KindSpec, scope: ExportScope): { lines: Buffer; count: number } {
  const where = SELECTION[spec.kind];
  if (where === null || (spec.kind === 'attachments' && !scope.attachments)) return { lines: Buffer.alloc(0), count: 0 };
  const params = { origin: scope.origin, root: scope.root, end: scope.end };
  const parentIds = `SELECT t.id FROM ${spec.table} t WHERE ${where}`;
  const children = spec.children.map((c) => ({ spec: c, byParent: loadChildren(db, c, parentIds, params) }));
  const part = spec.part;
  const parts = part
    ? new Map(
        (db.prepare(`SELECT p.${part.keyColumn} AS parent_key, ${columnList(part.columns, 'p')} FROM ${part.table} p WHERE p.${part.keyColumn} IN (${parentIds})`).all(params) as Row[]).map(
          ({ parent_key, ...row }) => [parent_key as string, row],
        ),
      )
    : null;
  const chunks: string[] = [];
  let count = 0;
  for (const row of db.prepare(`SELECT ${columnList(spec.columns, 't')} FROM ${spec.table} t WHERE ${where} ORDER BY t.id`).iterate(params) as Iterable<Row>) {
    for (const c of children) row[c.spec.field] = c.byParent.get(row.id as string) ?? [];
    if (part && parts) row[part.field] = parts.get(row.id as string) ?? null;
    chunks.push(JSON.stringify(row));
    count++;
  }
  return { lines: Buffer.from(chunks.length === 0 ? '' : `${chunks.join('\n')}\n`, 'utf8'), count };
}

/** The sha256 of the attachment files the scope's attachment rows name (their bytes go under data/attachments/). */
export function attachmentHashes(db: Db, scope: ExportScope): string[] {
  if (!scope.attachments) return [];
  const params = { origin: scope.origin, root: scope.root, end: scope.end };
  return (db.prepare(`SELECT DISTINCT t.sha256 FROM attachments t WHERE t.deleted_at IS NULL AND ${SELECTION.attachments} ORDER BY t.sha256`).all(params) as Array<{ sha256: string }>).map((r) => r.sha256);
}

