import fc from 'fast-check';
import { EsepError } from '../../shared/errors';
import { readPackage, writePackage, type VerifiedPackage } from '../../electron/core/exchange/bag';
import { BAG_INFO_TXT } from '../../electron/core/exchange/tag-files';
import { OKRUG_KEY, reseal, sampleContent, unpack, type BagFiles } from './package-fixtures';
import { rawZip, zeroBomb, type RawEntry } from './raw-zip';

/**
 * Mutations of a valid package, for the fuzz test (a few hundred cases) and the bench (ten
 * thousand): each either reads back as the original package or is refused with a package_*
 * EsepError; never another exception, never a hang, never a package that reads back as
 * something else. Byte-level mutations (truncation, bit flips, spliced or random bytes) keep
 * the signature; structural ones (entries added, removed, renamed, bombs, bag-info values)
 * rebuild the zip, and some re-sign it with the real key, so they reach the checks past the
 * signature.
 *
 *   const base = await fuzzBase();
 *   const outcomes = await runPackageFuzz(base, { numRuns: 10_000 });
 */

export interface FuzzBase {
  pkg: Buffer;
  bag: BagFiles;
  original: VerifiedPackage;
}

export async function fuzzBase(): Promise<FuzzBase> {
  const pkg = await writePackage(sampleContent());
  return { pkg, bag: await unpack(pkg), original: await readPackage(pkg) };
}

export type Mutation =
  | { kind: 'truncate'; length: number }
  | { kind: 'flip'; flips: Array<{ at: number; mask: number }> }
  | { kind: 'splice'; at: number; remove: number; bytes: Uint8Array }
  | { kind: 'random'; bytes: Uint8Array; zipMagic: boolean }
  | { kind: 'insert'; name: string; content: Uint8Array; resign: boolean }
  | { kind: 'remove'; index: number; resign: boolean }
  | { kind: 'rename'; index: number; name: string; resign: boolean }
  | { kind: 'bomb'; name: string; mib: number; declared: 'honest' | 'small' | 'zero' }
  | { kind: 'bagInfo'; label: string; value: string; mode: 'append' | 'replace' };

/** Names an attacker would try: zip slip, Windows devices, collisions, folders beside the bag. */
function hostileNames(bag: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(
      '../evil.txt',
      `${bag}/../../evil.txt`,
      `${bag}/data/../../evil.txt`,
      '/etc/passwd',
      'C:\\Windows\\evil.txt',
      `${bag}\\data\\evil.txt`,
      `${bag}/data/evil\0.txt`,
      `${bag}/data/CON`,
      `${bag}/data/records/issues.jsonl`,
      `${bag}/DATA/records/issues.jsonl`,
      `${bag}/data/records/ISSUES.jsonl`,
      `${bag}/bag-info.txt`,
      `${bag}/data/records/extra.jsonl`,
      `${bag}/fetch.txt`,
      `${bag}/data`,
      `${bag}/data/`,
      'other/bagit.txt',
      `${bag}/data/attachments/\u202egpj.exe`,
    ),
    fc.string({ minLength: 0, maxLength: 40 }).map((s) => `${bag}/data/${s}`),
    fc.string({ minLength: 0, maxLength: 40 }),
  );
}

const LABELS = [
  'Esep-Package-Id',
  'Esep-Origin-Unit',
  'Esep-Period',
  'Esep-Created',
  'Esep-Sequence',
  'Esep-Previous-Package',
  'Esep-App-Version',
  'Esep-Schema-Version',
  'Esep-Kato-Edition',
  'Esep-Format-Version',
  'Esep-Signing-Key',
  'Payload-Oxum',
  'Bagging-Date',
  'Bag-Software-Agent',
];

/** Huge or malformed strings: long runs, every kind of character, line breaks, NUL. */
const wildString = fc.oneof(
  fc.string({ maxLength: 200, unit: 'binary' }),
  fc.string({ maxLength: 200, unit: 'grapheme' }),
  fc.integer({ min: 70, max: 80_000 }).map((n) => 'ы'.repeat(n)),
  fc.tuple(fc.string({ maxLength: 20 }), fc.constantFrom('\n', '\r', '\r\n', '\0', '\n ', '\ufeff'), fc.string({ maxLength: 20 })).map(([a, b, c]) => a + b + c),
);

/** A value that no Esep field accepts: at least 100 characters (every field is shorter), on one line. */
const oversizedValue = fc.string({ minLength: 100, maxLength: 20_000, unit: 'binary' }).map((s) => s.replace(/[\r\n]/g, 'x').padEnd(100, 'x'));

export function mutationArbitrary(base: FuzzBase): fc.Arbitrary<Mutation> {
  const size = base.pkg.length;
  const entries = base.bag.files.size;
  return fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), length: fc.nat({ max: size - 1 }) }),
    fc.record({
      kind: fc.constant('flip' as const),
      flips: fc.array(fc.record({ at: fc.nat({ max: size - 1 }), mask: fc.integer({ min: 1, max: 255 }) }), { minLength: 1, maxLength: 8 }),
    }),
    fc.record({ kind: fc.constant('splice' as const), at: fc.nat({ max: size }), remove: fc.nat({ max: 64 }), bytes: fc.uint8Array({ maxLength: 64 }) }),
    fc.record({ kind: fc.constant('random' as const), bytes: fc.uint8Array({ maxLength: 4096 }), zipMagic: fc.boolean() }),
    fc.record({ kind: fc.constant('insert' as const), name: hostileNames(base.bag.name), content: fc.uint8Array({ maxLength: 256 }), resign: fc.boolean() }),
    fc.record({ kind: fc.constant('remove' as const), index: fc.nat({ max: entries - 1 }), resign: fc.boolean() }),
    fc.record({ kind: fc.constant('rename' as const), index: fc.nat({ max: entries - 1 }), name: hostileNames(base.bag.name), resign: fc.boolean() }),
    fc.record({
      kind: fc.constant('bomb' as const),
      name: fc.constantFrom(`${base.bag.name}/data/records/issues.jsonl`, `${base.bag.name}/data/attachments/zeros.bin`, `${base.bag.name}/bag-info.txt`),
      mib: fc.integer({ min: 2, max: 64 }),
      declared: fc.constantFrom('honest' as const, 'small' as const, 'zero' as const),
    }),
    fc.oneof(
      fc.record({ kind: fc.constant('bagInfo' as const), label: fc.constantFrom(...LABELS), value: oversizedValue, mode: fc.constant('replace' as const) }),
      fc.record({
        kind: fc.constant('bagInfo' as const),
        label: fc.oneof(fc.constantFrom('Internal-Sender-Description', 'Note', ...LABELS), fc.string({ minLength: 1, maxLength: 30 })),
        value: wildString,
        mode: fc.constant('append' as const),
      }),
    ),
  );
}

const bombs = new Map<number, ReturnType<typeof zeroBomb>>();

function zipOf(bag: BagFiles, extra: RawEntry[] = []): Buffer {
  return rawZip([...[...bag.files].map(([path, data]): RawEntry => ({ name: `${bag.name}/${path}`, content: data, method: path.endsWith('.jsonl') ? 8 : 0 })), ...extra]);
}

function withFiles(bag: BagFiles, edit: (files: Map<string, Buffer>) => void, resign: boolean): BagFiles {
  const files = new Map(bag.files);
  edit(files);
  const next = { name: bag.name, files };
  return resign ? reseal(next, OKRUG_KEY) : next;
}

/** The bytes of the mutated package. */
export function applyMutation(base: FuzzBase, m: Mutation): Buffer {
  const { pkg, bag } = base;
  switch (m.kind) {
    case 'truncate':
      return pkg.subarray(0, m.length);
    case 'flip': {
      const out = Buffer.from(pkg);
      for (const { at, mask } of m.flips) out[at]! ^= mask;
      return out;
    }
    case 'splice':
      return Buffer.concat([pkg.subarray(0, m.at), Buffer.from(m.bytes), pkg.subarray(Math.min(pkg.length, m.at + m.remove))]);
    case 'random':
      return m.zipMagic ? Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(m.bytes)]) : Buffer.from(m.bytes);
    case 'insert': {
      // Added as a file of the bag when it is one by name, so re-signing can cover it.
      const path = m.name.startsWith(`${bag.name}/`) ? m.name.slice(bag.name.length + 1) : null;
      if (path !== null && !path.endsWith('/')) return zipOf(withFiles(bag, (f) => f.set(path, Buffer.from(m.content)), m.resign));
      return zipOf(m.resign ? reseal(bag, OKRUG_KEY) : bag, [{ name: m.name, content: m.content }]);
    }
    case 'remove':
      return zipOf(withFiles(bag, (f) => f.delete([...f.keys()][m.index]!), m.resign));
    case 'rename': {
      const files = [...bag.files];
      const [path, data] = files[m.index]!;
      const rest = new Map(files.filter(([p]) => p !== path));
      return zipOf(m.resign ? reseal({ name: bag.name, files: rest }, OKRUG_KEY) : { name: bag.name, files: rest }, [{ name: m.name, content: data }]);
    }
    case 'bomb': {
      const bomb = bombs.get(m.mib) ?? zeroBomb(m.mib);
      bombs.set(m.mib, bomb);
      const declared = m.declared === 'honest' ? bomb.uncompressedSize : m.declared === 'small' ? 1000 : 0;
      const path = m.name.slice(bag.name.length + 1);
      const rest = new Map([...bag.files].filter(([p]) => p !== path));
      return zipOf({ name: bag.name, files: rest }, [{ name: m.name, stored: bomb.stored, uncompressedSize: declared }]);
    }
    case 'bagInfo': {
      const text = bag.files.get(BAG_INFO_TXT)!.toString('utf8');
      const line = `${m.label}: ${m.value}\n`;
      const lineOf = new RegExp(`^${m.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*\n`, 'm');
      const edited = m.mode === 'append' || !lineOf.test(text) ? text + line : text.replace(lineOf, () => line);
      return zipOf(reseal({ name: bag.name, files: new Map(bag.files).set(BAG_INFO_TXT, Buffer.from(edited)) }, OKRUG_KEY));
    }
  }
}

function samePackage(read: VerifiedPackage, original: VerifiedPackage): boolean {
  if (read.name !== original.name || JSON.stringify(read.info) !== JSON.stringify(original.info)) return false;
  if (read.signer.publicKey !== original.signer.publicKey || read.payload.size !== original.payload.size) return false;
  return [...original.payload].every(([path, data]) => read.payload.get(path)?.equals(data) === true);
}

/** No case may take longer than this, bombs included; readPackage's own timeouts are shorter. */
export const CASE_TIMEOUT_MS = 10_000;

/**
 * One case: `identical` when the package reads back as the original, else the code of the
 * refusal. Throws on anything else (the fuzz's failure): another exception, another error
 * code, a package that reads back different, a read that does not end.
 */
export async function checkMutation(base: FuzzBase, m: Mutation): Promise<string> {
  const bytes = applyMutation(base, m);
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hang: no answer in ${CASE_TIMEOUT_MS} ms`)), CASE_TIMEOUT_MS);
  });
  try {
    const read = await Promise.race([readPackage(bytes, { timeoutMs: 5000, idleTimeoutMs: 2000 }), hang]);
    if (!samePackage(read, base.original)) throw new Error(`accepted, but not the original package: ${m.kind}`);
    return 'identical';
  } catch (e) {
    if (e instanceof EsepError && e.code.startsWith('package_')) return e.code;
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/** Runs the fuzz; returns how many cases ended how (`identical`, or each package_* code). */
export async function runPackageFuzz(base: FuzzBase, options: { numRuns: number; seed?: number }): Promise<Map<string, number>> {
  const outcomes = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(mutationArbitrary(base), async (m) => {
      const outcome = await checkMutation(base, m);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }),
    { numRuns: options.numRuns, ...(options.seed === undefined ? {} : { seed: options.seed }) },
  );
  return outcomes;
}
