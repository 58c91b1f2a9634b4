import crypto from 'node:crypto';
import { EsepError, type ErrorDetails } from '../../../shared/errors';
import { detectFileType } from '../files/file-type';
import {
  MinisignError,
  defaultUntrustedComment,
  formatPublicKey,
  formatSignature,
  keyIdHex,
  parsePublicKey,
  parseSignature,
  sign,
  verify,
  type MinisignKeyPair,
  type MinisignPublicKey,
  type MinisignSignature,
} from './minisign';
import { FORMAT_VERSION, LABEL, PackageInfoSchema, bagInfoElements, formatBagInfo, parseBagInfo, readBagInfo, singleValue, type BagInfoElement, type PackageInfo } from './bag-info';
import {
  BAG_DECLARATION,
  BAG_INFO_TXT,
  BAGIT_TXT,
  BAGIT_VERSION,
  MANIFEST,
  PAYLOAD_DIR,
  SIGNATURE,
  TAG_MANIFEST,
  formatManifest,
  parseManifest,
  readBagDeclaration,
} from './tag-files';
import { DEFAULT_IDLE_TIMEOUT_MS, ZipError, entryNameProblem, readZip, readZipFile, type ZipEntry, type ZipLimits, type ZipReadOptions } from '../files/zip-reader';
import { writeCanonicalZip, type ZipWriteEntry } from '../files/zip-writer';

/**
 * An Esep package: a BagIt 1.0 bag (RFC 8493) serialized as a canonical zip, whose tag manifest
 * carries a minisign signature. docs/exchange-format.md describes the format for others.
 *
 *   <name>/bagit.txt
 *   <name>/bag-info.txt
 *   <name>/manifest-sha512.txt
 *   <name>/tagmanifest-sha512.txt            lists the three files above
 *   <name>/tagmanifest-sha512.txt.minisig    signs the tag manifest; listed nowhere
 *   <name>/data/…                            the payload
 *
 * The signature cannot be listed in the tag manifest it signs. RFC 8493 allows that: a tag
 * manifest MUST list every payload manifest (§2.2.1), and a bag may hold tag files no manifest
 * lists (§2.2.4; completeness in §3 asks only that listed files be present).
 *
 * The bag sits under one top folder: RFC 8493 defines no serialization, and a single top
 * folder named after the bag is the common convention for zipped bags (unzipped, the package
 * is one folder, the bag).
 */

/** A bag's name: the top folder in the zip, and the zip's file name without `.zip`. FAT32- and Windows-safe. */
const BAG_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * The payload's layout, by path under data/ (docs/exchange-format.md, "The payload"): records
 * as one JSON-lines file per kind, the human-readable report, the attachments, and the packages
 * forwarded from below, each carried unchanged as its own file. A reader of format 1 refuses
 * any other path, so a file it would not know what to do with never passes as verified.
 */
const PAYLOAD_LAYOUT: readonly RegExp[] = [
  /^records\/[a-z][a-z0-9_-]{0,63}\.jsonl$/,
  /^report\/[^/]+$/,
  /^attachments\/.+$/,
  new RegExp(`^forwarded/${BAG_NAME.source.slice(1, -1)}\\.zip$`),
];

export function isPayloadPath(path: string): boolean {
  return PAYLOAD_LAYOUT.some((re) => re.test(path));
}

const MiB = 1024 * 1024;

/**
 * What a package may be. An archive up to 1 GiB (a district's half-year with its okrugs'
 * packages and their photos fits many times); at most 2 GiB unpacked, held in memory at once;
 * 20,000 files; one file up to 512 MiB (the largest JSON lines file of an oblast-size export).
 * Records as JSON lines deflate about 10:1 and rarely past 30:1, so 100:1 for one file and 50:1
 * overall, past the first MiB, leave room while refusing a bomb (deflate reaches 1000:1).
 */
export const PACKAGE_LIMITS: ZipLimits = {
  maxArchiveBytes: 1024 * MiB,
  maxEntries: 20_000,
  maxEntryBytes: 512 * MiB,
  maxTotalBytes: 2048 * MiB,
  maxEntryRatio: 100,
  maxTotalRatio: 50,
  ratioGraceBytes: 1 * MiB,
};

export const PACKAGE_TIMEOUT_MS = 10 * 60_000;

export interface PackageContent {
  /** The top folder in the zip (and the file's name without `.zip`), e.g. `esep-391633100-2026-H1-3`. */
  name: string;
  info: PackageInfo;
  /** Path under data/ (`records/issues.jsonl`) → bytes; at least one, each as isPayloadPath allows. */
  payload: ReadonlyMap<string, Uint8Array>;
  signer: MinisignKeyPair;
}

const sha512 = (data: Uint8Array) => crypto.createHash('sha512').update(data).digest('hex');

/**
 * The signature's trusted comment: ties it to the package it was made for, in minisign's
 * `key:value` tab-separated style (minisign prints it after verifying).
 */
export function trustedComment(info: PackageInfo): string {
  const seconds = Math.floor(Date.parse(info.created) / 1000);
  return `timestamp:${seconds}\tfile:${TAG_MANIFEST}\tpackage:${info.packageId}\tunit:${info.originUnit}\tsequence:${info.sequence}`;
}

/** Already-compressed payloads (zips, among them forwarded packages and Office files; photos) are stored, the rest deflated. */
function worthDeflating(data: Uint8Array): boolean {
  const zip = data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
  const type = detectFileType(data);
  return !zip && type !== 'jpeg' && type !== 'png' && type !== 'webp';
}

function payloadOxum(payload: ReadonlyMap<string, Uint8Array>): string {
  let octets = 0;
  for (const data of payload.values()) octets += data.length;
  return `${octets}.${payload.size}`;
}

/**
 * The package's bytes: the same content and key give the same bytes (Ed25519 signatures are
 * deterministic, the zip's times and modes are fixed, files are sorted).
 */
export async function writePackage(content: PackageContent): Promise<Buffer> {
  const info = PackageInfoSchema.parse(content.info);
  if (!BAG_NAME.test(content.name)) throw new TypeError(`Not a bag name: ${JSON.stringify(content.name)}`);
  const paths = [...content.payload.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  // RFC 8493 §2.1.2: the bag must have a data/ folder, and a zip without directory entries has one only if it holds a file.
  if (paths.length === 0) throw new TypeError('A package carries at least one payload file');
  const hashes = new Map<string, string>();
  for (const path of paths) {
    const problem = entryNameProblem(PAYLOAD_DIR + path) ?? (isPayloadPath(path) ? null : 'layout');
    if (problem) throw new TypeError(`Unsafe payload path ${JSON.stringify(path)}: ${problem}`);
    hashes.set(PAYLOAD_DIR + path, sha512(content.payload.get(path)!));
  }
  const bagInfo = formatBagInfo(
    bagInfoElements(
      {
        softwareAgent: `Esep ${info.appVersion}`,
        baggingDate: info.created.slice(0, 10),
        oxum: payloadOxum(content.payload),
        signingKey: formatPublicKey(content.signer),
      },
      info,
    ),
  );
  const tags = new Map<string, Buffer>([
    [BAGIT_TXT, Buffer.from(BAG_DECLARATION)],
    [BAG_INFO_TXT, Buffer.from(bagInfo)],
    [MANIFEST, Buffer.from(formatManifest(hashes))],
  ]);
  const tagManifest = Buffer.from(formatManifest(new Map([...tags].map(([name, data]) => [name, sha512(data)]))));
  const signature = Buffer.from(sign(tagManifest, content.signer, { trustedComment: trustedComment(info) }));
  const prefix = `${content.name}/`;
  const entries: ZipWriteEntry[] = [
    ...[...tags, [TAG_MANIFEST, tagManifest] as const, [SIGNATURE, signature] as const].map(([name, data]) => ({ name: prefix + name, data, compress: false })),
    ...paths.map((path) => {
      const data = content.payload.get(path)!;
      return { name: prefix + PAYLOAD_DIR + path, data, compress: worthDeflating(data) };
    }),
  ];
  return writeCanonicalZip(entries);
}

export interface ReadPackageOptions {
  /**
   * The key the package must be signed with. Without it the package is checked against the
   * key it names (Esep-Signing-Key): that proves it intact and made by that key's holder, and
   * the caller decides whether that holder is trusted. A string that is not a minisign public
   * key is the caller's error (a TypeError), not the package's.
   */
  publicKey?: MinisignPublicKey | string;
  /** Tighter (or, in tests, other) limits than PACKAGE_LIMITS. */
  limits?: Partial<ZipLimits>;
  timeoutMs?: number;
  idleTimeoutMs?: number;
  signal?: AbortSignal;
}

export interface VerifiedPackage {
  name: string;
  info: PackageInfo;
  signer: {
    /** As minisign prints it. */
    keyId: string;
    /** As `minisign -P` takes it. */
    publicKey: string;
  };
  baggingDate: string;
  softwareAgent: string;
  /** Every bag-info element, in order, the ones Esep does not know included. */
  bagInfo: readonly BagInfoElement[];
  /** The SHA-512 (hex) of the tag manifest the signature covers: what names this package's content. */
  tagManifestSha512: string;
  /** Path under data/ → bytes, forwarded packages among them, as opaque files. */
  payload: Map<string, Buffer>;
}

/** A refused zip, in the package's terms. */
function fromZipError(e: ZipError): EsepError {
  const details: ErrorDetails = { ...e.details, reason: e.code };
  switch (e.code) {
    case 'too_large':
    case 'too_many_entries':
    case 'entry_too_large':
    case 'total_too_large':
    case 'ratio':
      return new EsepError('package_too_large', details);
    case 'name_unsafe':
    case 'name_duplicate':
      return new EsepError('package_name_unsafe', { name: '', ...details });
    case 'timeout':
    case 'aborted':
      return new EsepError('package_timeout', details);
    default:
      return new EsepError('package_format', details);
  }
}

function zipOptions(options: ReadPackageOptions): ZipReadOptions {
  return {
    limits: { ...PACKAGE_LIMITS, ...options.limits },
    canonical: true,
    timeoutMs: options.timeoutMs ?? PACKAGE_TIMEOUT_MS,
    idleTimeoutMs: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
    signal: options.signal,
  };
}

/** The bag's files by their path inside it, after checking there is one top folder and nothing beside it. */
function splitBag(entries: readonly ZipEntry[]): { name: string; files: Map<string, Buffer> } {
  const name = entries[0]?.name.split('/')[0] ?? '';
  if (!BAG_NAME.test(name)) throw new EsepError('package_format', { reason: 'layout' });
  const files = new Map<string, Buffer>();
  for (const entry of entries) {
    if (!entry.name.startsWith(`${name}/`)) throw new EsepError('package_format', { reason: 'layout' });
    files.set(entry.name.slice(name.length + 1), entry.data);
  }
  return { name, files };
}

const TAG_FILES = [BAGIT_TXT, BAG_INFO_TXT, MANIFEST];

/** The key the bag-info names, read before the signature is checked (the tag manifest then vouches for it). */
function namedKey(elements: readonly BagInfoElement[]): MinisignPublicKey {
  const text = singleValue(elements, LABEL.signingKey);
  if (text === null) throw new EsepError('package_info_invalid', { field: LABEL.signingKey, reason: 'missing' });
  try {
    return parsePublicKey(text);
  } catch (e) {
    if (e instanceof MinisignError && e.code === 'weak_key') throw new EsepError('package_signature_invalid', { reason: e.code });
    throw new EsepError('package_info_invalid', { field: LABEL.signingKey, reason: 'malformed' });
  }
}

function expectedKey(key: MinisignPublicKey | string): MinisignPublicKey {
  if (typeof key !== 'string') return key;
  try {
    return parsePublicKey(key);
  } catch {
    throw new TypeError('options.publicKey is not a minisign public key');
  }
}

/**
 * The signature over the tag manifest, by `key`: legacy ("Ed") mode only, so that every build
 * checks it alike (Electron's BoringSSL has no BLAKE2b-512 for prehashed ones), and spelled
 * exactly as Esep writes it, so that no byte of the file, the unsigned comment line included,
 * can change unnoticed.
 */
function checkSignature(tagManifest: Buffer, signature: Buffer, key: MinisignPublicKey): MinisignSignature {
  let signed: MinisignSignature;
  try {
    if (parseSignature(signature).prehashed) throw new EsepError('package_signature_invalid', { reason: 'prehashed' });
    signed = verify(tagManifest, signature, key);
  } catch (e) {
    if (!(e instanceof MinisignError)) throw e;
    if (e.code === 'key_mismatch') {
      const signedBy = /^(\S+)/.exec(e.detail)?.[1] ?? '';
      throw new EsepError('package_key_mismatch', { keyId: signedBy, expected: keyIdHex(key.keyId) });
    }
    throw new EsepError('package_signature_invalid', { reason: e.code });
  }
  const canonical = formatSignature({ ...signed, untrustedComment: defaultUntrustedComment(key) });
  if (!signature.equals(Buffer.from(canonical))) throw new EsepError('package_signature_invalid', { reason: 'not_canonical' });
  return signed;
}

function requireFile(files: ReadonlyMap<string, Buffer>, file: string): Buffer {
  const data = files.get(file);
  if (!data) throw new EsepError('package_file_missing', { file });
  return data;
}

/**
 * Verifies the bag read from a package, after zip-reader.ts has applied the limits and checked
 * the names and the layout, in the import order of the research notes (exchange.md §1): the
 * versions it declares (small tag files, read first so that a newer package is refused as
 * newer, not as damaged); which files are there; the signature over the tag manifest; the tag
 * manifest's hashes; every payload file listed and its hash; no payload file unlisted; the
 * payload layout; Payload-Oxum; the bag-info fields. Only then are the payload and the fields
 * handed back.
 */
function verifyBag(entries: readonly ZipEntry[], options: ReadPackageOptions): VerifiedPackage {
  const { name, files } = splitBag(entries);

  const bagitVersion = readBagDeclaration(requireFile(files, BAGIT_TXT));
  if (bagitVersion !== BAGIT_VERSION) throw new EsepError('package_version_unsupported', { version: `BagIt ${bagitVersion}` });
  const elements = parseBagInfo(requireFile(files, BAG_INFO_TXT));
  const formatVersion = singleValue(elements, LABEL.formatVersion);
  if (formatVersion !== null && formatVersion !== String(FORMAT_VERSION)) throw new EsepError('package_version_unsupported', { version: formatVersion });

  const payloadFiles = new Map<string, Buffer>();
  for (const [path, data] of files) {
    if (path.startsWith(PAYLOAD_DIR)) payloadFiles.set(path, data);
    else if (![...TAG_FILES, TAG_MANIFEST, SIGNATURE].includes(path)) throw new EsepError('package_unlisted_file', { file: path });
  }
  const signature = files.get(SIGNATURE);
  if (!signature) throw new EsepError('package_unsigned');
  const tagManifest = requireFile(files, TAG_MANIFEST);

  const key = options.publicKey ? expectedKey(options.publicKey) : namedKey(elements);
  const signed = checkSignature(tagManifest, signature, key);

  const tagHashes = parseManifest(tagManifest, TAG_MANIFEST);
  for (const file of TAG_FILES) if (!tagHashes.has(file)) throw new EsepError('package_unlisted_file', { file });
  for (const [file, hash] of tagHashes) {
    if (!TAG_FILES.includes(file)) throw new EsepError('package_format', { file: TAG_MANIFEST, reason: 'lists_other' });
    if (sha512(requireFile(files, file)) !== hash) throw new EsepError('package_hash_mismatch', { file });
  }

  const payloadHashes = parseManifest(requireFile(files, MANIFEST), MANIFEST);
  for (const [file, hash] of payloadHashes) {
    if (!file.startsWith(PAYLOAD_DIR)) throw new EsepError('package_format', { file: MANIFEST, reason: 'outside_payload' });
    const data = payloadFiles.get(file);
    if (!data) throw new EsepError('package_file_missing', { file });
    if (sha512(data) !== hash) throw new EsepError('package_hash_mismatch', { file });
  }
  // Before Payload-Oxum: an added file would otherwise show only as a wrong total.
  for (const file of payloadFiles.keys()) if (!payloadHashes.has(file)) throw new EsepError('package_unlisted_file', { file });
  if (payloadFiles.size === 0) throw new EsepError('package_format', { reason: 'no_payload' });
  const payload = new Map([...payloadFiles].map(([path, data]) => [path.slice(PAYLOAD_DIR.length), data]));
  for (const path of payload.keys()) if (!isPayloadPath(path)) throw new EsepError('package_format', { file: PAYLOAD_DIR + path, reason: 'payload_layout' });

  const oxum = singleValue(elements, LABEL.oxum);
  if (oxum === null) throw new EsepError('package_info_invalid', { field: LABEL.oxum, reason: 'missing' });
  if (oxum !== payloadOxum(payload)) throw new EsepError('package_oxum_mismatch', { expected: oxum, actual: payloadOxum(payload) });

  const { header, info } = readBagInfo(elements);
  let named: MinisignPublicKey;
  try {
    named = parsePublicKey(header.signingKey);
  } catch {
    throw new EsepError('package_info_invalid', { field: LABEL.signingKey, reason: 'malformed' });
  }
  if (formatPublicKey(named) !== formatPublicKey(key)) throw new EsepError('package_key_mismatch', { keyId: keyIdHex(named.keyId), expected: keyIdHex(key.keyId) });
  if (signed.trustedComment !== trustedComment(info)) throw new EsepError('package_signature_invalid', { reason: 'trusted_comment' });

  return {
    name,
    info,
    signer: { keyId: keyIdHex(key.keyId), publicKey: formatPublicKey(key) },
    baggingDate: header.baggingDate,
    softwareAgent: header.softwareAgent,
    bagInfo: elements,
    tagManifestSha512: sha512(tagManifest),
    payload,
  };
}

async function readEntries(read: () => Promise<ZipEntry[]>): Promise<ZipEntry[]> {
  try {
    return await read();
  } catch (e) {
    throw e instanceof ZipError ? fromZipError(e) : e;
  }
}

/**
 * Reads a package (its bytes, or a stream of them) and verifies it (see verifyBag). Every
 * refusal is an EsepError with a package_* code.
 */
export async function readPackage(source: Uint8Array | AsyncIterable<Uint8Array>, options: ReadPackageOptions = {}): Promise<VerifiedPackage> {
  return verifyBag(await readEntries(() => readZip(source, zipOptions(options))), options);
}

/** readPackage on a file: a regular file within the archive limit, streamed so a stalled medium times out. */
export async function readPackageFile(path: string, options: ReadPackageOptions = {}): Promise<VerifiedPackage> {
  return verifyBag(await readEntries(() => readZipFile(path, zipOptions(options))), options);
}
