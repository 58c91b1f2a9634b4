import { randomBytes, randomUUID } from 'node:crypto';
import type { Core } from '../core';
import type { CoreContext } from '../context';
import type { AuthState, OperatorInput, OperatorView, WithRecoveryCode } from '../../../shared/contract/operators.contract';
import { can, DEFAULT_IDLE_MINUTES, PERMISSIONS, secretProblem, waitAfter, type Permission } from '../../../shared/domain/operators/roles';
import { EsepError } from '../../../shared/errors';
import { appendAudit } from '../db/repos/audit.repo';
import { getSetting, putSetting } from '../db/repos/settings.repo';
import {
  countActiveAdmins,
  countOperators,
  insertOperator,
  listOperatorRecords,
  operatorById,
  operatorByLogin,
  operatorBySeq,
  recordFailedAttempt,
  recordSignIn,
  setOperatorSecret,
  toView,
  updateOperatorProfile,
  type OperatorRecord,
} from '../db/repos/operators.repo';
import { hashSecret, verifySecret } from '../operators/secret-hash';

/*
 * Operators and the session (issue 14, point 1). Secrets are checked here and nowhere else;
 * api/access-guard.ts asks `sessionOperator` before every request.
 */

/** The wall clock: waits after failed sign-ins run in real time even when --today pins the day. */
const wallNow = (ctx: CoreContext) => (ctx.wallNow ?? Date.now)();

/** Logins are matched as typed in either case (Cyrillic too). */
export function foldLogin(login: string): string {
  return login.trim().toLocaleLowerCase('kk-KZ');
}

/** The operator the session names, while they exist and are active; null otherwise. */
export function sessionOperator(core: Core): OperatorRecord | null {
  const seq = core.session.operatorSeq();
  if (seq === 0) return null;
  const found = operatorBySeq(core.ctx.db, seq);
  return found && found.active ? found : null;
}

export function permissionsOf(operator: Pick<OperatorView, 'role'> | null): Permission[] {
  return operator ? PERMISSIONS.filter((p) => can(operator.role, p)) : [];
}

export function authState(core: Core): AuthState {
  const operator = sessionOperator(core);
  const locked = operator !== null && core.session.locked();
  return {
    operatorsExist: countOperators(core.ctx.db) > 0,
    operator: operator && toView(operator),
    locked,
    permissions: locked ? [] : permissionsOf(operator),
    idleMinutes: idleMinutes(core.ctx),
  };
}

export function idleMinutes(ctx: CoreContext): number {
  const stored = Number(getSetting(ctx.db, 'idle_minutes'));
  return getSetting(ctx.db, 'idle_minutes') !== null && Number.isInteger(stored) ? stored : DEFAULT_IDLE_MINUTES;
}

export function setIdleMinutes(core: Core, minutes: number): AuthState {
  const { ctx } = core;
  ctx.db.transaction(() => {
    const before = getSetting(ctx.db, 'idle_minutes');
    putSetting(ctx.db, 'idle_minutes', String(minutes), ctx.clock.now().getTime());
    appendAudit(ctx, { action: before === null ? 'insert' : 'update', entity: 'setting', entityId: 'idle_minutes', before, after: String(minutes) });
  })();
  return authState(core);
}

function assertStrong(secret: string): void {
  const problem = secretProblem(secret);
  if (problem) throw new EsepError('secret_weak', { reason: problem });
}

/** Refuses a sign-in while the wait after failed ones runs, saying how long is left. */
function assertNotWaiting(ctx: CoreContext, o: OperatorRecord): void {
  const wait = waitAfter(o.failedAttempts);
  if (wait === 0 || o.lastFailedAt === null) return;
  const left = o.lastFailedAt + wait - wallNow(ctx);
  if (left > 0) throw new EsepError('auth_wait', { seconds: Math.ceil(left / 1000) });
}

/** A wrong secret counts against its operator; the same answer for an unknown login. */
async function checkSecret(core: Core, o: OperatorRecord | null, secret: string): Promise<OperatorRecord> {
  const { ctx } = core;
  if (!o || !o.active) {
    // As long as a real check, so that timing does not tell which logins exist.
    await verifySecret(secret, DUMMY_HASH);
    throw new EsepError('auth_failed');
  }
  assertNotWaiting(ctx, o);
  if (await verifySecret(secret, o.secretHash)) return o;
  ctx.db.transaction(() => {
    recordFailedAttempt(ctx.db, o.id, wallNow(ctx));
    appendAudit(ctx, { action: 'sign_in_failed', entity: 'operator', entityId: o.id });
  })();
  const after = operatorById(ctx.db, o.id)!;
  const wait = waitAfter(after.failedAttempts);
  throw wait > 0 ? new EsepError('auth_wait', { seconds: Math.ceil(wait / 1000) }) : new EsepError('auth_failed');
}

/** A valid hash of nothing anyone types (the secret rules need at least six characters). */
const DUMMY_HASH = 'scrypt$17$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

function begin(core: Core, o: OperatorRecord, action: 'sign_in' | 'unlock' | 'recover'): AuthState {
  const { ctx } = core;
  core.session.set(o.seq, false);
  actAs(ctx, o);
  ctx.db.transaction(() => {
    recordSignIn(ctx.db, o.id, wallNow(ctx));
    appendAudit(ctx, { action, entity: 'operator', entityId: o.id });
  })();
  return authState(core);
}

/**
 * ctx.actor is what every record of a change prints as "who": the operator's name. With no
 * operator (an installation that has none, or a request before signing in, which access-guard.ts
 * lets through only on open channels) the permissions are null: nothing to hold anyone to.
 */
export function actAs(ctx: CoreContext, o: Pick<OperatorRecord, 'id' | 'name' | 'role'> | null, fallback = ctx.systemActor): void {
  ctx.actor = o ? o.name : fallback;
  ctx.operatorId = o ? o.id : null;
  ctx.permissions = o ? permissionsOf(o) : null;
}

/** For a service whose need depends on what it finds: refuses unless the operator acting may. */
export function requirePermission(ctx: CoreContext, permission: Permission): void {
  if (ctx.permissions !== null && !ctx.permissions.includes(permission)) throw new EsepError('not_permitted', { permission });
}

export async function signIn(core: Core, input: { login: string; secret: string }): Promise<AuthState> {
  const o = await checkSecret(core, operatorByLogin(core.ctx.db, foldLogin(input.login)), input.secret);
  return begin(core, o, 'sign_in');
}

export function signOut(core: Core): AuthState {
  const o = sessionOperator(core);
  if (o) core.ctx.db.transaction(() => appendAudit(core.ctx, { action: 'sign_out', entity: 'operator', entityId: o.id }))();
  core.session.set(0, false);
  actAs(core.ctx, null);
  return authState(core);
}

export function lock(core: Core): AuthState {
  const o = sessionOperator(core);
  if (o && !core.session.locked()) {
    core.session.set(o.seq, true);
    core.ctx.db.transaction(() => appendAudit(core.ctx, { action: 'lock', entity: 'operator', entityId: o.id }))();
  }
  return authState(core);
}

/** Only the operator whose screen it is unlocks it; anyone else signs out and in. */
export async function unlock(core: Core, input: { secret: string }): Promise<AuthState> {
  const o = sessionOperator(core);
  if (!o) throw new EsepError('auth_required');
  await checkSecret(core, o, input.secret);
  return begin(core, o, 'unlock');
}

/** Crockford's base32: no I, L, O or U to misread from paper. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 20;

function newCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % 32]!).join('');
  return chars.match(/.{5}/g)!.join('-');
}

/** As typed from paper: any case, spaces or dashes, O for 0, I or L for 1. */
export function normalizeCode(code: string): string {
  return code
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

async function issueRecoveryCode(ctx: CoreContext): Promise<string> {
  const code = newCode();
  const hash = await hashSecret(normalizeCode(code));
  ctx.db.transaction(() => {
    putSetting(ctx.db, 'recovery_hash', hash, ctx.clock.now().getTime());
    appendAudit(ctx, { action: 'update', entity: 'setting', entityId: 'recovery_code' });
  })();
  return code;
}

function profileOf(input: { login: string; name: string; positionKk: string; positionRu: string }) {
  return { login: foldLogin(input.login), name: input.name, positionKk: input.positionKk, positionRu: input.positionRu };
}

function assertLoginFree(ctx: CoreContext, login: string, exceptId: string | null): void {
  const other = operatorByLogin(ctx.db, login);
  if (other && other.id !== exceptId) throw new EsepError('login_taken', { login });
}

/** The first administrator: only while the installation has no operator at all. */
export async function createFirstOperator(
  core: Core,
  input: { login: string; name: string; positionKk: string; positionRu: string; secret: string },
): Promise<WithRecoveryCode> {
  const { ctx } = core;
  assertStrong(input.secret);
  const secretHash = await hashSecret(input.secret);
  const profile = profileOf(input);
  const id = randomUUID();
  ctx.db.transaction(() => {
    if (countOperators(ctx.db) > 0) throw new EsepError('operators_exist');
    insertOperator(ctx.db, { id, ...profile, role: 'admin', active: true, secretHash }, ctx.clock.now().getTime());
    const created = operatorById(ctx.db, id)!;
    actAs(ctx, created);
    appendAudit(ctx, { action: 'insert', entity: 'operator', entityId: id, after: toView(created) });
  })();
  const recoveryCode = await issueRecoveryCode(ctx);
  const state = begin(core, operatorById(ctx.db, id)!, 'sign_in');
  return { state, recoveryCode };
}

export function listOperators(core: Core): OperatorView[] {
  return listOperatorRecords(core.ctx.db).map(toView);
}

/** Creates or changes an operator (the administrator); the last active administrator stays one. */
export async function saveOperator(core: Core, input: OperatorInput): Promise<OperatorView> {
  const { ctx } = core;
  if (input.secret !== undefined) assertStrong(input.secret);
  if (input.id === null && input.secret === undefined) throw new EsepError('validation', { fields: ['secret'], reasons: { secret: 'required' } });
  const secretHash = input.secret === undefined ? null : await hashSecret(input.secret);
  const profile = { ...profileOf(input), role: input.role, active: input.active };
  const now = ctx.clock.now().getTime();
  const id = input.id ?? randomUUID();
  ctx.db.transaction(() => {
    assertLoginFree(ctx, profile.login, input.id);
    if (input.id === null) {
      insertOperator(ctx.db, { id, ...profile, secretHash: secretHash! }, now);
      appendAudit(ctx, { action: 'insert', entity: 'operator', entityId: id, after: toView(operatorById(ctx.db, id)!) });
      return;
    }
    const before = operatorById(ctx.db, input.id);
    if (!before) throw new EsepError('not_found', { id: input.id });
    if (before.revision !== input.revision) throw new EsepError('conflict');
    const demoted = before.role === 'admin' && before.active && (profile.role !== 'admin' || !profile.active);
    if (demoted && countActiveAdmins(ctx.db) === 1) throw new EsepError('last_admin');
    updateOperatorProfile(ctx.db, { id, ...profile }, now);
    if (secretHash) setOperatorSecret(ctx.db, id, secretHash, now);
    const after = operatorById(ctx.db, id)!;
    appendAudit(ctx, { action: 'update', entity: 'operator', entityId: id, before: toView(before), after: { ...toView(after), ...(secretHash ? { secretChanged: true } : {}) } });
  })();
  return toView(operatorById(ctx.db, id)!);
}

export async function changeOwnSecret(core: Core, input: { current: string; secret: string }): Promise<AuthState> {
  const o = sessionOperator(core);
  if (!o) throw new EsepError('auth_required');
  assertStrong(input.secret);
  await checkSecret(core, o, input.current);
  const hash = await hashSecret(input.secret);
  core.ctx.db.transaction(() => {
    setOperatorSecret(core.ctx.db, o.id, hash, core.ctx.clock.now().getTime());
    appendAudit(core.ctx, { action: 'update', entity: 'operator', entityId: o.id, after: { secretChanged: true } });
  })();
  return authState(core);
}

export async function newRecoveryCode(core: Core, input: { secret: string }): Promise<{ recoveryCode: string }> {
  const o = sessionOperator(core);
  if (!o) throw new EsepError('auth_required');
  await checkSecret(core, o, input.secret);
  return { recoveryCode: await issueRecoveryCode(core.ctx) };
}

/**
 * A forgotten administrator secret: the recovery code from the safe sets a new one and signs in.
 * The code is then spent and a new one issued; tries count against that administrator like
 * sign-ins, so a minute at the computer buys five guesses at a 100-bit code.
 */
export async function recoverAdmin(core: Core, input: { login: string; recoveryCode: string; secret: string }): Promise<WithRecoveryCode> {
  const { ctx } = core;
  assertStrong(input.secret);
  const o = operatorByLogin(ctx.db, foldLogin(input.login));
  const stored = getSetting(ctx.db, 'recovery_hash');
  if (!o || !o.active || o.role !== 'admin' || stored === null) {
    await verifySecret(input.recoveryCode, DUMMY_HASH);
    throw new EsepError('recovery_invalid');
  }
  assertNotWaiting(ctx, o);
  if (!(await verifySecret(normalizeCode(input.recoveryCode), stored))) {
    ctx.db.transaction(() => {
      recordFailedAttempt(ctx.db, o.id, wallNow(ctx));
      appendAudit(ctx, { action: 'sign_in_failed', entity: 'operator', entityId: o.id, after: { recovery: true } });
    })();
    throw new EsepError('recovery_invalid');
  }
  const hash = await hashSecret(input.secret);
  ctx.db.transaction(() => setOperatorSecret(ctx.db, o.id, hash, ctx.clock.now().getTime()))();
  const state = begin(core, operatorById(ctx.db, o.id)!, 'recover');
  const recoveryCode = await issueRecoveryCode(ctx);
  return { state, recoveryCode };
}
