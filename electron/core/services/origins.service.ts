import type { CoreContext } from '../context';
import type { OriginSummary } from '../../../shared/contract/exchange.contract';
import { formatFingerprint } from '../../../shared/domain/exchange/ownership';
import { listOrigins as loadOrigins } from '../db/repos/origins.repo';
import { getUnit } from '../db/repos/units.repo';

/** The sources of received records, for the renderer's "received from …" marks. */
export function listOrigins(ctx: CoreContext): OriginSummary[] {
  return loadOrigins(ctx.db).map((o) => ({
    installationId: o.id,
    unitKato: o.unitKato,
    unit: getUnit(ctx.db, o.unitKato),
    keyId: o.keyId,
    fingerprint: formatFingerprint(o.keyId),
    trustedAt: o.trustedAt,
    trustedBy: o.trustedBy,
    lastSequence: o.lastSequence,
    lastPackageId: o.lastPackageId,
    lastPackageAt: o.lastPackageCreatedAt,
    firstImportedAt: o.firstImportedAt,
    lastImportedAt: o.lastImportedAt,
  }));
}
