import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../electron/core/db/repos/audit.repo';
import { hashSecret, parseHash, SCRYPT_PARAMS, verifySecret } from '../../electron/core/operators/secret-hash';
import { issueWorld, type IssueWorld } from './issue-fixtures';
import { ABAY_DISTRICT, KARAAUYL_OKRUG } from '../helpers/temp-core';
import { blankIssueFields } from '../../shared/contract/issue-defaults';
import { installation, OKRUGS, outDir, recordWork } from './exchange-fixtures';
import { addStaff, STAFF } from '../helpers/staff';
import type { AuthState, OperatorView, WithRecoveryCode } from '../../shared/contract/operators.contract';

let worlds: IssueWorld[] = [];
afterEach(() => {
  for (const w of worlds) w.core.close();
  worlds = [];
});

const ADMIN = { login: 'Aliya', name: 'Сейтқали Әлия', positionKk: 'аппарат басшысы', positionRu: 'руководитель аппарата', secret: 'кілт-сөз-2026' };

async function ok<T>(w: IssueWorld, channel: string, input: unknown): Promise<T> {
  const envelope = await w.call(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

/** The district's installation with its first administrator, who then adds one operator of each other role. */
async function staffed() {
  const w = issueWorld();
  worlds.push(w);
  let clock = Date.parse('2025-07-15T09:00:00Z');
  w.core.ctx.wallNow = () => clock;
  const first = await ok<WithRecoveryCode>(w, 'operators:createFirst', ADMIN);
  const add = (login: string, name: string, role: string) =>
    ok<OperatorView>(w, 'operators:save', { id: null, revision: null, login, name, positionKk: '', positionRu: '', role, active: true, secret: '246810' });
  const secretary = await add('hatshy', 'Нұрланова Гүлжан', 'secretary');
  const okrug = await add('okrug', 'Бекенов Асхат', 'okrug_staff');
  const viewer = await add('viewer', 'Жұмабаева Сәуле', 'viewer');
  const signInAs = (login: string, secret = '246810') => ok<AuthState>(w, 'auth:signIn', { login, secret });
  const advance = (ms: number) => (clock += ms);
  return { ...w, first, secretary, okrug, viewer, signInAs, advance };
}

describe('secret hashing', () => {
  it('uses scrypt with N = 2^17, r = 8, p = 1, a 16-byte salt of its own and a 32-byte key, and verifies only the secret', async () => {
    expect(SCRYPT_PARAMS).toMatchObject({ logN: 17, r: 8, p: 1, keyLength: 32, saltLength: 16 });
    const a = await hashSecret('246810');
    const b = await hashSecret('246810');
    expect(a).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(parseHash(a)).toMatchObject({ cost: { logN: 17, r: 8, p: 1 } });
    expect(parseHash(a)!.salt).toHaveLength(16);
    expect(parseHash(a)!.key).toHaveLength(32);
    expect(a).not.toBe(b);
    expect(await verifySecret('246810', a)).toBe(true);
    expect(await verifySecret('246811', a)).toBe(false);
    // A stored row asking for a gigabyte of memory, or not a hash at all, verifies nothing.
    expect(await verifySecret('246810', a.replace('scrypt$17$', 'scrypt$24$'))).toBe(false);
    expect(await verifySecret('246810', '246810')).toBe(false);
  });
});

describe('operators and roles', () => {
  it('a fresh installation is open until its first administrator, who is signed in at once and is the only first one', async () => {
    const w = await staffed();
    expect(w.first.state).toMatchObject({ operatorsExist: true, locked: false, operator: { login: 'aliya', role: 'admin', name: ADMIN.name } });
    expect(w.first.recoveryCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/);
    expect(await w.call('operators:createFirst', { ...ADMIN, login: 'second' })).toMatchObject({ ok: false, error: { code: 'operators_exist' } });
    // The secrets are nowhere in the database file, only their hashes.
    w.core.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = fs.readFileSync(w.core.paths.dbFile);
    expect(bytes.includes(Buffer.from(ADMIN.secret))).toBe(false);
    expect(bytes.includes(Buffer.from(w.first.recoveryCode))).toBe(false);
    expect(w.core.ctx.db.prepare('SELECT secret_hash FROM operators').all()).toEqual(Array(4).fill({ secret_hash: expect.stringMatching(/^scrypt\$17\$/) }));
  });

  it('a viewer reads and changes nothing; an okrug operator records but never sees an author; the secretary sees them', async () => {
    const w = await staffed();
    const issue = w.create({ author: { fullName: 'Ахметов Серік', phone: '+7 701 000 00 00', address: '' } });

    await w.signInAs('viewer');
    expect(w.list().total).toBe(1);
    expectRefusedNow(w, 'issues:create', createInput(w), 'not_permitted');
    expectRefusedNow(w, 'meetings:recordHeld', { unitKato: KARAAUYL_OKRUG, heldOn: '2025-07-12' }, 'not_permitted');
    expectRefusedNow(w, 'issues:author', { id: issue.id }, 'not_permitted');
    expectRefusedNow(w, 'operators:list', {}, 'not_permitted');

    await w.signInAs('okrug');
    expect(w.value('issues:create', createInput(w))).toMatchObject({ unitKato: KARAAUYL_OKRUG });
    expectRefusedNow(w, 'issues:author', { id: issue.id }, 'not_permitted');
    expectRefusedNow(w, 'issues:create', { ...createInput(w), author: { fullName: 'Ахметов Серік', phone: '+7 701 000 00 00', address: '' } }, 'not_permitted');
    expectRefusedNow(w, 'reports:export', reportExport(true), 'not_permitted');

    await w.signInAs('hatshy');
    expect(w.value('issues:author', { id: issue.id })).toMatchObject({ fullName: 'Ахметов Серік', phone: '+7 701 000 00 00' });
    expectRefusedNow(w, 'operators:save', { ...asInput(w.viewer), role: 'admin' }, 'not_permitted');
  });

  it('names the operator, not the computer’s account, in the audit log and the status history', async () => {
    const w = await staffed();
    await w.signInAs('hatshy');
    const issue = w.create();
    const audit = listAudit(w.core.ctx, 'issue', issue.id);
    expect(audit.map((a) => [a.actor, a.operatorId])).toEqual([['Нұрланова Гүлжан', w.secretary.id]]);
    const history = w.core.ctx.db.prepare('SELECT actor FROM issue_history WHERE issue_id = ?').all(issue.id);
    expect(history).toEqual([{ actor: 'Нұрланова Гүлжан' }]);
    const signIns = listAudit(w.core.ctx, 'operator', w.secretary.id).map((a) => a.action);
    expect(signIns).toEqual(['insert', 'sign_in']);
  });

  it('refuses everything but signing in when signed out or locked, and unlocks only with the secret', async () => {
    const w = await staffed();
    await ok(w, 'auth:signOut', {});
    expectRefusedNow(w, 'issues:list', listInput(), 'auth_required');
    await w.signInAs('hatshy');
    expect(await ok<AuthState>(w, 'auth:lock', {})).toMatchObject({ locked: true, permissions: [], operator: { login: 'hatshy' } });
    expectRefusedNow(w, 'issues:list', listInput(), 'auth_locked');
    expect(await w.call('auth:unlock', { secret: '111111' })).toMatchObject({ ok: false, error: { code: 'auth_failed' } });
    expect(await ok<AuthState>(w, 'auth:unlock', { secret: '246810' })).toMatchObject({ locked: false });
    expect(w.call('issues:list', listInput())).toMatchObject({ ok: true });
  });

  it('makes each try wait after five wrong secrets, in real time, and tells how long', async () => {
    const w = await staffed();
    for (let i = 0; i < 4; i++) expect(await w.call('auth:signIn', { login: 'okrug', secret: '000000' })).toMatchObject({ ok: false, error: { code: 'auth_failed' } });
    expect(await w.call('auth:signIn', { login: 'okrug', secret: '000000' })).toMatchObject({ ok: false, error: { code: 'auth_wait', details: { seconds: 30 } } });
    // Even the right secret waits.
    expect(await w.call('auth:signIn', { login: 'okrug', secret: '246810' })).toMatchObject({ ok: false, error: { code: 'auth_wait' } });
    w.advance(31_000);
    expect(await ok<AuthState>(w, 'auth:signIn', { login: 'OKRUG', secret: '246810' })).toMatchObject({ operator: { login: 'okrug' } });
    // An unknown login answers as a wrong secret does.
    expect(await w.call('auth:signIn', { login: 'nobody', secret: '246810' })).toMatchObject({ ok: false, error: { code: 'auth_failed' } });
  });

  it('recovers a forgotten administrator secret only with the recovery code, which is then replaced', async () => {
    const w = await staffed();
    await ok(w, 'auth:signOut', {});
    expect(await w.call('auth:recover', { login: 'aliya', recoveryCode: 'AAAAA-BBBBB-CCCCC-DDDDD', secret: 'жаңа-кілт-2026' })).toMatchObject({
      ok: false,
      error: { code: 'recovery_invalid' },
    });
    // Not for an operator who is not an administrator, even with the right code.
    expect(await w.call('auth:recover', { login: 'hatshy', recoveryCode: w.first.recoveryCode, secret: 'жаңа-кілт-2026' })).toMatchObject({ ok: false, error: { code: 'recovery_invalid' } });
    const typed = w.first.recoveryCode.toLowerCase().replace(/-/g, ' ');
    const recovered = await ok<WithRecoveryCode>(w, 'auth:recover', { login: 'aliya', recoveryCode: typed, secret: 'жаңа-кілт-2026' });
    expect(recovered.state.operator).toMatchObject({ login: 'aliya' });
    expect(recovered.recoveryCode).not.toBe(w.first.recoveryCode);
    await ok(w, 'auth:signOut', {});
    expect(await w.call('auth:signIn', { login: 'aliya', secret: ADMIN.secret })).toMatchObject({ ok: false, error: { code: 'auth_failed' } });
    await ok(w, 'auth:signIn', { login: 'aliya', secret: 'жаңа-кілт-2026' });
    await ok(w, 'auth:signOut', {});
    expect(await w.call('auth:recover', { login: 'aliya', recoveryCode: w.first.recoveryCode, secret: 'тағы-бір-кілт' })).toMatchObject({ ok: false, error: { code: 'recovery_invalid' } });
  });

  it('keeps the last active administrator one, refuses a weak secret and a taken login', async () => {
    const w = await staffed();
    const admin = w.first.state.operator!;
    expect(await w.call('operators:save', { ...asInput(admin), role: 'secretary' })).toMatchObject({ ok: false, error: { code: 'last_admin' } });
    expect(await w.call('operators:save', { ...asInput(admin), active: false })).toMatchObject({ ok: false, error: { code: 'last_admin' } });
    const blank = { id: null, revision: null, name: 'Жаңа', positionKk: '', positionRu: '', role: 'viewer', active: true };
    expect(await w.call('operators:save', { ...blank, login: 'new1', secret: '12345' })).toMatchObject({ ok: false, error: { code: 'secret_weak', details: { reason: 'pin_too_short' } } });
    expect(await w.call('operators:save', { ...blank, login: 'new1', secret: 'short' })).toMatchObject({ ok: false, error: { code: 'secret_weak', details: { reason: 'password_too_short' } } });
    expect(await w.call('operators:save', { ...blank, login: 'Hatshy', secret: '135790' })).toMatchObject({ ok: false, error: { code: 'login_taken' } });
    expect(w.core.ctx.db.prepare('SELECT count(*) AS n FROM operators').get()).toEqual({ n: 4 });
    // Deactivated, an operator's session ends at their next request.
    await w.signInAs('viewer');
    await w.signInAs('aliya', ADMIN.secret);
    await ok(w, 'operators:save', { ...asInput((await ok<OperatorView[]>(w, 'operators:list', {})).find((o) => o.login === 'viewer')!), active: false });
    expect(await w.call('auth:signIn', { login: 'viewer', secret: '246810' })).toMatchObject({ ok: false, error: { code: 'auth_failed' } });
  });
});

/** operators:save's input for an operator as listed. */
function asInput({ lastSignInAt: _last, ...view }: OperatorView) {
  return view;
}

function listInput() {
  return { filter: {}, sort: { key: 'registryNo', dir: 'asc' }, offset: 0, limit: 50 };
}

function createInput(w: IssueWorld) {
  return { unitKato: KARAAUYL_OKRUG, meetingId: w.held.id, raisedOn: '2025-07-10', fields: blankIssueFields('Көпір жөндеу керек'), author: null };
}

function reportExport(personalData: boolean) {
  return { unitKato: ABAY_DISTRICT, period: { start: '2025-07-01', end: '2025-09-30' }, document: 'period', language: 'kk', format: 'xlsx', personalData, sections: ['summary'] };
}

/** Refused with `code`, and nothing written (the audit log included). */
function expectRefusedNow(w: IssueWorld, channel: string, input: unknown, code: string) {
  const before = w.snapshot();
  expect(w.call(channel, input)).toMatchObject({ ok: false, error: { code } });
  expect(w.snapshot()).toEqual(before);
}

describe('personal data that leaves the installation', () => {
  it('records in the audit log, with the operator, how many authors a package takes out', async () => {
    const okrug = installation(OKRUGS[0]);
    try {
      recordWork(okrug, OKRUGS[0], 3);
      await addStaff(okrug.core, 'okrug_staff');
      const pkg = await okrug.exportTo(outDir());
      const entry = listAudit(okrug.core.ctx, 'package', pkg.packageId);
      expect(entry).toHaveLength(1);
      expect(entry[0]).toMatchObject({ action: 'export', actor: STAFF.okrug_staff.name, after: { personalData: 3, records: { issues: 3 } } });
      expect(entry[0]!.operatorId).toBe(okrug.core.ctx.operatorId);
      expect(entry[0]!.operatorId).not.toBeNull();
    } finally {
      okrug.core.close();
    }
  });
});

describe('documents name the operator', () => {
  it('prints the secretary’s name in the minutes’ amendment, and a viewer cannot start minutes by opening them', async () => {
    const w = await staffed();
    await w.signInAs('viewer');
    expectRefusedNow(w, 'minutes:open', { meetingId: w.held.id }, 'not_permitted');
    await w.signInAs('hatshy');
    const opened = w.value('minutes:open', { meetingId: w.held.id });
    const body = {
      number: '3',
      date: opened.date,
      place: 'Мәдениет үйі',
      chair: 'Серікбаев Н.',
      secretary: 'Қасымова Ж.',
      presentCount: 57,
      presentList: '',
      invited: '',
      items: [{ id: crypto.randomUUID(), title: 'Әкімнің есебі', speaker: 'Серікбаев Н.', heard: 'Баяндады.', speeches: [], decisions: [{ id: crypto.randomUUID(), text: 'Қабылдансын.', responsible: '', deadline: null }] }],
    };
    const saved = w.value('minutes:save', { minutesId: opened.id, revision: opened.revision, body });
    const final = w.value('minutes:finalize', { minutesId: saved.id, revision: saved.revision });
    expect(final.finalizedBy).toBe('Нұрланова Гүлжан');
    w.value('minutes:amend', { minutesId: final.id, revision: final.revision, reason: 'Нөмірі түзетілді', body: { ...body, number: '4' } });
    await w.signInAs('viewer');
    const file = await ok<{ dataBase64: string }>(w, 'minutes:exportDocx', { minutesId: final.id, language: 'ru' });
    const xml = strFromU8(unzipSync(Buffer.from(file.dataBase64, 'base64'))['word/document.xml']!);
    expect(xml).toContain('Нұрланова Гүлжан: Нөмірі түзетілді');
    expect(xml).not.toContain(w.core.ctx.systemActor + ':');
  });
});
