import { createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CorePaths } from '../paths';
import { writePrivateFile } from '../files/private-file';
import { EsepError } from '../../../shared/errors';
import { keyIdHex, rawPublicKey } from '../exchange/minisign';

/**
 * The installation's Ed25519 signing key (issue 11): the private half in the data folder only,
 * PKCS#8 PEM, readable by the user alone; the public half and minisign's key id in the
 * installation row, shown as minisign shows them so that `minisign -V -P <key>` checks a package
 * without Esep.
 */
export const PRIVATE_KEY_FILE = 'ed25519.key';

/** Where the private key lives; null for a core without a data folder (it signs nothing). */
export function identityDirOf(paths: CorePaths): string | null {
  return paths.dbFile === ':memory:' ? null : path.join(paths.dataDir, 'identity');
}

export interface NewKey {
  privateKey: KeyObject;
  /** The raw 32-byte public key. */
  publicKey: Buffer;
  /** minisign's key id as it prints it (16 hex digits). */
  keyId: string;
}

/** A fresh key pair with a random key id, as `minisign -G` makes one. */
export function generateKey(): NewKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey: rawPublicKey(publicKey), keyId: keyIdHex(randomBytes(8)) };
}

/** Writes the private key where only this user can read it (see writePrivateFile). */
export function writePrivateKey(dir: string, key: KeyObject): void {
  writePrivateFile(path.join(dir, PRIVATE_KEY_FILE), key.export({ type: 'pkcs8', format: 'pem' }));
}

/**
 * The private key, checked to be the half of `publicKey` (the installation row's). Any other
 * state (no key made yet, no file, a damaged one, another key) is refused rather than signed
 * with: the level above refuses a package signed by a key it does not know.
 */
export function readPrivateKey(dir: string | null, publicKey: Buffer | null): KeyObject {
  const file = path.join(dir ?? '', PRIVATE_KEY_FILE);
  const refused = () => new EsepError('identity_key_unavailable', { file });
  if (dir === null || publicKey === null) throw refused();
  let key: KeyObject;
  try {
    key = createPrivateKey(fs.readFileSync(file));
  } catch {
    throw refused();
  }
  if (key.asymmetricKeyType !== 'ed25519' || !rawPublicKey(key).equals(publicKey)) throw refused();
  return key;
}
