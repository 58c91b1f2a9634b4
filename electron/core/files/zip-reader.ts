import fs from 'node:fs';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import {
  END_RECORD_BYTES,
  METHOD_DEFLATE,
  METHOD_STORE,
  centralHeader,
  endRecord,
  localHeader,
  type CanonicalEntry,
} from './zip-canonical';
import { HIDDEN_CHARACTER } from './safe-file-name';

/**
 * The one reader for every zip from outside (STYLE.md §9): packages, and the XLSX import.
 * The archive is held in memory and its entries are inflated into memory one by one, never
 * onto a disk. yauzl parses the directory; sizes, names, ratios, CRC-32 and the inflating are
 * checked here, since yauzl leaves bomb limits to its caller.
 *
 * The limits are checked on the central directory's sizes before a byte is inflated (a bomb is
 * refused in microseconds), and those sizes are never trusted: while an entry streams, its
 * actual bytes are counted and the entry is refused the moment it yields one byte more than it
 * declared (or ends short of it), so the declared sizes are bounds that hold.
 */

export interface ZipLimits {
  /** Bytes of the archive file itself. */
  maxArchiveBytes: number;
  maxEntries: number;
  /** Uncompressed bytes of one entry. */
  maxEntryBytes: number;
  /** Uncompressed bytes of all entries together. */
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed bytes of one entry, once it is larger than ratioGraceBytes. */
  maxEntryRatio: number;
  /** All uncompressed bytes ÷ the archive's bytes, once they exceed ratioGraceBytes. */
  maxTotalRatio: number;
  /** Small entries compress far better than large ones (a run of spaces, an empty sheet): below this, ratios are not judged. */
  ratioGraceBytes: number;
}

export interface ZipReadOptions {
  limits: ZipLimits;
  /** Directory entries (`name/`, no data) are refused unless allowed. */
  allowDirectories?: boolean;
  /** Require the exact layout of zip-canonical.ts (Esep's packages). */
  canonical?: boolean;
  /** The whole read, from the first byte to the last entry. */
  timeoutMs?: number;
  /** The longest wait for the next piece of data (a stalled USB stick, a hung network share). */
  idleTimeoutMs?: number;
  signal?: AbortSignal;
}

export interface ZipEntry {
  /** As stored: `/`-separated, UTF-8; a directory's ends in `/`. */
  name: string;
  data: Buffer;
}

export type ZipFailure =
  | 'not_zip'
  | 'corrupt'
  | 'too_large'
  | 'too_many_entries'
  | 'entry_too_large'
  | 'total_too_large'
  | 'ratio'
  | 'name_unsafe'
  | 'name_duplicate'
  | 'directory'
  | 'not_regular_file'
  | 'encrypted'
  | 'method'
  | 'size_mismatch'
  | 'crc_mismatch'
  | 'not_canonical'
  | 'timeout'
  | 'aborted';

export type ZipErrorDetails = Record<string, string | number>;

/** Why an archive was refused: a code per reason and what it concerns (an entry, a limit). */
export class ZipError extends Error {
  readonly code: ZipFailure;
  readonly details: ZipErrorDetails;

  constructor(code: ZipFailure, details: ZipErrorDetails = {}) {
    super(`${code} ${JSON.stringify(details)}`);
    this.name = 'ZipError';
    this.code = code;
    this.details = details;
  }
}

export const DEFAULT_TIMEOUT_MS = 120_000;
export const DEFAULT_IDLE_TIMEOUT_MS = 15_000;

// ---------------------------------------------------------------------------------------------
// Entry names

export type NameProblem =
  | 'empty'
  | 'too_long'
  | 'encoding'
  | 'absolute'
  | 'drive'
  | 'backslash'
  | 'control'
  | 'windows_char'
  | 'empty_segment'
  | 'dot_segment'
  | 'trailing_dot_space'
  | 'reserved_name';

const MAX_NAME_BYTES = 1024;
const MAX_SEGMENT_CHARS = 255;
/** Not allowed in a Windows file name (`\` and `:` have reasons of their own first). */
const WINDOWS_CHARS = /[<>"|?*]/;
/** Windows device names, in any segment, with or without an extension (NUL.txt is NUL too). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * What is wrong with an entry name, or null: names that could leave the folder they are
 * extracted to (absolute, `..`, a drive), that Windows or FAT32 would alter or refuse (a
 * backslash, `< > : " | ? *`, a trailing dot or space, CON/AUX/COM1…), or that hide what they
 * are (control and bidirectional characters). A directory's name ends in one `/`.
 */
export function entryNameProblem(name: string): NameProblem | null {
  if (name === '' || name === '/') return 'empty';
  if (Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) return 'too_long';
  if (name.startsWith('/')) return 'absolute';
  if (/^[A-Za-z]:/.test(name)) return 'drive';
  if (name.includes('\\')) return 'backslash';
  if (HIDDEN_CHARACTER.test(name)) return 'control';
  if (name.includes(':')) return 'windows_char';
  if (WINDOWS_CHARS.test(name)) return 'windows_char';
  const segments = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  for (const segment of segments) {
    if (segment === '') return 'empty_segment';
    if (segment === '.' || segment === '..') return 'dot_segment';
    if (segment.length > MAX_SEGMENT_CHARS) return 'too_long';
    if (/[. ]$/.test(segment)) return 'trailing_dot_space';
    if (RESERVED.test(segment)) return 'reserved_name';
  }
  return null;
}

/** How two names that one file system would take for the same file compare. */
function collisionKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/**
 * Refuses a name another one collides with on a case-insensitive file system (`Data/A` and
 * `data/a`, NFC and NFD spellings), or a file where another entry needs a folder (`a` and
 * `a/b`).
 */
export class EntryNames {
  private readonly files = new Map<string, string>();
  private readonly folders = new Map<string, string>();

  add(name: string): void {
    const isDirectory = name.endsWith('/');
    const key = collisionKey(isDirectory ? name.slice(0, -1) : name);
    const existing = this.files.get(key) ?? (isDirectory ? undefined : this.folders.get(key));
    if (existing !== undefined) throw new ZipError('name_duplicate', { name, other: existing });
    if (isDirectory) {
      this.folders.set(key, name);
    } else {
      this.files.set(key, name);
    }
    const segments = key.split('/');
    for (let i = 1; i < segments.length; i++) {
      const folder = segments.slice(0, i).join('/');
      const file = this.files.get(folder);
      if (file !== undefined) throw new ZipError('name_duplicate', { name, other: file });
      if (!this.folders.has(folder)) this.folders.set(folder, name);
    }
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 when the entry says so (bit 11); otherwise only printable ASCII, which CP437 and UTF-8 read alike. */
function decodeName(entry: Entry): string {
  const raw = entry.fileNameRaw;
  if ((entry.generalPurposeBitFlag & 0x800) === 0 && raw.some((b) => b < 0x20 || b > 0x7e)) {
    throw new ZipError('name_unsafe', { name: raw.toString('latin1'), problem: 'encoding' });
  }
  try {
    return UTF8.decode(raw);
  } catch {
    throw new ZipError('name_unsafe', { name: raw.toString('latin1'), problem: 'encoding' });
  }
}

// ---------------------------------------------------------------------------------------------
// Time limits

/** The deadline, the idle timer and the caller's abort signal of one read. */
class ReadGuard {
  private readonly deadline: NodeJS.Timeout;
  private idle: NodeJS.Timeout | undefined;
  private readonly idleMs: number;
  private readonly signal: AbortSignal | undefined;
  private readonly onAbort = () => this.trip(new ZipError('aborted'));
  private readonly tripped: Promise<never>;
  private reject: (e: ZipError) => void = () => {};
  private readonly cleanups = new Set<() => void>();

  constructor(options: ZipReadOptions) {
    this.tripped = new Promise<never>((_, reject) => (this.reject = reject));
    this.tripped.catch(() => {});
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.idleMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
    this.deadline = setTimeout(() => this.trip(new ZipError('timeout', { after: 'deadline', ms: timeoutMs })), timeoutMs);
    this.progress();
    this.signal = options.signal;
    if (this.signal?.aborted) this.trip(new ZipError('aborted'));
    this.signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  /** Data arrived: the idle timer starts again. */
  progress(): void {
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.trip(new ZipError('timeout', { after: 'idle', ms: this.idleMs })), this.idleMs);
  }

  /** `p`, unless the read is stopped first. */
  run<T>(p: Promise<T>): Promise<T> {
    return Promise.race([p, this.tripped]);
  }

  /** What to stop (a stream) if the read is stopped while it works; returns its removal. */
  onTrip(cleanup: () => void): () => void {
    this.cleanups.add(cleanup);
    return () => this.cleanups.delete(cleanup);
  }

  private trip(error: ZipError): void {
    this.reject(error);
    for (const cleanup of this.cleanups) cleanup();
    this.dispose();
  }

  dispose(): void {
    clearTimeout(this.deadline);
    clearTimeout(this.idle);
    this.signal?.removeEventListener('abort', this.onAbort);
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

function openBuffer(archive: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(archive, { lazyEntries: true, decodeStrings: false, validateEntrySizes: false, strictFileNames: true }, (err, zip) =>
      err ? reject(err) : resolve(zip),
    );
  });
}

function nextEntry(zip: ZipFile): Promise<Entry> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (entry: Entry) => (cleanup(), resolve(entry));
    const onEnd = () => (cleanup(), reject(new ZipError('corrupt', { cause: 'entry_count' })));
    const onError = (err: Error) => (cleanup(), reject(err));
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

/** yauzl's own refusals, by what they mean for the user. */
function fromYauzl(err: unknown, phase: 'open' | 'entry'): ZipError {
  if (err instanceof ZipError) return err;
  const message = err instanceof Error ? err.message : String(err);
  if (/encrypt/i.test(message)) return new ZipError('encrypted', { cause: message });
  return new ZipError(phase === 'open' ? 'not_zip' : 'corrupt', { cause: message });
}

/** Reads the whole archive from a stream, no further than the limit. */
async function collect(source: AsyncIterable<Uint8Array>, max: number, guard: ReadGuard): Promise<Buffer> {
  const iterator = source[Symbol.asyncIterator]();
  const stop = guard.onTrip(() => void iterator.return?.());
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for (;;) {
      const next = await guard.run(iterator.next());
      if (next.done) break;
      guard.progress();
      size += next.value.length;
      if (size > max) {
        await iterator.return?.();
        throw new ZipError('too_large', { limit: max });
      }
      chunks.push(Buffer.from(next.value));
    }
  } finally {
    stop();
  }
  return Buffer.concat(chunks, size);
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
/** The DOS attribute bit of an NTFS reparse point (a symlink or junction) in the low half. */
const DOS_REPARSE_POINT = 0x400;

/** Refuses symlinks and other special files, by the UNIX mode (made by UNIX) or the DOS reparse-point bit. */
function checkFileKind(entry: Entry, name: string, isDirectory: boolean): void {
  const host = entry.versionMadeBy >>> 8;
  const attributes = entry.externalFileAttributes >>> 0;
  if (host === 3) {
    const type = (attributes >>> 16) & S_IFMT;
    if (type === S_IFLNK) throw new ZipError('not_regular_file', { name, kind: 'symlink' });
    if (type !== 0 && type !== (isDirectory ? S_IFDIR : S_IFREG)) throw new ZipError('not_regular_file', { name, kind: type.toString(8) });
  }
  if ((attributes & DOS_REPARSE_POINT) !== 0) throw new ZipError('not_regular_file', { name, kind: 'reparse_point' });
}

function ratioOf(uncompressed: number, compressed: number): number {
  return uncompressed / Math.max(compressed, 1);
}

/** The central directory's claims, against the limits, before anything is inflated. */
function checkDeclared(entry: Entry, name: string, limits: ZipLimits, totalSoFar: number): void {
  const size = entry.uncompressedSize;
  if (size > limits.maxEntryBytes) throw new ZipError('entry_too_large', { name, size, limit: limits.maxEntryBytes });
  if (totalSoFar + size > limits.maxTotalBytes) throw new ZipError('total_too_large', { name, limit: limits.maxTotalBytes });
  if (size > limits.ratioGraceBytes && ratioOf(size, entry.compressedSize) > limits.maxEntryRatio) {
    throw new ZipError('ratio', { name, ratio: Math.round(ratioOf(size, entry.compressedSize)), limit: limits.maxEntryRatio });
  }
  if (entry.compressionMethod === METHOD_STORE && entry.compressedSize !== size) throw new ZipError('size_mismatch', { name });
}

function checkTotalRatio(total: number, archiveBytes: number, limits: ZipLimits): void {
  if (total > limits.ratioGraceBytes && ratioOf(total, archiveBytes) > limits.maxTotalRatio) {
    throw new ZipError('ratio', { ratio: Math.round(ratioOf(total, archiveBytes)), limit: limits.maxTotalRatio });
  }
}

function canonicalEntry(entry: Entry): CanonicalEntry {
  return {
    nameRaw: entry.fileNameRaw,
    method: entry.compressionMethod,
    crc32: entry.crc32,
    compressedSize: entry.compressedSize,
    uncompressedSize: entry.uncompressedSize,
  };
}

/**
 * Streams one entry's data into memory: stored bytes as they are, deflated ones through zlib.
 * Counts the actual bytes against the declared size, computes the CRC-32 (yauzl does not), and
 * for a canonical archive insists the deflate stream fills its compressed size exactly.
 */
async function readData(zip: ZipFile, entry: Entry, name: string, canonical: boolean, guard: ReadGuard): Promise<Buffer> {
  const raw = await guard.run(zip.openReadStreamPromise(entry, { decodeFileData: false }));
  const inflate = entry.compressionMethod === METHOD_DEFLATE ? zlib.createInflateRaw() : null;
  const output: Readable = inflate ?? raw;
  const stop = guard.onTrip(() => {
    raw.destroy();
    inflate?.destroy();
  });
  try {
    return await guard.run(
      new Promise<Buffer>((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let crc = 0;
        const fail = (e: ZipError) => {
          raw.unpipe();
          raw.destroy();
          inflate?.destroy();
          reject(e);
        };
        output.on('data', (chunk: Buffer) => {
          guard.progress();
          size += chunk.length;
          if (size > entry.uncompressedSize) return fail(new ZipError('size_mismatch', { name }));
          crc = zlib.crc32(chunk, crc);
          chunks.push(chunk);
        });
        output.on('end', () => {
          if (size !== entry.uncompressedSize) return fail(new ZipError('size_mismatch', { name }));
          if (crc >>> 0 !== entry.crc32 >>> 0) return fail(new ZipError('crc_mismatch', { name }));
          if (canonical && inflate && inflate.bytesWritten !== entry.compressedSize) return fail(new ZipError('not_canonical', { name, part: 'deflate_end' }));
          resolve(Buffer.concat(chunks, size));
        });
        const onError = (err: Error) => fail(err instanceof ZipError ? err : new ZipError('corrupt', { name, cause: err.message }));
        raw.on('error', onError);
        inflate?.on('error', onError);
        if (inflate) raw.pipe(inflate);
      }),
    );
  } finally {
    stop();
  }
}

/**
 * Reads every entry of a zip into memory, checking the limits, each name and file kind, each
 * size and CRC-32, and with `canonical` the exact layout. Entries come back in the central
 * directory's order. Refusals are ZipErrors; nothing else escapes.
 */
export async function readZip(source: Uint8Array | AsyncIterable<Uint8Array>, options: ZipReadOptions): Promise<ZipEntry[]> {
  try {
    return await readEntries(source, options);
  } catch (err) {
    throw err instanceof ZipError ? err : new ZipError('corrupt', { cause: err instanceof Error ? err.message : String(err) });
  }
}

async function readEntries(source: Uint8Array | AsyncIterable<Uint8Array>, options: ZipReadOptions): Promise<ZipEntry[]> {
  const guard = new ReadGuard(options);
  let zip: ZipFile | undefined;
  try {
    const { limits } = options;
    // Not `instanceof Uint8Array`: bytes made in another realm (a Buffer, seen from jsdom's globals) would pass for a stream.
    const archive = ArrayBuffer.isView(source)
      ? Buffer.from(source.buffer, source.byteOffset, source.byteLength)
      : await collect(source, limits.maxArchiveBytes, guard);
    if (archive.length > limits.maxArchiveBytes) throw new ZipError('too_large', { limit: limits.maxArchiveBytes });
    try {
      zip = await guard.run(openBuffer(archive));
    } catch (err) {
      throw fromYauzl(err, 'open');
    }
    if (zip.entryCount > limits.maxEntries) throw new ZipError('too_many_entries', { count: zip.entryCount, limit: limits.maxEntries });
    // The whole central directory first: a bomb or a bad name in the last entry is refused
    // before the first entry is inflated.
    const listed: Array<{ entry: Entry; name: string }> = [];
    const names = new EntryNames();
    let declaredTotal = 0;
    for (let i = 0; i < zip.entryCount; i++) {
      let entry: Entry;
      try {
        entry = await guard.run(nextEntry(zip));
      } catch (err) {
        throw fromYauzl(err, 'entry');
      }
      const name = checkEntry(entry, names, options);
      checkDeclared(entry, name, limits, declaredTotal);
      declaredTotal += entry.uncompressedSize;
      checkTotalRatio(declaredTotal, archive.length, limits);
      listed.push({ entry, name });
    }
    if (options.canonical) checkCanonicalLayout(archive, listed);
    const entries: ZipEntry[] = [];
    for (const { entry, name } of listed) {
      try {
        entries.push({ name, data: await readData(zip, entry, name, options.canonical === true, guard) });
      } catch (err) {
        throw fromYauzl(err, 'entry');
      }
    }
    return entries;
  } finally {
    guard.dispose();
    zip?.close();
  }
}

/** An entry's name, kind, flags and method; returns its name. */
function checkEntry(entry: Entry, names: EntryNames, options: ZipReadOptions): string {
  const name = decodeName(entry);
  const problem = entryNameProblem(name);
  if (problem) throw new ZipError('name_unsafe', { name, problem });
  const isDirectory = name.endsWith('/');
  if (isDirectory && !options.allowDirectories) throw new ZipError('directory', { name });
  names.add(name);
  checkFileKind(entry, name, isDirectory);
  if ((entry.generalPurposeBitFlag & 0x41) !== 0) throw new ZipError('encrypted', { name });
  if (entry.compressionMethod !== METHOD_STORE && entry.compressionMethod !== METHOD_DEFLATE) throw new ZipError('method', { name, method: entry.compressionMethod });
  if (isDirectory && entry.uncompressedSize !== 0) throw new ZipError('size_mismatch', { name });
  return name;
}

/**
 * The archive is, byte for byte, the local headers and data of the entries in directory order
 * from offset 0, then exactly the central headers expected, then the end record, then nothing.
 */
function checkCanonicalLayout(archive: Buffer, listed: ReadonlyArray<{ entry: Entry; name: string }>): void {
  const central: Buffer[] = [];
  let offset = 0;
  for (const { entry, name } of listed) {
    const header = localHeader(canonicalEntry(entry));
    if (entry.relativeOffsetOfLocalHeader !== offset || !archive.subarray(offset, offset + header.length).equals(header)) {
      throw new ZipError('not_canonical', { name, part: 'local_header' });
    }
    central.push(centralHeader(canonicalEntry(entry), offset));
    offset += header.length + entry.compressedSize;
  }
  const directory = Buffer.concat(central);
  const end = endRecord(central.length, directory.length, offset);
  const expected = offset + directory.length + END_RECORD_BYTES;
  if (archive.length !== expected || !archive.subarray(offset, offset + directory.length).equals(directory)) {
    throw new ZipError('not_canonical', { part: 'central_directory' });
  }
  if (!archive.subarray(expected - END_RECORD_BYTES).equals(end)) throw new ZipError('not_canonical', { part: 'end_record' });
}

/**
 * readZip on a file: a regular file no larger than the archive limit, read as a stream so a
 * stalled medium trips the idle timeout instead of hanging the import.
 */
export async function readZipFile(path: string, options: ZipReadOptions): Promise<ZipEntry[]> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(path);
  } catch (err) {
    throw new ZipError('not_zip', { cause: (err as NodeJS.ErrnoException).code ?? 'stat' });
  }
  if (!stat.isFile()) throw new ZipError('not_zip', { cause: 'not_a_file' });
  if (stat.size > options.limits.maxArchiveBytes) throw new ZipError('too_large', { limit: options.limits.maxArchiveBytes });
  const stream = fs.createReadStream(path);
  try {
    return await readZip(stream, options);
  } finally {
    stream.destroy();
  }
}
