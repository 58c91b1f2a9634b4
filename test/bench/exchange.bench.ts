/**
 * The exchange at district size (issue 11): a district's package of 100,000 citizens' issues
 * (with their history, prolongations and authors, and the meetings they were raised at)
 * exported, verified, and imported at its oblast. The import's goal is a ratio: at least 0.5×
 * the rate of a raw baseline, measured in the same run, that writes the same rows into the same
 * tables of a fresh copy with prepared INSERTs in one transaction, from records already parsed
 * (no zip, no hashes, no signature, no schema, no checks). Medians of several runs, each import
 * into its own fresh copy of an empty oblast installation.
 * Then the package fuzz at full size (10,000 cases reading, 10,000 importing).
 * Run: npm run bench:exchange [-- --runs N --issues N --fuzz N]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { openCore, type Core } from '../../electron/core/core';
import { fixedClock } from '../../electron/core/clock';
import { corePaths, SOURCE_RESOURCES_DIR } from '../../electron/core/paths';
import { completeSetup } from '../../electron/core/services/settings.service';
import { exportPackage } from '../../electron/core/services/exchange-export.service';
import { importPackage } from '../../electron/core/services/exchange-import.service';
import { readPackage } from '../../electron/core/exchange/bag';
import { parseRecords } from '../../electron/core/exchange/record-apply';
import { KIND_SPECS, type ChildSpec } from '../../electron/core/exchange/record-format';
import { searchDocument, type SearchDocument } from '../../electron/core/services/issue-search';
import { oblastDatabase } from './oblast-db';
import { generateDemo } from '../../electron/core/demo/generate';
import { fuzzBase, runPackageFuzz } from '../helpers/package-fuzz';
import { importFuzzBase, runImportFuzz } from '../helpers/import-fuzz';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, issues: { type: 'string', default: '100000' }, fuzz: { type: 'string', default: '10000' } } });
const RUNS = Number(values.runs);
const TODAY = '2025-12-20';
const DISTRICT = '103200000';
const OBLAST = '100000000';
const PERIOD = { start: '2025-01-01', end: '2025-12-31' };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
async function timed<T>(fn: () => T | Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const value = await fn();
  return [performance.now() - t, value];
}
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'esep-bench-exchange-'));
const open = (dataDir: string): Core => openCore({ paths: corePaths(dataDir, SOURCE_RESOURCES_DIR), clock: fixedClock(TODAY), actor: 'bench' });

/** A copy of a database file into a new data folder (checkpointed first, so the file is whole). */
function copyInstallation(dbFile: string, name: string): string {
  const dir = path.join(work, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(dbFile, path.join(dir, 'esep.sqlite'));
  return dir;
}

try {
  const generated = oblastDatabase({ unitKato: DISTRICT, fromYear: 2023, toYear: 2025, seed: 11, issues: Number(values.issues), today: TODAY });
  const districtDir = copyInstallation(generated, 'district');
  // The cached database's key stayed in the folder it was generated in: this copy gets its own.
  const copy = new Database(path.join(districtDir, 'esep.sqlite'));
  copy.prepare('UPDATE installation SET public_key = NULL, key_id = NULL').run();
  copy.close();
  const district = open(districtDir);
  const issueCount = district.ctx.db.prepare('SELECT count(*) FROM issues').pluck().get() as number;

  // Export: the whole package (records, the report's DOCX and PDF), written and read back.
  const stick = path.join(work, 'stick');
  fs.mkdirSync(stick);
  const exports: number[] = [];
  let packageFile = '';
  for (let i = 0; i < RUNS; i++) {
    const [ms, pkg] = await timed(() => exportPackage(district, { period: PERIOD, dir: stick, language: 'kk', attachments: false }, '0.0.0'));
    exports.push(ms);
    packageFile = pkg.path;
  }
  const bytes = fs.readFileSync(packageFile);
  const districtId = district.ctx.installationId;
  district.close();

  const verifies: number[] = [];
  for (let i = 0; i < RUNS; i++) verifies.push((await timed(() => readPackage(bytes)))[0]);

  // An empty oblast installation, copied fresh for every import.
  const oblastDir = path.join(work, 'oblast-template');
  const template = open(oblastDir);
  completeSetup(template.ctx, { rootKato: OBLAST, language: 'kk' });
  template.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  template.close();
  const templateFile = path.join(oblastDir, 'esep.sqlite');

  const records = parseRecords((await readPackage(bytes)).payload);
  const imports: number[] = [];
  const raws: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const oblast = open(copyInstallation(templateFile, `oblast-${i}`));
    const [ms, result] = await timed(() => importPackage(oblast, { path: packageFile }, { trust: [districtId], dryRun: false }));
    const applied = result.packages[0]!.counts.issues!.new;
    if (applied !== issueCount) throw new Error(`imported ${applied} issues of ${issueCount}`);
    imports.push(ms);
    oblast.close();

    const raw = open(copyInstallation(templateFile, `raw-${i}`));
    raws.push((await timed(() => rawInsert(raw, records)))[0]);
    raw.close();
  }

  const rate = (ms: number) => issueCount / (ms / 1000);
  const importRate = rate(median(imports));
  const rawRate = rate(median(raws));
  const ratio = importRate / rawRate;
  console.log(`package: ${issueCount} issues, ${(bytes.length / 1024 / 1024).toFixed(1)} MB`);
  console.log(`export (records, DOCX and PDF report, written and read back): median ${median(exports).toFixed(0)} ms`);
  console.log(`verify (zip, every hash, signature): median ${median(verifies).toFixed(0)} ms`);
  console.log(`import (verify, parse, check, apply, commit): median ${median(imports).toFixed(0)} ms, ${importRate.toFixed(0)} issues/s`);
  console.log(`raw prepared INSERTs of the same rows in one transaction: median ${median(raws).toFixed(0)} ms, ${rawRate.toFixed(0)} issues/s`);
  console.log(`import / raw rate: ${ratio.toFixed(2)}× (goal ≥ 0.5×) ${ratio >= 0.5 ? 'OK' : 'MISSED'}`);
  if (ratio < 0.5) process.exitCode = 1;

  await fuzz();
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

/**
 * The fuzz at full size: 10,000 mutated packages read (package-fuzz), then 10,000 imported at a
 * district that has applied the original (import-fuzz); fast-check throws on any crash, hang
 * or change of the database.
 */
async function fuzz(): Promise<void> {
  const cases = Number(values.fuzz);
  const [readMs, read] = await timed(async () => runPackageFuzz(await fuzzBase(), { numRuns: cases }));
  console.log(`fuzz, reading: ${cases} mutated packages in ${(readMs / 1000).toFixed(1)} s, none crashed, hung or read back as something else: ${[...read].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  const okrug = open(path.join(work, 'fuzz-okrug'));
  const district = open(path.join(work, 'fuzz-district'));
  try {
    completeSetup(okrug.ctx, { rootKato: '103230000', language: 'kk' });
    generateDemo(okrug.ctx, { unitKato: '103230000', fromYear: 2025, toYear: 2025, seed: 5 });
    completeSetup(district.ctx, { rootKato: DISTRICT, language: 'kk' });
    const stick = path.join(work, 'fuzz-stick');
    fs.mkdirSync(stick);
    const pkg = await exportPackage(okrug, { period: PERIOD, dir: stick, language: 'kk', attachments: false }, '0.0.0');
    await importPackage(district, { path: pkg.path }, { trust: [okrug.ctx.installationId], dryRun: false });
    const world = { base: await importFuzzBase(fs.readFileSync(pkg.path)), district, okrug, trust: [okrug.ctx.installationId] };
    const [importMs, imported] = await timed(() => runImportFuzz(world, { numRuns: cases }));
    console.log(`fuzz, importing: ${cases} mutated packages in ${(importMs / 1000).toFixed(1)} s, none crashed, hung or changed the database: ${[...imported].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  } finally {
    okrug.close();
    district.close();
  }
}

/** The baseline: every row the import writes, straight into the tables, search entries included. */
function rawInsert(core: Core, records: ReturnType<typeof parseRecords>): void {
  const { db } = core.ctx;
  const statements = new Map<ChildSpec, ReturnType<typeof db.prepare>>();
  const insertChildren = (child: ChildSpec, parentId: string, rows: Array<Record<string, unknown>>) => {
    const cols = [child.parentColumn, ...Object.keys(child.columns)];
    let stmt = statements.get(child);
    if (!stmt) statements.set(child, (stmt = db.prepare(`INSERT INTO ${child.table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`)));
    for (const row of rows) {
      const values: Record<string, unknown> = { [child.parentColumn]: parentId };
      for (const c of Object.keys(child.columns)) values[c] = row[c];
      stmt.run(values);
      for (const grandchild of child.children ?? []) insertChildren(grandchild, row.id as string, (row[grandchild.field] as Array<Record<string, unknown>>) ?? []);
    }
  };
  db.transaction(() => {
    // References are checked at the commit: the baseline does not order rows that name each other.
    db.pragma('defer_foreign_keys = ON');
    // The search entries last, all together, as the importer writes them (see writeSearchRows).
    const entries: Array<[number | bigint, SearchDocument]> = [];
    for (const spec of KIND_SPECS) {
      const cols = Object.keys(spec.columns);
      const stmt = db.prepare(`INSERT ${spec.reference ? 'OR IGNORE ' : ''}INTO ${spec.table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
      const author = spec.part ? db.prepare(`INSERT INTO ${spec.part.table} (${spec.part.keyColumn}, ${Object.keys(spec.part.columns).join(', ')}) VALUES (@key, ${Object.keys(spec.part.columns).map((c) => `@${c}`).join(', ')})`) : null;
      for (const record of records.get(spec.kind) ?? []) {
        const values: Record<string, unknown> = {};
        for (const c of cols) values[c] = record[c];
        const { lastInsertRowid } = stmt.run(values);
        for (const child of spec.children) insertChildren(child, record.id, (record[child.field] as Array<Record<string, unknown>>) ?? []);
        const a = spec.part ? (record[spec.part.field] as Record<string, unknown> | null) : null;
        if (author && a) author.run({ key: record.id, ...a });
        if (spec.kind === 'issues') {
          const history = (record.history as Array<{ comment: string; document_ref: string }>) ?? [];
          entries.push([lastInsertRowid, searchDocument({ text: record.text as string, answer: record.answer as string, eotinishNo: record.eotinish_no as string, notes: history.filter((h) => h.comment !== '' || h.document_ref !== '').flatMap((h) => [h.comment, h.document_ref]) })]);
        }
      }
    }
    const search = db.prepare('INSERT INTO issue_search (rowid, body, ru, kk) VALUES (?, ?, ?, ?)');
    for (const [rowid, doc] of entries) search.run(rowid, doc.body, doc.ru, doc.kk);
  })();
}
