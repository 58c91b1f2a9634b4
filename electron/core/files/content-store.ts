import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomically } from './atomic-write';

/**
 * Files kept under their SHA-256 in `<root>/<sha[0..2]>/<sha>`: the same bytes are stored once
 * however often they are added, and a stored file never changes (its name is its content).
 */
export interface ContentStore {
  /** Stores the bytes (once) and returns their SHA-256. */
  put(data: Buffer): string;
  read(sha256: string): Buffer;
  has(sha256: string): boolean;
  pathOf(sha256: string): string;
  /** Deletes the stored bytes; nothing happens when they are not there. */
  remove(sha256: string): void;
  /** What lies in the store: stored files by SHA-256, and temp files of writes in progress or cut short. */
  scan(): StoreScan;
}

export interface StoreScan {
  contents: string[];
  temps: Array<{ path: string; modifiedAt: number }>;
}

const SHA256 = /^[0-9a-f]{64}$/;
const SHARD = /^[0-9a-f]{2}$/;
/** `put` writes `.<sha256>.<uuid>.tmp` beside the final name, then renames it (`writeFileAtomically`). */
const TEMP = /^\.[0-9a-f]{64}\.[0-9a-f-]{36}\.tmp$/;

export function sha256Of(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function contentStore(root: string): ContentStore {
  const pathOf = (sha256: string) => {
    // The name comes from the database: never let it walk out of the store.
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return path.join(root, sha256.slice(0, 2), sha256);
  };

  return {
    pathOf,
    has: (sha256) => fs.existsSync(pathOf(sha256)),
    read: (sha256) => fs.readFileSync(pathOf(sha256)),
    remove: (sha256) => fs.rmSync(pathOf(sha256), { force: true }),
    scan() {
      const found: StoreScan = { contents: [], temps: [] };
      // Only names the store itself writes are reported: anything else in the folder is left alone.
      for (const shard of readDir(root)) {
        if (!shard.isDirectory() || !SHARD.test(shard.name)) continue;
        const dir = path.join(root, shard.name);
        for (const entry of readDir(dir)) {
          if (!entry.isFile()) continue;
          if (SHA256.test(entry.name) && entry.name.startsWith(shard.name)) found.contents.push(entry.name);
          else if (TEMP.test(entry.name)) {
            const file = path.join(dir, entry.name);
            const modifiedAt = modifiedTime(file);
            if (modifiedAt !== null) found.temps.push({ path: file, modifiedAt });
          }
        }
      }
      return found;
    },
    put(data) {
      const sha256 = sha256Of(data);
      const target = pathOf(sha256);
      if (fs.existsSync(target)) return sha256;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      writeFileAtomically(target, data);
      return sha256;
    },
  };
}

/** The entries of a folder; none when it does not exist (nothing stored yet). */
function readDir(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

/** Null when the file went away meanwhile (its write finished, or another process swept it). */
function modifiedTime(file: string): number | null {
  try {
    return fs.statSync(file).mtimeMs;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}
