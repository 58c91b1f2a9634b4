import zlib from 'node:zlib';

/**
 * Zips written byte by byte, for the archives no well-behaved writer makes: names with `..`,
 * NUL or a drive, headers whose sizes or CRC lie, encryption flags, symlinks, bombs. With no
 * overrides the layout is the canonical one of Esep's packages (written here from APPNOTE
 * 6.3, not from electron/core/exchange, so the two can disagree), so a mutation gets past the
 * layout check and reaches the check it is aimed at.
 */

export interface RawEntry {
  /** Raw bytes for names that are not valid UTF-8. */
  name: string | Uint8Array;
  /** The uncompressed content; deflated with zlib unless `method` is 0. */
  content?: Uint8Array;
  /** The bytes as stored, already compressed (a bomb); `content` is then ignored. */
  stored?: Uint8Array;
  method?: number;
  /** Header fields, each defaulting to the truth. */
  crc32?: number;
  uncompressedSize?: number;
  compressedSize?: number;
  flags?: number;
  versionMadeBy?: number;
  externalAttributes?: number;
  extra?: Uint8Array;
}

export interface RawZipOptions {
  comment?: Uint8Array;
  /** Bytes before the first local header (a self-extractor's stub), offsets shifted to match. */
  prefix?: Uint8Array;
  /** Bytes after the end record. */
  suffix?: Uint8Array;
}

const UNIX_MADE_BY = (3 << 8) | 63;
const REGULAR_FILE = (0o100644 << 16) >>> 0;

export function rawZip(entries: readonly RawEntry[], options: RawZipOptions = {}): Buffer {
  const prefix = Buffer.from(options.prefix ?? []);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = prefix.length;
  for (const e of entries) {
    const name = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : Buffer.from(e.name);
    const content = Buffer.from(e.content ?? []);
    const method = e.method ?? (e.stored ? 8 : 0);
    const data = e.stored ? Buffer.from(e.stored) : method === 8 ? zlib.deflateRawSync(content) : content;
    const extra = Buffer.from(e.extra ?? []);
    const fields = {
      flags: e.flags ?? 0x0800,
      method,
      crc: (e.crc32 ?? zlib.crc32(content)) >>> 0,
      compressed: e.compressedSize ?? data.length,
      uncompressed: e.uncompressedSize ?? content.length,
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(fields.flags, 6);
    local.writeUInt16LE(fields.method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(fields.crc, 14);
    local.writeUInt32LE(fields.compressed, 18);
    local.writeUInt32LE(fields.uncompressed, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    locals.push(local, name, extra, data);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(e.versionMadeBy ?? UNIX_MADE_BY, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(fields.flags, 8);
    central.writeUInt16LE(fields.method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(fields.crc, 16);
    central.writeUInt32LE(fields.compressed, 20);
    central.writeUInt32LE(fields.uncompressed, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE((e.externalAttributes ?? REGULAR_FILE) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name, extra);
    offset += local.length + name.length + extra.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const comment = Buffer.from(options.comment ?? []);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([prefix, ...locals, directory, end, comment, Buffer.from(options.suffix ?? [])]);
}

const MiB = 1024 * 1024;

export interface Bomb {
  /** The raw deflate stream. */
  stored: Buffer;
  uncompressedSize: number;
  crc32: number;
}

/**
 * A deflate stream of `mib` MiB of zeros, about a thousand times smaller, made in milliseconds:
 * one MiB deflated and ended with a full flush (so it stands alone, byte-aligned) repeated,
 * then an empty final block. Its CRC-32 is computed only when asked (a GiB takes a second).
 */
export function zeroBomb(mib: number, withCrc = false): Bomb {
  return runBomb({ mib, withCrc });
}

/**
 * A bomb that is a real file: `head`, then `mib` MiB of one byte (zeros, or the spaces an XML
 * document may hold between its elements), then `tail`; each part deflated on its own and
 * ended with a full flush, so the parts join into one stream.
 */
export function runBomb(options: { mib: number; byte?: number; head?: Uint8Array; tail?: Uint8Array; withCrc?: boolean }): Bomb {
  const run = Buffer.alloc(MiB, options.byte ?? 0);
  const head = Buffer.from(options.head ?? []);
  const tail = Buffer.from(options.tail ?? []);
  const deflate = (data: Buffer) => zlib.deflateRawSync(data, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const block = deflate(run);
  const finalEmptyBlock = Buffer.from([0x03, 0x00]);
  let crc = 0;
  if (options.withCrc) {
    crc = zlib.crc32(head);
    for (let i = 0; i < options.mib; i++) crc = zlib.crc32(run, crc);
    crc = zlib.crc32(tail, crc);
  }
  const parts = [...(head.length ? [deflate(head)] : []), ...Array.from({ length: options.mib }, () => block), ...(tail.length ? [deflate(tail)] : []), finalEmptyBlock];
  return { stored: Buffer.concat(parts), uncompressedSize: head.length + options.mib * MiB + tail.length, crc32: crc >>> 0 };
}
