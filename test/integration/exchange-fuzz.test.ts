import { beforeAll, describe, expect, it } from 'vitest';
import { checkMutation, fuzzBase, runPackageFuzz, type FuzzBase, type Mutation } from '../helpers/package-fuzz';

let base: FuzzBase;
beforeAll(async () => {
  base = await fuzzBase();
});

describe('fuzzing valid packages (fast-check)', () => {
  it('300 mutated packages: each reads back as the original or is refused with a package_* EsepError, none hangs', async () => {
    const outcomes = await runPackageFuzz(base, { numRuns: 300 });
    expect([...outcomes.values()].reduce((a, b) => a + b)).toBe(300);
    // The mutations reach checks well past the zip: several reasons, not one.
    expect(outcomes.size).toBeGreaterThanOrEqual(5);
  }, 120_000);

  it('each kind of mutation is refused where it should be (the fuzz can fail)', async () => {
    const name = base.bag.name;
    const cases: Array<[Mutation, string]> = [
      [{ kind: 'truncate', length: 100 }, 'package_format'],
      [{ kind: 'flip', flips: [{ at: 0, mask: 0xff }] }, 'package_format'],
      [{ kind: 'splice', at: 40, remove: 0, bytes: new Uint8Array([1, 2, 3]) }, 'package_format'],
      [{ kind: 'random', bytes: new Uint8Array(100), zipMagic: true }, 'package_format'],
      [{ kind: 'insert', name: `${name}/../../evil.txt`, content: new Uint8Array(1), resign: false }, 'package_name_unsafe'],
      [{ kind: 'insert', name: `${name}/data/attachments/x.jpg`, content: new Uint8Array(1), resign: false }, 'package_unlisted_file'],
      [{ kind: 'insert', name: `${name}/data/attachments/x.jpg`, content: new Uint8Array(1), resign: true }, 'package_oxum_mismatch'],
      [{ kind: 'remove', index: 5, resign: false }, 'package_file_missing'],
      [{ kind: 'rename', index: 0, name: `${name}/BAGIT.txt`, resign: false }, 'package_file_missing'],
      [{ kind: 'bomb', name: `${name}/data/records/issues.jsonl`, mib: 8, declared: 'honest' }, 'package_too_large'],
      [{ kind: 'bomb', name: `${name}/data/records/issues.jsonl`, mib: 8, declared: 'small' }, 'package_format'],
      [{ kind: 'bagInfo', label: 'Esep-Sequence', value: '9'.repeat(200), mode: 'replace' }, 'package_info_invalid'],
      [{ kind: 'bagInfo', label: 'Note', value: 'ы'.repeat(70_000), mode: 'append' }, 'package_format'],
      [{ kind: 'bagInfo', label: 'Note', value: 'Аудан', mode: 'append' }, 'identical'],
      [{ kind: 'remove', index: 3, resign: true }, 'identical'],
    ];
    for (const [mutation, outcome] of cases) expect(await checkMutation(base, mutation), JSON.stringify(mutation).slice(0, 120)).toBe(outcome);
  });
});
