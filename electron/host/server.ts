import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Door } from '../core/api/door';
import { contract } from '../../shared/contract/contract';
import type { Envelope } from '../../shared/contract/envelope';
import { bodyLimits } from './body-limit';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Each channel's largest body, from the contract (body-limit.ts). */
const BODY_LIMITS = bodyLimits(contract);

/** `area:verb`, as every channel is named (STYLE.md §2). */
const CHANNEL_NAME = /^[a-z][A-Za-z]*:[a-z][A-Za-z]*$/;

const TEXT = 'text/plain; charset=utf-8';
const MB = 1024 * 1024;

export interface HostServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/**
 * The browser host: the built renderer and the contract over HTTP, for development and E2E tests.
 * Loopback only; every API call must carry the per-run token, and the Host header must name
 * the loopback address (so a web page cannot reach it through DNS rebinding).
 */
export async function startHostServer(options: {
  /** The core: the pool's workers in the host, the handlers in line in some tests. */
  door: Door;
  staticDir: string;
  port?: number;
  token?: string;
}): Promise<HostServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const staticRoot = path.resolve(options.staticDir);
  let port = 0;

  /**
   * Every request gets an answer and none can stop the server: a malformed URL, a bad escape or a
   * NUL is a 400, and anything unforeseen a 500, never an exception out of the handler.
   */
  const server = http.createServer((req, res) => {
    // A client that goes away mid-request must not become an unhandled 'error'.
    req.on('error', () => {});
    res.on('error', () => {});
    try {
      route(req, res);
    } catch {
      fail(res);
    }
  });

  function route(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    if (req.headers.host !== `127.0.0.1:${port}` && req.headers.host !== `localhost:${port}`) {
      return send(res, 403, TEXT, 'forbidden host');
    }
    const pathname = requestPath(req.url);
    if (pathname === null) return send(res, 400, TEXT, 'bad request');
    if (pathname.startsWith('/api/')) return handleApi(req, res, pathname.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, TEXT, 'method');
    return serveStatic(res, pathname);
  }

  function authorised(req: http.IncomingMessage): boolean {
    const given = Buffer.from(String(req.headers['x-esep-token'] ?? ''));
    const expected = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  function handleApi(req: http.IncomingMessage, res: http.ServerResponse, encodedChannel: string): void {
    if (req.method !== 'POST') return send(res, 405, TEXT, 'method');
    if (!authorised(req)) return sendJson(res, 401, { ok: false, error: { code: 'forbidden' } });
    const channel = decoded(encodedChannel);
    if (channel === null || !CHANNEL_NAME.test(channel)) return sendJson(res, 400, { ok: false, error: { code: 'validation', details: { fields: ['(channel)'] } } });
    const limit = BODY_LIMITS.get(channel);
    if (limit === undefined) return sendJson(res, 404, { ok: false, error: { code: 'not_found', details: { channel } } });
    const tooLarge = () => sendJson(res, 413, { ok: false, error: { code: 'request_too_large', details: { max: Math.ceil(limit / MB) } } });
    // Answered before a byte is read; Node reads and drops the rest, so the connection stays usable.
    if (Number(req.headers['content-length'] ?? 0) > limit) return tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > limit) return;
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        tooLarge();
      } else {
        chunks.push(chunk);
      }
    });
    req.on('end', () => {
      if (size > limit) return;
      let input: unknown;
      try {
        input = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'validation', details: { fields: ['(input)'] } } });
      }
      Promise.resolve()
        .then(() => options.door(channel, input))
        .then(
          (envelope: Envelope<unknown>) => sendJson(res, 200, envelope),
          () => fail(res),
        );
    });
  }

  function serveStatic(res: http.ServerResponse, pathname: string): void {
    const relative = decoded(pathname === '/' ? '/index.html' : pathname);
    if (relative === null) return send(res, 400, TEXT, 'bad request');
    const file = path.resolve(staticRoot, `.${relative}`);
    if (!file.startsWith(staticRoot + path.sep)) return send(res, 403, TEXT, 'forbidden');
    fs.readFile(file, (error, data) => {
      if (error) return send(res, 404, TEXT, 'not found');
      const type = MIME[path.extname(file)] ?? 'application/octet-stream';
      if (type.startsWith('text/html')) res.setHeader('Content-Security-Policy', CSP);
      send(res, 200, type, data);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A browser's idle keep-alive connections would hold the close open indefinitely.
        server.closeIdleConnections();
      }),
  };
}

/** The path of a request target, or null when it is no URL (`//[`). */
function requestPath(target: string | undefined): string | null {
  try {
    return new URL(target ?? '/', 'http://127.0.0.1').pathname;
  } catch {
    return null;
  }
}

/** A percent-decoded path or channel, or null for a malformed escape (`%E0%A4%A`) or a NUL, which no file or channel name holds. */
function decoded(text: string): string | null {
  try {
    const value = decodeURIComponent(text);
    return value.includes('\0') ? null : value;
  } catch {
    return null;
  }
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'Content-Type': type });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

/** The last answer when something unforeseen failed: an envelope the renderer can show. */
function fail(res: http.ServerResponse): void {
  try {
    sendJson(res, 500, { ok: false, error: { code: 'internal' } });
  } catch {
    res.destroy();
  }
}
