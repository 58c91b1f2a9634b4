import { z } from 'zod';
import { channel, Id, NoInput, RequiredText, Text } from './schemas';
import type { FileData } from './minutes.contract';
import type { ErrorPayload } from '../errors';

/**
 * Packages by e-mail (issue 11, part 3): the SMTP settings, a package as an .eml file to send
 * from Outlook or Thunderbird, and the outbox that sends through SMTP when the network is there.
 */

/**
 * `tls`: TLS from the first byte (usually port 465); `starttls`: plain connection upgraded with
 * STARTTLS, which must succeed (usually 587); `none`: no encryption, accepted only for a server on
 * this computer (a local relay), so a password never crosses a network in the clear.
 */
export const MAIL_SECURITY = ['tls', 'starttls', 'none'] as const;
export type MailSecurity = (typeof MAIL_SECURITY)[number];

export const EmailAddress = z.string().trim().max(254).pipe(z.email());

/** A DNS name (ASCII: an IDN is entered as its xn-- form) or an IP address. */
const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;
export const MailHost = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .refine((v) => HOSTNAME.test(v) || z.ipv6().safeParse(v).success, 'host');

export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** The SMTP settings as stored (the password aside, which lives in a file of its own). */
export const MailAccountFields = z
  .object({
    host: MailHost,
    port: z.number().int().min(1).max(65535),
    security: z.enum(MAIL_SECURITY),
    /** Empty: the server takes mail without a login. */
    user: Text(320),
    /** The sender (From and the SMTP envelope). */
    from: EmailAddress,
    /** The address the Exchange screen offers first (the district's or oblast's akimat). */
    defaultRecipient: EmailAddress.nullable(),
    /**
     * The user ticked "accept this server's self-signed certificate": district mail servers
     * often run on a certificate they made themselves, which no authority vouches for. Off, the
     * certificate must verify against the system's authorities and name the host.
     */
    acceptSelfSigned: z.boolean(),
  })
  .strict();

export const SaveMailSettingsInput = MailAccountFields.extend({
  /** Omitted: the stored password stays; null: it is forgotten; a string replaces it. */
  password: z.string().min(1).max(1024).nullable().optional(),
}).refine((s) => s.security !== 'none' || isLoopbackHost(s.host), { path: ['security'], message: 'plain_only_local' });

/** The settings as the renderer sees them: the password never leaves the core, only whether there is one. */
export interface MailSettings {
  host: string;
  port: number;
  security: MailSecurity;
  user: string;
  from: string;
  defaultRecipient: string | null;
  acceptSelfSigned: boolean;
  hasPassword: boolean;
}

/**
 * `queued`: waiting for its next attempt; `sending`: being handed to the server now; `sent`:
 * the server accepted it; `failed`: refused for good, or given up after the attempts allowed,
 * until the user retries it.
 */
export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface OutboxItem {
  id: string;
  recipient: string;
  subject: string;
  packageFileName: string;
  packageSha256: string;
  /** The size of the message as sent (the package base64-encoded, about 4/3 of its size). */
  bytes: number;
  status: OutboxStatus;
  attempts: number;
  /** The earliest next try (epoch ms); null: as soon as the network is there. */
  nextAttemptAt: number | null;
  /** Why the last attempt failed, to show with errorMessage (mail_* codes). */
  lastError: ErrorPayload | null;
  createdAt: number;
  sentAt: number | null;
  /** The server's reply on acceptance (its queue id is in it). */
  serverResponse: string | null;
  /** The message's Message-ID header, to find it in the recipient's mailbox. */
  messageId: string;
}

const PackageToSend = z.object({ path: RequiredText(4096), to: EmailAddress }).strict();

export const mailContract = {
  /** Null until the SMTP settings are saved once. */
  'mail:settings': channel<MailSettings | null>()(NoInput),
  'mail:saveSettings': channel<MailSettings>()(SaveMailSettingsInput),
  /** The package as an .eml file: opened in Outlook or Thunderbird, it is a message ready to send. */
  'mail:eml': channel<FileData>()(PackageToSend),
  /** Copies the package into the outbox as a message to `to`; it is sent as soon as possible. */
  'mail:queue': channel<OutboxItem>()(PackageToSend),
  /** Newest first. */
  'mail:outbox': channel<OutboxItem[]>()(NoInput),
  /** Sends a queued or failed message now, with its attempts counted afresh. */
  'mail:retry': channel<OutboxItem>()(z.object({ id: Id }).strict()),
  /** Removes a message that is not being sent or sent. */
  'mail:cancel': channel<{ id: string }>()(z.object({ id: Id }).strict()),
};
