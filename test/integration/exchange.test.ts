import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBag } from '../helpers/bagit-check';
import { samplePdf } from '../helpers/sample-files';
import { readPackage, writePackage } from '../../electron/core/exchange/bag';
import { PACKAGE_EXTENSION } from '../../shared/domain/exchange/package-file';
import { signingKey } from '../../electron/core/services/identity.service';
import { tempDir } from '../helpers/temp-core';
import { ABAY_DISTRICT } from '../helpers/temp-core';
import { installation, OKRUGS, outDir, recordWork, type Installation } from './exchange-fixtures';

const open: Installation[] = [];
const make = (unit: string, today?: string) => {
  const inst = installation(unit, today);
  open.push(inst);
  return inst;
};
afterEach(() => {
  for (const inst of open.splice(0)) inst.core.close();
});

const tables = (inst: Installation) => {
  const all = (sql: string) => inst.core.ctx.db.prepare(sql).all();
  return {
    meetings: all('SELECT * FROM meetings ORDER BY id'),
    officials: all('SELECT * FROM meeting_officials ORDER BY id'),
    issues: all('SELECT * FROM issues ORDER BY id'),
    authors: all('SELECT * FROM issue_authors ORDER BY issue_id'),
    history: all('SELECT * FROM issue_history ORDER BY id'),
    search: all('SELECT rowid FROM issue_search ORDER BY rowid'),
    origins: all('SELECT * FROM origins ORDER BY id'),
    packages: all('SELECT * FROM imported_packages ORDER BY id'),
  };
};

describe('an exported package, checked as an outsider would', () => {
  it('passes the independent BagIt check, and minisign verifies it with the key the okrug shows in Settings', async () => {
    const okrug = make(OKRUGS[0]);
    recordWork(okrug, OKRUGS[0], 2);
    const pkg = await okrug.exportTo(outDir());
    expect(await checkBag(fs.readFileSync(pkg.path))).toMatchObject({ errors: [] });

    const dir = tempDir('esep-outsider-');
    expect(spawnSync('unzip', ['-q', pkg.path, '-d', dir]).status).toBe(0);
    expect(pkg.fileName).toMatch(/^esep-103230000-.+\.esep$/);
    const bag = path.join(dir, path.basename(pkg.path, PACKAGE_EXTENSION));
    const shown = okrug.value('identity:get', {}).key.publicKey as string;
    const keyFile = path.join(dir, 'okrug.pub');
    fs.writeFileSync(keyFile, shown);
    const verified = spawnSync('minisign', ['-Vm', 'tagmanifest-sha512.txt', '-p', keyFile], { cwd: bag, encoding: 'utf8' });
    expect(verified.status, verified.stderr).toBe(0);
    expect(spawnSync('sha512sum', ['--strict', '-c', 'manifest-sha512.txt'], { cwd: bag }).status).toBe(0);
    // Its records and its report are there to read without Esep.
    expect(fs.readdirSync(path.join(bag, 'data', 'report')).sort()).toEqual([expect.stringMatching(/\.docx$/), expect.stringMatching(/\.pdf$/)]);
    expect(fs.readFileSync(path.join(bag, 'data', 'records', 'issues.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
  });
});

describe('a package from an okrug, imported at its district', () => {
  it('previews as new records from a new origin, applies once the fingerprint is confirmed, and again changes nothing', async () => {
    const okrug = make(OKRUGS[0]);
    const { meetingId, issueIds } = recordWork(okrug, OKRUGS[0], 3);
    const pkg = await okrug.exportTo(outDir());
    expect(pkg).toMatchObject({ sequence: 1, records: { meetings: 2, issues: 3 }, forwarded: 0 });
    expect(fs.statSync(pkg.path).size).toBe(pkg.bytes);

    const district = make(ABAY_DISTRICT);
    const before = tables(district);
    const preview = await district.preview(pkg.path);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.value.packages).toHaveLength(1);
    const [p] = preview.value.packages;
    expect(p).toMatchObject({ disposition: 'apply', sequence: 1, lastSequence: 0, gap: 0, origin: { installationId: okrug.installationId, unitKato: OKRUGS[0], trust: 'new' } });
    expect(p!.origin.fingerprint).toBe(okrug.value('identity:get', {}).key.fingerprint);
    expect(p!.counts.meetings).toEqual({ new: 2, changed: 0, unchanged: 0, refused: 0 });
    expect(p!.counts.issues).toEqual({ new: 3, changed: 0, unchanged: 0, refused: 0 });
    expect(tables(district)).toEqual(before);

    // Not confirmed: refused whole.
    expect(await district.importFile(pkg.path)).toMatchObject({ ok: false, error: { code: 'package_origin_untrusted' } });
    expect(tables(district)).toEqual(before);

    // The job worker's progress: each record counted once, up to all of them.
    const progress: Array<[number, number | null]> = [];
    district.core.ctx.progress = (done, total) => progress.push([done, total]);
    const applied = await district.importFile(pkg.path, [okrug.installationId]);
    delete district.core.ctx.progress;
    expect(applied).toMatchObject({ ok: true });
    const sent = Object.values((applied as { value: { packages: Array<{ counts: Record<string, { new: number; changed: number; unchanged: number; refused: number }> }> } }).value.packages[0]!.counts)
      .reduce((n, c) => n + c.new + c.changed + c.unchanged + c.refused, 0);
    expect(progress.at(-1)).toEqual([sent, sent]);
    expect(progress.map(([done]) => done)).toEqual(Array.from({ length: sent }, (_, i) => i + 1));
    const meeting = district.value('meetings:get', { id: meetingId });
    expect(meeting).toMatchObject({ id: meetingId, origin: okrug.installationId, status: 'held' });
    const issue = district.value('issues:get', { id: issueIds[0] });
    expect(issue).toMatchObject({ origin: okrug.installationId, unitKato: OKRUGS[0] });
    expect(district.value('issues:list', { filter: { search: 'мәселе' }, sort: { key: 'registryNo', dir: 'asc' }, offset: 0, limit: 50 }).total).toBe(3);

    const once = tables(district);
    const again = await district.importFile(pkg.path, []);
    expect(again).toMatchObject({ ok: true, value: { packages: [{ disposition: 'already_imported' }] } });
    expect(tables(district)).toEqual(once);
  });

  it('a later package replaces what changed and keeps what did not; the older one is then a replay', async () => {
    const okrug = make(OKRUGS[0]);
    const { issueIds } = recordWork(okrug, OKRUGS[0], 2);
    const first = await okrug.exportTo(outDir());
    const district = make(ABAY_DISTRICT);
    expect(await district.importFile(first.path, [okrug.installationId])).toMatchObject({ ok: true });

    const issue = okrug.value('issues:get', { id: issueIds[0] });
    okrug.value('issues:update', { id: issue.id, revision: issue.revision, fields: { text: 'Көше жарығы әлі жоқ' } });
    const second = await okrug.exportTo(outDir());
    expect(second.sequence).toBe(2);
    const result = await district.importFile(second.path, []);
    expect(result).toMatchObject({ ok: true, value: { packages: [{ disposition: 'apply', origin: { trust: 'trusted' }, counts: { issues: { new: 0, changed: 1, unchanged: 1, refused: 0 } } }] } });
    expect(district.value('issues:get', { id: issue.id })).toMatchObject({ text: 'Көше жарығы әлі жоқ', revision: issue.revision + 1 });

    // Re-importing the first changes nothing; it was applied.
    const snapshot = tables(district);
    expect(await district.importFile(first.path, [])).toMatchObject({ ok: true, value: { packages: [{ disposition: 'already_imported' }] } });
    expect(tables(district)).toEqual(snapshot);
  });

  it('an older package that comes after a later one is a replay, refused, nothing changed', async () => {
    const okrug = make(OKRUGS[0]);
    recordWork(okrug, OKRUGS[0], 1);
    const first = await okrug.exportTo(outDir());
    const second = await okrug.exportTo(outDir());
    const district = make(ABAY_DISTRICT);
    expect(await district.importFile(second.path, [okrug.installationId])).toMatchObject({ ok: true, value: { packages: [{ sequence: 2, gap: 1 }] } });
    const snapshot = tables(district);
    expect(await district.importFile(first.path, [])).toMatchObject({ ok: false, error: { code: 'package_replay', details: { sequence: 1, lastSequence: 2 } } });
    expect(tables(district)).toEqual(snapshot);
  });

  it('a lower revision never replaces a higher one: an okrug restored from an old backup sends its old records', async () => {
    const okrug = make(OKRUGS[0]);
    const { issueIds } = recordWork(okrug, OKRUGS[0], 2);
    const old = await okrug.exportTo(outDir());
    const issue = okrug.value('issues:get', { id: issueIds[0] });
    okrug.value('issues:update', { id: issue.id, revision: issue.revision, fields: { text: 'Жаңа мәтін' } });
    const later = await okrug.exportTo(outDir());
    const district = make(ABAY_DISTRICT);
    expect(await district.importFile(later.path, [okrug.installationId])).toMatchObject({ ok: true });

    // The old content, numbered after the later package, as the restored installation would send it.
    const content = await readPackage(fs.readFileSync(old.path));
    const bytes = await writePackage({ name: content.name, payload: content.payload, signer: signingKey(okrug.core.ctx), info: { ...content.info, packageId: crypto.randomUUID(), sequence: 3, previousPackage: later.packageId } });
    const file = path.join(outDir(), 'restored.zip');
    fs.writeFileSync(file, bytes);
    const result = await district.importFile(file, []);
    expect(result).toMatchObject({ ok: true, value: { packages: [{ counts: { issues: { new: 0, changed: 0, unchanged: 1, refused: 1 } }, refusals: [{ kind: 'issues', id: issue.id, reason: 'older_revision' }] }] } });
    expect(district.value('issues:get', { id: issue.id })).toMatchObject({ text: 'Жаңа мәтін', revision: issue.revision + 1 });
  });

  it('received records are read-only at the district', async () => {
    const okrug = make(OKRUGS[0]);
    const { issueIds } = recordWork(okrug, OKRUGS[0], 1);
    const pkg = await okrug.exportTo(outDir());
    const district = make(ABAY_DISTRICT);
    await district.importFile(pkg.path, [okrug.installationId]);
    const issue = district.value('issues:get', { id: issueIds[0] });
    expect(district.call('issues:update', { id: issue.id, revision: issue.revision, fields: { text: 'Басқа' } })).toMatchObject({ ok: false, error: { code: 'record_foreign' } });
  });
});

describe('the package file’s name', () => {
  it('is <name>.esep; a package named .zip (written before the extension) imports the same', async () => {
    const okrug = make(OKRUGS[0]);
    recordWork(okrug, OKRUGS[0], 1);
    const pkg = await okrug.exportTo(outDir());
    expect(path.extname(pkg.path)).toBe('.esep');
    const zip = path.join(outDir(), `${path.basename(pkg.path, PACKAGE_EXTENSION)}.zip`);
    fs.copyFileSync(pkg.path, zip);
    const district = make(ABAY_DISTRICT);
    expect(await district.importFile(zip, [okrug.installationId])).toMatchObject({ ok: true, value: { fileName: path.basename(zip), packages: [{ disposition: 'apply' }] } });
  });
});

describe('the folder dialog', () => {
  it('is the desktop’s: the browser host and the CLI answer desktop_only and say so in app:info', async () => {
    const okrug = make(OKRUGS[0]);
    expect(okrug.value('app:info', {})).toMatchObject({ canChooseFolder: false });
    expect(await okrug.request('exchange:chooseFolder', {})).toMatchObject({ ok: false, error: { code: 'desktop_only' } });
  });
});

describe('files of the meetings', () => {
  const pdf = samplePdf;

  it('travel when asked, byte for byte, and open at the district; without the option only the records go', async () => {
    const okrug = make(OKRUGS[0]);
    const { meetingId } = recordWork(okrug, OKRUGS[0], 1);
    const scan = pdf();
    const attached = okrug.value('attachments:add', { meetingId, fileName: 'хаттама.pdf', kind: 'minutes_scan', dataBase64: scan.toString('base64') });

    const without = await okrug.exportTo(outDir());
    expect(without.records.attachments).toBe(0);
    const withFiles = await okrug.exportTo(outDir(), undefined, true);
    expect(withFiles.records.attachments).toBe(1);

    const district = make(ABAY_DISTRICT);
    expect(await district.importFile(withFiles.path, [okrug.installationId])).toMatchObject({ ok: true, value: { packages: [{ counts: { attachments: { new: 1 } } }] } });
    expect(district.value('attachments:list', { meetingId })).toMatchObject([{ id: attached.id, fileName: 'хаттама.pdf', origin: okrug.installationId }]);
    expect(Buffer.from(district.value('attachments:read', { id: attached.id }).dataBase64, 'base64').equals(scan)).toBe(true);
    // Received, so not the district's to remove.
    expect(district.call('attachments:remove', { id: attached.id })).toMatchObject({ ok: false, error: { code: 'record_foreign' } });
  });

  it('a file gone from the data folder is left out with its row, so the package still imports', async () => {
    const okrug = make(OKRUGS[0]);
    const { meetingId } = recordWork(okrug, OKRUGS[0], 1);
    const kept = okrug.value('attachments:add', { meetingId, fileName: 'a.pdf', kind: 'other', dataBase64: pdf().toString('base64') });
    const lost = okrug.value('attachments:add', { meetingId, fileName: 'b.pdf', kind: 'other', dataBase64: pdf('b').toString('base64') });
    const store = path.join(okrug.dataDir, 'attachments');
    const file = fs.readdirSync(store, { recursive: true, withFileTypes: true }).find((e) => e.isFile() && e.name.includes(lost.sha256));
    fs.rmSync(path.join(file!.parentPath, file!.name));
    const pkg = await okrug.exportTo(outDir(), undefined, true);
    expect(pkg.records.attachments).toBe(1);
    const district = make(ABAY_DISTRICT);
    expect(await district.importFile(pkg.path, [okrug.installationId])).toMatchObject({ ok: true });
    expect(district.value('attachments:list', { meetingId }).map((a: { id: string }) => a.id)).toEqual([kept.id]);
  });
});

describe('the round trip: three okrugs → their district → the oblast', () => {
  const PERIOD = { start: '2025-01-01', end: '2025-12-31' };
  const report = (inst: Installation, unitKato: string) => inst.value('reports:get', { unitKato, period: PERIOD });
  const figures = (r: { meetings: unknown; issues: unknown; attendance: unknown; officials: unknown }) => ({ meetings: r.meetings, issues: r.issues, attendance: r.attendance, officials: r.officials });
  const rowOf = (r: { units: Array<{ kato: string }> }, kato: string) => {
    const row = r.units.find((u) => u.kato === kato) as unknown as Parameters<typeof figures>[0];
    return figures(row);
  };

  it('reports the same figures at every level, and the oblast has verified each okrug through the forwarded bags', async () => {
    const okrugs = OKRUGS.map((kato) => make(kato));
    okrugs.forEach((inst, i) => {
      const { issueIds } = recordWork(inst, OKRUGS[i]!, i + 1);
      const issue = inst.value('issues:get', { id: issueIds[0] });
      inst.value('issues:setStatus', { items: [{ id: issue.id, revision: issue.revision }], change: { statusId: 'done', onDate: '2025-07-14', comment: 'Орындалды', documentRef: '', outcome: 'satisfied' } });
    });
    const packages = await Promise.all(okrugs.map((inst) => inst.exportTo(outDir())));

    const district = make(ABAY_DISTRICT);
    recordWork(district, ABAY_DISTRICT, 2, '2025-07-10', false);
    for (const [i, pkg] of packages.entries()) {
      expect(await district.importFile(pkg.path, [okrugs[i]!.installationId])).toMatchObject({ ok: true });
    }
    const districtReport = report(district, ABAY_DISTRICT);
    for (const [i, inst] of okrugs.entries()) expect(rowOf(districtReport, OKRUGS[i]!)).toEqual(rowOf(report(inst, OKRUGS[i]!), OKRUGS[i]!));
    const ownIssues = 2;
    expect((districtReport.issues as { total: number }).total).toBe(1 + 2 + 3 + ownIssues);

    const up = await district.exportTo(outDir());
    expect(up.forwarded).toBe(3);

    const oblast = make('100000000');
    const preview = await oblast.preview(up.path);
    expect(preview).toMatchObject({ ok: true });
    if (!preview.ok) return;
    if (!preview.ok) return;
    const [outer, ...carried] = preview.value.packages;
    expect(outer).toMatchObject({ forwardedIn: null, origin: { unitKato: ABAY_DISTRICT, trust: 'new' } });
    expect(carried.map((p) => [p.origin.unitKato, p.origin.trust, p.forwardedIn]).sort()).toEqual(OKRUGS.map((kato) => [kato, 'vouched', outer!.packageId]));
    expect(await oblast.importFile(up.path, [district.installationId])).toMatchObject({ ok: true });
    const oblastReport = report(oblast, '100000000');
    expect(rowOf(oblastReport, ABAY_DISTRICT)).toEqual(rowOf(districtReport, ABAY_DISTRICT));
    for (const kato of OKRUGS) expect(rowOf(oblastReport, kato)).toEqual(rowOf(districtReport, kato));
    expect((oblastReport.issues as { total: number }).total).toBe((districtReport.issues as { total: number }).total);
    // Each okrug is an origin of its own at the oblast, with the key it signs with.
    const origins = oblast.value('exchange:origins', {}) as Array<{ installationId: string; keyId: string }>;
    for (const inst of okrugs) expect(origins.find((o) => o.installationId === inst.installationId)?.keyId).toBe(inst.value('identity:get', {}).key.keyId);
  });
});
