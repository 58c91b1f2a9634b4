import { EsepError } from '../../../shared/errors';

/**
 * The text tag files of a BagIt 1.0 bag (RFC 8493): how their lines end, the bag declaration
 * (bagit.txt) and the manifests. Writing is exact and one way only (LF, UTF-8, no BOM, sorted
 * lines, two spaces between checksum and path so `sha512sum -c` reads them); reading accepts
 * what the RFC allows and refuses the rest as `package_format`, naming the file.
 */

export const BAGIT_TXT = 'bagit.txt';
export const BAG_INFO_TXT = 'bag-info.txt';
export const MANIFEST = 'manifest-sha512.txt';
export const TAG_MANIFEST = 'tagmanifest-sha512.txt';
export const SIGNATURE = 'tagmanifest-sha512.txt.minisig';
export const PAYLOAD_DIR = 'data/';

export const BAGIT_VERSION = '1.0';
/** RFC 8493 §2.1.1: exactly two lines, in this order; UTF-8 without a byte-order mark. */
export const BAG_DECLARATION = `BagIt-Version: ${BAGIT_VERSION}\nTag-File-Character-Encoding: UTF-8\n`;

/** Longer lines are refused before they are parsed; no line Esep writes comes near. */
export const MAX_TAG_LINE = 4096;

const SHA512_HEX = /^[0-9a-fA-F]{128}$/;

function formatError(file: string, reason: string, line?: number): EsepError {
  return new EsepError('package_format', line === undefined ? { file, reason } : { file, reason, line });
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A tag file's text: UTF-8, and (RFC 8493 §2.1.1, §2.3) no byte-order mark when the encoding is UTF-8. */
export function decodeTagFile(bytes: Uint8Array, file: string): string {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw formatError(file, 'invalid_utf8');
  }
  if (text.startsWith('\ufeff')) throw formatError(file, 'bom');
  return text;
}

/**
 * RFC 8493 §2.3: each line ends in LF, CR or CRLF (CRLF is one ending, not CR and an empty
 * line); the last line may end without one. Lines longer than MAX_TAG_LINE are refused.
 */
export function tagLines(text: string, file: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((line, i) => {
    if (line.length > MAX_TAG_LINE) throw formatError(file, 'line_too_long', i + 1);
  });
  return lines;
}

/** The declared BagIt version, after checking bagit.txt's two lines; the caller judges the version. */
export function readBagDeclaration(bytes: Uint8Array): string {
  const lines = tagLines(decodeTagFile(bytes, BAGIT_TXT), BAGIT_TXT);
  const version = /^BagIt-Version: ([0-9]+\.[0-9]+)$/.exec(lines[0] ?? '');
  const encoding = /^Tag-File-Character-Encoding: (.+)$/.exec(lines[1] ?? '');
  if (lines.length !== 2 || !version || !encoding) throw formatError(BAGIT_TXT, 'declaration');
  if (encoding[1]!.toUpperCase() !== 'UTF-8') throw formatError(BAGIT_TXT, 'encoding');
  return version[1]!;
}

/**
 * RFC 8493 §2.1.3: in a manifest path, LF, CR and `%` (and only those) are percent-encoded.
 * (Esep's names never hold CR or LF; a `%` is the one that can occur.)
 */
export function encodeManifestPath(path: string): string {
  return path.replace(/%/g, '%25').replace(/\n/g, '%0A').replace(/\r/g, '%0D');
}

function decodeManifestPath(encoded: string): string | null {
  if (/%(?!0[aAdD]|25)/.test(encoded)) return null;
  return encoded.replace(/%(0[aAdD]|25)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** One line per file, `<sha512>  <path>`, sorted by path (as UTF-8 bytes, like `LC_ALL=C sort`). */
export function formatManifest(hashes: ReadonlyMap<string, string>): string {
  return [...hashes]
    .sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
    .map(([path, hash]) => `${hash}  ${encodeManifestPath(path)}\n`)
    .join('');
}

/**
 * A SHA-512 manifest: path → lower-case hex. RFC 8493 §2.1.3: a checksum, one or more spaces
 * or tabs, a path relative to the bag; each path once.
 */
export function parseManifest(bytes: Uint8Array, file: string): Map<string, string> {
  const hashes = new Map<string, string>();
  tagLines(decodeTagFile(bytes, file), file).forEach((line, i) => {
    const m = /^([^ \t]+)[ \t]+(.+)$/.exec(line);
    if (!m || !SHA512_HEX.test(m[1]!)) throw formatError(file, 'manifest_line', i + 1);
    const path = decodeManifestPath(m[2]!);
    if (path === null) throw formatError(file, 'manifest_path', i + 1);
    if (hashes.has(path)) throw formatError(file, 'manifest_repeated', i + 1);
    hashes.set(path, m[1]!.toLowerCase());
  });
  return hashes;
}
