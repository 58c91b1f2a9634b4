import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPackage, writePackage } from '../../electron/core/exchange/bag';
import { signingKey } from '../../electron/core/services/identity.service';
import { ABAY_DISTRICT, OUTSIDE_OKRUG, tempDir } from '../helpers/temp-core';
import { installation, OKRUGS, outDir, recordWork, type Installation } from './exchange-fixtures';

/**
 * Packages that are intact and correctly signed by a trusted okrug, but whose content is not
 * what an okrug may send (a damaged or doctored installation): each refused whole, with a
 * message, and the district's database unchanged.
 */
let okrug: Installation;
let district: Installation;
let original: Awaited<ReturnType<typeof readPackage>>;

beforeEach(async () => {
  okrug = installation(OKRUGS[0]);
  recordWork(okrug, OKRUGS[0], 2);
  const pkg = await okrug.exportTo(outDir());
  original = await readPackage(fs.readFileSync(pkg.path));
  district = installation(ABAY_DISTRICT);
});
afterEach(() => {
  okrug.core.close();
  district.core.close();
});

const lines = (kind: string) =>
  original.payload
    .get(`records/${kind}.jsonl`)!
    .toString('utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** The okrug's package with one payload file replaced, signed again with the okrug's own key. */
async function doctored(file: string, content: Buffer | string | null): Promise<string> {
  const payload = new Map<string, Uint8Array>(original.payload);
  if (content === null) payload.delete(file);
  else payload.set(file, typeof content === 'string' ? Buffer.from(content) : content);
  const bytes = await writePackage({ name: original.name, info: { ...original.info, packageId: crypto.randomUUID() }, payload, signer: signingKey(okrug.core.ctx) });
  const out = path.join(tempDir('esep-doctored-'), `${original.name}.zip`);
  fs.writeFileSync(out, bytes);
  return out;
}

const jsonl = (rows: unknown[]) => `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`;

function snapshot() {
  const db = district.core.ctx.db;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'issue_search_%' AND name <> 'audit_log'").pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all()]));
}

async function expectRefused(file: string, code: string, details: Record<string, unknown> = {}) {
  const before = snapshot();
  const result = await district.importFile(file, [okrug.installationId]);
  expect(result).toMatchObject({ ok: false, error: { code, details } });
  expect(snapshot()).toEqual(before);
  // The preview refuses it the same way.
  expect(await district.preview(file)).toMatchObject({ ok: false, error: { code } });
}

describe('a signed package with content an okrug may not send', () => {
  it('a record of a unit outside the okrug', async () => {
    const issues = lines('issues');
    issues[0]!.unit_kato = OUTSIDE_OKRUG;
    await expectRefused(await doctored('records/issues.jsonl', jsonl(issues)), 'package_record_outside', { kato: OUTSIDE_OKRUG });
  });

  it("a record that claims another origin (the district's own id)", async () => {
    const meetings = lines('meetings');
    meetings[0]!.origin = district.installationId;
    await expectRefused(await doctored('records/meetings.jsonl', jsonl(meetings)), 'package_record_foreign');
  });

  it('an unknown record kind', async () => {
    await expectRefused(await doctored('records/payments.jsonl', '{}\n'), 'package_record_kind_unknown');
  });

  it('a field the format does not have, a wrong type, an oversized text', async () => {
    for (const change of [
      (r: Record<string, unknown>) => (r.secret = 1),
      (r: Record<string, unknown>) => (r.registry_no = '1'),
      (r: Record<string, unknown>) => (r.text = 'ы'.repeat(100_001)),
      (r: Record<string, unknown>) => (r.raised_on = '2025-02-30'),
    ]) {
      const issues = lines('issues');
      change(issues[0]!);
      await expectRefused(await doctored('records/issues.jsonl', jsonl(issues)), 'package_record_invalid', { kind: 'issues', line: 1 });
    }
  });

  it('invalid UTF-8, a lone surrogate, a line that is not JSON', async () => {
    const valid = original.payload.get('records/issues.jsonl')!;
    await expectRefused(await doctored('records/issues.jsonl', Buffer.concat([valid, Buffer.from([0xc3, 0x28, 0x0a])])), 'package_record_invalid', { field: 'utf8' });
    const issues = lines('issues');
    issues[1]!.text = 'жол \ud800';
    await expectRefused(await doctored('records/issues.jsonl', jsonl(issues)), 'package_record_invalid', { line: 2 });
    await expectRefused(await doctored('records/issues.jsonl', `${jsonl(lines('issues'))}{"id":\n`), 'package_record_invalid', { field: 'json' });
  });

  it('a record naming what neither the package nor the district has', async () => {
    const issues = lines('issues');
    issues[0]!.category_id = crypto.randomUUID();
    await expectRefused(await doctored('records/issues.jsonl', jsonl(issues)), 'package_reference_missing', { kind: 'issues' });
  });

  it('minutes of a meeting the package does not carry', async () => {
    await expectRefused(await doctored('records/meetings.jsonl', ''), 'package_reference_missing');
  });
});

describe('a package signed by another key than the trusted one', () => {
  it('is refused as a possible forgery, nothing changed', async () => {
    const first = await okrug.exportTo(outDir());
    expect(await district.importFile(first.path, [okrug.installationId])).toMatchObject({ ok: true });
    // The same origin id and unit, a key the district has never seen.
    const impostor = installation(OKRUGS[0]);
    try {
      const bytes = await writePackage({
        name: original.name,
        info: { ...original.info, packageId: crypto.randomUUID(), sequence: 5, previousPackage: crypto.randomUUID() },
        payload: original.payload,
        signer: signingKey(impostor.core.ctx),
      });
      const file = path.join(tempDir('esep-forged-'), 'forged.zip');
      fs.writeFileSync(file, bytes);
      const before = snapshot();
      expect(await district.importFile(file, [okrug.installationId])).toMatchObject({ ok: false, error: { code: 'package_key_changed' } });
      expect(snapshot()).toEqual(before);
    } finally {
      impostor.core.close();
    }
  });
});

describe('a package from outside the working set', () => {
  it('an okrug of another district, or the district itself at an okrug', async () => {
    const stranger = installation(OUTSIDE_OKRUG);
    try {
      const pkg = await stranger.exportTo(outDir());
      expect(await district.importFile(pkg.path, [stranger.installationId])).toMatchObject({ ok: false, error: { code: 'package_outside_working_set' } });
      const up = await district.exportTo(outDir());
      expect(await okrug.importFile(up.path, [district.installationId])).toMatchObject({ ok: false, error: { code: 'package_outside_working_set' } });
      const own = await okrug.exportTo(outDir());
      expect(await okrug.importFile(own.path, [])).toMatchObject({ ok: false, error: { code: 'package_own' } });
    } finally {
      stranger.core.close();
    }
  });
});
