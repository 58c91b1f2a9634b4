import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { zipSync, strToU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { createHandlers } from '../../electron/core/api/handlers';
import { dispatch } from '../../electron/core/api/dispatch';
import { composePackageEmail } from '../../electron/core/exchange/mail/eml';
import { packageLetter } from '../../electron/core/exchange/mail/letter';
import type { Envelope } from '../../shared/contract/envelope';
import type { FileData } from '../../shared/contract/minutes.contract';
import { KARAAUYL_OKRUG, openTempCore, tempDir } from '../helpers/temp-core';
import { writeTestPackage } from '../helpers/mail-fixtures';

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

let core: Core;
let dir: string;
beforeEach(() => {
  core = openTempCore();
  dir = tempDir();
});
afterEach(() => core.close());

const call = (channel: string, input: unknown) => dispatch(createHandlers(core, 't'), channel as 'app:info', input, () => {}) as Promise<Envelope<unknown>>;

async function value<T>(channel: string, input: unknown): Promise<T> {
  const result = await call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const FACTS = {
  unit: { kato: KARAAUYL_OKRUG, nameKk: 'Қараауыл а.о.', nameRu: 'Карааульский с.о.' },
  period: { start: '2025-04-01', end: '2025-06-30' },
  fileName: 'esep-103230000-0001.zip',
  bytes: 3_300_000,
  sha256: 'ab'.repeat(32),
};

describe('the letter of a package', () => {
  it('says in Kazakh, then in Russian, whose package it is, for which period, its SHA-256, and how to check it without Esep', () => {
    const { subject, text } = packageLetter(FACTS);
    expect(subject).toBe('Esep деректер пакеті: Қараауыл а.о., 2025 жылдың II тоқсаны / Пакет данных Esep: Карааульский с.о., II квартал 2025 года');
    const [kk, ru] = text.split('—'.repeat(20));
    for (const line of ['Жіберуші: Қараауыл а.о. (ҚАТО 103230000)', 'Кезең: 2025 жылдың II тоқсаны', 'Файл: esep-103230000-0001.zip, 3,2 МБ', `Файлдың SHA-256 мәні: ${'ab'.repeat(32)}`, 'docs/exchange-format.md']) {
      expect(kk).toContain(line);
    }
    for (const line of ['Отправитель: Карааульский с.о. (КАТО 103230000)', 'Период: II квартал 2025 года', 'Файл: esep-103230000-0001.zip, 3,2 МБ', `SHA-256 файла: ${'ab'.repeat(32)}`, 'docs/exchange-format.md']) {
      expect(ru).toContain(line);
    }
  });

  it('names the unit by its KATO code when the classifier here does not know it', () => {
    const { subject } = packageLetter({ ...FACTS, unit: { kato: '999999999', nameKk: null, nameRu: null } });
    expect(subject).toContain('999999999, 2025 жылдың II тоқсаны');
  });
});

describe('composePackageEmail', () => {
  it('is standard MIME that parses back with the subject, both languages and the attachment byte-identical', async () => {
    const bytes = fs.readFileSync(await writeTestPackage(dir));
    const { subject, text } = packageLetter({ ...FACTS, bytes: bytes.length, sha256: sha256(bytes) });
    const eml = await composePackageEmail({
      from: 'okrug@akimat.kz',
      to: 'district@akimat.kz',
      subject,
      text,
      attachment: { fileName: FACTS.fileName, bytes },
      date: new Date('2025-06-15T07:00:00Z'),
      messageId: '<test-1@akimat.kz>',
    });
    // 7-bit clean with CRLF lines: what every mail program and relay takes as it is.
    expect(eml.every((b) => b < 0x80)).toBe(true);
    expect(eml.toString('latin1')).not.toMatch(/[^\r]\n/);
    const head = eml.toString('latin1').split('\r\n\r\n')[0]!;
    expect(head).toMatch(/^MIME-Version: 1\.0$/m);
    expect(head).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);

    const parsed: ParsedMail = await simpleParser(eml);
    expect(parsed.subject).toBe(subject);
    expect(parsed.from?.text).toBe('okrug@akimat.kz');
    expect(parsed.messageId).toBe('<test-1@akimat.kz>');
    expect(parsed.date?.toISOString()).toBe('2025-06-15T07:00:00.000Z');
    expect(parsed.text).toContain('Жіберуші: Қараауыл а.о.');
    expect(parsed.text).toContain('Отправитель: Карааульский с.о.');
    expect(parsed.attachments).toHaveLength(1);
    const [attachment] = parsed.attachments;
    expect(attachment!.contentType).toBe('application/zip');
    expect(attachment!.filename).toBe(FACTS.fileName);
    expect(sha256(attachment!.content)).toBe(sha256(bytes));
    expect(parsed.headers.has('x-unsent')).toBe(false);
  });
});

describe('mail:eml', () => {
  it('gives the package as an .eml draft: Outlook opens it ready to send, the attachment intact', async () => {
    const file = await writeTestPackage(dir);
    const bytes = fs.readFileSync(file);
    const eml = await value<FileData>('mail:eml', { path: file, to: 'district@akimat.kz' });
    expect(eml.fileName).toBe('esep-103230000-0001.eml');
    expect(eml.mime).toBe('message/rfc822');
    const parsed = await simpleParser(Buffer.from(eml.dataBase64, 'base64'));
    expect(parsed.headers.get('x-unsent')).toBe('1');
    expect(parsed.from).toBeUndefined();
    expect((parsed.to as { text: string }).text).toBe('district@akimat.kz');
    expect(parsed.subject).toContain('Қараауыл а.о., 2025 жылдың II тоқсаны');
    expect(parsed.text).toContain(sha256(bytes));
    expect(sha256(parsed.attachments[0]!.content)).toBe(sha256(bytes));
    expect(parsed.attachments.map((a) => a.filename)).toEqual(['esep-103230000-0001.esep']);
  });

  it('names the attachment .esep (double-clicked, it opens in Esep) when the stick holds a package of before, named .zip', async () => {
    const file = await writeTestPackage(dir, { extension: '.zip' });
    const eml = await value<FileData>('mail:eml', { path: file, to: 'district@akimat.kz' });
    expect(eml.fileName).toBe('esep-103230000-0001.eml');
    const parsed = await simpleParser(Buffer.from(eml.dataBase64, 'base64'));
    expect(parsed.attachments.map((a) => a.filename)).toEqual(['esep-103230000-0001.esep']);
    expect(sha256(parsed.attachments[0]!.content)).toBe(sha256(fs.readFileSync(file)));
  });

  it('is from the saved sender once e-mail is set up', async () => {
    await value('mail:saveSettings', { host: 'smtp.akimat.kz', port: 587, security: 'starttls', user: '', from: 'okrug@akimat.kz', defaultRecipient: null, acceptSelfSigned: false });
    const eml = await value<FileData>('mail:eml', { path: await writeTestPackage(dir), to: 'district@akimat.kz' });
    expect((await simpleParser(Buffer.from(eml.dataBase64, 'base64'))).from?.text).toBe('okrug@akimat.kz');
  });

  it('refuses a missing file, a file that is not a zip, a zip that is not a package, and a damaged package', async () => {
    const missing = path.join(dir, 'missing.zip');
    expect(await call('mail:eml', { path: missing, to: 'district@akimat.kz' })).toEqual({ ok: false, error: { code: 'package_unreadable', details: { file: missing } } });
    const notZip = path.join(dir, 'notes.zip');
    fs.writeFileSync(notZip, 'just text');
    const photos = path.join(dir, 'photos.zip');
    fs.writeFileSync(photos, zipSync({ 'a.txt': strToU8('a') }));
    for (const file of [notZip, photos]) expect(await call('mail:eml', { path: file, to: 'district@akimat.kz' })).toMatchObject({ ok: false, error: { code: 'package_format' } });
    // One flipped byte in the payload: caught here, not at the level above days later.
    const damaged = await writeTestPackage(dir, { name: 'esep-103230000-0009' });
    const bytes = fs.readFileSync(damaged);
    const at = bytes.indexOf(Buffer.from('records/meetings.jsonl')) + 200;
    bytes[at]! ^= 0x01;
    fs.writeFileSync(damaged, bytes);
    const refused = await call('mail:eml', { path: damaged, to: 'district@akimat.kz' });
    expect(refused.ok).toBe(false);
    expect((refused as { error: { code: string } }).error.code).toMatch(/^package_/);
  });

  it('validates the recipient', async () => {
    expect(await call('mail:eml', { path: await writeTestPackage(dir), to: 'not an address' })).toEqual({ ok: false, error: { code: 'validation', details: { fields: ['to'] } } });
  });
});
