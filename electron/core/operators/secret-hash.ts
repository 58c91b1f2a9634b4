import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * PINs, passwords and the recovery code are kept as scrypt hashes (node:crypto), never in
 * clear. The cost is OWASP's first choice for scrypt (N = 2^17, r = 8, p = 1: 128 MiB and about
 * a third of a second here), which makes each guess at a stolen database cost as much. The
 * parameters are written into the hash, so a stored hash stays verifiable when they change.
 *
 * Format: `scrypt$<log2 N>$<r>$<p>$<salt, base64>$<key, base64>`.
 */
export const SCRYPT_PARAMS = { logN: 17, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;

export interface ScryptCost {
  logN: number;
  r: number;
  p: number;
}

/** Stored hashes are read back within these bounds: a tampered row must not ask for gigabytes. */
const MAX_LOG_N = 20;
const MAX_R = 16;
const MAX_P = 4;

function derive(secret: string, salt: Buffer, cost: ScryptCost, keyLength: number): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** cost.logN, r: cost.r, p: cost.p, maxmem: 128 * cost.r * 2 ** cost.logN * 2 };
  return new Promise((resolve, reject) => scrypt(secret.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** A new hash with a fresh salt; `cost` only for tests that make many (never lower in the app). */
export async function hashSecret(secret: string, cost: ScryptCost = SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(SCRYPT_PARAMS.saltLength);
  const key = await derive(secret, salt, cost, SCRYPT_PARAMS.keyLength);
  return ['scrypt', cost.logN, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Whether the secret is the one hashed; false for a hash this version cannot read. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await derive(secret, parsed.salt, parsed.cost, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

export function parseHash(stored: string): { cost: ScryptCost; salt: Buffer; key: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [logN, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![logN, r, p].every(Number.isInteger) || logN < 1 || logN > MAX_LOG_N || r < 1 || r > MAX_R || p < 1 || p > MAX_P) return null;
  const salt = Buffer.from(parts[4]!, 'base64');
  const key = Buffer.from(parts[5]!, 'base64');
  if (salt.length < 8 || key.length < 16) return null;
  return { cost: { logN, r, p }, salt, key };
}
