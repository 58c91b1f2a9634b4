import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ABAY_DISTRICT } from '../helpers/temp-core';
import { importFuzzBase, runImportFuzz, type ImportFuzzWorld } from '../helpers/import-fuzz';
import { installation, OKRUGS, outDir, recordWork, type Installation } from './exchange-fixtures';

let okrug: Installation;
let district: Installation;
let world: ImportFuzzWorld;

beforeAll(async () => {
  okrug = installation(OKRUGS[0]);
  recordWork(okrug, OKRUGS[0], 3);
  const pkg = await okrug.exportTo(outDir());
  district = installation(ABAY_DISTRICT);
  expect(await district.importFile(pkg.path, [okrug.installationId])).toMatchObject({ ok: true });
  world = { base: await importFuzzBase(fs.readFileSync(pkg.path)), district: district.core, okrug: okrug.core, trust: [okrug.installationId] };
});
afterAll(() => {
  okrug?.core.close();
  district?.core.close();
});

describe('imports of mutated packages (fast-check)', () => {
  it('are refused with a package_* error or change nothing; none crashes, hangs or changes the database', { timeout: 240_000 }, async () => {
    const outcomes = await runImportFuzz(world, { numRuns: 250 });
    // The record mutations reach the records' checks past a valid signature.
    expect(outcomes.get('package_record_invalid') ?? 0).toBeGreaterThan(0);
    expect([...outcomes.keys()].every((k) => k === 'already_imported' || k.startsWith('package_'))).toBe(true);
  });
});
