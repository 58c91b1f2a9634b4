import { randomUUID } from 'node:crypto';
import type { CoreContext } from '../../context';
import { prepared } from '../statements';

/** `export`: a document left the installation (reports: who took which figures, with or without personal data). */
export type AuditAction =
  | 'insert'
  | 'update'
  | 'delete'
  | 'load'
  | 'export'
  | 'import'
  // Operators' sessions (operators.service.ts).
  | 'sign_in'
  | 'sign_in_failed'
  | 'sign_out'
  | 'lock'
  | 'unlock'
  | 'recover';

export interface AuditEntry {
  id: string;
  at: number;
  actor: string;
  /** The operator signed in, null before operators existed (or for the CLI's tools then). */
  operatorId: string | null;
  origin: string;
  action: AuditAction;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** Appends one change to the audit log; call it inside the transaction that makes the change. */
export function appendAudit(
  ctx: CoreContext,
  entry: { action: AuditAction; entity: string; entityId: string; before?: unknown; after?: unknown },
): void {
  prepared(
    ctx.db,
    `INSERT INTO audit_log (id, at, actor, operator_id, origin, action, entity, entity_id, before_json, after_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    randomUUID(),
    ctx.clock.now().getTime(),
    ctx.actor,
    ctx.operatorId,
    ctx.installationId,
    entry.action,
    entry.entity,
    entry.entityId,
    entry.before === undefined ? null : JSON.stringify(entry.before),
    entry.after === undefined ? null : JSON.stringify(entry.after),
  );
}

interface AuditRow {
  id: string;
  at: number;
  actor: string;
  operator_id: string | null;
  origin: string;
  action: AuditAction;
  entity: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
}

export function listAudit(ctx: Pick<CoreContext, 'db'>, entity?: string, entityId?: string): AuditEntry[] {
  // Only the conditions given: "@x IS NULL OR column = @x" keeps the planner off the
  // (entity, entity_id) index, and the log holds an entry per change (a million and more).
  const where = [entity !== undefined && 'entity = @entity', entityId !== undefined && 'entity_id = @entityId'].filter(Boolean);
  const rows = prepared(ctx.db, `SELECT * FROM audit_log ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq`).all({
    ...(entity === undefined ? {} : { entity }),
    ...(entityId === undefined ? {} : { entityId }),
  }) as AuditRow[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    operatorId: r.operator_id,
    origin: r.origin,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before_json === null ? null : JSON.parse(r.before_json),
    after: r.after_json === null ? null : JSON.parse(r.after_json),
  }));
}
