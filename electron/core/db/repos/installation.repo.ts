import { randomUUID } from 'node:crypto';
import type { Db } from '../open';
import { prepared } from '../statements';

/** This installation's identity: the `origin` of every record it creates. Made once. */
export function ensureInstallation(db: Db, now: number): string {
  const row = db.prepare('SELECT id FROM installation').get() as { id: string } | undefined;
  if (row) return row.id;
  const id = randomUUID();
  db.prepare('INSERT INTO installation (id, created_at) VALUES (?, ?)').run(id, now);
  return id;
}

export interface InstallationRow {
  id: string;
  createdAt: number;
  /** The raw Ed25519 public key; null until the key pair is made (at setup). */
  publicKey: Buffer | null;
  /** minisign's key id as it prints it; null with the key. */
  keyId: string | null;
  /** The sequence number of the last package this installation sent (0: none yet). */
  packageSequence: number;
  lastPackageId: string | null;
}

interface Row {
  id: string;
  created_at: number;
  public_key: string | null;
  key_id: string | null;
  package_sequence: number;
  last_package_id: string | null;
}

export function getInstallation(db: Db): InstallationRow {
  const r = prepared(db, 'SELECT * FROM installation').get() as Row | undefined;
  if (!r) throw new Error('The installation row is made when the core opens');
  return {
    id: r.id,
    createdAt: r.created_at,
    publicKey: r.public_key === null ? null : Buffer.from(r.public_key, 'base64'),
    keyId: r.key_id,
    packageSequence: r.package_sequence,
    lastPackageId: r.last_package_id,
  };
}

/** Records the public half of the key pair; an installation's key is made once. */
export function setInstallationKey(db: Db, key: { publicKey: Buffer; keyId: string }): void {
  const changed = prepared(db, 'UPDATE installation SET public_key = ?, key_id = ? WHERE public_key IS NULL').run(key.publicKey.toString('base64'), key.keyId).changes;
  if (changed !== 1) throw new Error('This installation has a key already');
}

/** What the next outgoing package says about its place in this installation's series. */
export function nextOwnPackage(db: Db): { sequence: number; previousPackageId: string | null } {
  const i = getInstallation(db);
  return { sequence: i.packageSequence + 1, previousPackageId: i.lastPackageId };
}

/**
 * Records that the package numbered `sequence` (from nextOwnPackage) was written. Refused when
 * another package took that number meanwhile, so two packages never share one.
 */
export function recordOwnPackage(db: Db, p: { sequence: number; packageId: string }): void {
  const changed = prepared(db, 'UPDATE installation SET package_sequence = @sequence, last_package_id = @packageId WHERE package_sequence = @sequence - 1').run(p).changes;
  if (changed !== 1) throw new Error(`Package sequence ${p.sequence} is not the next one`);
}
