import type { CoreContext } from '../context';
import type { Attachment, FileData } from '../../../shared/contract/minutes.contract';
import type { AttachmentKind } from '../../../shared/domain/minutes/minutes';
import { EsepError } from '../../../shared/errors';

// TODO(attachments helper): content-addressed store under <dataDir>/attachments.
export function listAttachments(_ctx: CoreContext, _dataDir: string, _input: { meetingId: string }): Attachment[] {
  throw new EsepError('internal');
}
export function addAttachment(
  _ctx: CoreContext,
  _dataDir: string,
  _input: { meetingId: string; fileName: string; kind: AttachmentKind; dataBase64: string },
): Attachment {
  throw new EsepError('internal');
}
export function readAttachment(_ctx: CoreContext, _dataDir: string, _input: { id: string }): FileData {
  throw new EsepError('internal');
}
export function removeAttachment(_ctx: CoreContext, _dataDir: string, _input: { id: string }): { id: string } {
  throw new EsepError('internal');
}
