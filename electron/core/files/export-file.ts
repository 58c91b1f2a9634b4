import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { EsepError } from '../../../shared/errors';
import { megabytesRoundedUp } from '../../../shared/format/size';
import { sha256Of } from './content-store';
import { numberedFileName, safeFileName } from './safe-file-name';

/**
 * A file written to a folder the user chose, typically on a USB stick that may be full, pulled
 * out mid-write or write-protected. Written whole or not at all: a temp file in the same folder,
 * fsynced, renamed to its name, the folder fsynced, then read back and compared by SHA-256.
 * Every failure removes what was written and says, in the user's words, what happened.
 */

export interface ExportedFile {
  path: string;
  /** The name it was written under: the one asked for, made safe, or `name (2).zip` (see below). */
  fileName: string;
  sha256: string;
  bytes: number;
}

/** The few file operations used, so tests can make a stick fail at any step. */
export interface ExportIo {
  /** A new file; fails if one is there. */
  create(file: string): Promise<ExportFileHandle>;
  rename(from: string, to: string): Promise<void>;
  /** Nothing happens when there is no such file. */
  remove(file: string): Promise<void>;
  /** What is at the path; null when nothing is. */
  kind(file: string): Promise<'file' | 'directory' | 'other' | null>;
  read(file: string): AsyncIterable<Uint8Array>;
  /** Makes the folder's entries (the rename) durable, where the system allows it. */
  syncDir(dir: string): Promise<void>;
}

export interface ExportFileHandle {
  /** Writes the whole chunk. */
  write(chunk: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** Written in pieces, so a full or removed stick fails part-way as it would with a large package. */
const CHUNK_BYTES = 1024 * 1024;
/** `name (2).zip` … `name (99).zip`; a folder with a hundred different packages of one name is a mistake to show. */
const MAX_NUMBER = 99;
/** A folder fsync some file systems (exFAT through FUSE, network shares) do not support: nothing to make durable there. */
const DIR_SYNC_UNSUPPORTED = new Set(['EINVAL', 'ENOTSUP', 'ENOSYS', 'EISDIR', 'EBADF', 'EPERM', 'EACCES']);

export const nodeExportIo: ExportIo = {
  async create(file) {
    const handle = await fs.promises.open(file, 'wx');
    return {
      async write(chunk) {
        for (let offset = 0; offset < chunk.length; ) offset += (await handle.write(chunk, offset, chunk.length - offset)).bytesWritten;
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
  rename: (from, to) => fs.promises.rename(from, to),
  remove: (file) => fs.promises.rm(file, { force: true }),
  async kind(file) {
    try {
      const stat = await fs.promises.stat(file);
      return stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other';
    } catch (error) {
      if (errno(error) === 'ENOENT') return null;
      throw error;
    }
  },
  read: (file) => fs.createReadStream(file),
  async syncDir(dir) {
    // Windows cannot open a folder for fsync; NTFS and FAT journal or flush the rename themselves.
    if (process.platform === 'win32') return;
    let handle: fs.promises.FileHandle;
    try {
      handle = await fs.promises.open(dir, 'r');
    } catch (error) {
      if (DIR_SYNC_UNSUPPORTED.has(errno(error) ?? '')) return;
      throw error;
    }
    try {
      await handle.sync();
    } catch (error) {
      if (!DIR_SYNC_UNSUPPORTED.has(errno(error) ?? '')) throw error;
    } finally {
      await handle.close();
    }
  },
};

/**
 * Writes `bytes` into `dir` as `fileName` (made safe for FAT32 and Windows).
 *
 * An existing file is never overwritten: with the same bytes it is the file asked for (exporting
 * twice to one stick is harmless), with other bytes the new file gets the next free
 * `name (2).zip` name. Failing instead would leave the user at a stick with a file they may not
 * dare to delete; overwriting could destroy a package not yet carried. The importer reads what
 * a package is from its content, never from its name. Between the check and the rename another
 * program could create the name, which the rename would then replace: one person exports to
 * one stick at a time, so that window is accepted.
 *
 * The read-back catches a file system that lost or mangled the write (a stick removed just
 * after the rename, a full FAT reported late). It usually reads from the system's cache, not the
 * flash: a counterfeit stick that only pretends to store is caught by the receiving side's hash
 * and signature checks, not reliably here.
 */
export async function writeExportFile(dir: string, fileName: string, bytes: Uint8Array, io: ExportIo = nodeExportIo): Promise<ExportedFile> {
  const sha256 = sha256Of(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const failed = (error: unknown, file: string) => exportError(error, { dir, file, bytes: bytes.length });
  let name: string;
  try {
    if ((await io.kind(dir)) !== 'directory') throw new EsepError('export_target_gone', { dir });
    const free = await freeName(dir, safeFileName(fileName, 'esep.zip'), sha256, io);
    if (free.existing) return { path: path.join(dir, free.name), fileName: free.name, sha256, bytes: bytes.length };
    name = free.name;
  } catch (error) {
    throw failed(error, path.join(dir, fileName));
  }

  const target = path.join(dir, name);
  // Short, whatever the name's length: a temp name must fit the same 255-unit limit.
  const temp = path.join(dir, `.esep-${randomBytes(6).toString('hex')}.part`);
  let handle: ExportFileHandle | null = null;
  let renamed = false;
  try {
    handle = await io.create(temp);
    for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) await handle.write(bytes.subarray(offset, offset + CHUNK_BYTES));
    await handle.sync();
    const open = handle;
    handle = null;
    await open.close();
    await io.rename(temp, target);
    renamed = true;
    await io.syncDir(dir);
    if ((await hashOf(io.read(target))) !== sha256) throw new EsepError('export_verify_failed', { dir, fileName: name });
    return { path: target, fileName: name, sha256, bytes: bytes.length };
  } catch (error) {
    // Best effort: on a removed stick these fail too, and there is nothing left to remove.
    if (handle) await handle.close().catch(() => {});
    await io.remove(temp).catch(() => {});
    if (renamed) await io.remove(target).catch(() => {});
    throw failed(error, target);
  }
}

async function freeName(dir: string, safe: string, sha256: string, io: ExportIo): Promise<{ name: string; existing: boolean }> {
  for (let n = 1; n <= MAX_NUMBER; n++) {
    const name = n === 1 ? safe : numberedFileName(safe, n);
    const kind = await io.kind(path.join(dir, name));
    if (kind === null) return { name, existing: false };
    if (kind === 'file' && (await hashOf(io.read(path.join(dir, name)))) === sha256) return { name, existing: true };
  }
  throw new EsepError('export_name_taken', { dir, fileName: safe });
}

async function hashOf(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of chunks) hash.update(chunk);
  return hash.digest('hex');
}

/**
 * What the system said, in the user's terms. A removed stick shows as ENOENT, ENODEV, ENXIO
 * or EIO depending on the system and the step; anything that is not a system error (a bug) is
 * passed on as it is, to be logged.
 */
function exportError(error: unknown, at: { dir: string; file: string; bytes: number }): unknown {
  if (error instanceof EsepError) return error;
  switch (errno(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new EsepError('export_disk_full', { dir: at.dir, needed: megabytesRoundedUp(at.bytes) });
    case 'ENOENT':
    case 'ENOTDIR':
    case 'ENODEV':
    case 'ENXIO':
    case 'EIO':
      return new EsepError('export_target_gone', { dir: at.dir });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new EsepError('export_target_readonly', { dir: at.dir });
    case undefined:
      return error;
    default:
      return new EsepError('file_unwritable', { file: at.file });
  }
}

function errno(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
