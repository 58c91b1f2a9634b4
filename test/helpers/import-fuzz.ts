import fc from 'fast-check';
import type { Core } from '../../electron/core/core';
import { EsepError } from '../../shared/errors';
import { readPackage } from '../../electron/core/exchange/bag';
import { signingKey } from '../../electron/core/services/identity.service';
import { importPackage } from '../../electron/core/services/exchange-import.service';
import { applyMutation, mutationArbitrary, CASE_TIMEOUT_MS, type FuzzBase, type Mutation } from './package-fuzz';
import { reseal, unpack, repack } from './package-fixtures';

/**
 * The package fuzz one level up: mutations of a real okrug's package, imported at a district
 * that has applied the original. Besides package-fuzz's mutations (bytes, entries, bombs,
 * bag-info), records made invalid and re-signed with the okrug's own key, so they pass every
 * check of the bag and reach the records'. Each case must be refused with a package_* error or
 * change nothing (the original again), never throw anything else, hang, or change the database.
 */
export interface ImportFuzzWorld {
  base: FuzzBase;
  district: Core;
  okrug: Core;
  trust: string[];
}

export async function importFuzzBase(pkg: Buffer): Promise<FuzzBase> {
  return { pkg, bag: await unpack(pkg), original: await readPackage(pkg) };
}

type RecordMutation = { kind: 'record'; file: 'issues' | 'meetings'; line: number; change: 'unknown_field' | 'wrong_type' | 'huge' | 'garbage' | 'null_id' | 'bad_utf8'; text: string };

const recordMutation: fc.Arbitrary<RecordMutation> = fc.record({
  kind: fc.constant('record' as const),
  file: fc.constantFrom('issues' as const, 'meetings' as const),
  line: fc.nat({ max: 20 }),
  change: fc.constantFrom('unknown_field' as const, 'wrong_type' as const, 'huge' as const, 'garbage' as const, 'null_id' as const, 'bad_utf8' as const),
  text: fc.string({ maxLength: 50 }),
});

function mutateRecords(world: ImportFuzzWorld, m: RecordMutation): Promise<Buffer> {
  const { bag } = world.base;
  const path = `data/records/${m.file}.jsonl`;
  const lines = bag.files.get(path)!.toString('utf8').trim().split('\n');
  const i = m.line % lines.length;
  const record = JSON.parse(lines[i]!) as Record<string, unknown>;
  let line: Buffer;
  switch (m.change) {
    case 'unknown_field':
      line = Buffer.from(JSON.stringify({ ...record, [`x_${m.text}`]: m.text }));
      break;
    case 'wrong_type':
      line = Buffer.from(JSON.stringify({ ...record, revision: m.text }));
      break;
    case 'huge':
      line = Buffer.from(JSON.stringify({ ...record, [m.file === 'issues' ? 'text' : 'note']: m.text.padEnd(100_001, 'ж') }));
      break;
    case 'garbage':
      line = Buffer.from(`{${m.text}`);
      break;
    case 'null_id':
      line = Buffer.from(JSON.stringify({ ...record, id: null }));
      break;
    case 'bad_utf8':
      line = Buffer.concat([Buffer.from(JSON.stringify(record).slice(0, -2)), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
      break;
  }
  const files = new Map(bag.files);
  files.set(path, Buffer.concat([...lines.map((l, j) => (j === i ? line : Buffer.from(l))).flatMap((b) => [b, Buffer.from('\n')])]));
  // Payload-Oxum follows the payload, as the okrug's own writer would have it.
  const payload = [...files].filter(([p]) => p.startsWith('data/'));
  const oxum = `${payload.reduce((n, [, d]) => n + d.length, 0)}.${payload.length}`;
  files.set('bag-info.txt', Buffer.from(files.get('bag-info.txt')!.toString('utf8').replace(/^Payload-Oxum: .*$/m, `Payload-Oxum: ${oxum}`)));
  return repack(reseal({ name: bag.name, files }, signingKey(world.okrug.ctx)));
}

/** A cheap fingerprint of what an import could change. */
export function databaseState(core: Core): string {
  const db = core.ctx.db;
  const tables = ['meetings', 'meeting_officials', 'minutes', 'issues', 'issue_history', 'issue_prolongations', 'issue_authors', 'action_plan_rows', 'attachments', 'akims', 'origins', 'imported_packages', 'issue_categories', 'bodies', 'body_people', 'issue_statuses', 'rule_sets'];
  return JSON.stringify([...tables.map((t) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()), db.prepare('SELECT total(revision) FROM issues').pluck().get(), db.prepare('SELECT group_concat(last_sequence) FROM origins').pluck().get()]);
}

export async function checkImportMutation(world: ImportFuzzWorld, m: Mutation | RecordMutation): Promise<string> {
  const bytes = m.kind === 'record' ? await mutateRecords(world, m) : applyMutation(world.base, m);
  const before = databaseState(world.district);
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hang: no answer in ${CASE_TIMEOUT_MS} ms`)), CASE_TIMEOUT_MS);
  });
  try {
    const result = await Promise.race([importPackage(world.district, { fileName: 'fuzz.zip', dataBase64: bytes.toString('base64') }, { trust: world.trust, dryRun: false }), hang]);
    if (result.packages.some((p) => p.disposition !== 'already_imported')) throw new Error(`a mutated package (${m.kind}) was applied`);
    return 'already_imported';
  } catch (e) {
    if (e instanceof EsepError && e.code.startsWith('package_')) return e.code;
    throw e;
  } finally {
    clearTimeout(timer);
    if (databaseState(world.district) !== before) throw new Error(`the database changed (${m.kind})`);
  }
}

export async function runImportFuzz(world: ImportFuzzWorld, options: { numRuns: number; seed?: number }): Promise<Map<string, number>> {
  const outcomes = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(fc.oneof(mutationArbitrary(world.base), recordMutation), async (m) => {
      const outcome = await checkImportMutation(world, m);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }),
    { numRuns: options.numRuns, ...(options.seed === undefined ? {} : { seed: options.seed }) },
  );
  return outcomes;
}
