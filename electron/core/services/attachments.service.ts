import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { CoreContext } from '../context';
import type { Platform } from '../platform';
import { MAX_ATTACHMENT_BYTES, type Attachment, type FileData } from '../../../shared/contract/minutes.contract';
import type { AttachmentKind } from '../../../shared/domain/minutes/minutes';
import type { Meeting } from '../../../shared/contract/types';
import { EsepError } from '../../../shared/errors';
import { megabytesRoundedUp } from '../../../shared/format/size';
import { getMeeting } from '../db/repos/meetings.repo';
import { appendAudit } from '../db/repos/audit.repo';
import {
  findAttachmentBySha,
  getAttachment,
  insertAttachment,
  isShaReferenced,
  listMeetingAttachments,
  markAttachmentDeleted,
  referencedShas,
} from '../db/repos/attachments.repo';
import { contentStore, type ContentStore } from '../files/content-store';
import { detectFileType, EXTENSIONS, extensionOf, MIME, nameForType, TYPE_LABEL } from '../files/file-type';
import { requireWorkingReportingUnit } from './units.service';
import { requireOwn } from './ownership';
import { attachmentsNamedByBackups } from '../db/backup';
import { corePaths } from '../paths';

const MB = 1024 * 1024;

/**
 * A temp file this old is a write cut short (a crash, a power cut): `put` renames its temp file
 * within moments. Younger ones may be a write in progress in another process on the same data.
 */
export const STALE_TEMP_MS = 60 * 60 * 1000;

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
 * Checks the file (not empty, within the limit, an accepted type by its bytes, a name that
 * agrees: file-type.ts nameForType) before anything is written; stores its bytes once; and
 * records it on the meeting under its safe name. The same bytes added to the same meeting again
 * return the attachment already there.
 */
export function addAttachment(
  ctx: CoreContext,
  dataDir: string,
  input: { meetingId: string; fileName: string; kind: AttachmentKind; dataBase64: string },
  options: { maxBytes?: number } = {},
): Attachment {
  const maxBytes = options.maxBytes ?? MAX_ATTACHMENT_BYTES;
  const meeting = workingMeeting(ctx, input.meetingId);
  requireOwn(ctx, meeting);
  const given = input.fileName.trim();
  const data = Buffer.from(input.dataBase64, 'base64');
  if (data.length === 0) throw new EsepError('attachment_empty', { fileName: given });
  if (data.length > maxBytes) {
    throw new EsepError('attachment_too_large', { fileName: given, size: megabytesRoundedUp(data.length), max: Math.round((maxBytes / MB) * 10) / 10 });
  }
  const type = detectFileType(data);
  if (!type) throw new EsepError('attachment_type', { fileName: given });
  const fileName = nameForType(given, type);
  if (fileName === null) {
    throw new EsepError('attachment_name_mismatch', { fileName: given, extension: extensionOf(given) ?? '', type: TYPE_LABEL[type], expected: EXTENSIONS[type][0] });
  }

  // The file goes first (a no-op when the bytes are already stored): a row must never name
  // bytes that are not on disk. A failure after this leaves at worst an unreferenced file,
  // which the sweep at the next start removes.
  const files = store(dataDir);
  const sha256 = files.put(data);
  const attachment: Attachment = {
    id: randomUUID(),
    origin: ctx.installationId,
    meetingId: meeting.id,
    sha256,
    fileName,
    mime: MIME[type],
    size: data.length,
    kind: input.kind,
    createdAt: ctx.clock.now().getTime(),
  };
  // Immediate: the write lock is held from the start, so the check that the bytes are still on
  // disk cannot interleave with a deletion (which runs under the same lock, see deleteIfUnreferenced):
  // another process may have removed an unreferenced copy between `put` and here.
  return ctx.db.transaction(() => {
    const existing = findAttachmentBySha(ctx.db, meeting.id, sha256);
    if (existing) return existing;
    if (!files.has(sha256)) files.put(data);
    insertAttachment(ctx.db, attachment);
    appendAudit(ctx, { action: 'insert', entity: 'attachment', entityId: attachment.id, after: attachment });
    return attachment;
  }).immediate();
}

export function readAttachment(ctx: CoreContext, dataDir: string, input: { id: string }): FileData {
  const attachment = workingAttachment(ctx, input.id);
  const files = store(dataDir);
  if (!files.has(attachment.sha256)) throw new EsepError('not_found', { id: attachment.id, sha256: attachment.sha256 });
  return { fileName: attachment.fileName, mime: attachment.mime, dataBase64: files.read(attachment.sha256).toString('base64') };
}

/**
 * Hides the attachment (a tombstone row) and, once that is committed, deletes its file unless
 * another row, of this or another meeting, or a kept backup still names the same bytes (a
 * restore of that backup brings the row back). A crash in between leaves an unreferenced file
 * for the sweep at the next start.
 */
export function removeAttachment(ctx: CoreContext, dataDir: string, input: { id: string }): { id: string } {
  const attachment = ctx.db.transaction(() => {
    const found = workingAttachment(ctx, input.id);
    requireOwn(ctx, found);
    markAttachmentDeleted(ctx.db, found.id, ctx.clock.now().getTime());
    appendAudit(ctx, { action: 'delete', entity: 'attachment', entityId: found.id, before: found });
    return found;
  })();
  try {
    if (!attachmentsNamedByBackups(corePaths(dataDir, '').backupDir).has(attachment.sha256)) deleteIfUnreferenced(ctx, store(dataDir), [attachment.sha256]);
  } catch {
    // The removal is done; a file that could not be deleted now is swept at the next start.
  }
  return { id: attachment.id };
}

/**
 * Deletes the stored files no live row names. The check and the deletion hold the write lock
 * (an immediate transaction), as the check in addAttachment does, so a row being added in
 * another process at the same moment never ends up naming a deleted file.
 */
function deleteIfUnreferenced(ctx: CoreContext, files: ContentStore, sha256s: readonly string[]): number {
  // Nothing to delete (the usual start): no need to wait for the write lock.
  if (sha256s.length === 0) return 0;
  return ctx.db.transaction(() => {
    const unreferenced = sha256s.filter((sha256) => !isShaReferenced(ctx.db, sha256));
    for (const sha256 of unreferenced) files.remove(sha256);
    return unreferenced.length;
  }).immediate();
}

/**
 * Housekeeping at start: deletes stored files no live attachment names (a removal or a crash
 * between writing a file and recording it) and temp files of writes cut short. Cheap (one
 * folder listing, one query) and idempotent. `now` is wall-clock time, as file times are.
 */
export function sweepAttachments(ctx: CoreContext, dataDir: string, now: number, keep: () => ReadonlySet<string> = () => new Set()): { files: number; temps: number } {
  const files = store(dataDir);
  const { contents, temps } = files.scan();
  const referenced = referencedShas(ctx.db);
  const unreferenced = contents.filter((sha256) => !referenced.has(sha256));
  // `keep` (the backups' files) is asked only when there is something to sweep: it opens files.
  const kept = unreferenced.length > 0 ? keep() : new Set<string>();
  const removed = deleteIfUnreferenced(ctx, files, unreferenced.filter((sha256) => !kept.has(sha256)));
  const stale = temps.filter((t) => now - t.modifiedAt > STALE_TEMP_MS);
  for (const temp of stale) fs.rmSync(temp.path, { force: true });
  return { files: removed, temps: stale.length };
}

/**
 * Opens an attachment with the system viewer. The viewer is chosen by the extension, so the copy
 * it gets is named by the type its bytes show now (never the name it was given, nor the type a
 * row received from another installation claims): `esep-<id>.<extension>` in
 * <dataDir>/open/<id>/. Bytes of no accepted type are never handed over.
 */
export async function openAttachment(ctx: CoreContext, dataDir: string, platform: Platform, input: { id: string }): Promise<{ id: string }> {
  if (!platform.openFile) throw new EsepError('desktop_only');
  const attachment = workingAttachment(ctx, input.id);
  const files = store(dataDir);
  if (!files.has(attachment.sha256)) throw new EsepError('not_found', { id: attachment.id, sha256: attachment.sha256 });
  const data = files.read(attachment.sha256);
  const type = detectFileType(data);
  if (!type) throw new EsepError('attachment_type', { fileName: attachment.fileName });
  const dir = path.join(dataDir, 'open', attachment.id);
  fs.mkdirSync(dir, { recursive: true });
  const copy = path.join(dir, `esep-${attachment.id}.${EXTENSIONS[type][0]}`);
  // An earlier copy may still be open in its viewer (Windows locks it); its bytes are these.
  if (!fs.existsSync(copy)) fs.writeFileSync(copy, data);
  await platform.openFile(copy);
  return { id: attachment.id };
}
