import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codesUnder, unitClosure } from '../../../shared/domain/kato';

/**
 * Trees written as paths ("0.2.1"), whose ancestors are simply their prefixes: an oracle that
 * shares nothing with the parent-link walk under test.
 */
const pathTree = fc
  .uniqueArray(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 5 }), { maxLength: 40, selector: (p) => p.join('.') })
  .map((paths) => {
    const all = new Set<string>();
    for (const p of paths) for (let i = 1; i <= p.length; i++) all.add(p.slice(0, i).join('.'));
    return [...all];
  });

const parentOf = (path: string) => (path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : null);
const key = (a: string, d: string, depth: number) => `${a}>${d}@${depth}`;

describe('unitClosure', () => {
  it('pairs every unit with each of its ancestors (itself included) at their distance, and nothing else', () => {
    fc.assert(
      fc.property(pathTree, (paths) => {
        const pairs = unitClosure(paths.map((kato) => ({ kato, parent: parentOf(kato) })));
        const expected = paths.flatMap((d) => {
          const parts = d.split('.');
          return parts.map((_, i) => key(parts.slice(0, i + 1).join('.'), d, parts.length - 1 - i));
        });
        expect(pairs.map((p) => key(p.ancestor, p.descendant, p.depth)).sort()).toEqual(expected.sort());
      }),
    );
  });

  it('ends a chain at a parent it does not know', () => {
    expect(unitClosure([{ kato: 'b', parent: 'a' }])).toEqual([{ ancestor: 'b', descendant: 'b', depth: 0 }]);
  });

  it('refuses a cycle', () => {
    expect(() => unitClosure([{ kato: 'a', parent: 'b' }, { kato: 'b', parent: 'a' }])).toThrow(/cycle/);
  });
});

describe('codesUnder', () => {
  it('is a unit and everything under it, whatever the order of the rows', () => {
    fc.assert(
      fc.property(pathTree, fc.nat(), (paths, pick) => {
        fc.pre(paths.length > 0);
        const root = paths[pick % paths.length]!;
        const units = [...paths].reverse().map((kato) => ({ kato, parent: parentOf(kato) }));
        expect([...codesUnder(units, root)].sort()).toEqual(paths.filter((p) => p === root || p.startsWith(`${root}.`)).sort());
      }),
    );
  });
});
