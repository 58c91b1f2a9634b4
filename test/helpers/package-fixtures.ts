import crypto from 'node:crypto';
import type { PackageInfo } from '../../electron/core/exchange/bag-info';
import type { PackageContent } from '../../electron/core/exchange/bag';
import { keyPairFromPrivateKey, parseSignature, sign, type MinisignKeyPair } from '../../electron/core/exchange/minisign';
import { BAG_INFO_TXT, MANIFEST, SIGNATURE, TAG_MANIFEST, formatManifest } from '../../electron/core/exchange/tag-files';
import { readZip } from '../../electron/core/files/zip-reader';
import { writeCanonicalZip } from '../../electron/core/files/zip-writer';

/**
 * Packages for the exchange tests: sample content, and the files of a bag taken apart and put
 * back together, re-signed or not, so a test can forge exactly the package it needs (a payload
 * changed and every hash recomputed, a tag manifest signed by another key, …).
 */

/** The same key every run: Ed25519 from a fixed seed (PKCS#8 DER around the 32 seed bytes). */
export function keyFromSeed(seed: string): MinisignKeyPair {
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), crypto.createHash('sha256').update(seed).digest()]);
  return keyPairFromPrivateKey(crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }));
}

export const OKRUG_KEY = keyFromSeed('okrug 103230000');
export const OTHER_KEY = keyFromSeed('someone else');

export function sampleInfo(overrides: Partial<PackageInfo> = {}): PackageInfo {
  return {
    packageId: '0197b2c0-1d2e-7f00-8a00-000000000003',
    originInstallation: '0197b2c0-0000-7000-8000-00000000a001',
    originUnit: '103230000',
    period: '2026-H1',
    created: '2026-07-02T09:30:00.000Z',
    appVersion: '0.1.0',
    schemaVersion: 140,
    katoEdition: 'NK RK 11-2025',
    sequence: 3,
    previousPackage: '0197b2c0-1d2e-7f00-8a00-000000000002',
    ...overrides,
  };
}

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, ...crypto.createHash('sha512').update('photo').digest()]);

export function samplePayload(): Map<string, Uint8Array> {
  return new Map<string, Uint8Array>([
    ['records/issues.jsonl', Buffer.from('{"id":"i1","origin":"a001","revision":2,"text":"Көше жарығы жоқ"}\n{"id":"i2","origin":"a001","revision":1,"text":"Нет воды"}\n')],
    ['records/meetings.jsonl', Buffer.from('{"id":"m1","origin":"a001","revision":5,"held":"2026-03-14"}\n')],
    ['attachments/m1/фото 1.jpg', JPEG],
    ['report/report.pdf', Buffer.from('%PDF-1.7\n% Esep report\n')],
  ]);
}

export function sampleContent(overrides: Partial<PackageContent> = {}): PackageContent {
  return { name: 'esep-103230000-2026-H1-3', info: sampleInfo(), payload: samplePayload(), signer: OKRUG_KEY, ...overrides };
}

/** A bag's files by their path inside it, in the zip's order, and its top folder. */
export interface BagFiles {
  name: string;
  files: Map<string, Buffer>;
}

const ANY_SIZE = { maxArchiveBytes: 2 ** 31, maxEntries: 100_000, maxEntryBytes: 2 ** 30, maxTotalBytes: 2 ** 31, maxEntryRatio: Infinity, maxTotalRatio: Infinity, ratioGraceBytes: 0 };

export async function unpack(pkg: Uint8Array): Promise<BagFiles> {
  const entries = await readZip(pkg, { limits: ANY_SIZE });
  const name = entries[0]!.name.split('/')[0]!;
  return { name, files: new Map(entries.map((e) => [e.name.slice(name.length + 1), e.data])) };
}

/** The files back in a canonical zip, as they are (no hash recomputed). */
export function repack(bag: BagFiles): Promise<Buffer> {
  return writeCanonicalZip([...bag.files].map(([path, data]) => ({ name: `${bag.name}/${path}`, data, compress: path.endsWith('.jsonl') })));
}

const sha512 = (data: Uint8Array) => crypto.createHash('sha512').update(data).digest('hex');

export interface ResealOptions {
  /** Keep manifest-sha512.txt as it is (to forge a payload it does not describe). */
  keepManifest?: boolean;
  /** Default: the trusted comment of the signature there, so only what the test changed differs. */
  trustedComment?: string;
  untrustedComment?: string;
}

/**
 * The bag made consistent again, as someone holding `signer` would: the payload manifest
 * recomputed over data/, the tag manifest over the other tag files, the tag manifest signed.
 */
export function reseal(bag: BagFiles, signer: MinisignKeyPair, options: ResealOptions = {}): BagFiles {
  const files = new Map(bag.files);
  if (!options.keepManifest) {
    const hashes = new Map([...files].filter(([path]) => path.startsWith('data/')).map(([path, data]) => [path, sha512(data)]));
    files.set(MANIFEST, Buffer.from(formatManifest(hashes)));
  }
  const tags = new Map([...files].filter(([path]) => !path.startsWith('data/') && path !== TAG_MANIFEST && path !== SIGNATURE).map(([path, data]) => [path, sha512(data)]));
  const tagManifest = Buffer.from(formatManifest(tags));
  files.set(TAG_MANIFEST, tagManifest);
  const old = files.get(SIGNATURE);
  const trustedComment = options.trustedComment ?? (old ? parseSignature(old).trustedComment : '');
  const untrustedComment = options.untrustedComment ?? undefined;
  files.set(SIGNATURE, Buffer.from(sign(tagManifest, signer, { trustedComment, ...(untrustedComment === undefined ? {} : { untrustedComment }) })));
  return { name: bag.name, files };
}

/** bag-info.txt with its text changed. */
export function editBagInfo(bag: BagFiles, edit: (text: string) => string | Buffer): BagFiles {
  const files = new Map(bag.files);
  const edited = edit(files.get(BAG_INFO_TXT)!.toString('utf8'));
  files.set(BAG_INFO_TXT, typeof edited === 'string' ? Buffer.from(edited) : edited);
  return { name: bag.name, files };
}
