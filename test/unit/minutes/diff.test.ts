import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffMinutes, duplicateIdPaths } from '../../../shared/domain/minutes/diff';
import type { AgendaItem, MinutesBody } from '../../../shared/domain/minutes/minutes';
import { ISSUE_KINDS } from '../../../shared/domain/minutes/minutes';

// Few ids and short texts: two random bodies then often share entries, so matching by id is exercised.
const id = fc.constantFrom('a', 'b', 'c', 'd');
const text = fc.constantFrom('', 'x', 'Абай', 'су');
const date = fc.constantFrom(null, '2025-07-20', '2025-08-01');
const speech = fc.record({
  id,
  speaker: text,
  localityKato: fc.constantFrom(null, '103230100'),
  gist: text,
  issueKind: fc.constantFrom(null, ...ISSUE_KINDS),
  issueText: text,
});
const decision = fc.record({ id, text, responsible: text, deadline: date });
const item = fc.record({
  id,
  title: text,
  speaker: text,
  heard: text,
  speeches: fc.uniqueArray(speech, { selector: (s) => s.id, maxLength: 3 }),
  decisions: fc.uniqueArray(decision, { selector: (d) => d.id, maxLength: 3 }),
});
const body: fc.Arbitrary<MinutesBody> = fc.record({
  number: text,
  date,
  place: text,
  chair: text,
  secretary: text,
  presentCount: fc.constantFrom(null, 0, 42),
  presentList: text,
  invited: text,
  items: fc.uniqueArray(item, { selector: (i) => i.id, maxLength: 3 }),
});

function blank(items: AgendaItem[] = []): MinutesBody {
  return { number: '', date: null, place: '', chair: '', secretary: '', presentCount: null, presentList: '', invited: '', items };
}

function agendaItem(id: string, overrides: Partial<AgendaItem> = {}): AgendaItem {
  return { id, title: 'Жол', speaker: '', heard: '', speeches: [], decisions: [], ...overrides };
}

describe('diffMinutes', () => {
  it('finds nothing between a body and itself (or a copy of it)', () => {
    fc.assert(fc.property(body, (a) => diffMinutes(a, a).length === 0 && diffMinutes(a, structuredClone(a)).length === 0));
  });

  it('is empty exactly when the bodies are equal', () => {
    fc.assert(fc.property(body, body, (a, b) => (diffMinutes(a, b).length === 0) === isDeepStrictEqual(a, b)));
  });

  it('names each path once, and the reverse diff has the same paths with before and after swapped', () => {
    fc.assert(
      fc.property(body, body, (a, b) => {
        const forward = diffMinutes(a, b);
        const paths = forward.map((c) => c.path);
        expect(new Set(paths).size).toBe(paths.length);
        const backward = new Map(diffMinutes(b, a).map((c) => [c.path, c]));
        expect(backward.size).toBe(forward.length);
        for (const c of forward) expect(backward.get(c.path)).toEqual({ path: c.path, before: c.after, after: c.before });
      }),
    );
  });

  it('reports only values that differ', () => {
    fc.assert(fc.property(body, body, (a, b) => diffMinutes(a, b).every((c) => !isDeepStrictEqual(c.before, c.after))));
  });

  it('names entries by id: an inserted item does not show the later items as changed', () => {
    const first = agendaItem('i1', { heard: 'Есеп' });
    const second = agendaItem('i2');
    const added = agendaItem('i3', { title: 'Жаңа' });
    expect(diffMinutes(blank([first, second]), blank([first, added, second]))).toEqual([{ path: 'items.i3', before: null, after: added }]);
    expect(diffMinutes(blank([first, second]), blank([second]))).toEqual([{ path: 'items.i1', before: first, after: null }]);
  });

  it('gives the path of a changed leaf deep in the body, and of a reordering', () => {
    const speech = { id: 's1', speaker: 'Ахметов', localityKato: null, gist: 'Су', issueKind: null, issueText: '' };
    const before = blank([agendaItem('i1', { speeches: [speech] }), agendaItem('i2')]);
    const after = { ...blank([agendaItem('i2'), agendaItem('i1', { speeches: [{ ...speech, gist: 'Су құбыры' }] })]), chair: 'Серікбаев' };
    expect(diffMinutes(before, after)).toEqual([
      { path: 'chair', before: '', after: 'Серікбаев' },
      { path: 'items.order', before: ['i1', 'i2'], after: ['i2', 'i1'] },
      { path: 'items.i1.speeches.s1.gist', before: 'Су', after: 'Су құбыры' },
    ]);
  });
});

describe('duplicateIdPaths', () => {
  it('points at every id used a second time, across items, speeches and decisions', () => {
    const decision = { id: 'i1', text: '', responsible: '', deadline: null };
    expect(duplicateIdPaths(blank([agendaItem('i1'), agendaItem('i2', { decisions: [decision] }), agendaItem('i2')]))).toEqual([
      'items.1.decisions.0.id',
      'items.2.id',
    ]);
    expect(duplicateIdPaths(blank([agendaItem('i1'), agendaItem('i2')]))).toEqual([]);
  });
});
