import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomically } from './atomic-write';

/**
 * Writes a secret (the signing key, the SMTP password) where only this user can read it: the
 * folder 0700 and the file 0600, the file written whole or not at all. On Windows the modes mean
 * nothing; the data folder is under the user's own profile (%APPDATA%), which other users cannot
 * read.
 */
export function writePrivateFile(file: string, data: Buffer | string): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // mkdir leaves an existing folder's mode as it was.
  if (process.platform !== 'win32') fs.chmodSync(dir, 0o700);
  writeFileAtomically(file, data, { mode: 0o600 });
}
