/**
 * The one byte layout of a canonical zip, the form Esep's packages take: the local headers and
 * their data back to back from the first byte, then the central directory, then the end
 * record, with no comments, extra fields, data descriptors, ZIP64 records, gaps or trailing
 * bytes, and every free header field pinned. zip-writer.ts makes it (with yazl); zip-reader.ts,
 * asked for `canonical`, compares every header byte with what these functions build. So every
 * byte of a package means something: a changed entry byte fails its CRC-32 (and the manifests),
 * a changed header byte fails this comparison. The one exception is inside deflate streams: the
 * unused high bits of a stream's last byte (and of a stored block's header byte) decode alike
 * whatever they hold, so flipping one of them changes no file's content. Pinning them would mean
 * re-deflating, and zlib builds (Node's, Chromium's in Electron) deflate differently.
 */

/** Made by UNIX (3), spec 6.3 (63): what yazl writes, so the file mode below is read as a mode. */
export const VERSION_MADE_BY = (3 << 8) | 63;
/** 2.0: deflate, and the UTF-8 name flag. */
export const VERSION_NEEDED = 20;
/** Bit 11 only: names are UTF-8. No encryption (bits 0, 6), no data descriptor (bit 3). */
export const FLAGS = 0x0800;
/** Local midnight of 1980-01-01, the DOS epoch: time 0, date (0 << 9) | (1 << 5) | 1. */
export const MTIME = new Date(1980, 0, 1, 0, 0, 0);
export const DOS_TIME = 0;
export const DOS_DATE = 0x21;
/** A regular file, rw-r--r--, in the high half of the external attributes (UNIX). */
export const FILE_MODE = 0o100644;
export const EXTERNAL_ATTRIBUTES = (FILE_MODE << 16) >>> 0;

export const METHOD_STORE = 0;
export const METHOD_DEFLATE = 8;

export const LOCAL_HEADER_BYTES = 30;
export const CENTRAL_HEADER_BYTES = 46;
export const END_RECORD_BYTES = 22;

export interface CanonicalEntry {
  nameRaw: Uint8Array;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
}

export function localHeader(e: CanonicalEntry): Buffer {
  const b = Buffer.alloc(LOCAL_HEADER_BYTES + e.nameRaw.length);
  b.writeUInt32LE(0x04034b50, 0);
  b.writeUInt16LE(VERSION_NEEDED, 4);
  b.writeUInt16LE(FLAGS, 6);
  b.writeUInt16LE(e.method, 8);
  b.writeUInt16LE(DOS_TIME, 10);
  b.writeUInt16LE(DOS_DATE, 12);
  b.writeUInt32LE(e.crc32 >>> 0, 14);
  b.writeUInt32LE(e.compressedSize, 18);
  b.writeUInt32LE(e.uncompressedSize, 22);
  b.writeUInt16LE(e.nameRaw.length, 26);
  b.writeUInt16LE(0, 28);
  b.set(e.nameRaw, LOCAL_HEADER_BYTES);
  return b;
}

export function centralHeader(e: CanonicalEntry, localHeaderOffset: number): Buffer {
  const b = Buffer.alloc(CENTRAL_HEADER_BYTES + e.nameRaw.length);
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE(VERSION_MADE_BY, 4);
  b.writeUInt16LE(VERSION_NEEDED, 6);
  b.writeUInt16LE(FLAGS, 8);
  b.writeUInt16LE(e.method, 10);
  b.writeUInt16LE(DOS_TIME, 12);
  b.writeUInt16LE(DOS_DATE, 14);
  b.writeUInt32LE(e.crc32 >>> 0, 16);
  b.writeUInt32LE(e.compressedSize, 20);
  b.writeUInt32LE(e.uncompressedSize, 24);
  b.writeUInt16LE(e.nameRaw.length, 28);
  // extra field length, comment length, disk number start, internal attributes: all 0
  b.writeUInt32LE(EXTERNAL_ATTRIBUTES, 38);
  b.writeUInt32LE(localHeaderOffset, 42);
  b.set(e.nameRaw, CENTRAL_HEADER_BYTES);
  return b;
}

export function endRecord(entryCount: number, centralDirectoryBytes: number, centralDirectoryOffset: number): Buffer {
  const b = Buffer.alloc(END_RECORD_BYTES);
  b.writeUInt32LE(0x06054b50, 0);
  // this disk, the disk of the central directory: 0
  b.writeUInt16LE(entryCount, 8);
  b.writeUInt16LE(entryCount, 10);
  b.writeUInt32LE(centralDirectoryBytes, 12);
  b.writeUInt32LE(centralDirectoryOffset, 16);
  // comment length: 0
  return b;
}
