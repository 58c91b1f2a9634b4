import { z } from 'zod';
import type { Channel } from './contract';
import { ATTACHMENT_KINDS, ISSUE_KINDS, type AttachmentKind, type MinutesBody } from '../domain/minutes/minutes';
import { IsoDateString, KatoCode, Language } from './schemas';
import type { MinutesChange } from '../domain/minutes/diff';

const channel =
  <O>() =>
  <I extends z.ZodType>(input: I): Channel<I, O> => ({ input });

const Text = (max: number) => z.string().max(max);
const Id = z.uuid();
const Revision = z.number().int().min(1);

/** Attachments travel base64-encoded; 25 MB is plenty for a scan or a presentation. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

/** A dotted path into the body, entries named by id: `chair`, `items.<id>.decisions.<id>.deadline`. */
export type { MinutesChange };

export interface Amendment {
  id: string;
  at: number;
  actor: string;
  reason: string;
  changes: MinutesChange[];
}

export interface Minutes extends MinutesBody {
  id: string;
  origin: string;
  revision: number;
  meetingId: string;
  status: 'draft' | 'final';
  finalizedAt: number | null;
  finalizedBy: string | null;
  updatedAt: number;
  amendments: Amendment[];
}

export interface Attachment {
  id: string;
  meetingId: string;
  sha256: string;
  fileName: string;
  mime: string;
  size: number;
  kind: AttachmentKind;
  createdAt: number;
}

export interface FileData {
  fileName: string;
  mime: string;
  dataBase64: string;
}

const SpeechInput = z
  .object({
    id: Id,
    speaker: Text(300),
    localityKato: KatoCode.nullable(),
    gist: Text(10_000),
    issueKind: z.enum(ISSUE_KINDS).nullable(),
    issueText: Text(10_000),
  })
  .strict();

const DecisionInput = z
  .object({ id: Id, text: Text(10_000), responsible: Text(500), deadline: IsoDateString.nullable() })
  .strict();

const AgendaItemInput = z
  .object({
    id: Id,
    title: Text(1000),
    speaker: Text(300),
    heard: Text(50_000),
    speeches: z.array(SpeechInput).max(500),
    decisions: z.array(DecisionInput).max(200),
  })
  .strict();

export const MinutesBodyInput = z
  .object({
    number: Text(50),
    date: IsoDateString.nullable(),
    place: Text(500),
    chair: Text(300),
    secretary: Text(300),
    presentCount: z.number().int().min(0).max(10_000_000).nullable(),
    presentList: Text(100_000),
    invited: Text(10_000),
    items: z.array(AgendaItemInput).max(100),
  })
  .strict();

export const minutesContract = {
  /** The minutes of a held meeting; the first call starts a draft pre-filled from the meeting. */
  'minutes:open': channel<Minutes>()(z.object({ meetingId: Id }).strict()),
  /** Autosave of a draft: the whole body, from the revision it was edited on. */
  'minutes:save': channel<Minutes>()(z.object({ minutesId: Id, revision: Revision, body: MinutesBodyInput }).strict()),
  /** Checks completeness, then makes the minutes read-only. */
  'minutes:finalize': channel<Minutes>()(z.object({ minutesId: Id, revision: Revision }).strict()),
  /** A change to final minutes: recorded with who, when, why and what changed. */
  'minutes:amend': channel<Minutes>()(
    z.object({ minutesId: Id, revision: Revision, reason: z.string().trim().min(1).max(2000), body: MinutesBodyInput }).strict(),
  ),
  'minutes:exportDocx': channel<FileData>()(z.object({ minutesId: Id, language: Language }).strict()),

  'attachments:list': channel<Attachment[]>()(z.object({ meetingId: Id }).strict()),
  'attachments:add': channel<Attachment>()(
    z
      .object({
        meetingId: Id,
        fileName: z.string().trim().min(1).max(255),
        kind: z.enum(ATTACHMENT_KINDS),
        // base64 of at most MAX_ATTACHMENT_BYTES
        dataBase64: z.string().max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4),
      })
      .strict(),
  ),
  'attachments:read': channel<FileData>()(z.object({ id: Id }).strict()),
  'attachments:remove': channel<{ id: string }>()(z.object({ id: Id }).strict()),
  /** Opens the file with the system viewer (desktop app only). */
  'attachments:open': channel<{ id: string }>()(z.object({ id: Id }).strict()),
};
