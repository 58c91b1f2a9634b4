import type { CoreContext } from '../context';
import type { InstallationIdentity } from '../../../shared/contract/exchange.contract';
import { formatFingerprint } from '../../../shared/domain/exchange/ownership';
import { appendAudit } from '../db/repos/audit.repo';
import { getInstallation, setInstallationKey } from '../db/repos/installation.repo';
import { getSetting } from '../db/repos/settings.repo';
import { getUnit } from '../db/repos/units.repo';
import { generateKey, readPrivateKey, writePrivateKey } from '../identity/identity-key';
import { formatPublicKeyFile, keyIdFromHex, keyPairFromPrivateKey, type MinisignKeyPair } from '../exchange/minisign';

/**
 * Makes the installation's key pair once it is set up: at setup, or at the first open of an
 * installation set up before keys existed. A no-op when it has one, before setup, and without a
 * data folder. The file goes first: a crash before the row is written leaves a key nobody has
 * seen, replaced next time; the row never names a key that is not on disk.
 */
export function ensureIdentityKey(ctx: CoreContext): void {
  if (ctx.identityDir === null || getSetting(ctx.db, 'working_root') === null) return;
  if (getInstallation(ctx.db).keyId !== null) return;
  const key = generateKey();
  writePrivateKey(ctx.identityDir, key.privateKey);
  ctx.db.transaction(() => {
    setInstallationKey(ctx.db, key);
    appendAudit(ctx, { action: 'insert', entity: 'installation_key', entityId: key.keyId, after: { keyId: key.keyId, publicKey: key.publicKey.toString('base64') } });
  })();
}

/**
 * ensureIdentityKey where a failure (a full or read-only disk) must not undo what succeeded:
 * setup and opening the app. The key is tried again at the next start and before anything is
 * signed (signingKey), where the cause is shown.
 */
export function tryEnsureIdentityKey(ctx: CoreContext): void {
  try {
    ensureIdentityKey(ctx);
  } catch {
    // See above.
  }
}

export function getIdentity(ctx: CoreContext): InstallationIdentity {
  const installation = getInstallation(ctx.db);
  const root = getSetting(ctx.db, 'working_root');
  const { keyId, publicKey } = installation;
  return {
    installationId: installation.id,
    root: root === null ? null : getUnit(ctx.db, root),
    key: keyId === null || publicKey === null ? null : { keyId, fingerprint: formatFingerprint(keyId), publicKey: formatPublicKeyFile({ keyId: keyIdFromHex(keyId), publicKey }) },
  };
}

/**
 * What a package is signed with: the private key, checked against the installation row, with
 * minisign's key id. Refused with identity_key_unavailable when there is no usable key.
 */
export function signingKey(ctx: CoreContext): MinisignKeyPair {
  // A key that could not be made at the last start (a full disk) is made now, or the cause shows.
  ensureIdentityKey(ctx);
  const { keyId, publicKey } = getInstallation(ctx.db);
  const privateKey = readPrivateKey(ctx.identityDir, keyId === null ? null : publicKey);
  return keyPairFromPrivateKey(privateKey, keyIdFromHex(keyId!));
}
