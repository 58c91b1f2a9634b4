import fs from 'node:fs';
import path from 'node:path';
import { writePrivateFile } from '../../files/private-file';
import { EsepError } from '../../../../shared/errors';

/**
 * The SMTP password, in the identity folder beside the signing key (`<dataDir>/identity`):
 * readable by this user only, never in the database (which travels in backups and is opened by
 * support) and never sent to the renderer. A core without a data folder cannot keep one.
 */
export const SMTP_PASSWORD_FILE = 'smtp-password';

function fileIn(identityDir: string | null): string {
  if (identityDir === null) throw new EsepError('file_unwritable', { file: SMTP_PASSWORD_FILE });
  return path.join(identityDir, SMTP_PASSWORD_FILE);
}

export function readSmtpPassword(identityDir: string | null): string | null {
  if (identityDir === null) return null;
  try {
    return fs.readFileSync(fileIn(identityDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export function writeSmtpPassword(identityDir: string | null, password: string): void {
  writePrivateFile(fileIn(identityDir), password);
}

export function removeSmtpPassword(identityDir: string | null): void {
  if (identityDir !== null) fs.rmSync(fileIn(identityDir), { force: true });
}
