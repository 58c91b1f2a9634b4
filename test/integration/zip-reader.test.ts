import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';
import yazl from 'yazl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ZipError, readZip, readZipFile, type ZipFailure, type ZipLimits, type ZipReadOptions } from '../../electron/core/files/zip-reader';
import { writeCanonicalZip } from '../../electron/core/files/zip-writer';
import { rawZip, zeroBomb, type RawEntry } from '../helpers/raw-zip';
import { testTempRoot } from '../helpers/template-db';
import { tempDir } from '../helpers/temp-core';

const KiB = 1024;
const MiB = 1024 * KiB;

/** Small limits, so each one is reached with a small archive. */
const LIMITS: ZipLimits = {
  maxArchiveBytes: 4 * MiB,
  maxEntries: 10,
  maxEntryBytes: 1 * MiB,
  maxTotalBytes: 2 * MiB,
  maxEntryRatio: 100,
  maxTotalRatio: 50,
  ratioGraceBytes: 64 * KiB,
};

async function refusal(source: Uint8Array | AsyncIterable<Uint8Array>, options: Partial<ZipReadOptions> = {}): Promise<ZipError> {
  try {
    await readZip(source, { limits: LIMITS, ...options });
  } catch (e) {
    if (e instanceof ZipError) return e;
    throw e;
  }
  throw new Error('not refused');
}

async function code(source: Uint8Array | AsyncIterable<Uint8Array>, options: Partial<ZipReadOptions> = {}): Promise<ZipFailure> {
  return (await refusal(source, options)).code;
}

const text = (s: string) => Buffer.from(s, 'utf8');

async function yazlZip(add: (zip: yazl.ZipFile) => void): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  add(zip);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function* chunksOf(data: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

describe('readZip: what it reads', () => {
  it('reads stored and deflated entries, in directory order, from bytes (of this realm or another) and from a stream', async () => {
    const archive = rawZip([
      { name: 'b/записи.jsonl', content: text('{"id":1}\n'.repeat(200)), method: 8 },
      { name: 'a.txt', content: text('ақпарат') },
      { name: 'empty', content: Buffer.alloc(0) },
    ]);
    // Bytes whose Uint8Array is another realm's, as a Buffer is to code running under jsdom's globals.
    const foreign = vm.runInNewContext('(bytes) => new Uint8Array(bytes)')([...archive]) as Uint8Array;
    expect(foreign instanceof Uint8Array).toBe(false);
    for (const source of [archive, foreign, chunksOf(archive, 7)]) {
      const entries = await readZip(source, { limits: LIMITS, canonical: true });
      expect(entries.map((e) => [e.name, e.data.toString()])).toEqual([
        ['b/записи.jsonl', '{"id":1}\n'.repeat(200)],
        ['a.txt', 'ақпарат'],
        ['empty', ''],
      ]);
    }
  });

  it('writes the canonical layout, which the independent raw writer matches byte for byte', async () => {
    const entries = [
      { name: 'bag/data/records/issues.jsonl', data: text('{"id":"a"}\n'.repeat(50)), compress: true },
      { name: 'bag/bagit.txt', data: text('BagIt-Version: 1.0\n'), compress: false },
    ];
    const written = await writeCanonicalZip(entries);
    expect(written).toEqual(rawZip(entries.map((e) => ({ name: e.name, content: e.data, method: e.compress ? 8 : 0 }))));
    expect((await readZip(written, { limits: LIMITS, canonical: true })).map((e) => e.name)).toEqual(entries.map((e) => e.name));
  });

  it('reads what an ordinary writer makes (an XLSX, say) unless asked for the canonical layout', async () => {
    const archive = await yazlZip((zip) => {
      zip.addBuffer(text('<xml/>'), 'xl/workbook.xml', { mtime: new Date(2025, 4, 1) });
      zip.addBuffer(text('x'.repeat(1000)), 'xl/sheet1.xml', { compress: true });
    });
    expect((await readZip(archive, { limits: LIMITS })).map((e) => e.name)).toEqual(['xl/workbook.xml', 'xl/sheet1.xml']);
    expect(await code(archive, { canonical: true })).toBe('not_canonical');
  });

  it('refuses what is not a zip at all', async () => {
    for (const bytes of [Buffer.alloc(0), text('PK'), text('%PDF-1.7\n'), Buffer.alloc(5000, 0x50), Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 37) % 256))]) {
      expect(await code(bytes)).toBe('not_zip');
    }
  });
});

describe('readZip: the limits, checked before anything is inflated', () => {
  it('refuses too many entries', async () => {
    const entries = Array.from({ length: 11 }, (_, i): RawEntry => ({ name: `f${i}`, content: text('x') }));
    expect(await code(rawZip(entries))).toBe('too_many_entries');
    expect(await readZip(rawZip(entries.slice(0, 10)), { limits: LIMITS })).toHaveLength(10);
  });

  it('refuses an entry larger than the entry limit, and entries larger together than the total', async () => {
    expect(await refusal(rawZip([{ name: 'big', content: Buffer.alloc(MiB + 1, 0x41) }]))).toMatchObject({ code: 'entry_too_large', details: { name: 'big' } });
    const third = Buffer.alloc(0.9 * MiB, 0x41);
    expect(await code(rawZip([{ name: 'a', content: third }, { name: 'b', content: third }, { name: 'c', content: third }]))).toBe('total_too_large');
  });

  it('refuses an archive larger than the archive limit, reading a stream no further than that', async () => {
    const archive = rawZip([{ name: 'a', content: Buffer.alloc(900 * KiB, 1) }, { name: 'b', content: Buffer.alloc(900 * KiB, 2) }]);
    let pulled = 0;
    async function* counted() {
      for await (const chunk of chunksOf(archive, 64 * KiB)) {
        pulled += chunk.length;
        yield chunk;
      }
    }
    expect(await code(counted(), { limits: { ...LIMITS, maxArchiveBytes: MiB } })).toBe('too_large');
    expect(pulled).toBeLessThanOrEqual(MiB + 64 * KiB);
    expect(await code(archive, { limits: { ...LIMITS, maxArchiveBytes: MiB } })).toBe('too_large');
  });

  it('refuses a real deflate bomb by its ratio, per entry and over the archive', async () => {
    const bomb = zeroBomb(1, true);
    const entry: RawEntry = { name: 'bomb', stored: bomb.stored, uncompressedSize: bomb.uncompressedSize, crc32: bomb.crc32 };
    expect(await refusal(rawZip([entry]))).toMatchObject({ code: 'ratio', details: { name: 'bomb' } });
    // Under a lenient entry ratio, the archive's overall ratio still refuses it.
    expect(await refusal(rawZip([entry]), { limits: { ...LIMITS, maxEntryRatio: 10_000 } })).toMatchObject({ code: 'ratio', details: { limit: 50 } });
    // Small entries compress as well as they like.
    expect(await readZip(rawZip([{ name: 'spaces', content: Buffer.alloc(60 * KiB, 0x20), method: 8 }]), { limits: LIMITS })).toHaveLength(1);
  });

  it('refuses a bomb in the last entry before inflating the first', async () => {
    const bomb = zeroBomb(1);
    const inflate = vi.spyOn(zlib, 'createInflateRaw');
    try {
      const archive = rawZip([
        { name: 'first', content: text('x'.repeat(1000)), method: 8 },
        { name: 'last', stored: bomb.stored, uncompressedSize: bomb.uncompressedSize },
      ]);
      expect(await code(archive)).toBe('ratio');
      expect(inflate).not.toHaveBeenCalled();
    } finally {
      inflate.mockRestore();
    }
  });

  it('never trusts the declared size: an entry that inflates past it, or ends short of it, is refused', async () => {
    const bomb = zeroBomb(2, true);
    // Declares 1000 bytes, inflates to 2 MiB: stopped at the first chunk past 1000.
    expect(await refusal(rawZip([{ name: 'liar', stored: bomb.stored, uncompressedSize: 1000, crc32: bomb.crc32 }]))).toMatchObject({ code: 'size_mismatch', details: { name: 'liar' } });
    expect(await code(rawZip([{ name: 'short', content: text('abc'), method: 8, uncompressedSize: 4 }]))).toBe('size_mismatch');
    expect(await code(rawZip([{ name: 'stored', content: text('abc'), uncompressedSize: 4 }]))).toBe('size_mismatch');
  });

  it('refuses a 1 GiB bomb under generous limits, in well under 300 MB of memory', async () => {
    const generous: ZipLimits = { ...LIMITS, maxArchiveBytes: 1024 * MiB, maxEntryBytes: 512 * MiB, maxTotalBytes: 2048 * MiB };
    const bomb = zeroBomb(1024);
    const honest = rawZip([{ name: 'bag/data/records/issues.jsonl', stored: bomb.stored, uncompressedSize: bomb.uncompressedSize }]);
    // The same stream under a header that claims 1 MiB: the limits pass it, the streaming count does not.
    const lying = rawZip([{ name: 'bag/data/records/issues.jsonl', stored: bomb.stored, uncompressedSize: MiB }]);
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const started = Date.now();
    try {
      expect(await code(honest, { limits: generous, canonical: true })).toBe('entry_too_large');
      expect(await code(lying, { limits: generous, canonical: true })).toBe('size_mismatch');
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(peak - before).toBeLessThan(300 * MiB);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('readZip: entry names', () => {
  const unsafe: Array<[string, string]> = [
    ['../x', 'dot_segment'],
    ['a/../../x', 'dot_segment'],
    ['./a', 'dot_segment'],
    ['/etc/passwd', 'absolute'],
    ['C:\\Windows\\x', 'drive'],
    ['C:x', 'drive'],
    ['a\\..\\x', 'backslash'],
    ['a\0.txt', 'control'],
    ['report\u202eexe.pdf', 'control'],
    ['a//b', 'empty_segment'],
    ['data:stream', 'windows_char'],
    ['what?.txt', 'windows_char'],
    ['CON', 'reserved_name'],
    ['data/aux.txt', 'reserved_name'],
    ['data/com1.jsonl', 'reserved_name'],
    ['dots./x', 'trailing_dot_space'],
    ['space /x', 'trailing_dot_space'],
    [`${'a'.repeat(256)}/x`, 'too_long'],
  ];
  for (const [name, problem] of unsafe) {
    it(`refuses ${JSON.stringify(name.length > 40 ? `${name.slice(0, 20)}…` : name)} (${problem})`, async () => {
      expect(await refusal(rawZip([{ name: 'ok.txt', content: text('1') }, { name, content: text('x') }]))).toMatchObject({ code: 'name_unsafe', details: { problem } });
    });
  }

  it('refuses names not in UTF-8: raw bytes without the UTF-8 flag, or broken UTF-8 with it', async () => {
    expect(await refusal(rawZip([{ name: Buffer.from([0x8e, 0xa1, 0x2e, 0x74]), flags: 0, content: text('x') }]))).toMatchObject({ code: 'name_unsafe', details: { problem: 'encoding' } });
    expect(await refusal(rawZip([{ name: Buffer.from([0x61, 0xc3, 0x28]), content: text('x') }]))).toMatchObject({ code: 'name_unsafe', details: { problem: 'encoding' } });
    // Plain ASCII needs no flag: CP437 and UTF-8 read it alike.
    expect(await readZip(rawZip([{ name: 'plain.txt', flags: 0, content: text('x') }]), { limits: LIMITS })).toHaveLength(1);
  });

  it('refuses duplicate names, also those a case-insensitive or normalizing file system would merge', async () => {
    const pairs: Array<[string, string]> = [
      ['a.txt', 'a.txt'],
      ['Data/Issues.jsonl', 'data/issues.jsonl'],
      ['é.txt', 'e\u0301.txt'],
      ['a', 'a/b'],
      ['a/b', 'a'],
      ['Қ/X', 'қ/x'],
    ];
    for (const [first, second] of pairs) {
      expect(await code(rawZip([{ name: first, content: text('1') }, { name: second, content: text('2') }])), `${first} ${second}`).toBe('name_duplicate');
    }
  });

  it('refuses a folder entry unless folders are allowed, and a folder entry with content', async () => {
    const folder: RawEntry = { name: 'data/', content: Buffer.alloc(0), externalAttributes: (0o040755 << 16) >>> 0 };
    expect(await code(rawZip([folder, { name: 'data/x', content: text('x') }]))).toBe('directory');
    expect(await readZip(rawZip([folder, { name: 'data/x', content: text('x') }]), { limits: LIMITS, allowDirectories: true })).toHaveLength(2);
    expect(await code(rawZip([{ ...folder, content: text('x') }]), { allowDirectories: true })).toBe('size_mismatch');
  });

  it('refuses symlinks and other special files, by UNIX mode or the DOS reparse-point bit', async () => {
    expect(await refusal(rawZip([{ name: 'link', content: text('/etc/passwd'), externalAttributes: (0o120777 << 16) >>> 0 }]))).toMatchObject({ code: 'not_regular_file', details: { kind: 'symlink' } });
    expect(await code(rawZip([{ name: 'fifo', content: Buffer.alloc(0), externalAttributes: (0o010644 << 16) >>> 0 }]))).toBe('not_regular_file');
    expect(await refusal(rawZip([{ name: 'junction', content: text('x'), versionMadeBy: 20, externalAttributes: 0x400 }]))).toMatchObject({ code: 'not_regular_file', details: { kind: 'reparse_point' } });
  });
});

describe('readZip: damaged and unusual archives', () => {
  it('refuses every truncation of an archive, never with anything but a ZipError', async () => {
    const archive = rawZip([
      { name: 'a.jsonl', content: text('{"a":1}\n'.repeat(30)), method: 8 },
      { name: 'b.txt', content: text('bbb') },
    ]);
    for (let length = 0; length < archive.length; length++) {
      const e = await refusal(archive.subarray(0, length));
      expect(['not_zip', 'corrupt'], `cut at ${length}`).toContain(e.code);
    }
    // Cut at the front instead (a lost first sector): the offsets no longer hold.
    expect(await code(archive.subarray(30))).toMatch(/^(not_zip|corrupt)$/);
  });

  it('refuses a wrong CRC-32, in the headers or from a changed data byte', async () => {
    expect(await refusal(rawZip([{ name: 'a', content: text('hello'), crc32: 1234 }]))).toMatchObject({ code: 'crc_mismatch', details: { name: 'a' } });
    const archive = rawZip([{ name: 'a', content: text('hello') }]);
    const flipped = Buffer.from(archive);
    flipped[31]! ^= 0x01; // the first data byte, after the 30-byte header and the 1-byte name
    expect(await code(flipped)).toBe('crc_mismatch');
    const deflated = rawZip([{ name: 'a', content: text('hello hello hello hello'), method: 8, crc32: 99 }]);
    expect(await code(deflated)).toBe('crc_mismatch');
  });

  it('refuses a deflate stream that is not one', async () => {
    expect(await code(rawZip([{ name: 'a', stored: Buffer.from([0xff, 0xff, 0xff, 0xff]), uncompressedSize: 10 }]))).toBe('corrupt');
  });

  it('refuses encrypted entries, traditional (bit 0) or strong (bit 6), and unknown methods', async () => {
    expect(await code(rawZip([{ name: 'secret', content: text('x'), flags: 0x0801 }]))).toBe('encrypted');
    expect(await code(rawZip([{ name: 'secret', content: text('x'), flags: 0x0841 }]))).toBe('encrypted');
    expect(await refusal(rawZip([{ name: 'bzip2', content: text('x'), method: 12 }]))).toMatchObject({ code: 'method', details: { method: 12 } });
  });

  it('in the canonical layout, refuses every extra: a comment, a stub before, bytes after, an extra field, a data descriptor flag, another host', async () => {
    const entries: RawEntry[] = [{ name: 'a', content: text('x') }];
    const variants = [
      rawZip(entries, { comment: text('hi') }),
      rawZip(entries, { prefix: text('MZ stub') }),
      rawZip([{ ...entries[0]!, extra: Buffer.from([0x55, 0x54, 0x01, 0x00, 0x00]) }]),
      rawZip([{ ...entries[0]!, flags: 0x0808 }]),
      rawZip([{ ...entries[0]!, versionMadeBy: 20 }]),
    ];
    for (const [i, archive] of variants.entries()) expect(await code(archive, { canonical: true }), `variant ${i}`).toBe('not_canonical');
    // Bytes after the end record: yauzl already takes that for no zip.
    expect(await code(rawZip(entries, { suffix: text('tail') }), { canonical: true })).toMatch(/^(not_zip|not_canonical)$/);
    expect(await readZip(rawZip(entries), { limits: LIMITS, canonical: true })).toHaveLength(1);
  });
});

describe('readZip: time limits', () => {
  it('gives up on a stream that stalls (a USB stick pulled out), by the idle timeout', async () => {
    const archive = rawZip([{ name: 'a', content: text('x') }]);
    async function* stalls() {
      yield archive.subarray(0, 10);
      await new Promise(() => {});
    }
    const started = Date.now();
    expect(await refusal(stalls(), { idleTimeoutMs: 100 })).toMatchObject({ code: 'timeout', details: { after: 'idle' } });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('gives up at the overall deadline even while data trickles in', async () => {
    const archive = rawZip([{ name: 'a', content: Buffer.alloc(1000, 1) }]);
    async function* trickles() {
      for (const byte of archive) {
        await new Promise((r) => setTimeout(r, 10));
        yield Buffer.from([byte]);
      }
    }
    expect(await refusal(trickles(), { timeoutMs: 200, idleTimeoutMs: 1000 })).toMatchObject({ code: 'timeout', details: { after: 'deadline' } });
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    async function* never() {
      await new Promise(() => {});
      yield Buffer.alloc(0);
    }
    setTimeout(() => controller.abort(), 20);
    expect(await code(never(), { signal: controller.signal })).toBe('aborted');
    expect(await code(rawZip([{ name: 'a', content: text('x') }]), { signal: AbortSignal.abort() })).toBe('aborted');
  });
});

describe('readZip: nothing touches the disk', () => {
  afterEach(() => vi.restoreAllMocks());

  function listing(dir: string): string[] {
    return fs.readdirSync(dir, { encoding: 'utf8' }).sort();
  }

  it('streams entries into memory: no file or folder is created, no file opened for writing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'package.zip');
    fs.writeFileSync(file, rawZip([
      { name: 'bag/data/records/issues.jsonl', content: text('{"id":"a"}\n'.repeat(1000)), method: 8 },
      { name: 'bag/data/attachments/photo.jpg', content: Buffer.alloc(5000, 7) },
    ]));
    const roots = [dir, testTempRoot(), os.tmpdir()];
    const before = roots.map(listing);
    const writes = [
      vi.spyOn(fs, 'writeFile'),
      vi.spyOn(fs, 'writeFileSync'),
      vi.spyOn(fs, 'createWriteStream'),
      vi.spyOn(fs, 'mkdir'),
      vi.spyOn(fs, 'mkdirSync'),
      vi.spyOn(fs, 'mkdtemp'),
      vi.spyOn(fs, 'mkdtempSync'),
      vi.spyOn(fs.promises, 'writeFile'),
      vi.spyOn(fs.promises, 'mkdir'),
      vi.spyOn(fs.promises, 'open'),
    ];
    const opens = [vi.spyOn(fs, 'open'), vi.spyOn(fs, 'openSync')];

    const entries = await readZipFile(file, { limits: LIMITS, canonical: true });
    expect(entries.map((e) => [e.name, e.data.length])).toEqual([
      ['bag/data/records/issues.jsonl', 11_000],
      ['bag/data/attachments/photo.jpg', 5000],
    ]);
    for (const spy of writes) expect(spy).not.toHaveBeenCalled();
    for (const spy of opens) for (const call of spy.mock.calls) expect([call[0], call[1] ?? 'r']).toEqual([file, 'r']);
    expect(roots.map(listing)).toEqual(before);
  });

  it('readZipFile refuses what is not a regular file within the archive limit', async () => {
    const dir = tempDir();
    await expect(readZipFile(path.join(dir, 'missing.zip'), { limits: LIMITS })).rejects.toMatchObject({ code: 'not_zip', details: { cause: 'ENOENT' } });
    await expect(readZipFile(dir, { limits: LIMITS })).rejects.toMatchObject({ code: 'not_zip', details: { cause: 'not_a_file' } });
    const big = path.join(dir, 'big.zip');
    fs.writeFileSync(big, Buffer.alloc(LIMITS.maxArchiveBytes + 1));
    await expect(readZipFile(big, { limits: LIMITS })).rejects.toMatchObject({ code: 'too_large' });
  });
});
