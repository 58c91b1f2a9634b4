import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import type { UnitSearchHit } from '../../shared/contract/types';
import { searchUnits } from '../../electron/core/services/units.service';
import { openTempCore, KARAAUYL_OKRUG } from '../helpers/temp-core';

/** The first-run search over the shipped KATO classifier, as the setup wizard and `units --search` call it. */
let core: Core;
beforeAll(() => {
  core = openTempCore({ today: '2025-06-15' });
});
afterAll(() => core.close());

const search = (query: string, limit = 30): UnitSearchHit[] => searchUnits(core.ctx, { query, reportingOnly: true, limit });
const codes = (query: string, limit?: number) => search(query, limit).map((u) => u.kato);

describe('the unit search forgives a doubled or missing vowel', () => {
  it.each(['Қарауыл', 'Караул', 'карауыл', 'Қараауыл', 'Карааул', 'Караул а.о', 'Қарауыл а.о.'])('%s finds Қараауыл а.о. (Карааульский с.о.)', (query) => {
    expect(codes(query)).toContain(KARAAUYL_OKRUG);
  });

  it('lists the exact matches first, then the forgiving ones', () => {
    const hits = search('Қарауыл');
    const exact = hits.filter((u) => /қарауыл|карауыл/i.test(`${u.nameKk} ${u.nameRu}`));
    expect(exact.length).toBeGreaterThan(0);
    // Every unit spelled exactly so (Қарауылкелді, Қарауылтөбе…) comes before Қараауыл.
    expect(hits.slice(0, exact.length)).toEqual(exact);
    expect(hits.findIndex((u) => u.kato === KARAAUYL_OKRUG)).toBeGreaterThanOrEqual(exact.length);
    // Typed exactly, Қараауыл itself is first among the okrugs, as before.
    expect(search('Қараауыл').filter((u) => u.kind === 'rural_okrug')[0]?.kato).toBe(KARAAUYL_OKRUG);
  });

  it('still wants every word: a forgiving first word does not let a wrong second one through', () => {
    expect(codes('Қарауыл Бурабай')).toEqual([]);
    expect(codes('Карауыл с.о')).toContain(KARAAUYL_OKRUG);
  });

  it('does not turn a single vowel into any other word', () => {
    // "Абай" has no doubled vowel: its hits are the same as an exact search's.
    expect(search('Абай', 200).every((u) => /абай/i.test(`${u.nameKk} ${u.nameRu}`))).toBe(true);
  });
});
