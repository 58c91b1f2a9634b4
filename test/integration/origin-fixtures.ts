import { randomUUID } from 'node:crypto';
import type { Core } from '../../electron/core/core';
import { generateKey } from '../../electron/core/identity/identity-key';
import { insertOrigin, type OriginRecord } from '../../electron/core/db/repos/origins.repo';

/**
 * Another installation this one has received from, recorded as the importer will record it:
 * its own key pair, trusted by the secretary, its first package applied `at`.
 */
export function trustOrigin(core: Core, o: { unitKato: string; id?: string; at?: number; packageCreatedAt?: number }): OriginRecord {
  const key = generateKey();
  const at = o.at ?? core.ctx.clock.now().getTime();
  const origin: OriginRecord = {
    id: o.id ?? randomUUID(),
    unitKato: o.unitKato,
    publicKey: key.publicKey,
    keyId: key.keyId,
    trustedAt: at,
    trustedBy: 'Хатшы',
    lastSequence: 1,
    lastPackageId: randomUUID(),
    lastPackageCreatedAt: o.packageCreatedAt ?? at - 86_400_000,
    firstImportedAt: at,
    lastImportedAt: at,
  };
  insertOrigin(core.ctx.db, origin);
  return origin;
}
