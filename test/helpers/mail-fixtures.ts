import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import nodemailer, { type SMTPTransportOptions } from 'nodemailer';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { CreateTransport } from '../../electron/core/exchange/mail/smtp';
import { writePackage } from '../../electron/core/exchange/bag';
import { generateKeyPair } from '../../electron/core/exchange/minisign';
import { PACKAGE_EXTENSION } from '../../shared/domain/exchange/package-file';

/**
 * A real Esep package (signed, every hash right) from a key made for the test, with random
 * payload bytes, so an attachment that arrives byte-identical is proven so by its hash, not by
 * a lucky pattern.
 */
export async function writeTestPackage(dir: string, options: { unit?: string; period?: string; payloadBytes?: number; name?: string; extension?: string } = {}): Promise<string> {
  const name = options.name ?? 'esep-103230000-0001';
  const bytes = await writePackage({
    name,
    info: {
      packageId: randomUUID(),
      originInstallation: randomUUID(),
      originUnit: options.unit ?? '103230000',
      period: options.period ?? '2025-Q2',
      created: '2025-06-15T07:00:00.000Z',
      appVersion: '0.1.0',
      schemaVersion: 80,
      katoEdition: 'NK RK 11-2025',
      sequence: 1,
      previousPackage: null,
    },
    payload: new Map([['records/meetings.jsonl', new Uint8Array(randomBytes(options.payloadBytes ?? 200_000))]]),
    signer: generateKeyPair(),
  });
  const file = path.join(dir, `${name}${options.extension ?? PACKAGE_EXTENSION}`);
  fs.writeFileSync(file, bytes);
  return file;
}

export interface Received {
  raw: Buffer;
  from: string | undefined;
  to: string[];
  secure: boolean;
}

export interface TestSmtpServer {
  port: number;
  received: Received[];
  logins: Array<{ method: string; user: string; secure: boolean }>;
  close(): Promise<void>;
}

/**
 * smtp-server on 127.0.0.1 offering STARTTLS with its own self-signed certificate and AUTH
 * PLAIN only after TLS (its default): a message that arrives went through both.
 */
export async function startSmtpServer(options: { port?: number; user?: string; password?: string; onRcptTo?: SMTPServerOptions['onRcptTo'] } = {}): Promise<TestSmtpServer> {
  const received: Received[] = [];
  const logins: TestSmtpServer['logins'] = [];
  const server = new SMTPServer({
    logger: false,
    authMethods: ['PLAIN'],
    onAuth(auth, session, callback) {
      logins.push({ method: auth.method, user: auth.username ?? '', secure: session.secure });
      if (auth.username === (options.user ?? 'okrug') && auth.password === (options.password ?? 'құпия-сөз')) return callback(null, { user: auth.username });
      callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    ...(options.onRcptTo ? { onRcptTo: options.onRcptTo } : {}),
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          raw: Buffer.concat(chunks),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((r) => r.address),
          secure: session.secure,
        });
        callback(null, 'Queued as TEST123');
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as net.AddressInfo).port;
  return { port, received, logins, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A port nothing listens on (a server that is down). */
export async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** nodemailer with short timeouts: a test never waits a minute for a dead server. */
export const quickTransport: CreateTransport = (options: SMTPTransportOptions) =>
  nodemailer.createTransport({ ...options, connectionTimeout: 3000, greetingTimeout: 3000, socketTimeout: 5000, dnsTimeout: 1000 });

/** A clock the test moves by hand. */
export function manualClock(start = Date.parse('2025-06-15T07:00:00Z')) {
  let now = start;
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
    get ms() {
      return now;
    },
  };
}
