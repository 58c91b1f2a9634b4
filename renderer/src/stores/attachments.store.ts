import { create } from 'zustand';
import { api } from '../api';
import type { ChannelInput } from '../../../shared/contract/contract';
import type { Attachment, FileData } from '../../../shared/contract/minutes.contract';
import { attempt, type Result } from './result';
import { onReset } from './reset';

interface AttachmentsData {
  /** A meeting's attachments as last listed, by meeting id. */
  byMeeting: Record<string, Attachment[]>;
}

interface AttachmentsActions {
  load(meetingId: string): Promise<Result<Attachment[]>>;
  /** One file; the list is not fetched again (several files are added, then one `load`). */
  add(input: ChannelInput<'attachments:add'>): Promise<Result<Attachment>>;
  remove(attachment: Attachment): Promise<Result<{ id: string }>>;
  /** The file itself (a thumbnail's picture). */
  read(id: string): Promise<Result<FileData>>;
}

export type AttachmentsState = AttachmentsData & AttachmentsActions;

const initial: AttachmentsData = { byMeeting: {} };

/** The photos, signed scans and presentations kept with a meeting's minutes. */
export const useAttachmentsStore = create<AttachmentsState>()((set) => ({
  ...initial,

  async load(meetingId) {
    const result = await attempt(() => api.attachments.list({ meetingId }));
    if (result.ok) set((s) => ({ byMeeting: { ...s.byMeeting, [meetingId]: result.value } }));
    return result;
  },

  add: (input) => attempt(() => api.attachments.add(input)),

  async remove(attachment) {
    const result = await attempt(() => api.attachments.remove({ id: attachment.id }));
    if (result.ok) {
      const { meetingId, id } = attachment;
      set((s) => ({ byMeeting: { ...s.byMeeting, [meetingId]: (s.byMeeting[meetingId] ?? []).filter((a) => a.id !== id) } }));
    }
    return result;
  },

  read: (id) => attempt(() => api.attachments.read({ id })),
}));

onReset(() => {
  useAttachmentsStore.setState(initial);
});
