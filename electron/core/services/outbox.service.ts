import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../core';
import type { Clock } from '../clock';
import type { FileData } from '../../../shared/contract/minutes.contract';
import type { OutboxItem } from '../../../shared/contract/mail.contract';
import { EsepError, type ErrorPayload } from '../../../shared/errors';
import { parsePeriod } from '../../../shared/domain/reports/period';
import { PACKAGE_EXTENSION, packageStem } from '../../../shared/domain/exchange/package-file';
import { appendAudit } from '../db/repos/audit.repo';
import { getUnit } from '../db/repos/units.repo';
import {
  claimOutbox,
  deleteOutbox,
  dueOutbox,
  getOutbox,
  insertOutbox,
  listOutbox,
  markOutboxAttemptFailed,
  markOutboxSent,
  outboxFiles,
  requeueInterrupted,
  requeueOutbox,
  type OutboxRecord,
} from '../db/repos/outbox.repo';
import { writeFileAtomically } from '../files/atomic-write';
import { sha256Of } from '../files/content-store';
import { safeFileName } from '../files/safe-file-name';
import { packageLetter } from '../exchange/mail/letter';
import { readPackage } from '../exchange/bag';
import type { PackageEmail } from '../exchange/mail/eml';
import { sendFailure, transportOptions, type CreateTransport } from '../exchange/mail/smtp';
import { getMailSettings, mailAccount } from './mail-settings.service';
import { STALE_TEMP_MS } from './attachments.service';

/**
 * The e-mail outbox (issue 11, part 3): a package is copied into a message file in the data
 * folder and queued; sendDue hands due messages to the SMTP server one at a time, retrying with
 * backoff while the network or the server is down.
 */

/** After this many failed attempts (about six hours of trying) a message waits for the user. */
export const MAX_ATTEMPTS = 12;
const FIRST_DELAY_MS = 60_000;
const MAX_DELAY_MS = 60 * 60_000;
/** The server's reply is kept for the user to quote (its queue id); a longer one is cut. */
const MAX_RESPONSE = 500;

/** The wait after the n-th failed attempt: 1 min, 2, 4 … capped at an hour. */
export function retryDelay(attempts: number): number {
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, attempts - 1));
}

const outboxDir = (core: Core) => path.join(core.paths.dataDir, 'outbox');

export interface SendDeps {
  createTransport: CreateTransport;
  /** Wall-clock time for backoff and for when a message was sent; the core's clock may be pinned to a day. */
  clock: Pick<Clock, 'now'>;
}

/**
 * A package as its letter: the bytes, the bilingual subject and text, what the row records.
 * The package is verified first (every hash, and the signature against the key it names): a
 * damaged file is refused here, with the reason, rather than at the level above days later;
 * and a path from the renderer can never make Esep mail some other file (the signing key, a
 * database) to an address.
 */
async function packageLetterOf(core: Core, packagePath: string) {
  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(packagePath);
  } catch {
    throw new EsepError('package_unreadable', { file: packagePath });
  }
  const { info } = await readPackage(bytes);
  const unit = getUnit(core.ctx.db, info.originUnit);
  // Named `.esep` whatever the stick's copy is called (one written before the extension was
  // `.zip`): the recipient double-clicks the attachment and Esep opens it.
  const fileName = safeFileName(`${packageStem(path.basename(packagePath))}${PACKAGE_EXTENSION}`, `esep${PACKAGE_EXTENSION}`);
  const sha256 = sha256Of(bytes);
  const letter = packageLetter({
    unit: { kato: info.originUnit, nameKk: unit?.nameKk ?? null, nameRu: unit?.nameRu ?? null },
    // The bag-info schema accepts only a period parsePeriod reads.
    period: parsePeriod(info.period)!,
    fileName,
    bytes: bytes.length,
    sha256,
  });
  return { bytes, fileName, sha256, ...letter };
}

/**
 * The package as an .eml for the user's own mail program: a draft (see eml.ts) from the saved
 * sender if there is one, else from whatever account the program sends with.
 */
export async function packageEml(core: Core, input: { path: string; to: string }): Promise<FileData> {
  const letter = await packageLetterOf(core, input.path);
  const from = getMailSettings(core.ctx)?.from;
  const eml = await composeEmail({
    ...(from === undefined ? {} : { from }),
    to: input.to,
    subject: letter.subject,
    text: letter.text,
    attachment: { fileName: letter.fileName, bytes: letter.bytes },
    date: core.ctx.clock.now(),
    draft: true,
  });
  return { fileName: safeFileName(`${packageStem(letter.fileName)}.eml`), mime: 'message/rfc822', dataBase64: eml.toString('base64') };
}

/**
 * Queues the package to `to`. The message is composed now and written whole to
 * `<dataDir>/outbox/<id>.eml` before its row is committed: the row never names a file that is
 * not there, and the stick the package came from may be taken away at once. A failure after the
 * file is written removes it; a crash in between leaves a file the start-up sweep removes.
 */
export async function queuePackage(core: Core, input: { path: string; to: string }): Promise<OutboxItem> {
  const { ctx } = core;
  const account = mailAccount(ctx);
  if (!account) throw new EsepError('mail_not_configured');
  const { settings } = account;
  const letter = await packageLetterOf(core, input.path);
  const id = randomUUID();
  const messageId = `<${id}@${settings.from.split('@').pop()}>`;
  const eml = await composeEmail({
    from: settings.from,
    to: input.to,
    subject: letter.subject,
    text: letter.text,
    attachment: { fileName: letter.fileName, bytes: letter.bytes },
    date: ctx.clock.now(),
    messageId,
  });
  const emlFile = `outbox/${id}.eml`;
  const file = path.join(core.paths.dataDir, emlFile);
  fs.mkdirSync(outboxDir(core), { recursive: true });
  writeFileAtomically(file, eml);
  try {
    ctx.db.transaction(() => {
      insertOutbox(ctx.db, {
        id,
        emlFile,
        bytes: eml.length,
        messageId,
        sender: settings.from,
        recipient: input.to,
        subject: letter.subject,
        packageFileName: letter.fileName,
        packageSha256: letter.sha256,
        createdAt: ctx.clock.now().getTime(),
      });
      // A package leaving the installation: who sent which file to whom.
      appendAudit(ctx, { action: 'export', entity: 'outbox', entityId: id, after: { recipient: input.to, packageFileName: letter.fileName, packageSha256: letter.sha256 } });
    })();
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw error;
  }
  return itemOf(getOutbox(ctx.db, id)!);
}

export function listOutboxItems(core: Core): OutboxItem[] {
  return listOutbox(core.ctx.db).map(itemOf);
}

function requireItem(core: Core, id: string): OutboxRecord {
  const item = getOutbox(core.ctx.db, id);
  if (!item) throw new EsepError('not_found', { id });
  return item;
}

/** "Send now": a queued or failed message is due at once, with its attempts counted afresh. */
export function retryOutboxItem(core: Core, id: string): OutboxItem {
  const { ctx } = core;
  return ctx.db.transaction(() => {
    const before = requireItem(core, id);
    if (!requeueOutbox(ctx.db, id)) throw new EsepError('mail_not_queued', { id });
    appendAudit(ctx, { action: 'update', entity: 'outbox', entityId: id, before: { status: before.status, attempts: before.attempts }, after: { status: 'queued', attempts: 0 } });
    return itemOf(getOutbox(ctx.db, id)!);
  })();
}

/** Removes a queued or failed message and its file; one being sent or sent stays. */
export function cancelOutboxItem(core: Core, id: string): { id: string } {
  const { ctx } = core;
  const item = ctx.db.transaction(() => {
    const found = requireItem(core, id);
    if (!deleteOutbox(ctx.db, id)) throw new EsepError('mail_not_queued', { id });
    appendAudit(ctx, { action: 'delete', entity: 'outbox', entityId: id, before: { recipient: found.recipient, packageFileName: found.packageFileName, status: found.status } });
    return found;
  })();
  // After the commit: a crash before this leaves a file the start-up sweep removes.
  fs.rmSync(path.join(core.paths.dataDir, item.emlFile), { force: true });
  return { id };
}

export interface SendSummary {
  sent: number;
  /** Queued again for a later attempt. */
  retrying: number;
  failed: number;
  /** Messages are due but there are no settings to send them with: the runner waits for them. */
  notConfigured: boolean;
}

/**
 * Sends the messages due now, one at a time, each its own connection. A message is taken
 * (`sending`, its attempt counted) in one transaction and its outcome recorded in another: no
 * transaction is held across the network. A 5xx refusal of the message fails it at once; any
 * other failure queues it again after retryDelay, until MAX_ATTEMPTS.
 */
export async function sendDue(core: Core, deps: SendDeps): Promise<SendSummary> {
  const { db } = core.ctx;
  const summary: SendSummary = { sent: 0, retrying: 0, failed: 0, notConfigured: false };
  const due = dueOutbox(db, deps.clock.now().getTime());
  if (due.length === 0) return summary;
  const account = mailAccount(core.ctx);
  if (!account) return { ...summary, notConfigured: true };
  const { settings, password } = account;
  const transport = deps.createTransport(transportOptions(settings, password));
  try {
    for (const id of due) {
      if (!db.transaction(() => claimOutbox(db, id))()) continue;
      const item = getOutbox(db, id)!;
      const failed = (error: ErrorPayload, permanent: boolean) => {
        const next = permanent || item.attempts >= MAX_ATTEMPTS ? null : deps.clock.now().getTime() + retryDelay(item.attempts);
        db.transaction(() => markOutboxAttemptFailed(db, id, error, next))();
        if (next === null) summary.failed++;
        else summary.retrying++;
      };
      let eml: Buffer;
      try {
        eml = await fs.promises.readFile(path.join(core.paths.dataDir, item.emlFile));
      } catch {
        // The data folder lost the file (restored without it, cleaned by hand): nothing to send.
        failed({ code: 'mail_message_lost', details: { file: item.emlFile } }, true);
        continue;
      }
      try {
        const info = await transport.sendMail({ envelope: { from: item.sender, to: [item.recipient] }, raw: eml });
        db.transaction(() => markOutboxSent(db, id, deps.clock.now().getTime(), String(info.response ?? '').slice(0, MAX_RESPONSE)))();
        summary.sent++;
      } catch (error) {
        const failure = sendFailure(error, settings);
        failed(failure.error, failure.permanent);
      }
    }
  } finally {
    transport.close();
  }
  return summary;
}

/**
 * At start, before the first send: a message left `sending` (the app closed or crashed while
 * handing it over) is queued again. The server may have accepted it just before, so the
 * recipient may get it twice; a package imported twice changes nothing, a package never sent
 * is lost work. Then the message files no row names (a crash between writing one and committing
 * its row, or after a cancel) and temp files of writes cut short, once old enough not to be a
 * write in progress. `now` is wall-clock time, as file times are.
 */
export function recoverOutbox(core: Core, now: number): { requeued: number; removedFiles: number } {
  const requeued = core.ctx.db.transaction(() => requeueInterrupted(core.ctx.db))();
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(outboxDir(core), { withFileTypes: true });
  } catch {
    return { requeued, removedFiles: 0 };
  }
  const named = outboxFiles(core.ctx.db);
  let removedFiles = 0;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const isMessage = /^[0-9a-f-]{36}\.eml$/.test(entry.name);
    const isTemp = /^\.[0-9a-f-]{36}\.eml\.[0-9a-f-]{36}\.tmp$/.test(entry.name);
    if (!(isTemp || (isMessage && !named.has(`outbox/${entry.name}`)))) continue;
    const file = path.join(outboxDir(core), entry.name);
    try {
      if (now - fs.statSync(file).mtimeMs <= STALE_TEMP_MS) continue;
      fs.rmSync(file, { force: true });
      removedFiles++;
    } catch {
      // Housekeeping: tried again at the next start.
    }
  }
  return { requeued, removedFiles };
}

function itemOf(record: OutboxRecord): OutboxItem {
  const { emlFile: _emlFile, sender: _sender, ...item } = record;
  return item;
}

/** nodemailer's composer, loaded when a letter is written rather than whenever the core starts. */
async function composeEmail(mail: PackageEmail): Promise<Buffer> {
  return (await import('../exchange/mail/eml')).composePackageEmail(mail);
}
