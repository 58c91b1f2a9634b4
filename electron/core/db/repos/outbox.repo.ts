import type { Db } from '../open';
import { prepared } from '../statements';
import type { OutboxItem, OutboxStatus } from '../../../../shared/contract/mail.contract';
import { isErrorCode, type ErrorDetails, type ErrorPayload } from '../../../../shared/errors';

/** The e-mail outbox (migration 80): one row per message, its .eml file beside the database. */
export interface OutboxRecord extends OutboxItem {
  /** Relative to the data folder. */
  emlFile: string;
  /** The envelope sender: the From the message was composed with. */
  sender: string;
}

interface OutboxRow {
  id: string;
  eml_file: string;
  eml_bytes: number;
  message_id: string;
  sender: string;
  recipient: string;
  subject: string;
  package_file_name: string;
  package_sha256: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: number | null;
  last_error_code: string | null;
  last_error_details: string | null;
  created_at: number;
  sent_at: number | null;
  server_response: string | null;
}

function toRecord(r: OutboxRow): OutboxRecord {
  return {
    id: r.id,
    emlFile: r.eml_file,
    sender: r.sender,
    recipient: r.recipient,
    subject: r.subject,
    packageFileName: r.package_file_name,
    packageSha256: r.package_sha256,
    bytes: r.eml_bytes,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: lastError(r),
    createdAt: r.created_at,
    sentAt: r.sent_at,
    serverResponse: r.server_response,
    messageId: r.message_id,
  };
}

function lastError(r: OutboxRow): ErrorPayload | null {
  if (r.last_error_code === null) return null;
  // A code a later version wrote and this one does not know still reads as a failure.
  const code = isErrorCode(r.last_error_code) ? r.last_error_code : 'mail_send_failed';
  return { code, details: JSON.parse(r.last_error_details ?? '{}') as ErrorDetails };
}

export function insertOutbox(
  db: Db,
  m: Pick<OutboxRecord, 'id' | 'emlFile' | 'bytes' | 'messageId' | 'sender' | 'recipient' | 'subject' | 'packageFileName' | 'packageSha256' | 'createdAt'>,
): void {
  prepared(
    db,
    `INSERT INTO outbox (id, eml_file, eml_bytes, message_id, sender, recipient, subject, package_file_name, package_sha256, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(m.id, m.emlFile, m.bytes, m.messageId, m.sender, m.recipient, m.subject, m.packageFileName, m.packageSha256, m.createdAt);
}

export function getOutbox(db: Db, id: string): OutboxRecord | null {
  const row = prepared(db, 'SELECT * FROM outbox WHERE id = ?').get(id) as OutboxRow | undefined;
  return row ? toRecord(row) : null;
}

/** Newest first; the outbox of one akimat holds a few messages a month, the cap guards the screen. */
export function listOutbox(db: Db, limit = 500): OutboxRecord[] {
  return (prepared(db, 'SELECT * FROM outbox ORDER BY created_at DESC, rowid DESC LIMIT ?').all(limit) as OutboxRow[]).map(toRecord);
}

/** The queued messages due at `now`, oldest first (the order they were queued in). */
export function dueOutbox(db: Db, now: number): string[] {
  return (
    prepared(
      db,
      `SELECT id FROM outbox WHERE status = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
       ORDER BY coalesce(next_attempt_at, 0), created_at, rowid`,
    ).all(now) as Array<{ id: string }>
  ).map((r) => r.id);
}

/** When the next queued message falls due: 0 for one due at once, null when none is queued. */
export function nextDueAt(db: Db): number | null {
  const row = prepared(db, `SELECT min(coalesce(next_attempt_at, 0)) AS at FROM outbox WHERE status = 'queued'`).get() as { at: number | null };
  return row.at;
}

/**
 * Takes a queued message for sending, counting the attempt as it starts (an attempt that
 * crashes the app still counts). False when another sender took it or it changed meanwhile.
 */
export function claimOutbox(db: Db, id: string): boolean {
  return prepared(db, `UPDATE outbox SET status = 'sending', attempts = attempts + 1 WHERE id = ? AND status = 'queued'`).run(id).changes === 1;
}

export function markOutboxSent(db: Db, id: string, at: number, serverResponse: string): void {
  prepared(
    db,
    `UPDATE outbox SET status = 'sent', sent_at = ?, server_response = ?, next_attempt_at = NULL, last_error_code = NULL, last_error_details = NULL
     WHERE id = ? AND status = 'sending'`,
  ).run(at, serverResponse, id);
}

/** After a failed attempt: queued again from `nextAttemptAt`, or (null) failed until the user retries. */
export function markOutboxAttemptFailed(db: Db, id: string, error: ErrorPayload, nextAttemptAt: number | null): void {
  prepared(
    db,
    `UPDATE outbox SET status = ?, next_attempt_at = ?, last_error_code = ?, last_error_details = ? WHERE id = ? AND status = 'sending'`,
  ).run(nextAttemptAt === null ? 'failed' : 'queued', nextAttemptAt, error.code, JSON.stringify(error.details ?? {}), id);
}

/** The user's "send now": queued, due at once, its attempts counted afresh. */
export function requeueOutbox(db: Db, id: string): boolean {
  return prepared(db, `UPDATE outbox SET status = 'queued', attempts = 0, next_attempt_at = NULL WHERE id = ? AND status IN ('queued', 'failed')`).run(id)
    .changes === 1;
}

export function deleteOutbox(db: Db, id: string): boolean {
  return prepared(db, `DELETE FROM outbox WHERE id = ? AND status IN ('queued', 'failed')`).run(id).changes === 1;
}

/** Messages left `sending` by a process that ended mid-send go back to the queue, due at once. */
export function requeueInterrupted(db: Db): number {
  return prepared(db, `UPDATE outbox SET status = 'queued', next_attempt_at = NULL WHERE status = 'sending'`).run().changes;
}

/** The .eml files the rows name, for the sweep of files no row names. */
export function outboxFiles(db: Db): Set<string> {
  return new Set((prepared(db, 'SELECT eml_file FROM outbox').all() as Array<{ eml_file: string }>).map((r) => r.eml_file));
}
