import fs from 'node:fs';
import { attachmentPath, FORWARDED_DIR } from '../exchange/record-format';
import path from 'node:path';
import type { Core } from '../core';
import type { CoreContext } from '../context';
import type { ImportPreview, PackagePreview, PackageSource, VerifyResult } from '../../../shared/contract/exchange.contract';
import { EsepError } from '../../../shared/errors';
import { formatFingerprint } from '../../../shared/domain/exchange/ownership';
import { parsePeriod } from '../../../shared/domain/reports/period';
import { LATEST_VERSION } from '../db/migrations';
import { appendAudit } from '../db/repos/audit.repo';
import { getImportedPackage, getOrigin, insertOrigin, recordImportedPackage, updateOrigin, type ImportedPackage, type OriginRecord } from '../db/repos/origins.repo';
import { getSetting } from '../db/repos/settings.repo';
import { getUnit } from '../db/repos/units.repo';
import { contentStore, sha256Of } from '../files/content-store';
import { writeFileAtomically } from '../files/atomic-write';
import { readPackage, type VerifiedPackage } from '../exchange/bag';
import { formatPublicKeyFile, keyIdHex, parsePublicKey } from '../exchange/minisign';
import { applyRecords, parseRecords, type Records } from '../exchange/record-apply';
import { receivedPackageFile } from '../exchange/package-store';

/**
 * Importing a package at the level above (docs/exchange.md §Importing). Everything is verified
 * before the database is touched: the zip within limits, every hash, the signature, and, for
 * each package carried inside (data/forwarded/), the same again against its own origin's key.
 * Then one transaction applies them, the carried ones first; a preview is the same transaction
 * rolled back, so it shows exactly what applying would do.
 */

/** A district's package carries its okrugs'; an oblast's, its districts' with theirs. Deeper is not Esep's. */
const MAX_FORWARD_DEPTH = 3;

interface Unpacked {
  verified: VerifiedPackage;
  records: Records;
  fileName: string;
  bytes: Buffer;
  forwardedIn: Unpacked | null;
}

/** Verified packages in the order to apply: each forwarded one before the package carrying it. */
async function unpack(bytes: Buffer, fileName: string, forwardedIn: Unpacked | null, depth: number, out: Unpacked[]): Promise<void> {
  const verified = await readPackage(bytes);
  const records = parseRecords(verified.payload);
  const self: Unpacked = { verified, records, fileName, bytes, forwardedIn };
  for (const [name, data] of verified.payload) {
    if (!name.startsWith(FORWARDED_DIR)) continue;
    if (depth >= MAX_FORWARD_DEPTH) throw new EsepError('package_format', { file: name, reason: 'nesting' });
    await unpack(data, name.slice(FORWARDED_DIR.length), self, depth + 1, out);
  }
  out.push(self);
}

async function readSource(source: PackageSource): Promise<{ bytes: Buffer; fileName: string }> {
  if ('path' in source) {
    try {
      return { bytes: await fs.promises.readFile(source.path), fileName: path.basename(source.path) };
    } catch {
      throw new EsepError('package_unreadable', { file: source.path });
    }
  }
  return { bytes: Buffer.from(source.dataBase64, 'base64'), fileName: source.fileName };
}

/** What `verify` says of a file: every package in it checked, nothing compared with this installation. */
export async function verifyPackage(core: Core, source: PackageSource): Promise<VerifyResult> {
  const { bytes, fileName } = await readSource(source);
  const packages: Unpacked[] = [];
  await unpack(bytes, fileName, null, 0, packages);
  const summaries = packages.reverse().map((p) => {
    const { info, signer } = p.verified;
    const key = parsePublicKey(signer.publicKey);
    const keyId = keyIdHex(key.keyId);
    return {
      packageId: info.packageId,
      forwardedIn: p.forwardedIn?.verified.info.packageId ?? null,
      originInstallation: info.originInstallation,
      originUnit: info.originUnit,
      unit: getUnit(core.ctx.db, info.originUnit),
      keyId,
      fingerprint: formatFingerprint(keyId),
      publicKey: formatPublicKeyFile(key),
      period: parsePeriod(info.period)!,
      createdAt: Date.parse(info.created),
      sequence: info.sequence,
      records: Object.fromEntries([...p.records].map(([kind, list]) => [kind, list.length])),
      files: p.verified.payload.size,
    };
  });
  return { fileName, sha256: sha256Of(bytes), packages: summaries };
}

/** Rolls a preview's transaction back once it has computed what applying would do. */
class DryRun extends Error {}

export async function previewPackage(core: Core, source: PackageSource): Promise<ImportPreview> {
  return importPackage(core, source, { trust: [], dryRun: true });
}

export async function applyPackage(core: Core, source: PackageSource, trust: string[]): Promise<ImportPreview> {
  return importPackage(core, source, { trust, dryRun: false });
}

export async function importPackage(core: Core, source: PackageSource, options: { trust: readonly string[]; dryRun: boolean }): Promise<ImportPreview> {
  const { ctx } = core;
  const { bytes, fileName } = await readSource(source);
  const packages: Unpacked[] = [];
  await unpack(bytes, fileName, null, 0, packages);
  const root = getSetting(ctx.db, 'working_root');
  if (root === null) throw new EsepError('setup_required', {});

  const previews: PackagePreview[] = [];
  const files: Array<() => void> = [];
  const total = packages.reduce((n, p) => n + [...p.records.values()].reduce((m, list) => m + list.length, 0), 0);
  let done = 0;
  const onRecord = ctx.progress && (() => ctx.progress!(++done, total));
  const run = ctx.db.transaction(() => {
    // Preview and apply see the same packages: an earlier one of the batch counts as applied.
    const vouched = new Map<string, string>();
    const recorded: ImportedPackage[] = [];
    for (const p of packages) previews.push(applyOne(ctx, core.paths.dataDir, root, p, options, vouched, files, recorded, onRecord));
    // A carried package names the one carrying it, applied after it: the rows go in the other order.
    for (const row of recorded.reverse()) recordImportedPackage(ctx.db, row);
    if (options.dryRun) throw new DryRun();
    // Before the commit: a crash after it must not leave records whose files are missing. A
    // failed commit leaves attachment files no row names (swept at the next start) and a kept
    // package no row names (written again if it comes again).
    for (const write of files) write();
  });
  try {
    run.immediate();
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
  }
  return { fileName, sha256: sha256Of(bytes), packages: order(previews) };
}

/** The file's package first, each carried package after the one carrying it. */
function order(previews: PackagePreview[]): PackagePreview[] {
  const byCarrier = new Map<string | null, PackagePreview[]>();
  for (const p of previews) byCarrier.set(p.forwardedIn, [...(byCarrier.get(p.forwardedIn) ?? []), p]);
  const out: PackagePreview[] = [];
  const visit = (carrier: string | null) => {
    for (const p of byCarrier.get(carrier) ?? []) {
      out.push(p);
      visit(p.packageId);
    }
  };
  visit(null);
  return out;
}

function unitsOf(ctx: CoreContext, kato: string): Set<string> {
  return new Set(ctx.db.prepare('SELECT descendant FROM unit_closure WHERE ancestor = ?').pluck().all(kato) as string[]);
}

function applyOne(
  ctx: CoreContext,
  dataDir: string,
  root: string,
  p: Unpacked,
  options: { trust: readonly string[]; dryRun: boolean },
  vouched: Map<string, string>,
  files: Array<() => void>,
  recorded: ImportedPackage[],
  onRecord: (() => void) | undefined,
): PackagePreview {
  const { info } = p.verified;
  const key = parsePublicKey(p.verified.signer.publicKey);
  const keyId = keyIdHex(key.keyId);
  const publicKey = Buffer.from(key.publicKey);
  const unit = getUnit(ctx.db, info.originUnit);
  const period = parsePeriod(info.period)!;
  const createdAt = Date.parse(info.created);
  const forwardedIn = p.forwardedIn?.verified.info.packageId ?? null;
  const now = ctx.clock.now().getTime();

  if (info.originInstallation === ctx.installationId) throw new EsepError('package_own', { packageId: info.packageId });
  if (info.schemaVersion > LATEST_VERSION) throw new EsepError('package_schema_newer', { schemaVersion: info.schemaVersion, supported: LATEST_VERSION });
  // Only packages from below the working root: the okrugs' at a district, the districts' at an oblast.
  if (!unit || !unitsOf(ctx, root).has(info.originUnit) || info.originUnit === root) {
    throw new EsepError('package_outside_working_set', { kato: info.originUnit, root });
  }

  const known = getOrigin(ctx.db, info.originInstallation);
  let trust: PackagePreview['origin']['trust'];
  if (known) {
    if (known.keyId !== keyId || !known.publicKey.equals(publicKey)) throw new EsepError('package_key_changed', { unitKato: known.unitKato, keyId: formatFingerprint(known.keyId), newKeyId: formatFingerprint(keyId) });
    if (known.unitKato !== info.originUnit) throw new EsepError('package_origin_moved', { kato: info.originUnit, was: known.unitKato });
    trust = 'trusted';
  } else if (p.forwardedIn) {
    // The carrying installation confirmed this origin's fingerprint when it imported the package
    // it forwards; the carrier itself is trusted, or confirmed now, or the whole file is refused.
    trust = 'vouched';
    vouched.set(info.originInstallation, p.forwardedIn.verified.info.originUnit);
  } else {
    trust = 'new';
    if (!options.dryRun && !options.trust.includes(info.originInstallation)) {
      throw new EsepError('package_origin_untrusted', { kato: info.originUnit, fingerprint: formatFingerprint(keyId) });
    }
  }

  const lastSequence = known?.lastSequence ?? 0;
  const already = getImportedPackage(ctx.db, info.packageId);
  const tagManifestSha512 = p.verified.tagManifestSha512;
  if (already && already.tagManifestSha512 !== tagManifestSha512) throw new EsepError('package_id_reused', { packageId: info.packageId });
  let disposition: PackagePreview['disposition'] = already ? 'already_imported' : 'apply';
  if (!already && info.sequence <= lastSequence) {
    // A forwarded copy of what came directly is passed over; a file that is an older package is a replay.
    if (p.forwardedIn === null) throw new EsepError('package_replay', { sequence: info.sequence, lastSequence });
    disposition = 'superseded';
  }

  const preview: PackagePreview = {
    packageId: info.packageId,
    forwardedIn,
    origin: {
      installationId: info.originInstallation,
      unitKato: info.originUnit,
      unit,
      keyId,
      fingerprint: formatFingerprint(keyId),
      publicKey: formatPublicKeyFile(key),
      trust,
    },
    period,
    createdAt,
    sequence: info.sequence,
    lastSequence,
    gap: disposition === 'apply' ? Math.max(0, info.sequence - lastSequence - 1) : 0,
    disposition,
    counts: {},
    refusals: [],
  };
  if (disposition !== 'apply') return preview;

  const applied = applyRecords(ctx.db, p.records, { origin: info.originInstallation, self: ctx.installationId, units: unitsOf(ctx, info.originUnit), ...(onRecord ? { onRecord } : {}) });
  preview.counts = applied.counts;
  preview.refusals = applied.refusals;

  // Attachment files: their bytes came with the package (checked against the manifest); each is stored under its own hash.
  const attachments = new Map<string, Buffer>();
  for (const sha of applied.attachmentHashes) {
    const data = p.verified.payload.get(attachmentPath(sha));
    if (!data || sha256Of(data) !== sha) throw new EsepError('package_reference_missing', { kind: 'attachments', id: sha });
    attachments.set(sha, data);
  }

  const origin: OriginRecord = {
    id: info.originInstallation,
    unitKato: info.originUnit,
    publicKey,
    keyId,
    trustedAt: known?.trustedAt ?? now,
    trustedBy: known?.trustedBy ?? (trust === 'vouched' ? `${ctx.actor} (${vouched.get(info.originInstallation)})` : ctx.actor),
    lastSequence: info.sequence,
    lastPackageId: info.packageId,
    lastPackageCreatedAt: createdAt,
    firstImportedAt: known?.firstImportedAt ?? now,
    lastImportedAt: now,
  };
  if (known) updateOrigin(ctx.db, origin);
  else insertOrigin(ctx.db, origin);
  recorded.push({
    id: info.packageId,
    origin: info.originInstallation,
    sequence: info.sequence,
    tagManifestSha512,
    createdAt,
    importedAt: now,
    fileName: p.fileName,
    forwardedIn,
    counts: applied.counts,
  });
  appendAudit(ctx, {
    action: 'import',
    entity: 'package',
    entityId: info.packageId,
    after: { origin: info.originInstallation, unitKato: info.originUnit, sequence: info.sequence, trust, counts: applied.counts, forwardedIn },
  });
  // Kept to forward up with this installation's own package, and files for the meetings (a
  // preview writes nothing).
  files.push(() => {
    const kept = receivedPackageFile(dataDir, info.packageId);
    fs.mkdirSync(path.dirname(kept), { recursive: true });
    writeFileAtomically(kept, p.bytes);
    const store = contentStore(path.join(dataDir, 'attachments'));
    for (const [sha, data] of attachments) if (!store.has(sha)) store.put(data);
  });
  return preview;
}
