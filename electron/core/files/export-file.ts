import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomically } from './atomic-write';

/** Interim: replaced by the USB-safe writer (mail branch). */
export async function writeExportFile(dir: string, fileName: string, bytes: Buffer): Promise<{ path: string; sha256: string; bytes: number }> {
  const target = path.join(dir, fileName);
  writeFileAtomically(target, bytes);
  const back = fs.readFileSync(target);
  const sha256 = crypto.createHash('sha256').update(back).digest('hex');
  return { path: target, sha256, bytes: back.length };
}
