import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { createHandlers } from '../../electron/core/api/handlers';
import { dispatch } from '../../electron/core/api/dispatch';
import { listAudit } from '../../electron/core/db/repos/audit.repo';
import { transportOptions } from '../../electron/core/exchange/mail/smtp';
import type { Envelope } from '../../shared/contract/envelope';
import type { MailSettings } from '../../shared/contract/mail.contract';
import { openTempCore } from '../helpers/temp-core';

let core: Core;
beforeEach(() => {
  core = openTempCore();
});
afterEach(() => core.close());

const call = async (channel: string, input: unknown) => (await dispatch(createHandlers(core, 't'), channel as 'app:info', input, () => {})) as Envelope<unknown>;

async function value<T>(channel: string, input: unknown): Promise<T> {
  const result = await call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const SETTINGS = {
  host: 'mail.abay.gov.kz',
  port: 587,
  security: 'starttls',
  user: 'karaauyl',
  password: 'Құпия-сөз 2025',
  from: 'karaauyl@abay.gov.kz',
  defaultRecipient: 'district@abay.gov.kz',
  acceptSelfSigned: false,
} as const;

const passwordFile = () => path.join(core.paths.dataDir, 'identity', 'smtp-password');

describe('SMTP settings', () => {
  it('are null until saved; the password goes to a file only this user can read, never to the renderer or the database', async () => {
    expect(await value('mail:settings', {})).toBeNull();
    const saved = await value<MailSettings>('mail:saveSettings', SETTINGS);
    const { password: _password, ...shown } = SETTINGS;
    expect(saved).toEqual({ ...shown, hasPassword: true });
    expect(await value('mail:settings', {})).toEqual(saved);
    expect(Object.keys(saved)).not.toContain('password');

    expect(fs.readFileSync(passwordFile(), 'utf8')).toBe(SETTINGS.password);
    expect(fs.statSync(passwordFile()).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(passwordFile())).mode & 0o777).toBe(0o700);
    const stored = core.ctx.db.prepare(`SELECT value FROM settings WHERE key = 'mail_smtp'`).get() as { value: string };
    expect(stored.value).not.toContain(SETTINGS.password);
    expect(JSON.stringify(listAudit(core.ctx))).not.toContain(SETTINGS.password);
    expect(listAudit(core.ctx, 'setting', 'smtp_password')).toHaveLength(1);
  });

  it('keep the password when none is given, forget it on null, and refuse a login without one', async () => {
    await value('mail:saveSettings', SETTINGS);
    const { password: _password, ...withoutPassword } = SETTINGS;
    expect(await value<MailSettings>('mail:saveSettings', { ...withoutPassword, port: 465, security: 'tls' })).toMatchObject({ port: 465, hasPassword: true });
    expect(fs.readFileSync(passwordFile(), 'utf8')).toBe(SETTINGS.password);

    expect(await call('mail:saveSettings', { ...SETTINGS, password: null })).toEqual({ ok: false, error: { code: 'validation', details: { fields: ['password'] } } });
    expect(fs.existsSync(passwordFile())).toBe(true);
    expect(await value<MailSettings>('mail:saveSettings', { ...SETTINGS, user: '', password: null })).toMatchObject({ user: '', hasPassword: false });
    expect(fs.existsSync(passwordFile())).toBe(false);
  });

  it.each([
    [{ from: 'not an address' }, 'from'],
    [{ defaultRecipient: 'district@' }, 'defaultRecipient'],
    [{ port: 0 }, 'port'],
    [{ port: 65536 }, 'port'],
    [{ port: 25.5 }, 'port'],
    [{ host: 'mail server' }, 'host'],
    [{ host: '' }, 'host'],
    [{ security: 'ssl' }, 'security'],
    // No encryption only to this computer: a password never crosses a network in the clear.
    [{ security: 'none' }, 'security'],
    [{ extra: true }, '(input)'],
  ])('refuse %j', async (change, field) => {
    const result = await call('mail:saveSettings', { ...SETTINGS, ...change });
    expect(result).toEqual({ ok: false, error: { code: 'validation', details: { fields: [field] } } });
    expect(await value('mail:settings', {})).toBeNull();
  });

  it.each(['127.0.0.1', 'localhost', '::1'])('accept no encryption for a relay on this computer (%s)', async (host) => {
    expect(await value<MailSettings>('mail:saveSettings', { ...SETTINGS, host, port: 25, security: 'none' })).toMatchObject({ host, security: 'none' });
  });

  it('accept an IP address and trim what was typed around the addresses', async () => {
    expect(await value<MailSettings>('mail:saveSettings', { ...SETTINGS, host: '10.0.0.5', from: '  karaauyl@abay.gov.kz ' })).toMatchObject({ host: '10.0.0.5', from: 'karaauyl@abay.gov.kz' });
  });
});

describe('the connection the settings make', () => {
  const settings: MailSettings = { ...SETTINGS, hasPassword: true };

  it('TLS from the start on tls, required STARTTLS on starttls, nothing on none', () => {
    expect(transportOptions({ ...settings, security: 'tls', port: 465 }, 'p')).toMatchObject({ secure: true, requireTLS: false, ignoreTLS: false, port: 465 });
    expect(transportOptions(settings, 'p')).toMatchObject({ secure: false, requireTLS: true, ignoreTLS: false });
    expect(transportOptions({ ...settings, host: '127.0.0.1', security: 'none' }, 'p')).toMatchObject({ secure: false, requireTLS: false, ignoreTLS: true });
  });

  it('verifies the certificate unless the user accepted the server’s own, and logs in only with a user', () => {
    expect(transportOptions(settings, 'p').tls).toEqual({ rejectUnauthorized: true, servername: 'mail.abay.gov.kz' });
    expect(transportOptions({ ...settings, acceptSelfSigned: true }, 'p').tls).toMatchObject({ rejectUnauthorized: false });
    expect(transportOptions(settings, 'p').auth).toEqual({ user: 'karaauyl', pass: 'p' });
    expect(transportOptions({ ...settings, user: '' }, null).auth).toBeUndefined();
  });
});
