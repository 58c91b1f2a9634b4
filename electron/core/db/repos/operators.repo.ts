import type { Db } from '../open';
import type { OperatorView } from '../../../../shared/contract/operators.contract';
import type { OperatorRole } from '../../../../shared/domain/operators/roles';
import { prepared } from '../statements';

/** An operator as stored: the view, their row number (the session names it) and the hash. */
export interface OperatorRecord extends OperatorView {
  seq: number;
  secretHash: string;
  failedAttempts: number;
  lastFailedAt: number | null;
}

interface OperatorRow {
  seq: number;
  id: string;
  login: string;
  name: string;
  position_kk: string;
  position_ru: string;
  role: OperatorRole;
  active: number;
  secret_hash: string;
  failed_attempts: number;
  last_failed_at: number | null;
  last_sign_in_at: number | null;
  revision: number;
}

function toRecord(r: OperatorRow): OperatorRecord {
  return {
    seq: r.seq,
    id: r.id,
    login: r.login,
    name: r.name,
    positionKk: r.position_kk,
    positionRu: r.position_ru,
    role: r.role,
    active: r.active === 1,
    revision: r.revision,
    lastSignInAt: r.last_sign_in_at,
    secretHash: r.secret_hash,
    failedAttempts: r.failed_attempts,
    lastFailedAt: r.last_failed_at,
  };
}

export function toView(r: OperatorRecord): OperatorView {
  const { seq: _seq, secretHash: _hash, failedAttempts: _failed, lastFailedAt: _last, ...view } = r;
  return view;
}

export function countOperators(db: Db): number {
  return (prepared(db, 'SELECT count(*) AS n FROM operators').get() as { n: number }).n;
}

export function countActiveAdmins(db: Db): number {
  return (prepared(db, "SELECT count(*) AS n FROM operators WHERE role = 'admin' AND active = 1").get() as { n: number }).n;
}

export function listOperatorRecords(db: Db): OperatorRecord[] {
  return (prepared(db, 'SELECT * FROM operators ORDER BY active DESC, name, seq').all() as OperatorRow[]).map(toRecord);
}

export function operatorBySeq(db: Db, seq: number): OperatorRecord | null {
  const row = prepared(db, 'SELECT * FROM operators WHERE seq = ?').get(seq) as OperatorRow | undefined;
  return row ? toRecord(row) : null;
}

export function operatorById(db: Db, id: string): OperatorRecord | null {
  const row = prepared(db, 'SELECT * FROM operators WHERE id = ?').get(id) as OperatorRow | undefined;
  return row ? toRecord(row) : null;
}

/** Logins are stored folded (operators.service.ts foldLogin), so the lookup is exact. */
export function operatorByLogin(db: Db, login: string): OperatorRecord | null {
  const row = prepared(db, 'SELECT * FROM operators WHERE login = ?').get(login) as OperatorRow | undefined;
  return row ? toRecord(row) : null;
}

export function insertOperator(db: Db, o: Omit<OperatorRecord, 'seq' | 'failedAttempts' | 'lastFailedAt' | 'lastSignInAt' | 'revision'>, now: number): number {
  const info = prepared(
    db,
    `INSERT INTO operators (id, login, name, position_kk, position_ru, role, active, secret_hash, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(o.id, o.login, o.name, o.positionKk, o.positionRu, o.role, o.active ? 1 : 0, o.secretHash, now, now);
  return Number(info.lastInsertRowid);
}

export function updateOperatorProfile(
  db: Db,
  o: Pick<OperatorRecord, 'id' | 'login' | 'name' | 'positionKk' | 'positionRu' | 'role' | 'active'>,
  now: number,
): void {
  prepared(
    db,
    `UPDATE operators SET login = ?, name = ?, position_kk = ?, position_ru = ?, role = ?, active = ?, updated_at = ?, revision = revision + 1
     WHERE id = ?`,
  ).run(o.login, o.name, o.positionKk, o.positionRu, o.role, o.active ? 1 : 0, now, o.id);
}

/** A new secret clears the failed attempts: its owner (or the administrator) just proved themselves. */
export function setOperatorSecret(db: Db, id: string, secretHash: string, now: number): void {
  prepared(db, 'UPDATE operators SET secret_hash = ?, failed_attempts = 0, last_failed_at = NULL, updated_at = ?, revision = revision + 1 WHERE id = ?').run(
    secretHash,
    now,
    id,
  );
}

export function recordFailedAttempt(db: Db, id: string, at: number): void {
  prepared(db, 'UPDATE operators SET failed_attempts = failed_attempts + 1, last_failed_at = ? WHERE id = ?').run(at, id);
}

export function recordSignIn(db: Db, id: string, at: number): void {
  prepared(db, 'UPDATE operators SET failed_attempts = 0, last_failed_at = NULL, last_sign_in_at = ? WHERE id = ?').run(at, id);
}
