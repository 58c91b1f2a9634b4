import type { z } from 'zod';
import type { CoreContext } from '../context';
import { MailAccountFields, type MailSettings, type SaveMailSettingsInput } from '../../../shared/contract/mail.contract';
import { EsepError } from '../../../shared/errors';
import { getSetting, putSetting } from '../db/repos/settings.repo';
import { appendAudit } from '../db/repos/audit.repo';
import { readSmtpPassword, removeSmtpPassword, writeSmtpPassword } from '../exchange/mail/smtp-password';

type Account = z.infer<typeof MailAccountFields>;

function storedAccount(ctx: CoreContext): Account | null {
  const stored = getSetting(ctx.db, 'mail_smtp');
  if (stored === null) return null;
  try {
    // Written by saveMailSettings; anything else (a hand edit, a later version's shape) reads as unset.
    const parsed = MailAccountFields.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function getMailSettings(ctx: CoreContext): MailSettings | null {
  const account = storedAccount(ctx);
  return account && { ...account, hasPassword: readSmtpPassword(ctx.identityDir) !== null };
}

/** The settings and the password, for sending; null before the settings are saved. */
export function mailAccount(ctx: CoreContext): { settings: MailSettings; password: string | null } | null {
  const settings = getMailSettings(ctx);
  return settings && { settings, password: readSmtpPassword(ctx.identityDir) };
}

/**
 * Saves the settings; the password goes to its own file first (see smtp-password.ts), so a
 * failure to write it leaves everything as it was. A login needs a password, given now or kept
 * from before. Audited without the password, of course.
 */
export function saveMailSettings(ctx: CoreContext, input: z.output<typeof SaveMailSettingsInput>): MailSettings {
  const { password, ...account } = input;
  const hadPassword = readSmtpPassword(ctx.identityDir) !== null;
  const willHavePassword = password === undefined ? hadPassword : password !== null;
  if (account.user !== '' && !willHavePassword) throw new EsepError('validation', { fields: ['password'] });

  if (typeof password === 'string') writeSmtpPassword(ctx.identityDir, password);
  else if (password === null) removeSmtpPassword(ctx.identityDir);

  const before = storedAccount(ctx);
  ctx.db.transaction(() => {
    putSetting(ctx.db, 'mail_smtp', JSON.stringify(account), ctx.clock.now().getTime());
    appendAudit(ctx, { action: before === null ? 'insert' : 'update', entity: 'setting', entityId: 'mail_smtp', before, after: account });
    if (password !== undefined) appendAudit(ctx, { action: password === null ? 'delete' : 'update', entity: 'setting', entityId: 'smtp_password' });
  })();
  return { ...account, hasPassword: willHavePassword };
}
