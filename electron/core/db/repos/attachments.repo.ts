import type { Db } from '../open';
import { prepared } from '../statements';
import type { Attachment } from '../../../../shared/contract/minutes.contract';

interface AttachmentRow {
  id: string;
  origin: string;
  revision: number;
  meeting_id: string;
  sha256: string;
  file_name: string;
  mime: string;
  size: number;
  kind: Attachment['kind'];
  created_at: number;
  deleted_at: number | null;
}

function toAttachment(r: AttachmentRow): Attachment {
  return {
    id: r.id,
    origin: r.origin,
    meetingId: r.meeting_id,
    sha256: r.sha256,
    fileName: r.file_name,
    mime: r.mime,
    size: r.size,
    kind: r.kind,
    createdAt: r.created_at,
  };
}

export function insertAttachment(db: Db, a: Attachment): void {
  prepared(
    db,
    `INSERT INTO attachments (id, origin, revision, meeting_id, sha256, file_name, mime, size, kind, created_at)
     VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(a.id, a.origin, a.meetingId, a.sha256, a.fileName, a.mime, a.size, a.kind, a.createdAt);
}

export function getAttachment(db: Db, id: string): Attachment | null {
  const row = prepared(db, 'SELECT * FROM attachments WHERE id = ? AND deleted_at IS NULL').get(id) as AttachmentRow | undefined;
  return row ? toAttachment(row) : null;
}

/** The live attachment of a meeting with these bytes, if one exists (the same file added again). */
export function findAttachmentBySha(db: Db, meetingId: string, sha256: string): Attachment | null {
  const row = prepared(
    db,
    'SELECT * FROM attachments WHERE meeting_id = ? AND sha256 = ? AND deleted_at IS NULL ORDER BY created_at, id LIMIT 1',
  ).get(meetingId, sha256) as AttachmentRow | undefined;
  return row ? toAttachment(row) : null;
}

export function listMeetingAttachments(db: Db, meetingId: string): Attachment[] {
  const rows = prepared(
    db,
    'SELECT * FROM attachments WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY created_at, file_name, id',
  ).all(meetingId) as AttachmentRow[];
  return rows.map(toAttachment);
}

/** Soft delete: the row stays as a tombstone so an exchange package can carry the removal. */
export function markAttachmentDeleted(db: Db, id: string, now: number): void {
  prepared(db, 'UPDATE attachments SET deleted_at = ?, revision = revision + 1 WHERE id = ?').run(now, id);
}

/** Whether any live attachment, of any meeting, names these bytes. */
export function isShaReferenced(db: Db, sha256: string): boolean {
  return prepared(db, 'SELECT 1 FROM attachments WHERE sha256 = ? AND deleted_at IS NULL LIMIT 1').get(sha256) !== undefined;
}

/** Every SHA-256 a live attachment names: the stored files that must stay. */
export function referencedShas(db: Db): Set<string> {
  const rows = prepared(db, 'SELECT DISTINCT sha256 FROM attachments WHERE deleted_at IS NULL').all() as Array<{ sha256: string }>;
  return new Set(rows.map((r) => r.sha256));
}
