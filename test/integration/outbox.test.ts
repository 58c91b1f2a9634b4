import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/core';
import { createHandlers } from '../../electron/core/api/handlers';
import { dispatch } from '../../electron/core/api/dispatch';
import { claimOutbox } from '../../electron/core/db/repos/outbox.repo';
import { listAudit } from '../../electron/core/db/repos/audit.repo';
import { MAX_ATTEMPTS, recoverOutbox, retryDelay, sendDue } from '../../electron/core/services/outbox.service';
import { startOutbox, type Outbox } from '../../electron/core/exchange/mail/outbox-runner';
import { STALE_TEMP_MS } from '../../electron/core/services/attachments.service';
import type { Envelope } from '../../shared/contract/envelope';
import type { OutboxItem } from '../../shared/contract/mail.contract';
import { createI18n, errorMessage } from '../../shared/i18n';
import { ABAY_DISTRICT, openTempCore, tempDir } from '../helpers/temp-core';
import { installation, OKRUGS, outDir, recordWork } from './exchange-fixtures';
import { closedPort, manualClock, quickTransport, startSmtpServer, writeTestPackage, type TestSmtpServer } from '../helpers/mail-fixtures';

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const MINUTE = 60_000;

let core: Core;
let dir: string;
let clock: ReturnType<typeof manualClock>;
const servers: TestSmtpServer[] = [];
const outboxes: Outbox[] = [];

beforeEach(() => {
  core = openTempCore();
  dir = tempDir();
  clock = manualClock();
});
afterEach(async () => {
  for (const outbox of outboxes.splice(0)) await outbox.stop();
  for (const server of servers.splice(0)) await server.close();
  core.close();
});

const call = async (channel: string, input: unknown) => (await dispatch(createHandlers(core, 't'), channel as 'app:info', input, () => {})) as Envelope<unknown>;

async function value<T>(channel: string, input: unknown): Promise<T> {
  const result = await call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

async function server(options: Parameters<typeof startSmtpServer>[0] = {}): Promise<TestSmtpServer> {
  const started = await startSmtpServer(options);
  servers.push(started);
  return started;
}

/** STARTTLS to 127.0.0.1 with a login; smtp-server's own certificate is self-signed, so it is accepted explicitly. */
async function configure(port: number, change: Record<string, unknown> = {}) {
  await value('mail:saveSettings', {
    host: '127.0.0.1',
    port,
    security: 'starttls',
    user: 'okrug',
    password: 'құпия-сөз',
    from: 'okrug@akimat.kz',
    defaultRecipient: 'district@akimat.kz',
    acceptSelfSigned: true,
    ...change,
  });
}

const queue = (file: string, to = 'district@akimat.kz') => value<OutboxItem>('mail:queue', { path: file, to });
const outbox = () => value<OutboxItem[]>('mail:outbox', {});
const item = async (id: string) => (await outbox()).find((i) => i.id === id)!;
const send = () => sendDue(core, { createTransport: quickTransport, clock });

describe('the outbox with a real SMTP server on 127.0.0.1', () => {
  it('delivers over STARTTLS with AUTH PLAIN, and the attachment arrives byte-identical', async () => {
    const smtp = await server();
    await configure(smtp.port);
    const file = await writeTestPackage(dir, { payloadBytes: 700_000 });
    const bytes = fs.readFileSync(file);
    const queued = await queue(file);
    expect(queued).toMatchObject({ status: 'queued', attempts: 0, nextAttemptAt: null, recipient: 'district@akimat.kz', packageFileName: 'esep-103230000-0001.esep', packageSha256: sha256(bytes) });
    // The message is the outbox's own copy: the stick may go at once.
    fs.rmSync(file);

    expect(await send()).toEqual({ sent: 1, retrying: 0, failed: 0, notConfigured: false });
    expect(smtp.logins).toEqual([{ method: 'PLAIN', user: 'okrug', secure: true }]);
    expect(smtp.received).toHaveLength(1);
    const [message] = smtp.received;
    expect(message).toMatchObject({ from: 'okrug@akimat.kz', to: ['district@akimat.kz'], secure: true });
    const parsed = await simpleParser(message!.raw);
    expect(parsed.subject).toBe(queued.subject);
    expect(parsed.messageId).toBe(queued.messageId);
    expect(parsed.text).toContain('Жіберуші: Қараауыл а.о.');
    expect(parsed.text).toContain('Отправитель: Карааульский с.о.');
    expect(parsed.attachments).toHaveLength(1);
    expect(sha256(parsed.attachments[0]!.content)).toBe(sha256(bytes));

    const sent = await item(queued.id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, sentAt: clock.ms, lastError: null, nextAttemptAt: null });
    expect(sent.serverResponse).toMatch(/^250 .*TEST123/);
    expect(listAudit(core.ctx, 'outbox', queued.id)).toMatchObject([{ action: 'export', after: { recipient: 'district@akimat.kz', packageSha256: sha256(bytes) } }]);
    // Nothing is due any more.
    expect(await send()).toEqual({ sent: 0, retrying: 0, failed: 0, notConfigured: false });
  });

  it('keeps a message queued while the server is down, backing off, and delivers it on the first due attempt once it is up', async () => {
    const port = await closedPort();
    await configure(port);
    const { id } = await queue(await writeTestPackage(dir));

    expect(await send()).toMatchObject({ sent: 0, retrying: 1 });
    let waiting = await item(id);
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1, nextAttemptAt: clock.ms + MINUTE });
    expect(waiting.lastError).toMatchObject({ code: 'mail_connection_failed', details: { host: '127.0.0.1', port } });
    expect((waiting.lastError!.details as { reason: string }).reason).toMatch(/ECONNREFUSED/);

    // Not due yet: no attempt is made.
    clock.advance(MINUTE - 1);
    expect(await send()).toMatchObject({ sent: 0, retrying: 0 });
    expect((await item(id)).attempts).toBe(1);

    clock.advance(1);
    await send();
    waiting = await item(id);
    expect(waiting).toMatchObject({ status: 'queued', attempts: 2, nextAttemptAt: clock.ms + 2 * MINUTE });

    const smtp = await server({ port });
    clock.advance(2 * MINUTE - 1);
    await send();
    expect(smtp.received).toHaveLength(0);
    clock.advance(1);
    expect(await send()).toMatchObject({ sent: 1 });
    expect(await item(id)).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(smtp.received).toHaveLength(1);
  });

  it('backs off 1, 2, 4 … minutes, capped at an hour, and gives up after 12 attempts until the user retries', async () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 12].map(retryDelay)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60].map((m) => m * MINUTE));
    await configure(await closedPort());
    const { id } = await queue(await writeTestPackage(dir));
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await send();
      const now = await item(id);
      expect(now.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) {
        expect(now).toMatchObject({ status: 'queued', nextAttemptAt: clock.ms + retryDelay(attempt) });
        clock.advance(retryDelay(attempt));
      }
    }
    expect(await item(id)).toMatchObject({ status: 'failed', attempts: 12, nextAttemptAt: null, lastError: { code: 'mail_connection_failed' } });
    clock.advance(24 * 60 * MINUTE);
    expect(await send()).toMatchObject({ sent: 0, retrying: 0, failed: 0 });

    expect(await value('mail:retry', { id })).toMatchObject({ status: 'queued', attempts: 0, nextAttemptAt: null });
    expect(listAudit(core.ctx, 'outbox', id).map((e) => e.action)).toEqual(['export', 'update']);
  });

  it('a wrong password is mail_auth_failed, in Kazakh and Russian, and counts as a failed attempt', async () => {
    const smtp = await server();
    await configure(smtp.port, { password: 'wrong' });
    const { id } = await queue(await writeTestPackage(dir));
    expect(await send()).toMatchObject({ retrying: 1 });
    const failed = await item(id);
    expect(failed).toMatchObject({ status: 'queued', attempts: 1, nextAttemptAt: clock.ms + MINUTE, lastError: { code: 'mail_auth_failed' } });
    expect(smtp.logins).toEqual([{ method: 'PLAIN', user: 'okrug', secure: true }]);
    expect(smtp.received).toEqual([]);
    expect(errorMessage(createI18n('kk').t, failed.lastError!)).toMatch(/^127\.0\.0\.1 пошта сервері пайдаланушы атын немесе құпиясөзді қабылдамады \(535 /);
    expect(errorMessage(createI18n('ru').t, failed.lastError!)).toMatch(/^Почтовый сервер 127\.0\.0\.1 не принял имя пользователя или пароль \(535 /);

    // The password corrected, the user sends it now.
    await configure(smtp.port);
    await value('mail:retry', { id });
    expect(await send()).toMatchObject({ sent: 1 });
    expect(smtp.received).toHaveLength(1);
  });

  it('a 5xx refusal of the message fails it at once, and it is not tried again by itself', async () => {
    const smtp = await server({
      onRcptTo(address, _session, callback) {
        if (address.address === 'nobody@akimat.kz') return callback(Object.assign(new Error('5.1.1 No such user here'), { responseCode: 550 }));
        callback();
      },
    });
    await configure(smtp.port);
    const { id } = await queue(await writeTestPackage(dir), 'nobody@akimat.kz');
    expect(await send()).toMatchObject({ failed: 1, retrying: 0 });
    const refused = await item(id);
    expect(refused).toMatchObject({ status: 'failed', attempts: 1, nextAttemptAt: null, lastError: { code: 'mail_rejected' } });
    expect((refused.lastError!.details as { reason: string }).reason).toMatch(/^550 .*No such user/);
    expect(errorMessage(createI18n('ru').t, refused.lastError!)).toContain('отклонил письмо (550');
    clock.advance(60 * MINUTE);
    await send();
    expect((await item(id)).attempts).toBe(1);
  });

  it('refuses the server’s self-signed certificate unless the user accepted it', async () => {
    const smtp = await server();
    await configure(smtp.port, { acceptSelfSigned: false });
    const { id } = await queue(await writeTestPackage(dir));
    await send();
    const refused = await item(id);
    expect(refused).toMatchObject({ status: 'queued', attempts: 1, lastError: { code: 'mail_certificate_untrusted' } });
    expect(smtp.logins).toEqual([]);
    expect(errorMessage(createI18n('kk').t, refused.lastError!)).toContain('127.0.0.1 пошта серверінің сертификаты сенімді емес');
  });

  it('puts a message interrupted mid-send back in the queue at the next start, and sends it', async () => {
    const smtp = await server();
    await configure(smtp.port);
    const { id } = await queue(await writeTestPackage(dir));
    // The app quit while the message was being handed over.
    expect(claimOutbox(core.ctx.db, id)).toBe(true);
    expect(await item(id)).toMatchObject({ status: 'sending', attempts: 1 });
    expect(await send()).toMatchObject({ sent: 0 });

    const dataDir = core.paths.dataDir;
    core.close();
    core = openTempCore({ dataDir });
    expect(recoverOutbox(core, Date.now())).toEqual({ requeued: 1, removedFiles: 0 });
    expect(await item(id)).toMatchObject({ status: 'queued', attempts: 1, nextAttemptAt: null });
    expect(await send()).toMatchObject({ sent: 1 });
    expect(await item(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('fails a message whose file the data folder lost, saying so, without trying the server', async () => {
    const smtp = await server();
    await configure(smtp.port);
    const { id } = await queue(await writeTestPackage(dir));
    fs.rmSync(path.join(core.paths.dataDir, 'outbox', `${id}.eml`));
    expect(await send()).toMatchObject({ failed: 1 });
    expect(await item(id)).toMatchObject({ status: 'failed', lastError: { code: 'mail_message_lost', details: { file: `outbox/${id}.eml` } } });
    expect(smtp.received).toEqual([]);
  });

  it('removes message files no row names once old enough, and keeps the rest', async () => {
    const smtp = await server();
    await configure(smtp.port);
    const { id } = await queue(await writeTestPackage(dir));
    const outboxDir = path.join(core.paths.dataDir, 'outbox');
    const orphan = path.join(outboxDir, '0a1b2c3d-4e5f-4a6b-8c7d-000000000009.eml');
    const young = path.join(outboxDir, '0a1b2c3d-4e5f-4a6b-8c7d-00000000000a.eml');
    const temp = path.join(outboxDir, `.${path.basename(young)}.0a1b2c3d-4e5f-4a6b-8c7d-00000000000b.tmp`);
    const stranger = path.join(outboxDir, 'notes.txt');
    for (const file of [orphan, young, temp, stranger]) fs.writeFileSync(file, 'x');
    const old = new Date(Date.now() - STALE_TEMP_MS - MINUTE);
    for (const file of [orphan, temp, stranger]) fs.utimesSync(file, old, old);
    for (const named of fs.readdirSync(outboxDir).filter((n) => n.startsWith(id))) fs.utimesSync(path.join(outboxDir, named), old, old);

    expect(recoverOutbox(core, Date.now())).toEqual({ requeued: 0, removedFiles: 2 });
    expect(fs.readdirSync(outboxDir).sort()).toEqual([`${id}.eml`, path.basename(young), 'notes.txt'].sort());
  });
});

describe('queueing and cancelling', () => {
  it('needs the SMTP settings first', async () => {
    expect(await call('mail:queue', { path: await writeTestPackage(dir), to: 'district@akimat.kz' })).toEqual({ ok: false, error: { code: 'mail_not_configured' } });
    expect(fs.existsSync(path.join(core.paths.dataDir, 'outbox'))).toBe(false);
  });

  it('mails only an Esep package: a path to any other file (the SMTP password beside the signing key) is refused', async () => {
    const smtp = await server();
    await configure(smtp.port);
    const key = path.join(core.paths.dataDir, 'identity', 'smtp-password');
    expect(await call('mail:queue', { path: key, to: 'attacker@example.com' })).toMatchObject({ ok: false, error: { code: 'package_format' } });
    expect(await outbox()).toEqual([]);
    expect(fs.existsSync(path.join(core.paths.dataDir, 'outbox'))).toBe(false);
  });

  it('cancels a queued message with its file; a sent one stays', async () => {
    const smtp = await server();
    await configure(smtp.port);
    const first = await queue(await writeTestPackage(dir));
    const second = await queue(await writeTestPackage(dir, { name: 'esep-103230000-0002' }));
    const emlOf = (id: string) => path.join(core.paths.dataDir, 'outbox', `${id}.eml`);
    expect(fs.existsSync(emlOf(first.id))).toBe(true);
    expect((await outbox()).map((i) => i.id)).toEqual([second.id, first.id]);

    expect(await value('mail:cancel', { id: first.id })).toEqual({ id: first.id });
    expect(fs.existsSync(emlOf(first.id))).toBe(false);
    expect((await outbox()).map((i) => i.id)).toEqual([second.id]);

    await send();
    expect(await call('mail:cancel', { id: second.id })).toEqual({ ok: false, error: { code: 'mail_not_queued', details: { id: second.id } } });
    expect(await call('mail:retry', { id: second.id })).toEqual({ ok: false, error: { code: 'mail_not_queued', details: { id: second.id } } });
    expect(await call('mail:cancel', { id: first.id })).toEqual({ ok: false, error: { code: 'not_found', details: { id: first.id } } });
    expect(smtp.received).toHaveLength(1);
  });
});

describe('startOutbox', () => {
  /** A scheduler the test runs by hand: what is pending, and after how long. */
  function manualTimers() {
    const pending = new Map<number, { callback: () => void; ms: number }>();
    let next = 1;
    return {
      pending,
      setTimeout: (callback: () => void, ms: number) => {
        pending.set(next, { callback, ms });
        return next++;
      },
      clearTimeout: (handle: unknown) => void pending.delete(handle as number),
      fire() {
        const [handle, timer] = [...pending][0]!;
        pending.delete(handle);
        timer.callback();
      },
    };
  }

  it('sends at start, waits for the next due attempt, and sends at once after a queue', async () => {
    const port = await closedPort();
    await configure(port);
    const { id } = await queue(await writeTestPackage(dir));
    const timers = manualTimers();
    const sent: string[] = [];
    const runner = startOutbox(core, {
      createTransport: (options) => {
        const real = quickTransport(options);
        return { sendMail: async (m) => ((sent.push(m.envelope.to[0]!), await real.sendMail(m))), close: () => real.close() };
      },
      clock,
      setTimeout: timers.setTimeout,
      clearTimeout: timers.clearTimeout,
      log: (e) => {
        throw e;
      },
    });
    outboxes.push(runner);
    // The run at start fails (server down) and sleeps until the backoff has passed.
    await until(() => timers.pending.size === 1);
    expect(await item(id)).toMatchObject({ attempts: 1 });
    expect([...timers.pending.values()][0]!.ms).toBe(MINUTE);

    const smtp = await server({ port });
    clock.advance(MINUTE);
    timers.fire();
    await until(async () => (await item(id)).status === 'sent');
    expect(smtp.received).toHaveLength(1);
    // Nothing queued: the next look is the idle one.
    await until(() => timers.pending.size === 1);
    expect([...timers.pending.values()][0]!.ms).toBe(5 * MINUTE);

    // Queued through the door: woken at once, not after five minutes.
    const second = await queue(await writeTestPackage(dir, { name: 'esep-103230000-0002' }));
    await until(async () => (await item(second.id)).status === 'sent');
    expect(smtp.received).toHaveLength(2);
    expect(sent).toEqual(['district@akimat.kz', 'district@akimat.kz', 'district@akimat.kz']);

    await runner.stop();
    expect(timers.pending.size).toBe(0);
  });

  it('waits for settings without spinning when messages are due but e-mail is not set up', async () => {
    const smtp = await server();
    await configure(smtp.port);
    await queue(await writeTestPackage(dir));
    core.ctx.db.prepare(`DELETE FROM settings WHERE key = 'mail_smtp'`).run();
    const timers = manualTimers();
    outboxes.push(startOutbox(core, { createTransport: quickTransport, clock, setTimeout: timers.setTimeout, clearTimeout: timers.clearTimeout }));
    await until(() => timers.pending.size === 1);
    expect([...timers.pending.values()][0]!.ms).toBe(5 * MINUTE);
    // Saving the settings wakes it.
    await configure(smtp.port);
    await until(() => smtp.received.length === 1);
  });
});

/** Waits for the runner, which works on promises of its own. */
const until = (condition: () => boolean | Promise<boolean>) =>
  vi.waitFor(
    async () => {
      if (!(await condition())) throw new Error('not yet');
    },
    { timeout: 10_000, interval: 10 },
  );

describe('a package exported by an okrug, sent by e-mail, imported at its district', () => {
  it('arrives as the very package: the district imports the attachment as it came', async () => {
    const okrug = installation(OKRUGS[0]);
    const district = installation(ABAY_DISTRICT);
    try {
      const { meetingId } = recordWork(okrug, OKRUGS[0], 2);
      const exported = await okrug.exportTo(outDir());
      const smtp = await server();
      const saved = await okrug.request('mail:saveSettings', {
        host: '127.0.0.1',
        port: smtp.port,
        security: 'starttls',
        user: 'okrug',
        password: 'құпия-сөз',
        from: 'okrug@akimat.kz',
        defaultRecipient: null,
        acceptSelfSigned: true,
      });
      expect(saved.ok).toBe(true);
      expect(await okrug.request('mail:queue', { path: exported.path, to: 'district@akimat.kz' })).toMatchObject({ ok: true });
      expect(await sendDue(okrug.core, { createTransport: quickTransport, clock })).toMatchObject({ sent: 1 });

      const parsed = await simpleParser(smtp.received[0]!.raw);
      expect(parsed.subject).toContain('Қараауыл а.о., 2025 жыл');
      expect(parsed.text).toContain(exported.sha256);
      const [attachment] = parsed.attachments;
      expect(attachment!.filename).toBe(exported.fileName);
      const saveAs = path.join(outDir(), attachment!.filename!);
      fs.writeFileSync(saveAs, attachment!.content);
      expect(sha256(fs.readFileSync(saveAs))).toBe(exported.sha256);

      expect(await district.importFile(saveAs, [okrug.installationId])).toMatchObject({ ok: true });
      expect(district.value('meetings:get', { id: meetingId })).toMatchObject({ id: meetingId, origin: okrug.installationId });
    } finally {
      okrug.core.close();
      district.core.close();
    }
  });
});
