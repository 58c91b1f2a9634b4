import { createHash, createPrivateKey, sign } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { openCore } from '../../electron/core/core';
import { fixedClock } from '../../electron/core/clock';
import { corePaths, SOURCE_RESOURCES_DIR } from '../../electron/core/paths';
import { createHandlers } from '../../electron/core/api/handlers';
import { dispatch } from '../../electron/core/api/dispatch';
import { listAudit } from '../../electron/core/db/repos/audit.repo';
import { getInstallation, nextOwnPackage, recordOwnPackage } from '../../electron/core/db/repos/installation.repo';
import { PRIVATE_KEY_FILE } from '../../electron/core/identity/identity-key';
import { formatPublicKeyFile, keyIdFromHex, keyIdHex } from '../../electron/core/exchange/minisign';
import { signingKey } from '../../electron/core/services/identity.service';
import type { InstallationIdentity } from '../../shared/contract/exchange.contract';
import type { Envelope } from '../../shared/contract/envelope';
import { EsepError } from '../../shared/errors';
import { ABAY_DISTRICT, openTempCore, tempDir } from '../helpers/temp-core';

const opened: Core[] = [];
afterEach(() => {
  for (const core of opened.splice(0)) core.close();
});

function open(dataDir?: string): Core {
  const core = openTempCore(dataDir === undefined ? {} : { dataDir });
  opened.push(core);
  return core;
}

function call<T>(core: Core, channel: string, input: unknown): T {
  const result = dispatch(createHandlers(core, 't'), channel as 'app:info', input, () => {}) as Envelope<T>;
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value;
}

const identity = (core: Core) => call<InstallationIdentity>(core, 'identity:get', {});
const keyFile = (core: Core) => path.join(core.paths.dataDir, 'identity', PRIVATE_KEY_FILE);

/** A file signed the way minisign 0.11 signs by default (ED: Ed25519 over the BLAKE2b-512 of the file). */
function minisignSignature(core: Core, message: Buffer): string {
  const { privateKey, keyId } = signingKey(core.ctx);
  const signature = sign(null, createHash('blake2b512').update(message).digest(), privateKey);
  const trusted = 'trusted comment: Esep test';
  const global = sign(null, Buffer.concat([signature, Buffer.from(trusted.slice('trusted comment: '.length))]), privateKey);
  const line = Buffer.concat([Buffer.from('ED'), keyId, signature]).toString('base64');
  return `untrusted comment: signature from Esep\n${line}\n${trusted}\n${global.toString('base64')}\n`;
}

describe('the installation’s signing key', () => {
  it('is made at setup: the private key in the data folder for the user alone, the public one in the row', () => {
    const core = open();
    expect(identity(core)).toEqual({ installationId: core.ctx.installationId, root: null, key: null });
    expect(fs.existsSync(keyFile(core))).toBe(false);

    call(core, 'setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
    const id = identity(core);
    expect(id.root).toMatchObject({ kato: ABAY_DISTRICT, nameKk: 'Абай ауданы' });
    const key = id.key!;
    expect(key.keyId).toMatch(/^[0-9A-F]{16}$/);
    expect(key.fingerprint).toBe(key.keyId.match(/.{4}/g)!.join(' '));
    const [comment, body] = key.publicKey.split('\n');
    expect(comment).toBe(`untrusted comment: minisign public key ${key.keyId}`);
    const bytes = Buffer.from(body!, 'base64');
    expect([bytes.length, bytes.subarray(0, 2).toString('latin1'), keyIdHex(bytes.subarray(2, 10))]).toEqual([42, 'Ed', key.keyId]);
    expect(key.publicKey.endsWith('\n')).toBe(true);

    const pem = fs.readFileSync(keyFile(core), 'utf8');
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(createPrivateKey(pem).asymmetricKeyType).toBe('ed25519');
    expect(fs.statSync(keyFile(core)).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(keyFile(core))).mode & 0o777).toBe(0o700);
    expect(fs.readdirSync(path.dirname(keyFile(core)))).toEqual([PRIVATE_KEY_FILE]);

    // Never in the database: neither the PEM nor the raw key bytes are in its files.
    core.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    const der = createPrivateKey(pem).export({ type: 'pkcs8', format: 'der' });
    const seed = der.subarray(der.length - 32);
    const stored = fs.readFileSync(core.paths.dbFile);
    expect(stored.includes(seed)).toBe(false);
    expect(stored.includes(Buffer.from('PRIVATE KEY'))).toBe(false);
    expect(listAudit(core.ctx, 'installation_key')).toMatchObject([{ action: 'insert', entityId: key.keyId, after: { keyId: key.keyId } }]);
  });

  it('stays the same key through setup again and reopening', () => {
    const dir = tempDir();
    const first = open(dir);
    call(first, 'setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
    const key = identity(first).key;
    const pem = fs.readFileSync(keyFile(first));
    call(first, 'setup:complete', { rootKato: ABAY_DISTRICT, language: 'ru' });
    first.close();
    const again = open(dir);
    expect(identity(again).key).toEqual(key);
    expect(fs.readFileSync(keyFile(again))).toEqual(pem);
  });

  it('is made at the first open of an installation set up before keys existed', () => {
    const dir = tempDir();
    const old = open(dir);
    call(old, 'setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
    // As schema 60 left it: no key in the row, no identity folder.
    old.ctx.db.prepare('UPDATE installation SET public_key = NULL, key_id = NULL').run();
    fs.rmSync(path.join(dir, 'identity'), { recursive: true });
    old.close();

    const opened = open(dir);
    expect(identity(opened).key?.keyId).toMatch(/^[0-9A-F]{16}$/);
    expect(fs.existsSync(keyFile(opened))).toBe(true);
  });

  it('verifies with the minisign tool itself, given the public key Esep shows', () => {
    const core = open();
    call(core, 'setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
    const dir = tempDir();
    const file = path.join(dir, 'tagmanifest-sha512.txt');
    fs.writeFileSync(file, 'abc  bagit.txt\n');
    fs.writeFileSync(`${file}.minisig`, minisignSignature(core, fs.readFileSync(file)));
    const publicKey = identity(core).key!.publicKey.split('\n')[1]!;
    expect(execFileSync('minisign', ['-Vm', file, '-P', publicKey], { encoding: 'utf8' })).toMatch(/Signature and comment signature verified/);
    fs.writeFileSync(path.join(dir, 'esep.pub'), identity(core).key!.publicKey);
    expect(execFileSync('minisign', ['-Vm', file, '-p', path.join(dir, 'esep.pub')], { encoding: 'utf8' })).toMatch(/verified/);
  });

  it('reads key ids in the byte order minisign writes them', () => {
    const dir = tempDir();
    execFileSync('minisign', ['-G', '-W', '-p', path.join(dir, 'k.pub'), '-s', path.join(dir, 'k.key')], { stdio: 'pipe' });
    const [comment, body] = fs.readFileSync(path.join(dir, 'k.pub'), 'utf8').split('\n');
    const bytes = Buffer.from(body!, 'base64');
    // minisign 0.11 prints the number without leading zeros, later versions with 16 digits.
    const printed = comment!.replace('untrusted comment: minisign public key ', '').padStart(16, '0');
    expect(keyIdHex(bytes.subarray(2, 10))).toBe(printed);
    expect(keyIdFromHex(printed)).toEqual(bytes.subarray(2, 10));
    expect(formatPublicKeyFile({ keyId: keyIdFromHex(printed), publicKey: bytes.subarray(10) }).split('\n')[1]).toBe(body);
    // A published key, and one whose id starts with zeros.
    const published = Buffer.from('RWRSRZkIMZfB0xnM46YX9cnlf+USFIJRKtX4Ff8rGdPLbEXy6LxxF0zQ', 'base64');
    expect(keyIdHex(published.subarray(2, 10))).toBe('D3C1973108994552');
    const [zeros, zerosBody] = formatPublicKeyFile({ keyId: keyIdFromHex('00000000000000A1'), publicKey: published.subarray(10) }).split('\n');
    expect(zeros).toBe('untrusted comment: minisign public key 00000000000000A1');
    expect(Buffer.from(zerosBody!, 'base64').subarray(0, 10)).toEqual(Buffer.from([0x45, 0x64, 0xa1, 0, 0, 0, 0, 0, 0, 0]));
  });

  it('refuses to sign with a key file that is missing or not the installation’s', () => {
    const core = open();
    call(core, 'setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
    const file = keyFile(core);
    const other = open();
    call(other, 'setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
    fs.copyFileSync(keyFile(other), file);
    expect(() => signingKey(core.ctx)).toThrow(expect.objectContaining({ code: 'identity_key_unavailable', details: { file } }));
    fs.writeFileSync(file, 'not a key');
    expect(() => signingKey(core.ctx)).toThrow(EsepError);
    fs.rmSync(file);
    expect(() => signingKey(core.ctx)).toThrow(expect.objectContaining({ code: 'identity_key_unavailable' }));
  });

  it('is absent, and needs no folder, in a core without a data folder', () => {
    const cwd = tempDir();
    const core = openCore({ paths: { ...corePaths(cwd, SOURCE_RESOURCES_DIR), dataDir: '', dbFile: ':memory:' }, clock: fixedClock('2025-06-15') });
    opened.push(core);
    expect(core.ctx.identityDir).toBeNull();
    call(core, 'setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
    expect(identity(core)).toMatchObject({ root: { kato: ABAY_DISTRICT }, key: null });
    expect(fs.readdirSync(cwd)).toEqual([]);
    expect(() => signingKey(core.ctx)).toThrow(expect.objectContaining({ code: 'identity_key_unavailable' }));
  });
});

describe('the outgoing package counter', () => {
  it('numbers packages 1, 2, 3… naming the one before, and never gives a number twice', () => {
    const core = open();
    const db = core.ctx.db;
    expect(nextOwnPackage(db)).toEqual({ sequence: 1, previousPackageId: null });
    recordOwnPackage(db, { sequence: 1, packageId: 'pkg-a' });
    expect(nextOwnPackage(db)).toEqual({ sequence: 2, previousPackageId: 'pkg-a' });
    expect(() => recordOwnPackage(db, { sequence: 1, packageId: 'pkg-b' })).toThrow(/not the next/);
    expect(() => recordOwnPackage(db, { sequence: 3, packageId: 'pkg-b' })).toThrow(/not the next/);
    recordOwnPackage(db, { sequence: 2, packageId: 'pkg-b' });
    expect(getInstallation(db)).toMatchObject({ packageSequence: 2, lastPackageId: 'pkg-b' });
  });
});
