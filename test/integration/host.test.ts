import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ABAY_DISTRICT, KARAAUYL_OKRUG, openTempCore, tempDir } from '../helpers/temp-core';
import { createHandlers } from '../../electron/core/api/handlers';
import { inLineDoor } from '../../electron/core/api/door';
import { startHostServer, type HostServer } from '../../electron/host/server';
import { BODY_ALLOWANCE, bodyLimits } from '../../electron/host/body-limit';
import { contract } from '../../shared/contract/contract';
import { MAX_ATTACHMENT_BYTES } from '../../shared/contract/minutes.contract';
import { MAX_IMPORT_BYTES } from '../../shared/contract/issues-import.contract';
import { createI18n, errorMessage } from '../../shared/i18n';
import type { Core } from '../../electron/core/core';
import { caller, planInput } from './meeting-fixtures';

let core: Core;
let host: HostServer;

function request(options: { path: string; method?: string; headers?: Record<string, string>; body?: string | Buffer }) {
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

/**
 * Bytes written to the host as they are, for the requests no HTTP client sends (a raw NUL, a
 * target that is no URL); what it answers until it closes the connection.
 */
function rawRequest(bytes: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(host.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.on('error', reject);
    socket.end(bytes);
  });
}

const api = (channel: string, body: string | Buffer, headers: Record<string, string> = {}) =>
  request({ path: `/api/${channel}`, method: 'POST', headers: { 'X-Esep-Token': host.token, ...headers }, body });

/** The host still answers, both the renderer's files and the contract. */
async function expectServing(): Promise<void> {
  expect((await request({ path: '/' })).status).toBe(200);
  const info = await api('app:info', '{}');
  expect(JSON.parse(info.body)).toMatchObject({ ok: true, value: { version: '9.9.9' } });
}

/** What an API refusal tells a person, in kk and ru: never a bare code. */
function expectReadable(body: string): void {
  const envelope = JSON.parse(body) as { ok: false; error: { code: 'validation' } };
  for (const lng of ['kk', 'ru'] as const) expect(errorMessage(createI18n(lng).t, envelope.error)).not.toMatch(/^Errors\.|\{\{/);
}

let meetingId: string;

/** The rows a refused request must leave as they were. */
function snapshot() {
  const all = (sql: string) => core.ctx.db.prepare(sql).raw().all();
  return { attachments: all('SELECT * FROM attachments ORDER BY id'), audit: all('SELECT * FROM audit_log ORDER BY at, id'), issues: all('SELECT * FROM issues ORDER BY seq') };
}

beforeAll(async () => {
  core = openTempCore();
  const { value } = caller(core);
  value('setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
  meetingId = value('meetings:plan', planInput(KARAAUYL_OKRUG, '2025-07-20', '2025-M07')).id;
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Esep</title>');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(path.dirname(staticDir), 'outside-secret.txt'), 'secret');
  host = await startHostServer({ door: inLineDoor(createHandlers(core, '9.9.9')), staticDir });
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

describe('the browser host never falls over', () => {
  it.each([
    ['/%00', 400],
    ['/%E0%A4%A', 400],
    ['/%', 400],
    ['/assets/app.js%00.html', 400],
    ['/%C0%AE%C0%AE/outside-secret.txt', 400],
  ])('answers an unauthenticated GET %s with %i, then serves the next request', async (target, status) => {
    const res = await request({ path: target });
    expect(res.status).toBe(status);
    expect(res.body).not.toContain('secret');
    await expectServing();
  });

  it.each([
    ['a NUL byte in the path', 'GET /a\u0000b HTTP/1.1'],
    ['a target that is no URL', 'GET //[ HTTP/1.1'],
    ['a request line that is not HTTP', '\u0000\u0001\u0002'],
  ])('answers %s with a 400, then serves the next request', async (_, line) => {
    const answer = await rawRequest(`${line}\r\nHost: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    await expectServing();
  });

  it('refuses malformed and unknown channel names with an envelope, with or without a token as before', async () => {
    for (const [channel, status, code] of [
      ['%E0%A4%A', 400, 'validation'],
      ['app%00info', 400, 'validation'],
      ['app:info%00', 400, 'validation'],
      ['no-colon', 400, 'validation'],
      ['..%2F..%2Fapp:info', 400, 'validation'],
      ['__proto__:x', 400, 'validation'],
      ['constructor:x', 404, 'not_found'],
      ['toString:x', 404, 'not_found'],
      ['nope:nope', 404, 'not_found'],
    ] as const) {
      const res = await api(channel, '{}');
      expect(res.status, channel).toBe(status);
      expect(JSON.parse(res.body), channel).toMatchObject({ ok: false, error: { code } });
      expectReadable(res.body);
      expect((await request({ path: `/api/${channel}`, method: 'POST', body: '{}' })).status, channel).toBe(401);
    }
    // The renderer encodes the colon; that is a channel like any other.
    expect(JSON.parse((await api('app%3Ainfo', '{}')).body)).toMatchObject({ ok: true });
    await expectServing();
  });

  it('answers a body that is not JSON with a 400 validation envelope', async () => {
    for (const body of ['{nope', '\u0000', Buffer.from([0xff, 0xfe, 0x00]), '{"a":', '[1,2']) {
      const res = await api('units:get', body);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'validation', details: { fields: ['(input)'] } } });
      expectReadable(res.body);
    }
    await expectServing();
  });

  it("takes each channel's body limit from its schema: the largest attachment and import the contract allows, and no more", () => {
    const limits = bodyLimits(contract);
    expect(limits.get('attachments:add')).toBe(BODY_ALLOWANCE + Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4);
    expect(limits.get('issuesImport:preview')).toBe(BODY_ALLOWANCE + Math.ceil(MAX_IMPORT_BYTES / 3) * 4);
    expect(limits.get('issuesImport:commit')).toBe(limits.get('issuesImport:preview'));
    expect(limits.get('app:info')).toBe(BODY_ALLOWANCE);
    expect(limits.get('units:get')).toBe(BODY_ALLOWANCE);
    expect(limits.size).toBe(Object.keys(contract).length);
  });

  it('accepts the largest attachment the contract allows, padded to the limit; one byte more is a 413 with a message, the database unchanged', async () => {
    const limit = bodyLimits(contract).get('attachments:add')!;
    const png = Buffer.alloc(MAX_ATTACHMENT_BYTES);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const json = JSON.stringify({ meetingId, fileName: 'сурет.png', kind: 'photo', dataBase64: png.toString('base64') });
    const atLimit = Buffer.concat([Buffer.from(json), Buffer.alloc(limit - Buffer.byteLength(json), 0x20)]);
    expect(atLimit.length).toBe(limit);

    const before = snapshot();
    const over = await api('attachments:add', Buffer.concat([atLimit, Buffer.from(' ')]));
    expect(over.status).toBe(413);
    expect(JSON.parse(over.body)).toEqual({ ok: false, error: { code: 'request_too_large', details: { max: Math.ceil(limit / 1024 / 1024) } } });
    expectReadable(over.body);
    expect(snapshot()).toEqual(before);
    await expectServing();

    const accepted = await api('attachments:add', atLimit);
    expect(accepted.status).toBe(200);
    expect(JSON.parse(accepted.body)).toMatchObject({ ok: true, value: { fileName: 'сурет.png', size: MAX_ATTACHMENT_BYTES, mime: 'image/png' } });
  });

  it("lets the largest import through to the core's own checks", async () => {
    const source = { fileName: 'журнал.xlsx', dataBase64: 'A'.repeat(Math.ceil(MAX_IMPORT_BYTES / 3) * 4) };
    const before = snapshot();
    const res = await api('issuesImport:preview', JSON.stringify({ source }));
    expect(res.status).toBe(200);
    // Two bytes past MAX_IMPORT_BYTES once decoded: refused by the core, which says so in words.
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'import_file_too_large', details: { fileName: 'журнал.xlsx' } } });
    expect(snapshot()).toEqual(before);
  });

  it('refuses a body over the limit sent without a length (chunked), and one that claims a huge length, then serves the next', async () => {
    const before = snapshot();
    const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: host.port, path: '/api/units:get', method: 'POST', headers: { 'X-Esep-Token': host.token } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString() }));
      });
      req.on('error', reject);
      const piece = Buffer.alloc(256 * 1024, 0x20);
      for (let i = 0; i < 8; i++) req.write(piece);
      req.end();
    });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body)).toMatchObject({ ok: false, error: { code: 'request_too_large', details: { max: 1 } } });
    const claimed = await rawRequest(
      `POST /api/units:get HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-Esep-Token: ${host.token}\r\nContent-Length: 99999999999\r\nConnection: close\r\n\r\n{}`,
    );
    expect(claimed).toMatch(/^HTTP\/1\.1 413 /);
    expect(snapshot()).toEqual(before);
    await expectServing();
  });

  it('survives a client that goes away in the middle of its body', async () => {
    await new Promise<void>((resolve) => {
      const socket = net.connect(host.port, '127.0.0.1', () => {
        socket.write(`POST /api/units:get HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-Esep-Token: ${host.token}\r\nContent-Length: 1000\r\n\r\n{"kato":`);
        setTimeout(() => (socket.destroy(), resolve()), 50);
      });
    });
    await new Promise((r) => setTimeout(r, 50));
    await expectServing();
  });
});
