import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Handlers } from '../core/api/handlers';
import { dispatch } from '../core/api/dispatch';

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

const MAX_BODY = 1024 * 1024;

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
  handlers: Handlers;
  staticDir: string;
  port?: number;
  token?: string;
}): Promise<HostServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const staticRoot = path.resolve(options.staticDir);
  let port = 0;

  const server = http.createServer((req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    if (req.headers.host !== `127.0.0.1:${port}` && req.headers.host !== `localhost:${port}`) {
      return send(res, 403, 'text/plain; charset=utf-8', 'forbidden host');
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method');
    return serveStatic(res, url.pathname);
  });

  function authorised(req: http.IncomingMessage): boolean {
    const given = Buffer.from(String(req.headers['x-esep-token'] ?? ''));
    const expected = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
    if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'method');
    if (!authorised(req)) return sendJson(res, 401, { ok: false, error: { code: 'forbidden' } });
    const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', async () => {
      let input: unknown;
      try {
        input = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'validation', details: { fields: ['(input)'] } } });
      }
      sendJson(res, 200, await dispatch(options.handlers, channel, input));
    });
  }

  function serveStatic(res: http.ServerResponse, pathname: string): void {
    const relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    const file = path.resolve(staticRoot, `.${relative}`);
    if (!file.startsWith(staticRoot + path.sep)) return send(res, 403, 'text/plain; charset=utf-8', 'forbidden');
    fs.readFile(file, (error, data) => {
      if (error) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'Content-Type': type });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}
