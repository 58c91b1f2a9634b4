import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempCore, tempDir } from '../helpers/temp-core';
import { createHandlers } from '../../electron/core/api/handlers';
import { startHostServer, type HostServer } from '../../electron/host/server';
import type { Core } from '../../electron/core/core';

let core: Core;
let host: HostServer;

function request(options: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, path: options.path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

beforeAll(async () => {
  core = openTempCore();
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Esep</title>');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(path.dirname(staticDir), 'outside-secret.txt'), 'secret');
  host = await startHostServer({ handlers: createHandlers(core, '9.9.9'), staticDir });
});
afterAll(async () => {
  await host.close();
  core.close();
});

describe('browser host', () => {
  it('listens on loopback with a random port and puts the token in the URL fragment', () => {
    expect(host.port).toBeGreaterThan(0);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the renderer with a strict CSP', async () => {
    const page = await request({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Esep</title>');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    const js = await request({ path: '/assets/app.js' });
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('refuses paths outside the renderer folder', async () => {
    const res = await request({ path: '/../outside-secret.txt' });
    expect(res.body).not.toContain('secret');
    const encoded = await request({ path: '/%2e%2e/outside-secret.txt' });
    expect(encoded.body).not.toContain('secret');
    expect([403, 404]).toContain(encoded.status);
  });

  it('answers API calls only with the token', async () => {
    const none = await request({ path: '/api/app:info', method: 'POST', body: '{}' });
    expect(none.status).toBe(401);
    const wrong = await request({ path: '/api/app:info', method: 'POST', headers: { 'X-Esep-Token': 'x'.repeat(host.token.length) }, body: '{}' });
    expect(wrong.status).toBe(401);
    const ok = await request({ path: '/api/app:info', method: 'POST', headers: { 'X-Esep-Token': host.token }, body: '{}' });
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { version: '9.9.9' } });
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const res = await request({ path: '/api/app:info', method: 'POST', headers: { Host: 'evil.example', 'X-Esep-Token': host.token }, body: '{}' });
    expect(res.status).toBe(403);
  });

  it('turns malformed JSON and bad input into validation envelopes', async () => {
    const headers = { 'X-Esep-Token': host.token };
    const garbage = await request({ path: '/api/units:get', method: 'POST', headers, body: '{nope' });
    expect(JSON.parse(garbage.body)).toMatchObject({ ok: false, error: { code: 'validation' } });
    const bad = await request({ path: '/api/units:get', method: 'POST', headers, body: JSON.stringify({ kato: 'abc' }) });
    expect(JSON.parse(bad.body)).toEqual({ ok: false, error: { code: 'validation', details: { fields: ['kato'] } } });
  });
});
