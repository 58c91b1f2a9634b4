import crypto, { type KeyObject } from 'node:crypto';

/**
 * Ed25519 signatures in minisign's file formats, made and checked with node:crypto alone, so
 * that `minisign -Vm FILE -P <key>` (or signify) verifies what Esep signs, and Esep verifies
 * what minisign signs. The layouts follow minisign's `src/minisign.h` and `sign()`/`verify()`:
 *
 *   public key   base64("Ed" ‖ key id[8] ‖ Ed25519 public key[32])
 *   signature    untrusted comment: <text>
 *                base64(alg[2] ‖ key id[8] ‖ signature[64])
 *                trusted comment: <text>
 *                base64(global signature[64])       over signature[64] ‖ trusted comment bytes
 *
 * `alg` is "Ed" (legacy: the signature covers the file's bytes) or "ED" (prehashed: it covers
 * BLAKE2b-512 of them; minisign 0.11 signs so by default). Esep signs in legacy mode: its
 * messages are small tag manifests, and signify reads only legacy signatures.
 */

const ALG_LEGACY = 'Ed';
const ALG_PREHASHED = 'ED';
const KEY_ID_BYTES = 8;
const PUBLIC_KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;
const UNTRUSTED_PREFIX = 'untrusted comment: ';
const TRUSTED_PREFIX = 'trusted comment: ';
/** minisign's COMMENTMAXBYTES and TRUSTEDCOMMENTMAXBYTES, each counting its prefix and newline. */
const UNTRUSTED_MAX = 1024 - UNTRUSTED_PREFIX.length - 1;
const TRUSTED_MAX = 8192 - TRUSTED_PREFIX.length - 1;

export interface MinisignPublicKey {
  /** As stored in the key and signature structures (minisign prints it byte-reversed, see keyIdHex). */
  keyId: Buffer;
  /** The raw 32-byte Ed25519 public key. */
  publicKey: Buffer;
}

export interface MinisignKeyPair extends MinisignPublicKey {
  privateKey: KeyObject;
}

export type MinisignFailure = 'malformed' | 'algorithm' | 'weak_key' | 'key_mismatch' | 'signature' | 'global_signature' | 'prehash_unsupported';

/** Why a key or a signature was refused; `detail` names the part (a line, a field) for logs and tests. */
export class MinisignError extends Error {
  readonly code: MinisignFailure;
  readonly detail: string;

  constructor(code: MinisignFailure, detail: string) {
    super(`${code}: ${detail}`);
    this.name = 'MinisignError';
    this.code = code;
    this.detail = detail;
  }
}

/**
 * The key id as minisign prints it (`minisign public key BAFCE9118135A584`): the 8 bytes read
 * as a little-endian 64-bit number, in 16 upper-case hex digits (`%016" PRIX64` of `le64_load`).
 */
export function keyIdHex(keyId: Uint8Array): string {
  return Buffer.from(keyId).reverse().toString('hex').toUpperCase();
}

/** The 8 bytes minisign writes (public keys, signatures) for a key id as it prints it: keyIdHex's inverse. */
export function keyIdFromHex(keyId: string): Buffer {
  if (!/^[0-9A-F]{16}$/.test(keyId)) throw new TypeError(`Not a minisign key id: ${keyId}`);
  return Buffer.from(keyId, 'hex').reverse();
}

/**
 * An Esep key id: the first 8 bytes of SHA-512 of the public key, so that it follows from the
 * key and needs no storing of its own. (minisign -G draws its key ids at random; a key pair made
 * there keeps its own id through keyPairFromPrivateKey.)
 */
export function deriveKeyId(publicKey: Uint8Array): Buffer {
  return crypto.createHash('sha512').update(publicKey).digest().subarray(0, KEY_ID_BYTES);
}

/** The raw 32 bytes of an Ed25519 public key (of a private key's pair too). */
export function rawPublicKey(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new TypeError('Not an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url');
}

/**
 * The encodings (sign bit aside) of the points of small order, as libsodium's
 * `ge25519_has_small_order` lists them: OpenSSL verifies against such a key, and for a share
 * of all messages the all-zero signature passes, so anyone could "sign" for it. minisign
 * (libsodium) refuses these keys; so does Esep.
 */
const SMALL_ORDER_POINTS = [
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0100000000000000000000000000000000000000000000000000000000000000',
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
].map((hex) => Buffer.from(hex, 'hex'));

/** A small-order point, or a y coordinate of p or more (not canonical: two spellings of one key). */
function isWeakPublicKey(raw: Uint8Array): boolean {
  const masked = Buffer.from(raw);
  masked[31]! &= 0x7f;
  if (SMALL_ORDER_POINTS.some((p) => p.equals(masked))) return true;
  return masked[31] === 0x7f && masked.subarray(1, 31).every((b) => b === 0xff) && masked[0]! >= 0xed;
}

/** A key from outside (a package names its own) may be bytes OpenSSL will not take as a point. */
function publicKeyObject(raw: Uint8Array): KeyObject {
  try {
    return crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });
  } catch {
    throw new MinisignError('malformed', 'public key');
  }
}

/** A new Ed25519 key pair with its derived key id. */
export function generateKeyPair(): MinisignKeyPair {
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  return keyPairFromPrivateKey(privateKey);
}

/** The key pair of a stored Ed25519 private key; its key id is derived unless given. */
export function keyPairFromPrivateKey(privateKey: KeyObject, keyId?: Uint8Array): MinisignKeyPair {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') throw new TypeError('Not an Ed25519 private key');
  const publicKey = rawPublicKey(crypto.createPublicKey(privateKey));
  const id = keyId ? Buffer.from(keyId) : deriveKeyId(publicKey);
  if (id.length !== KEY_ID_BYTES) throw new TypeError('A key id has 8 bytes');
  return { keyId: id, publicKey, privateKey };
}

/** The public key as `minisign -P` takes it: one base64 line. */
export function formatPublicKey(key: MinisignPublicKey): string {
  return Buffer.concat([Buffer.from(ALG_LEGACY, 'latin1'), key.keyId, key.publicKey]).toString('base64');
}

/** The public key file as `minisign -G` writes it (`minisign.pub`). */
export function formatPublicKeyFile(key: MinisignPublicKey): string {
  return `${UNTRUSTED_PREFIX}minisign public key ${keyIdHex(key.keyId)}\n${formatPublicKey(key)}\n`;
}

/** Standard base64 with padding, in its one canonical spelling (so no two texts decode alike). */
function strictBase64(text: string, bytes: number, what: string): Buffer {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0) throw new MinisignError('malformed', what);
  const data = Buffer.from(text, 'base64');
  if (data.length !== bytes || data.toString('base64') !== text) throw new MinisignError('malformed', what);
  return data;
}

/**
 * A public key from its base64 line or from a whole `minisign.pub` (its comment line is not
 * signed and is not read). Only Ed25519 ("Ed") keys exist in minisign.
 */
export function parsePublicKey(text: string): MinisignPublicKey {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  if (lines.at(-1) === '') lines.pop();
  if (lines.length === 2 && lines[0]!.startsWith(UNTRUSTED_PREFIX)) lines.shift();
  if (lines.length !== 1) throw new MinisignError('malformed', 'public key');
  const data = strictBase64(lines[0]!, 2 + KEY_ID_BYTES + PUBLIC_KEY_BYTES, 'public key');
  if (data.subarray(0, 2).toString('latin1') !== ALG_LEGACY) throw new MinisignError('algorithm', 'public key');
  const publicKey = data.subarray(2 + KEY_ID_BYTES);
  if (isWeakPublicKey(publicKey)) throw new MinisignError('weak_key', 'public key');
  return { keyId: data.subarray(2, 2 + KEY_ID_BYTES), publicKey };
}

function isOneLine(text: string): boolean {
  return !/[\r\n\0]/.test(text);
}

/** What Esep writes on a signature's first, unsigned line. */
export function defaultUntrustedComment(key: MinisignPublicKey): string {
  return `signature from Esep key ${keyIdHex(key.keyId)}`;
}

export interface SignOptions {
  /** Signed with the file: minisign prints it after verifying. One line, no NUL. */
  trustedComment: string;
  /** Not signed; minisign shows it in the file only. */
  untrustedComment?: string;
}

/** A `.minisig` for `message`, in legacy ("Ed") mode, as minisign -S -l writes it. */
export function sign(message: Uint8Array, key: MinisignKeyPair, options: SignOptions): string {
  const untrusted = options.untrustedComment ?? defaultUntrustedComment(key);
  const trusted = options.trustedComment;
  if (!isOneLine(untrusted) || Buffer.byteLength(untrusted) > UNTRUSTED_MAX) throw new RangeError('The untrusted comment must be one short line');
  if (!isOneLine(trusted) || Buffer.byteLength(trusted) > TRUSTED_MAX) throw new RangeError('The trusted comment must be one line under 8 KB');
  const signature = crypto.sign(null, message, key.privateKey);
  const globalSignature = crypto.sign(null, Buffer.concat([signature, Buffer.from(trusted, 'utf8')]), key.privateKey);
  return formatSignature({ prehashed: false, keyId: key.keyId, signature, untrustedComment: untrusted, trustedComment: trusted, globalSignature });
}

export interface MinisignSignature {
  prehashed: boolean;
  keyId: Buffer;
  signature: Buffer;
  untrustedComment: string;
  trustedComment: string;
  globalSignature: Buffer;
}

/** The four lines of a `.minisig`, LF-terminated, as minisign writes them on UNIX. */
export function formatSignature(sig: MinisignSignature): string {
  const structure = Buffer.concat([Buffer.from(sig.prehashed ? ALG_PREHASHED : ALG_LEGACY, 'latin1'), sig.keyId, sig.signature]);
  return `${UNTRUSTED_PREFIX}${sig.untrustedComment}\n${structure.toString('base64')}\n${TRUSTED_PREFIX}${sig.trustedComment}\n${sig.globalSignature.toString('base64')}\n`;
}

/**
 * A `.minisig` read strictly: four lines, each ending in LF (or CRLF, as minisign on Windows
 * writes in text mode), the last newline optional; UTF-8; canonical base64. Anything else is
 * `malformed`, an unknown algorithm `algorithm`.
 */
export function parseSignature(file: string | Uint8Array): MinisignSignature {
  let text: string;
  try {
    text = typeof file === 'string' ? file : new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    throw new MinisignError('malformed', 'encoding');
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines.length !== 4) throw new MinisignError('malformed', 'line count');
  const [untrustedLine, structureLine, trustedLine, globalLine] = lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)) as [string, string, string, string];
  if (!untrustedLine.startsWith(UNTRUSTED_PREFIX) || untrustedLine.includes('\r') || untrustedLine.length > UNTRUSTED_PREFIX.length + UNTRUSTED_MAX) {
    throw new MinisignError('malformed', 'untrusted comment');
  }
  const structure = strictBase64(structureLine, 2 + KEY_ID_BYTES + SIGNATURE_BYTES, 'signature');
  if (!trustedLine.startsWith(TRUSTED_PREFIX)) throw new MinisignError('malformed', 'trusted comment');
  const trustedComment = trustedLine.slice(TRUSTED_PREFIX.length);
  if (!isOneLine(trustedComment) || Buffer.byteLength(trustedComment) > TRUSTED_MAX) throw new MinisignError('malformed', 'trusted comment');
  const globalSignature = strictBase64(globalLine, SIGNATURE_BYTES, 'global signature');
  const alg = structure.subarray(0, 2).toString('latin1');
  if (alg !== ALG_LEGACY && alg !== ALG_PREHASHED) throw new MinisignError('algorithm', alg);
  return {
    prehashed: alg === ALG_PREHASHED,
    keyId: structure.subarray(2, 2 + KEY_ID_BYTES),
    signature: structure.subarray(2 + KEY_ID_BYTES),
    untrustedComment: untrustedLine.slice(UNTRUSTED_PREFIX.length),
    trustedComment,
    globalSignature,
  };
}

/**
 * BLAKE2b-512 for prehashed signatures. Node's OpenSSL has it; BoringSSL builds (Electron) may
 * not, and then a prehashed signature cannot be checked here at all.
 */
function blake2b512(message: Uint8Array): Buffer {
  if (!crypto.getHashes().includes('blake2b512')) throw new MinisignError('prehash_unsupported', 'blake2b512');
  return crypto.createHash('blake2b512').update(message).digest();
}

/**
 * Checks a `.minisig` for `message` as minisign -V does, in its order: the key ids agree, the
 * signature verifies over the message (or its BLAKE2b-512 prehash), the global signature over
 * the signature and the trusted comment. Returns what was signed with the file.
 */
export function verify(message: Uint8Array, file: string | Uint8Array, key: MinisignPublicKey): MinisignSignature {
  const parsed = parseSignature(file);
  if (isWeakPublicKey(key.publicKey)) throw new MinisignError('weak_key', 'public key');
  if (!parsed.keyId.equals(key.keyId)) throw new MinisignError('key_mismatch', `${keyIdHex(parsed.keyId)} is not ${keyIdHex(key.keyId)}`);
  const publicKey = publicKeyObject(key.publicKey);
  const signed = parsed.prehashed ? blake2b512(message) : message;
  if (!crypto.verify(null, signed, publicKey, parsed.signature)) throw new MinisignError('signature', 'file');
  const comment = Buffer.concat([parsed.signature, Buffer.from(parsed.trustedComment, 'utf8')]);
  if (!crypto.verify(null, comment, publicKey, parsed.globalSignature)) throw new MinisignError('global_signature', 'trusted comment');
  return parsed;
}
