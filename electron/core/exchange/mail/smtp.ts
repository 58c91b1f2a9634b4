import { createRequire } from 'node:module';
import { isIP } from 'node:net';
import type nodemailer from 'nodemailer';
import type { SMTPTransportOptions } from 'nodemailer';
import type { MailSettings } from '../../../../shared/contract/mail.contract';
import type { ErrorPayload } from '../../../../shared/errors';

/** The part of a nodemailer transport the outbox uses: one message handed over as it is. */
export interface MailTransport {
  sendMail(message: { envelope: { from: string; to: string[] }; raw: Buffer }): Promise<{ response: string }>;
  close(): void;
}

export type CreateTransport = (options: SMTPTransportOptions) => MailTransport;

const requireHere = createRequire(import.meta.url);

/** nodemailer is required on the first send, not whenever the core starts (the CLI would pay for it on every command). */
export const createSmtpTransport: CreateTransport = (options) => (requireHere('nodemailer') as typeof nodemailer).createTransport(options);

/**
 * How to reach the server. `starttls` insists on the upgrade (requireTLS): a server or a
 * network in between that drops STARTTLS makes the attempt fail instead of sending the password
 * in the clear. Certificates are verified against the system's authorities and must name the
 * host, unless the user accepted the server's self-signed certificate (see the contract): then
 * the connection is still encrypted, but anyone able to intercept it could pose as the server.
 * The timeouts are for rural links: a slow handshake is not a dead server.
 */
export function transportOptions(settings: MailSettings, password: string | null): SMTPTransportOptions {
  return {
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    ...(settings.user === '' ? {} : { auth: { user: settings.user, pass: password ?? '' } }),
    tls: { rejectUnauthorized: !settings.acceptSelfSigned, ...(isIP(settings.host) ? {} : { servername: settings.host }) },
    connectionTimeout: 60_000,
    greetingTimeout: 60_000,
    socketTimeout: 5 * 60_000,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/** What nodemailer's errors carry (smtp-connection's _formatError). */
interface SmtpError {
  code?: string;
  originalCode?: string;
  response?: string;
  responseCode?: number;
  message?: string;
}

const CONNECTION = new Set(['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'EPIPE']);
const CERTIFICATE = /certificate|self[- ]signed|CERT_|unable to verify|altnames/i;
/** Kept with the message: enough to recognize the server's reply, never a stack. */
const MAX_REASON = 300;

/**
 * A failed attempt in the user's terms, and whether trying again could help. Only a 5xx reply to
 * the message itself (MAIL FROM, RCPT TO, DATA: a refused sender or recipient, a message too
 * large) is final; a refused password, a TLS problem or an unreachable server may be fixed in
 * the settings or by the network, so they are retried with backoff like any outage.
 */
export function sendFailure(error: unknown, settings: Pick<MailSettings, 'host' | 'port'>): { error: ErrorPayload; permanent: boolean } {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as SmtpError;
  const reason = shortReason(e);
  const details = { host: settings.host, port: settings.port, reason };
  const failure = (code: ErrorPayload['code'], permanent = false) => ({ error: { code, details }, permanent });
  if (e.code === 'EAUTH' || e.code === 'ENOAUTH') return failure('mail_auth_failed');
  if (CERTIFICATE.test(`${e.originalCode ?? ''} ${e.message ?? ''}`)) return failure('mail_certificate_untrusted');
  if (e.code === 'ETLS') return failure('mail_tls_failed');
  if ((e.code === 'EENVELOPE' || e.code === 'EMESSAGE') && (e.responseCode === undefined || e.responseCode >= 500)) return failure('mail_rejected', true);
  if (CONNECTION.has(e.code ?? '')) return failure('mail_connection_failed');
  return failure('mail_send_failed');
}

function shortReason(e: SmtpError): string {
  const text = e.response ?? (e.originalCode && e.originalCode !== e.code ? `${e.originalCode}: ${e.message ?? ''}` : (e.message ?? e.code ?? 'unknown'));
  const line = text.split(/\r?\n/)[0]!.trim();
  return line.length > MAX_REASON ? `${line.slice(0, MAX_REASON - 1)}…` : line;
}
