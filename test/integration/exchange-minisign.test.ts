import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  MinisignError,
  deriveKeyId,
  formatPublicKey,
  formatSignature,
  formatPublicKeyFile,
  generateKeyPair,
  keyIdHex,
  keyPairFromPrivateKey,
  parsePublicKey,
  parseSignature,
  sign,
  verify,
} from '../../electron/core/exchange/minisign';
import { tempDir } from '../helpers/temp-core';

/** The Debian package's binary, as CI installs it (.ci/run): the outside verifier of every signature. */
const MINISIGN = '/usr/bin/minisign';

function minisign(args: string[], cwd: string) {
  return spawnSync(MINISIGN, args, { cwd, encoding: 'utf8', input: '' });
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof MinisignError) return e.code;
    throw e;
  }
  throw new Error('not refused');
}

describe('minisign, with node:crypto only', () => {
  it('is the Debian minisign 0.11 these tests talk to', () => {
    expect(execFileSync(MINISIGN, ['-v'], { encoding: 'utf8' })).toMatch(/^minisign 0\.1[1-9]/);
  });

  it('a signature Esep makes verifies with minisign -V, by -P and by -p, in legacy mode', () => {
    const dir = tempDir();
    const key = generateKeyPair();
    const message = Buffer.from('d2b1…  bag-info.txt\nПакет аким округа\n');
    fs.writeFileSync(path.join(dir, 'tagmanifest-sha512.txt'), message);
    fs.writeFileSync(path.join(dir, 'tagmanifest-sha512.txt.minisig'), sign(message, key, { trustedComment: 'package:0190\tunit:391633100' }));
    fs.writeFileSync(path.join(dir, 'esep.pub'), formatPublicKeyFile(key));

    const byKey = minisign(['-Vm', 'tagmanifest-sha512.txt', '-P', formatPublicKey(key)], dir);
    expect(byKey.status, byKey.stderr).toBe(0);
    expect(byKey.stdout).toContain('Signature and comment signature verified');
    expect(byKey.stdout).toContain('Trusted comment: package:0190\tunit:391633100');
    const byFile = minisign(['-Vm', 'tagmanifest-sha512.txt', '-p', 'esep.pub'], dir);
    expect(byFile.status, byFile.stderr).toBe(0);
    // -H demands a prehashed signature: Esep's are legacy ("Ed"), which signify reads too.
    const prehashedOnly = minisign(['-V', '-H', '-m', 'tagmanifest-sha512.txt', '-P', formatPublicKey(key)], dir);
    expect(prehashedOnly.status).toBe(1);
    expect(prehashedOnly.stderr).toContain('Legacy (non-prehashed) signature found');
  });

  it('minisign refuses an Esep signature over other bytes, or with another key', () => {
    const dir = tempDir();
    const key = generateKeyPair();
    fs.writeFileSync(path.join(dir, 'm.txt.minisig'), sign(Buffer.from('original'), key, { trustedComment: 't' }));
    fs.writeFileSync(path.join(dir, 'm.txt'), 'changed');
    const changed = minisign(['-Vm', 'm.txt', '-P', formatPublicKey(key)], dir);
    expect(changed.status).toBe(1);
    expect(changed.stderr).toContain('Signature verification failed');
    fs.writeFileSync(path.join(dir, 'm.txt'), 'original');
    const other = minisign(['-Vm', 'm.txt', '-P', formatPublicKey(generateKeyPair())], dir);
    expect(other.status).toBe(1);
    expect(other.stderr).toContain('key id');
  });

  it('verifies what minisign signs, prehashed (its default) and legacy (-l), with its own key id', () => {
    const dir = tempDir();
    const made = minisign(['-G', '-W', '-p', 'mini.pub', '-s', 'mini.key'], dir);
    expect(made.status, made.stderr).toBe(0);
    const pubFile = fs.readFileSync(path.join(dir, 'mini.pub'), 'utf8');
    const publicKey = parsePublicKey(pubFile);
    // The id in minisign's comment line is the 8 stored bytes read little-endian; minisign 0.11
    // (Debian's) prints it without leading zeros, later versions and Esep with 16 digits.
    const [comment, keyLine] = pubFile.split('\n');
    const printed = comment!.replace('untrusted comment: minisign public key ', '').padStart(16, '0');
    expect(printed).toBe(keyIdHex(publicKey.keyId));
    expect(formatPublicKeyFile(publicKey)).toBe(`untrusted comment: minisign public key ${printed}\n${keyLine}\n`);

    const message = Buffer.from('ақпарат\n'.repeat(1000));
    fs.writeFileSync(path.join(dir, 'f.txt'), message);
    expect(minisign(['-S', '-s', 'mini.key', '-m', 'f.txt', '-t', 'prehashed one'], dir).status).toBe(0);
    expect(minisign(['-S', '-l', '-s', 'mini.key', '-m', 'f.txt', '-x', 'f.legacy', '-t', 'legacy one'], dir).status).toBe(0);

    expect(crypto.getHashes()).toContain('blake2b512');
    const prehashed = verify(message, fs.readFileSync(path.join(dir, 'f.txt.minisig')), publicKey);
    expect(prehashed).toMatchObject({ prehashed: true, trustedComment: 'prehashed one', untrustedComment: 'signature from minisign secret key' });
    const legacy = verify(message, fs.readFileSync(path.join(dir, 'f.legacy'), 'utf8'), publicKey);
    expect(legacy).toMatchObject({ prehashed: false, trustedComment: 'legacy one' });
    expect(refusal(() => verify(Buffer.concat([message, Buffer.from('!')]), fs.readFileSync(path.join(dir, 'f.txt.minisig')), publicKey))).toBe('signature');
  });

  it('refuses a prehashed signature it cannot check for want of BLAKE2b-512, saying so', () => {
    const dir = tempDir();
    expect(minisign(['-G', '-W', '-p', 'mini.pub', '-s', 'mini.key'], dir).status).toBe(0);
    fs.writeFileSync(path.join(dir, 'f.txt'), 'x');
    expect(minisign(['-S', '-s', 'mini.key', '-m', 'f.txt'], dir).status).toBe(0);
    const publicKey = parsePublicKey(fs.readFileSync(path.join(dir, 'mini.pub'), 'utf8'));
    // Electron's BoringSSL lists no blake2b512; Node's OpenSSL does.
    const hashes = vi.spyOn(crypto, 'getHashes').mockReturnValue(['sha256', 'sha512']);
    try {
      expect(refusal(() => verify(Buffer.from('x'), fs.readFileSync(path.join(dir, 'f.txt.minisig')), publicKey))).toBe('prehash_unsupported');
    } finally {
      hashes.mockRestore();
    }
  });

  it('refuses the weak keys anyone can sign for, as minisign does', () => {
    // The small-order points (libsodium's list): with such a key OpenSSL 3.0 (Node 20's) accepts
    // the trivial signature (R = the identity, S = 0) for a share of all messages, or for all of
    // them; OpenSSL 3.5 refuses, BoringSSL (Electron) is not checked here. Esep refuses the keys
    // itself, whatever the build.
    const weak = [
      '0000000000000000000000000000000000000000000000000000000000000000',
      '0100000000000000000000000000000000000000000000000000000000000000',
      '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
      'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
      'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
      'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
      'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
      // the same with the sign bit set, and a y of p + 3 (not canonical)
      '01000000000000000000000000000000000000000000000000000000000000' + '80',
      'f0ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
    ];
    const keyId = Buffer.from('0102030405060708', 'hex');
    const trivial = Buffer.concat([Buffer.from('01'.padEnd(64, '0'), 'hex'), Buffer.alloc(32)]);
    const dir = tempDir();
    for (const hex of weak) {
      const publicKey = Buffer.from(hex, 'hex');
      const line = Buffer.concat([Buffer.from('Ed'), keyId, publicKey]).toString('base64');
      expect(refusal(() => parsePublicKey(line)), hex).toBe('weak_key');
      expect(refusal(() => verify(Buffer.from('m'), sign(Buffer.from('m'), generateKeyPair(), { trustedComment: 't' }), { keyId, publicKey })), hex).toBe('weak_key');
    }
    // The forgery for the key 0x01 00…00 (order 1), which OpenSSL 3.0 takes for every message
    // and comment: minisign refuses it, and so does Esep.
    const identity = Buffer.from(weak[1]!, 'hex');
    const forged = formatSignature({
      prehashed: false,
      keyId,
      signature: trivial,
      untrustedComment: 'forged',
      trustedComment: 'forged',
      globalSignature: trivial,
    });
    fs.writeFileSync(path.join(dir, 'm.txt'), 'forged');
    fs.writeFileSync(path.join(dir, 'm.txt.minisig'), forged);
    const line = Buffer.concat([Buffer.from('Ed'), keyId, identity]).toString('base64');
    const byTool = minisign(['-Vm', 'm.txt', '-P', line], dir);
    expect(byTool.status).toBe(1);
    expect(refusal(() => verify(Buffer.from('forged'), forged, { keyId, publicKey: identity }))).toBe('weak_key');
  });

  it('refuses a changed message, a changed trusted comment and another key, each for its reason', () => {
    const key = generateKeyPair();
    const message = Buffer.from('message');
    const file = sign(message, key, { trustedComment: 'trusted' });
    expect(verify(message, file, key).trustedComment).toBe('trusted');
    expect(refusal(() => verify(Buffer.from('messagE'), file, key))).toBe('signature');
    expect(refusal(() => verify(message, file.replace('trusted comment: trusted', 'trusted comment: trusteD'), key))).toBe('global_signature');
    expect(refusal(() => verify(message, file, generateKeyPair()))).toBe('key_mismatch');
    // Same key id, other key: the signature itself fails.
    const impostor = { ...generateKeyPair(), keyId: key.keyId };
    expect(refusal(() => verify(message, file, impostor))).toBe('signature');
  });

  it('refuses a malformed signature file, never throwing anything but a MinisignError', () => {
    const key = generateKeyPair();
    const file = sign(Buffer.from('m'), key, { trustedComment: 't' });
    const lines = file.split('\n');
    const malformed = [
      '',
      lines.slice(0, 3).join('\n'),
      `${file}extra line\n`,
      file.replace('untrusted comment: ', 'untrusted: '),
      file.replace('trusted comment: t', 'trusted: t'),
      [lines[0], lines[1]!.slice(1), lines[2], lines[3], ''].join('\n'),
      [lines[0], `${lines[1]}AA==`, lines[2], lines[3], ''].join('\n'),
      [lines[0], lines[1], lines[2], lines[3]!.replace(/=*$/, ''), ''].join('\n'),
      Buffer.from([0xff, 0xfe, 0x00]),
    ];
    for (const bad of malformed) expect(refusal(() => parseSignature(bad))).toBe('malformed');
    // Base64 with its last character's unused bits set decodes to the same bytes: refused, one spelling only.
    const structure = lines[1]!;
    const last = structure.at(-2)!;
    const sibling = String.fromCharCode(last.charCodeAt(0) + 1);
    expect(Buffer.from(`${structure.slice(0, -2)}${sibling}=`, 'base64')).toEqual(Buffer.from(structure, 'base64'));
    expect(refusal(() => parseSignature([lines[0], `${structure.slice(0, -2)}${sibling}=`, lines[2], lines[3], ''].join('\n')))).toBe('malformed');

    const structureBytes = Buffer.from(structure, 'base64');
    structureBytes.write('Ex', 0, 'latin1');
    expect(refusal(() => parseSignature([lines[0], structureBytes.toString('base64'), lines[2], lines[3], ''].join('\n')))).toBe('algorithm');
    // CRLF line ends (minisign on Windows writes in text mode) and a missing last newline are read.
    expect(verify(Buffer.from('m'), file.replace(/\n/g, '\r\n'), key).trustedComment).toBe('t');
    expect(verify(Buffer.from('m'), file.slice(0, -1), key).trustedComment).toBe('t');
  });

  it('parses and formats public keys both ways, and refuses what is not one', () => {
    const key = generateKeyPair();
    const line = formatPublicKey(key);
    expect(line).toMatch(/^RW[A-Za-z0-9+/]{54}$/);
    expect(parsePublicKey(line)).toEqual({ keyId: key.keyId, publicKey: key.publicKey });
    expect(parsePublicKey(formatPublicKeyFile(key))).toEqual({ keyId: key.keyId, publicKey: key.publicKey });
    expect(formatPublicKeyFile(key)).toBe(`untrusted comment: minisign public key ${keyIdHex(key.keyId)}\n${line}\n`);
    expect(refusal(() => parsePublicKey(line.slice(0, -1)))).toBe('malformed');
    expect(refusal(() => parsePublicKey(`${line}\n${line}\n`))).toBe('malformed');
    const signify = Buffer.from(line, 'base64');
    signify.write('EX', 0, 'latin1');
    expect(refusal(() => parsePublicKey(signify.toString('base64')))).toBe('algorithm');
  });

  it('derives the key id from the public key, and keeps a given one', () => {
    const { privateKey } = crypto.generateKeyPairSync('ed25519');
    const derived = keyPairFromPrivateKey(privateKey);
    expect(derived.keyId).toEqual(deriveKeyId(derived.publicKey));
    expect(keyPairFromPrivateKey(privateKey).keyId).toEqual(derived.keyId);
    const given = keyPairFromPrivateKey(privateKey, Buffer.from('0123456789abcdef', 'hex'));
    expect(keyIdHex(given.keyId)).toBe('EFCDAB8967452301');
    expect(() => keyPairFromPrivateKey(crypto.generateKeyPairSync('x25519').privateKey)).toThrow(TypeError);
  });

  it('formats a signature back to the very bytes it was read from', () => {
    const key = generateKeyPair();
    const file = sign(Buffer.from('m'), key, { trustedComment: 'қол қойылды', untrustedComment: 'Esep' });
    expect(formatSignature(parseSignature(file))).toBe(file);
  });

  it('signs deterministically (Ed25519), and refuses comments that would break the file', () => {
    const key = generateKeyPair();
    expect(sign(Buffer.from('x'), key, { trustedComment: 'c' })).toBe(sign(Buffer.from('x'), key, { trustedComment: 'c' }));
    expect(() => sign(Buffer.from('x'), key, { trustedComment: 'two\nlines' })).toThrow(RangeError);
    expect(() => sign(Buffer.from('x'), key, { trustedComment: 'c', untrustedComment: 'a\rb' })).toThrow(RangeError);
    expect(() => sign(Buffer.from('x'), key, { trustedComment: 'x'.repeat(8200) })).toThrow(RangeError);
  });
});
