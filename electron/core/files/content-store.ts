import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

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
}

const SHA256 = /^[0-9a-f]{64}$/;

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
    put(data) {
      const sha256 = sha256Of(data);
      const target = pathOf(sha256);
      if (fs.existsSync(target)) return sha256;
      const dir = path.dirname(target);
      fs.mkdirSync(dir, { recursive: true });
      // Write, fsync, then rename in the same folder: a power cut leaves either no file or a
      // whole one under the final name, never a torn file that its name claims is complete.
      const temp = path.join(dir, `.${sha256}.${randomUUID()}.tmp`);
      try {
        const fd = fs.openSync(temp, 'wx');
        try {
          fs.writeFileSync(fd, data);
          fs.fsyncSync(fd);
        } finally {
          fs.closeSync(fd);
        }
        fs.renameSync(temp, target);
      } catch (e) {
        fs.rmSync(temp, { force: true });
        throw e;
      }
      syncDir(dir);
      return sha256;
    },
  };
}

/** Makes the rename itself durable; Windows cannot open a folder for fsync, and needs not. */
function syncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
