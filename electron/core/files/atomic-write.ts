import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes the bytes to a temp file in the target's folder, fsyncs it, then renames it over the
 * target: a power cut or a failed write leaves either the old file or the whole new one, never
 * a torn file under the final name. The temp file is `.<name>.<uuid>.tmp`; a failed write
 * removes it. `mode` is given to the temp file as it is created (a secret is never readable by
 * others, not even for a moment) and stays with it through the rename; POSIX only.
 */
export function writeFileAtomically(target: string, data: Buffer | string, options: { mode?: number } = {}): void {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${randomUUID()}.tmp`);
  try {
    const fd = fs.openSync(temp, 'wx', options.mode ?? 0o666);
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
}

/** Makes the rename itself durable; Windows cannot open a folder for fsync, and needs not. */
export function syncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
