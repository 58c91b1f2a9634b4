import { randomUUID } from 'node:crypto';
import { samplePdf } from '../helpers/sample-files';
import fs from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { zipSync, strToU8 } from 'fflate';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { addAttachment, STALE_TEMP_MS, sweepAttachments } from '../../electron/core/services/attachments.service';
import { createHandlers } from '../../electron/core/api/handlers';
import { dispatch } from '../../electron/core/api/dispatch';
import { listAudit } from '../../electron/core/db/repos/audit.repo';
import { MAX_ATTACHMENT_BYTES } from '../../shared/contract/minutes.contract';
import { EsepError } from '../../shared/errors';
import { contentStore } from '../../electron/core/files/content-store';
import { insertAttachment } from '../../electron/core/db/repos/attachments.repo';
import { createI18n, errorMessage } from '../../shared/i18n';
import { openTempCore, tempDir, ABAY_DISTRICT, KARAAUYL_OKRUG } from '../helpers/temp-core';
import { caller, planInput } from './meeting-fixtures';

let core: Core;
let call: ReturnType<typeof caller>['call'];
let value: ReturnType<typeof caller>['value'];
let meetingId: string;
let otherMeetingId: string;

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real 2×2 RGB PNG (signature, IHDR, IDAT, IEND), different per colour. */
function png(rgb: [number, number, number]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter, no interlace
  const row = Buffer.from([0, ...rgb, ...rgb]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.concat([row, row]))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

const pdf = () => samplePdf();

const add = (fileName: string, data: Buffer, kind = 'photo', id = meetingId) =>
  call('attachments:add', { meetingId: id, fileName, kind, dataBase64: data.toString('base64') });

/** Every stored file under the data folder's attachments/ (temp files included). */
function storedFiles(): string[] {
  const root = path.join(core.paths.dataDir, 'attachments');
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

function snapshot() {
  return {
    rows: core.ctx.db.prepare('SELECT * FROM attachments ORDER BY id').all(),
    audit: listAudit(core.ctx).length,
    files: storedFiles().sort(),
  };
}

function expectRefusedWithoutChange(fileName: string, data: Buffer, error: Record<string, unknown>) {
  const before = snapshot();
  expect(add(fileName, data)).toMatchObject({ ok: false, error });
  expect(snapshot()).toEqual(before);
}

beforeAll(() => {
  core = openTempCore({ today: '2025-07-15' });
  ({ call, value } = caller(core));
  value('setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
  meetingId = value('meetings:plan', planInput(KARAAUYL_OKRUG, '2025-07-20', '2025-M07')).id;
  otherMeetingId = value('meetings:plan', planInput(KARAAUYL_OKRUG, '2025-10-20', null)).id;
});
afterAll(() => core.close());

describe('attachments', () => {
  it('stores a photo under its SHA-256, with the type told by its bytes, audited', () => {
    const photo = png([200, 30, 30]);
    const added = add('Кездесу.png', photo);
    expect(added).toMatchObject({ ok: true, value: { meetingId, fileName: 'Кездесу.png', mime: 'image/png', size: photo.length, kind: 'photo' } });
    const { sha256, id } = added.ok ? added.value : ({} as never);
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    const file = path.join(core.paths.dataDir, 'attachments', sha256.slice(0, 2), sha256);
    expect(fs.readFileSync(file)).toEqual(photo);
    expect(storedFiles()).toEqual([file]);
    expect(listAudit(core.ctx, 'attachment', id)).toMatchObject([{ action: 'insert', actor: 'tester', after: { sha256 } }]);
  });

  it('keeps the same photo added twice as one file and returns the attachment already there', () => {
    const photo = png([30, 200, 30]);
    const first = value('attachments:add', { meetingId, fileName: 'a.png', kind: 'photo', dataBase64: photo.toString('base64') });
    const filesBefore = storedFiles().length;
    const auditBefore = listAudit(core.ctx).length;
    const second = value('attachments:add', { meetingId, fileName: 'a-copy.png', kind: 'photo', dataBase64: photo.toString('base64') });
    expect(second).toEqual(first);
    expect(storedFiles()).toHaveLength(filesBefore);
    expect(listAudit(core.ctx)).toHaveLength(auditBefore);
    expect(value('attachments:list', { meetingId }).filter((a: { sha256: string }) => a.sha256 === first.sha256)).toHaveLength(1);

    // Another meeting gets its own row for the same bytes, still one file on disk.
    const elsewhere = value('attachments:add', { meetingId: otherMeetingId, fileName: 'a.png', kind: 'photo', dataBase64: photo.toString('base64') });
    expect(elsewhere.id).not.toBe(first.id);
    expect(elsewhere.sha256).toBe(first.sha256);
    expect(storedFiles()).toHaveLength(filesBefore);
  });

  it('accepts a PDF scan and an OOXML presentation, and reads each back byte for byte', () => {
    const scan = value('attachments:add', { meetingId, fileName: 'хаттама.pdf', kind: 'minutes_scan', dataBase64: pdf().toString('base64') });
    expect(scan.mime).toBe('application/pdf');
    const pptx = Buffer.from(
      zipSync({ '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'), 'ppt/presentation.xml': strToU8('<p:presentation/>') }),
    );
    const deck = value('attachments:add', { meetingId, fileName: 'Есеп.pptx', kind: 'presentation', dataBase64: pptx.toString('base64') });
    expect(deck.mime).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');

    expect(value('attachments:read', { id: scan.id })).toEqual({ fileName: 'хаттама.pdf', mime: 'application/pdf', dataBase64: pdf().toString('base64') });
    expect(Buffer.from(value('attachments:read', { id: deck.id }).dataBase64, 'base64')).toEqual(pptx);
  });

  it('refuses by content, not by name, and writes nothing', () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    expectRefusedWithoutChange('photo.jpg', exe, { code: 'attachment_type', details: { fileName: 'photo.jpg' } });
    // A ZIP named .docx that is not an Office document, and an Office document named .zip.
    const zip = Buffer.from(zipSync({ 'readme.txt': strToU8('hello') }));
    expectRefusedWithoutChange('report.docx', zip, { code: 'attachment_type' });
    const docx = Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }));
    expectRefusedWithoutChange('report.zip', docx, { code: 'attachment_name_mismatch', details: { fileName: 'report.zip', extension: 'zip', type: 'DOCX', expected: 'docx' } });
    expectRefusedWithoutChange('empty.png', Buffer.alloc(0), { code: 'attachment_empty', details: { fileName: 'empty.png' } });
  });

  it('refuses a file just over the limit, through the contract, and writes nothing', () => {
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1);
    big.set(png([1, 2, 3]));
    expectRefusedWithoutChange('huge.png', big, { code: 'attachment_too_large', details: { fileName: 'huge.png', size: 25.1, max: 25 } });
  });

  it('takes the limit as an option', () => {
    const input = { meetingId, fileName: 'scan.pdf', kind: 'minutes_scan' as const, dataBase64: pdf().toString('base64') };
    expect(() => addAttachment(core.ctx, core.paths.dataDir, input, { maxBytes: 100 })).toThrow(EsepError);
    expect(addAttachment(core.ctx, core.paths.dataDir, input, { maxBytes: 10_000 }).mime).toBe('application/pdf');
  });

  it('refuses a meeting that does not exist', () => {
    expect(add('a.png', png([9, 9, 9]), 'photo', '00000000-0000-4000-8000-000000000000')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(call('attachments:list', { meetingId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('removes softly: hidden from the list and from reading, the row and the shared file kept, audited', () => {
    const photo = png([30, 30, 200]);
    const here = value('attachments:add', { meetingId, fileName: 'b.png', kind: 'photo', dataBase64: photo.toString('base64') });
    const there = value('attachments:add', { meetingId: otherMeetingId, fileName: 'b.png', kind: 'photo', dataBase64: photo.toString('base64') });
    expect(value('attachments:remove', { id: here.id })).toEqual({ id: here.id });

    expect(value('attachments:list', { meetingId }).map((a: { id: string }) => a.id)).not.toContain(here.id);
    expect(call('attachments:read', { id: here.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(call('attachments:remove', { id: here.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(core.ctx.db.prepare('SELECT deleted_at FROM attachments WHERE id = ?').get(here.id)).toEqual({ deleted_at: expect.any(Number) });
    expect(listAudit(core.ctx, 'attachment', here.id).map((e) => e.action)).toEqual(['insert', 'delete']);

    expect(Buffer.from(value('attachments:read', { id: there.id }).dataBase64, 'base64')).toEqual(photo);
    // Added again after removal: a new attachment, not the removed one.
    const again = value('attachments:add', { meetingId, fileName: 'b.png', kind: 'photo', dataBase64: photo.toString('base64') });
    expect(again.id).not.toBe(here.id);
  });
});

describe('opening an attachment with the system viewer', () => {
  it('is for the desktop app only: the browser host and the CLI answer desktop_only', () => {
    const added = value('attachments:add', { meetingId, fileName: 'сурет.png', kind: 'photo', dataBase64: png([9, 9, 9]).toString('base64') });
    expect(call('attachments:open', { id: added.id })).toBeInstanceOf(Promise);
    return expect(call('attachments:open', { id: added.id })).resolves.toMatchObject({ ok: false, error: { code: 'desktop_only' } });
  });

  it('opens a copy inside the data folder named by the type its bytes show, never by the name it was given', async () => {
    const opened: string[] = [];
    const handlers = createHandlers(core, 't', { openFile: async (file) => void opened.push(file) });
    const bytes = png([1, 2, 3]);
    const added = value('attachments:add', { meetingId, fileName: '../../Жиын фотосы.png', kind: 'photo', dataBase64: bytes.toString('base64') });
    expect(added.fileName).toBe('Жиын фотосы.png');
    await expect(dispatch(handlers, 'attachments:open', { id: added.id })).resolves.toEqual({ ok: true, value: { id: added.id } });
    expect(opened).toEqual([path.join(core.paths.dataDir, 'open', added.id, `esep-${added.id}.png`)]);
    expect(fs.readFileSync(opened[0]!).equals(bytes)).toBe(true);
    // Opened again while the first copy may still be open in its viewer.
    await expect(dispatch(handlers, 'attachments:open', { id: added.id })).resolves.toMatchObject({ ok: true });
    expect(opened[1]).toBe(opened[0]);
  });

  it('goes by the bytes, not by a row that names them otherwise (as a package from another installation may)', async () => {
    const opened: string[] = [];
    const handlers = createHandlers(core, 't', { openFile: async (file) => void opened.push(file) });
    const files = contentStore(path.join(core.paths.dataDir, 'attachments'));
    const row = (fileName: string, mime: string, data: Buffer) => {
      const attachment = { id: randomUUID(), origin: randomUUID(), meetingId, sha256: files.put(data), fileName, mime, size: data.length, kind: 'other' as const, createdAt: 1 };
      insertAttachment(core.ctx.db, attachment);
      return attachment;
    };
    const disguised = row('счёт.hta', 'application/hta', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('<script>alert(1)</script>')]));
    await expect(dispatch(handlers, 'attachments:open', { id: disguised.id })).resolves.toMatchObject({ ok: true });
    expect(opened.map((f) => path.basename(f))).toEqual([`esep-${disguised.id}.pdf`]);

    const program = row('scan.pdf', 'application/pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]));
    await expect(dispatch(handlers, 'attachments:open', { id: program.id })).resolves.toEqual({ ok: false, error: { code: 'attachment_type', details: { fileName: 'scan.pdf' } } });
    expect(opened).toHaveLength(1);
    expect(fs.existsSync(path.join(core.paths.dataDir, 'open', program.id))).toBe(false);
  });
});

describe('names that would disguise a file', () => {
  /** The PDF of the issue: a real one, first bytes `%PDF-`; an HTA would run whatever follows. */
  const pdfThatRuns = () => Buffer.concat([pdf(), Buffer.from('<HTA:APPLICATION/><script>new ActiveXObject("WScript.Shell").Run("calc")</script>')]);

  it("the issue's .hta whose first bytes are %PDF- is refused with a message that says why, in kk and ru; nothing written", () => {
    const before = snapshot();
    const refused = add('хаттама.hta', pdfThatRuns());
    expect(refused).toEqual({ ok: false, error: { code: 'attachment_name_mismatch', details: { fileName: 'хаттама.hta', extension: 'hta', type: 'PDF', expected: 'pdf' } } });
    expect(snapshot()).toEqual(before);
    for (const lng of ['kk', 'ru'] as const) {
      const text = errorMessage(createI18n(lng).t, (refused as { error: { code: 'attachment_name_mismatch' } }).error);
      expect(text, lng).toContain('«хаттама.hta»');
      expect(text, lng).toContain('«.pdf»');
      expect(text, lng).not.toMatch(/\{\{/);
    }
  });

  it.each([
    ['скан.bat'], ['скан.exe'], ['скан.js'], ['скан.lnk'], ['скан.scr'], ['скан.cmd'], ['скан.vbs'], ['скан.ps1'], ['скан.html'], ['скан.svg'],
    ['скан.pdf.exe'], ['скан.exe.'], ['скан.hta  '], ['скан.pdf:evil.exe'], ['скан\u202Efdp.exe'], ['Zoom\u202Egnp.scr'],
  ])('refuses %j holding a PDF or a photo, and writes nothing', (fileName) => {
    for (const data of [pdfThatRuns(), png([7, 7, 7])]) {
      const before = snapshot();
      expect(add(fileName, data)).toMatchObject({ ok: false, error: { code: 'attachment_name_mismatch' } });
      expect(snapshot()).toEqual(before);
    }
  });

  it.each([
    // An extension of another accepted type, or none, gives way to the type's own.
    ['фото.jpg', () => png([3, 1, 4]), 'фото.png'],
    ['Жиын.JPEG', () => png([3, 1, 5]), 'Жиын.png'],
    ['хаттама.docx', () => pdf(), 'хаттама.pdf'],
    ['хаттама', () => Buffer.concat([pdf(), Buffer.from('% 2')]), 'хаттама.pdf'],
    // Its own extension stays as written.
    ['СКАН.PDF', () => Buffer.concat([pdf(), Buffer.from('% 3')]), 'СКАН.PDF'],
    ['invoice.exe.pdf', () => Buffer.concat([pdf(), Buffer.from('% 4')]), 'invoice.exe.pdf'],
    // Control and bidirectional characters, and device names, are cleaned.
    ['есеп\u202E.pdf', () => Buffer.concat([pdf(), Buffer.from('% 5')]), 'есеп_.pdf'],
    ['a\u0000b\u0007c\u0085d\u200Fe\u2066f.pdf', () => Buffer.concat([pdf(), Buffer.from('% 6')]), 'a_b_c_d_e_f.pdf'],
    ['ск\uFEFFан.pdf', () => Buffer.concat([pdf(), Buffer.from('% 7')]), 'ск_ан.pdf'],
    ['CON.pdf', () => Buffer.concat([pdf(), Buffer.from('% 8')]), '_CON.pdf'],
    ['nul', () => Buffer.concat([pdf(), Buffer.from('% 9')]), '_nul.pdf'],
    ['com1 .png', () => png([3, 1, 6]), '_com1 .png'],
  ])('stores %j under a name that says what it is', (fileName, data, stored) => {
    const added = add(fileName, data());
    expect(added).toMatchObject({ ok: true, value: { fileName: stored } });
    expect(value('attachments:list', { meetingId }).find((a: { id: string }) => a.id === (added as { value: { id: string } }).value.id).fileName).toBe(stored);
  });
});

describe('files nothing references', () => {
  let own: Core;
  let dataDir: string;
  let put: ReturnType<typeof caller>['value'];
  let first: string;
  let second: string;

  const root = () => path.join(dataDir, 'attachments');
  const fileOf = (sha256: string) => path.join(root(), sha256.slice(0, 2), sha256);
  const attach = (id: string, data: Buffer) =>
    put('attachments:add', { meetingId: id, fileName: 'сурет.png', kind: 'photo', dataBase64: data.toString('base64') }) as { id: string; sha256: string };

  function reopen() {
    own.close();
    own = openTempCore({ today: '2025-07-15', dataDir });
    put = caller(own).value;
  }

  /** A temp file as `put` names it, last written `ageMs` ago. */
  function tempFile(sha256: string, ageMs: number): string {
    const file = path.join(root(), sha256.slice(0, 2), `.${sha256}.${randomUUID()}.tmp`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'half a photo');
    const at = new Date(Date.now() - ageMs);
    fs.utimesSync(file, at, at);
    return file;
  }

  beforeEach(() => {
    dataDir = tempDir();
    own = openTempCore({ today: '2025-07-15', dataDir });
    put = caller(own).value;
    put('setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
    first = put('meetings:plan', planInput(KARAAUYL_OKRUG, '2025-07-20', '2025-M07')).id;
    second = put('meetings:plan', planInput(KARAAUYL_OKRUG, '2025-10-20', null)).id;
  });
  afterEach(() => own.close());

  it('removing the last row that names some bytes deletes the file at once; bytes two rows name stay until both are gone', () => {
    const alone = attach(first, png([10, 20, 30]));
    put('attachments:remove', { id: alone.id });
    expect(fs.existsSync(fileOf(alone.sha256))).toBe(false);

    const shared = png([40, 50, 60]);
    const here = attach(first, shared);
    const there = attach(second, shared);
    put('attachments:remove', { id: here.id });
    expect(fs.existsSync(fileOf(here.sha256))).toBe(true);
    expect(Buffer.from(put('attachments:read', { id: there.id }).dataBase64, 'base64')).toEqual(shared);
    put('attachments:remove', { id: there.id });
    expect(fs.existsSync(fileOf(here.sha256))).toBe(false);

    // The same bytes added after their file was deleted are stored again.
    const again = attach(first, shared);
    expect(Buffer.from(put('attachments:read', { id: again.id }).dataBase64, 'base64')).toEqual(shared);
  });

  it('at start: deletes an orphan and an old temp file, keeps referenced files, a fresh temp file and foreign files', () => {
    const kept = attach(first, png([1, 1, 1]));
    const shared = png([2, 2, 2]);
    const sharedHere = attach(first, shared);
    attach(second, shared);
    // One of the two rows naming the shared bytes is removed while the app is closed.
    own.ctx.db.prepare('UPDATE attachments SET deleted_at = 1 WHERE id = ?').run(sharedHere.id);
    // A crash between writing a file and recording its row.
    const orphan = contentStore(root()).put(png([3, 3, 3]));
    const old = tempFile(orphan, STALE_TEMP_MS + 60_000);
    const fresh = tempFile(kept.sha256, 60_000);
    const foreign = path.join(root(), 'README.txt');
    fs.writeFileSync(foreign, 'not the store’s');

    reopen();

    expect(fs.existsSync(fileOf(orphan))).toBe(false);
    expect(fs.existsSync(old)).toBe(false);
    expect(fs.readFileSync(fileOf(kept.sha256))).toEqual(png([1, 1, 1]));
    expect(fs.readFileSync(fileOf(sharedHere.sha256))).toEqual(shared);
    expect(fs.existsSync(fresh)).toBe(true);
    expect(fs.existsSync(foreign)).toBe(true);
  });

  it('is idempotent and never touches a referenced file', () => {
    const kept = attach(first, png([5, 5, 5]));
    const orphan = contentStore(root()).put(png([6, 6, 6]));
    tempFile(orphan, STALE_TEMP_MS + 1);
    const now = Date.now();
    expect(sweepAttachments(own.ctx, dataDir, now)).toEqual({ files: 1, temps: 1 });
    const after = storedUnder(root());
    expect(sweepAttachments(own.ctx, dataDir, now)).toEqual({ files: 0, temps: 0 });
    expect(storedUnder(root())).toEqual(after);
    expect(after).toEqual([fileOf(kept.sha256)]);
  });

  it('has nothing to do before any file was added', () => {
    expect(sweepAttachments(own.ctx, dataDir, Date.now())).toEqual({ files: 0, temps: 0 });
    expect(fs.existsSync(root())).toBe(false);
  });
});

function storedUnder(root: string): string[] {
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}
