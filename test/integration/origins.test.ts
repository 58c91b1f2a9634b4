import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { createHandlers } from '../../electron/core/api/handlers';
import { dispatch } from '../../electron/core/api/dispatch';
import {
  getImportedPackage,
  getOrigin,
  insertOrigin,
  listImportedPackages,
  listOrigins,
  recordImportedPackage,
  updateOrigin,
  type ImportedPackage,
} from '../../electron/core/db/repos/origins.repo';
import type { OriginSummary } from '../../shared/contract/exchange.contract';
import type { Envelope } from '../../shared/contract/envelope';
import { ABAY_DISTRICT, KARAAUYL_OKRUG, openTempCore } from '../helpers/temp-core';
import { trustOrigin } from './origin-fixtures';

let core: Core;
beforeEach(() => {
  core = openTempCore();
});
afterEach(() => core.close());

const origins = () => (dispatch(createHandlers(core, 't'), 'exchange:origins', {}, () => {}) as Envelope<OriginSummary[]>);

function pkg(origin: string, id: string, sequence: number, forwardedIn: string | null = null): ImportedPackage {
  return { id, origin, sequence, tagManifestSha512: 'c0'.repeat(64), createdAt: 1000 + sequence, importedAt: 5000 + sequence, fileName: `${id}.zip`, forwardedIn, counts: { meetings: { new: 2, updated: 0 } } };
}

describe('origins', () => {
  it('are listed for the renderer with their unit, fingerprint and the date of their latest package', () => {
    expect(origins()).toEqual({ ok: true, value: [] });
    const okrug = trustOrigin(core, { unitKato: KARAAUYL_OKRUG, at: 2_000_000, packageCreatedAt: 1_500_000 });
    expect(origins()).toEqual({
      ok: true,
      value: [
        {
          installationId: okrug.id,
          unitKato: KARAAUYL_OKRUG,
          unit: expect.objectContaining({ kato: KARAAUYL_OKRUG, nameKk: 'Қараауыл а.о.' }),
          keyId: okrug.keyId,
          fingerprint: okrug.keyId.match(/.{4}/g)!.join(' '),
          trustedAt: 2_000_000,
          trustedBy: 'Хатшы',
          lastSequence: 1,
          lastPackageId: okrug.lastPackageId,
          lastPackageAt: 1_500_000,
          firstImportedAt: 2_000_000,
          lastImportedAt: 2_000_000,
        },
      ],
    });
  });

  it('are read and updated whole, keeping the key exactly', () => {
    const okrug = trustOrigin(core, { unitKato: KARAAUYL_OKRUG });
    expect(getOrigin(core.ctx.db, okrug.id)).toEqual(okrug);
    const later = { ...okrug, lastSequence: 2, lastPackageId: 'pkg-2', lastPackageCreatedAt: 9_000, lastImportedAt: 10_000 };
    updateOrigin(core.ctx.db, later);
    expect(listOrigins(core.ctx.db)).toEqual([later]);
    expect(() => updateOrigin(core.ctx.db, { ...later, id: 'nobody' })).toThrow(/No origin/);
    expect(getOrigin(core.ctx.db, 'nobody')).toBeNull();
  });

  it('never include this installation itself, the seed, or one trusted twice', () => {
    const okrug = trustOrigin(core, { unitKato: KARAAUYL_OKRUG });
    expect(() => insertOrigin(core.ctx.db, { ...okrug, id: core.ctx.installationId })).toThrow(/is this installation/);
    expect(() => insertOrigin(core.ctx.db, { ...okrug, id: 'seed' })).toThrow(/CHECK/);
    expect(() => insertOrigin(core.ctx.db, okrug)).toThrow(/UNIQUE/);
    expect(() => insertOrigin(core.ctx.db, { ...okrug, id: 'x', unitKato: '999999999' })).toThrow(/FOREIGN KEY/);
    expect(listOrigins(core.ctx.db)).toHaveLength(1);
  });
});

describe('imported packages', () => {
  it('are recorded once each, by origin and sequence, with the package they were forwarded inside', () => {
    const district = trustOrigin(core, { unitKato: ABAY_DISTRICT });
    const okrug = trustOrigin(core, { unitKato: KARAAUYL_OKRUG });
    const db = core.ctx.db;
    recordImportedPackage(db, pkg(district.id, 'd-1', 1));
    recordImportedPackage(db, pkg(okrug.id, 'o-2', 2, 'd-1'));
    recordImportedPackage(db, pkg(okrug.id, 'o-1', 1, 'd-1'));
    expect(getImportedPackage(db, 'o-2')).toEqual(pkg(okrug.id, 'o-2', 2, 'd-1'));
    expect(listImportedPackages(db, okrug.id).map((p) => p.id)).toEqual(['o-1', 'o-2']);
    expect(() => recordImportedPackage(db, pkg(okrug.id, 'o-1', 1))).toThrow(/UNIQUE/);
    expect(() => recordImportedPackage(db, pkg('stranger', 's-1', 1))).toThrow(/FOREIGN KEY/);
    expect(() => recordImportedPackage(db, pkg(okrug.id, 'o-3', 3, 'never-seen'))).toThrow(/FOREIGN KEY/);
    expect(getImportedPackage(db, 'o-3')).toBeNull();
  });
});
