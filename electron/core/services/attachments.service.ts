import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { CoreContext } from '../context';
import type { Platform } from '../platform';
import { MAX_ATTACHMENT_BYTES, type Attachment, type FileData } from '../../../shared/contract/minutes.contract';
import type { AttachmentKind } from '../../../shared/domain/minutes/minutes';
import type { Meeting } from '../../../shared/contract/types';
import { EsepError } from '../../../shared/errors';
import { getMeeting } from '../db/repos/meetings.repo';
import { appendAudit } from '../db/repos/audit.repo';
import {
  findAttachmentBySha,
  getAttachment,
  insertAttachment,
  listMeetingAttachments,
  markAttachmentDeleted,
} from '../db/repos/attachments.repo';
import { contentStore, type ContentStore } from '../files/content-store';
import { detectFileType, MIME } from '../files/file-type';
import { requireWorkingReportingUnit } from './units.service';

const MB = 1024 * 1024;

/** Attachments live beside the database, named by their SHA-256 (see content-store.ts). */
function store(dataDir: string): ContentStore {
  return contentStore(path.join(dataDir, 'attachments'));
}

/** A meeting of the working set, whatever its status: photos and scans come after it is held. */
function workingMeeting(ctx: CoreContext, meetingId: string): Meeting {
  const meeting = getMeeting(ctx.db, meetingId);
  if (!meeting) throw new EsepError('not_found', { id: meetingId });
  requireWorkingReportingUnit(ctx, meeting.unitKato);
  return meeting;
}

function workingAttachment(ctx: CoreContext, id: string): Attachment {
  const attachment = getAttachment(ctx.db, id);
  if (!attachment) throw new EsepError('not_found', { id });
  workingMeeting(ctx, attachment.meetingId);
  return attachment;
}

export function listAttachments(ctx: CoreContext, _dataDir: string, input: { meetingId: string }): Attachment[] {
  workingMeeting(ctx, input.meetingId);
  return listMeetingAttachments(ctx.db, input.meetingId);
}

/**
 * Checks the file (not empty, within the limit, an accepted type by its bytes) before anything
 * is written; stores its bytes once; and records it on the meeting. The same bytes added to the
 * same meeting again return the attachment already there.
 */
export function addAttachment(
  ctx: CoreContext,
  dataDir: string,
  input: { meetingId: string; fileName: string; kind: AttachmentKind; dataBase64: string },
  options: { maxBytes?: number } = {},
): Attachment {
  const maxBytes = options.maxBytes ?? MAX_ATTACHMENT_BYTES;
  const meeting = workingMeeting(ctx, input.meetingId);
  const fileName = input.fileName.trim();
  const data = Buffer.from(input.dataBase64, 'base64');
  if (data.length === 0) throw new EsepError('attachment_empty', { fileName });
  if (data.length > maxBytes) {
    // Rounded up, so a file just over the limit never reads as equal to it.
    throw new EsepError('attachment_too_large', { fileName, size: Math.ceil((data.length / MB) * 10) / 10, max: Math.round((maxBytes / MB) * 10) / 10 });
  }
  const type = detectFileType(data, fileName);
  if (!type) throw new EsepError('attachment_type', { fileName });

  // The file goes first (a no-op when the bytes are already stored): a row must never name
  // bytes that are not on disk. A failure after this leaves at worst an unreferenced file.
  const sha256 = store(dataDir).put(data);
  const attachment: Attachment = {
    id: randomUUID(),
    meetingId: meeting.id,
    sha256,
    fileName,
    mime: MIME[type],
    size: data.length,
    kind: input.kind,
    createdAt: ctx.clock.now().getTime(),
  };
  return ctx.db.transaction(() => {
    const existing = findAttachmentBySha(ctx.db, meeting.id, sha256);
    if (existing) return existing;
    insertAttachment(ctx.db, attachment, ctx.installationId);
    appendAudit(ctx, { action: 'insert', entity: 'attachment', entityId: attachment.id, after: attachment });
    return attachment;
  })();
}

export function readAttachment(ctx: CoreContext, dataDir: string, input: { id: string }): FileData {
  const attachment = workingAttachment(ctx, input.id);
  const files = store(dataDir);
  if (!files.has(attachment.sha256)) throw new EsepError('not_found', { id: attachment.id, sha256: attachment.sha256 });
  return { fileName: attachment.fileName, mime: attachment.mime, dataBase64: files.read(attachment.sha256).toString('base64') };
}

/**
 * Hides the attachment (a tombstone row). The file stays on disk: other rows, of this or
 * another meeting, may name the same bytes, and unreferenced files are not collected yet.
 */
export function removeAttachment(ctx: CoreContext, _dataDir: string, input: { id: string }): { id: string } {
  return ctx.db.transaction(() => {
    const attachment = workingAttachment(ctx, input.id);
    markAttachmentDeleted(ctx.db, attachment.id, ctx.clock.now().getTime());
    appendAudit(ctx, { action: 'delete', entity: 'attachment', entityId: attachment.id, before: attachment });
    return { id: attachment.id };
  })();
}

/**
 * Opens an attachment with the system viewer. The stored file is named by its hash, so a copy
 * under its own name (and extension, which the viewer needs) goes to <dataDir>/open/<id>/.
 */
export async function openAttachment(ctx: CoreContext, dataDir: string, platform: Platform, input: { id: string }): Promise<{ id: string }> {
  if (!platform.openFile) throw new EsepError('desktop_only');
  const attachment = workingAttachment(ctx, input.id);
  const files = store(dataDir);
  if (!files.has(attachment.sha256)) throw new EsepError('not_found', { id: attachment.id, sha256: attachment.sha256 });
  const dir = path.join(dataDir, 'open', attachment.id);
  fs.mkdirSync(dir, { recursive: true });
  const copy = path.join(dir, safeFileName(attachment.fileName));
  if (!fs.existsSync(copy)) fs.copyFileSync(files.pathOf(attachment.sha256), copy);
  await platform.openFile(copy);
  return { id: attachment.id };
}

/** A name that stays inside its folder on every system: no separators, no control characters. */
export function safeFileName(name: string): string {
  const cleaned = path
    .basename(name.replace(/\\/g, '/'))
    .replace(/[\u0000-\u001f<>:"/\\|?*]/g, '_')
    .replace(/^\.+/, '_')
    .trim();
  return cleaned || 'file';
}
