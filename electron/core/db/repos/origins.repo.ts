import type { Db } from '../open';
import { prepared } from '../statements';

/**
 * The other installations this one has received packages from (migration 70) and the packages
 * applied. The exchange's importer writes both inside the transaction that applies a package;
 * nothing else does.
 */
export interface OriginRecord {
  /** The other installation's id: the `origin` its records carry. */
  id: string;
  /** Its working root as its packages state it. */
  unitKato: string;
  /** Its raw Ed25519 public key, trusted once; a package signed by another key is refused. */
  publicKey: Buffer;
  /** minisign's key id as it prints it. */
  keyId: string;
  /** When a person confirmed the fingerprint, and who (the audit actor). */
  trustedAt: number;
  trustedBy: string;
  /** The sequence number, id and creation time (the origin's clock) of its latest package applied. */
  lastSequence: number;
  lastPackageId: string | null;
  lastPackageCreatedAt: number | null;
  firstImportedAt: number;
  lastImportedAt: number;
}

export interface ImportedPackage {
  id: string;
  origin: string;
  sequence: number;
  /** The SHA-512 of its tagmanifest-sha512.txt (hex): the file its signature covers. */
  tagManifestSha512: string;
  /** The package's own creation time (bag-info), on the origin's clock. */
  createdAt: number;
  importedAt: number;
  fileName: string;
  /** The package it arrived inside (a district forwarding an okrug's bag), or null. */
  forwardedIn: string | null;
  /** What applying it did, per record kind (new / updated / unchanged / refused). */
  counts: Record<string, unknown>;
}

interface OriginRow {
  id: string;
  unit_kato: string;
  public_key: string;
  key_id: string;
  trusted_at: number;
  trusted_by: string;
  last_sequence: number;
  last_package_id: string | null;
  last_package_created_at: number | null;
  first_imported_at: number;
  last_imported_at: number;
}

interface PackageRow {
  id: string;
  origin: string;
  sequence: number;
  tag_manifest_sha512: string;
  created_at: number;
  imported_at: number;
  file_name: string;
  forwarded_in: string | null;
  counts_json: string;
}

function toOrigin(r: OriginRow): OriginRecord {
  return {
    id: r.id,
    unitKato: r.unit_kato,
    publicKey: Buffer.from(r.public_key, 'base64'),
    keyId: r.key_id,
    trustedAt: r.trusted_at,
    trustedBy: r.trusted_by,
    lastSequence: r.last_sequence,
    lastPackageId: r.last_package_id,
    lastPackageCreatedAt: r.last_package_created_at,
    firstImportedAt: r.first_imported_at,
    lastImportedAt: r.last_imported_at,
  };
}

function originParams(o: OriginRecord): Record<string, unknown> {
  return {
    id: o.id,
    unit_kato: o.unitKato,
    public_key: o.publicKey.toString('base64'),
    key_id: o.keyId,
    trusted_at: o.trustedAt,
    trusted_by: o.trustedBy,
    last_sequence: o.lastSequence,
    last_package_id: o.lastPackageId,
    last_package_created_at: o.lastPackageCreatedAt,
    first_imported_at: o.firstImportedAt,
    last_imported_at: o.lastImportedAt,
  };
}

function toPackage(r: PackageRow): ImportedPackage {
  return {
    id: r.id,
    origin: r.origin,
    sequence: r.sequence,
    tagManifestSha512: r.tag_manifest_sha512,
    createdAt: r.created_at,
    importedAt: r.imported_at,
    fileName: r.file_name,
    forwardedIn: r.forwarded_in,
    counts: JSON.parse(r.counts_json) as Record<string, unknown>,
  };
}

const ORIGIN_COLUMNS = Object.keys(originParams({ publicKey: Buffer.alloc(0) } as OriginRecord));

const SQL = {
  origin: 'SELECT * FROM origins WHERE id = ?',
  origins: 'SELECT * FROM origins ORDER BY unit_kato, first_imported_at, id',
  // Never this installation itself: its own records coming back are not another origin's.
  insertOrigin: `INSERT INTO origins (${ORIGIN_COLUMNS.join(', ')}) SELECT ${ORIGIN_COLUMNS.map((c) => `@${c}`).join(', ')}
     WHERE NOT EXISTS (SELECT 1 FROM installation WHERE id = @id)`,
  updateOrigin: `UPDATE origins SET ${ORIGIN_COLUMNS.filter((c) => c !== 'id').map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`,
  package: 'SELECT * FROM imported_packages WHERE id = ?',
  packagesOf: 'SELECT * FROM imported_packages WHERE origin = ? ORDER BY sequence, imported_at, id',
  insertPackage: `INSERT INTO imported_packages (id, origin, sequence, tag_manifest_sha512, created_at, imported_at, file_name, forwarded_in, counts_json)
     VALUES (@id, @origin, @sequence, @tagManifestSha512, @createdAt, @importedAt, @fileName, @forwardedIn, @countsJson)`,
};

export function getOrigin(db: Db, id: string): OriginRecord | null {
  const row = prepared(db, SQL.origin).get(id) as OriginRow | undefined;
  return row ? toOrigin(row) : null;
}

export function listOrigins(db: Db): OriginRecord[] {
  return (prepared(db, SQL.origins).all() as OriginRow[]).map(toOrigin);
}

/** A newly trusted origin (its fingerprint confirmed). Its id may not be this installation's own. */
export function insertOrigin(db: Db, o: OriginRecord): void {
  if (prepared(db, SQL.insertOrigin).run(originParams(o)).changes !== 1) throw new Error(`${o.id} is this installation`);
}

/** Writes every column but the id (after a package: its sequence, id and times). */
export function updateOrigin(db: Db, o: OriginRecord): void {
  if (prepared(db, SQL.updateOrigin).run(originParams(o)).changes !== 1) throw new Error(`No origin ${o.id}`);
}

export function getImportedPackage(db: Db, id: string): ImportedPackage | null {
  const row = prepared(db, SQL.package).get(id) as PackageRow | undefined;
  return row ? toPackage(row) : null;
}

/** An origin's packages applied here, by sequence number. */
export function listImportedPackages(db: Db, origin: string): ImportedPackage[] {
  return (prepared(db, SQL.packagesOf).all(origin) as PackageRow[]).map(toPackage);
}

/** Records a package as applied; a package id is applied once (the primary key refuses it again). */
export function recordImportedPackage(db: Db, p: ImportedPackage): void {
  prepared(db, SQL.insertPackage).run({ ...p, countsJson: JSON.stringify(p.counts) });
}
