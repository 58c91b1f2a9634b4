import { z } from 'zod';
import { ATTACHMENT_KINDS, ISSUE_KINDS, type AttachmentKind, type MinutesBody } from '../domain/minutes/minutes';
import { channel, Id, IsoDateString, KatoCode, Language, RequiredText, Revision, UntrimmedText } from './schemas';
import type { MinutesChange } from '../domain/minutes/diff';

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
  /** The installation that attached it (docs/exchange.md §Ownership). */
  origin: string;
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
    speaker: UntrimmedText(300),
    localityKato: KatoCode.nullable(),
    gist: UntrimmedText(10_000),
    issueKind: z.enum(ISSUE_KINDS).nullable(),
    issueText: UntrimmedText(10_000),
  })
  .strict();

const DecisionInput = z
  .object({ id: Id, text: UntrimmedText(10_000), responsible: UntrimmedText(500), deadline: IsoDateString.nullable() })
  .strict();

const AgendaItemInput = z
  .object({
    id: Id,
    title: UntrimmedText(1000),
    speaker: UntrimmedText(300),
    heard: UntrimmedText(50_000),
    speeches: z.array(SpeechInput).max(500),
    decisions: z.array(DecisionInput).max(200),
  })
  .strict();

export const MinutesBodyInput = z
  .object({
    number: UntrimmedText(50),
    date: IsoDateString.nullable(),
    place: UntrimmedText(500),
    chair: UntrimmedText(300),
    secretary: UntrimmedText(300),
    presentCount: z.number().int().min(0).max(10_000_000).nullable(),
    presentList: UntrimmedText(100_000),
    invited: UntrimmedText(10_000),
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
    z.object({ minutesId: Id, revision: Revision, reason: RequiredText(2000), body: MinutesBodyInput }).strict(),
  ),
  'minutes:exportDocx': channel<FileData>()(z.object({ minutesId: Id, language: Language }).strict()),

  'attachments:list': channel<Attachment[]>()(z.object({ meetingId: Id }).strict()),
  'attachments:add': channel<Attachment>()(
    z
      .object({
        meetingId: Id,
        fileName: RequiredText(255),
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
