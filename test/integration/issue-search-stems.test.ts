import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stemsOf } from '../../electron/core/services/word-stems';
import { matchExpression, stemSuggestion } from '../../electron/core/services/issue-search';
import { issueWorld, type IssueWorld } from './issue-fixtures';

/**
 * Search by stems on a real database: groups of issues, each written with another form of one
 * word, in Russian and in Kazakh, beside issues with look-alike words that are not that word.
 * Every form of a group must find the whole group and nothing else.
 */
const GROUPS: Record<string, { texts: readonly string[]; forms: readonly string[] }> = {
  hospital: {
    texts: ['Районная больница без терапевта', 'Ремонт больницы затянулся', 'В больнице не работает лифт', 'Дорога к больницам разбита'],
    forms: ['больница', 'больницы', 'больнице', 'больницами', 'больниц', 'Больницу'],
  },
  school: {
    texts: ['Крыша школы протекает', 'В школе холодно', 'Школам нужны автобусы'],
    forms: ['школа', 'школы', 'школе', 'школами', 'школу'],
  },
  road: {
    texts: ['Жол әбден бұзылған', 'Кіреберістегі жолды жөндеу керек', 'Жолдың жиегі опырылған', 'Жолдарына асфальт төсеу', 'Орталықтағы жолға шам қою'],
    forms: ['жолды', 'жолдың', 'жолға', 'жолдары', 'жолдарына', 'жолдан', 'жолы', 'ЖОЛДАРДЫ'],
  },
  street: {
    texts: ['Көшеге жарық орнату', 'Біздің көшесі тар', 'Көшедегі шұңқырлар', 'Көшелер лас'],
    forms: ['көшеге', 'көшесі', 'көшедегі', 'көшелерге', 'кошеге', 'көшенің'],
  },
  village: {
    texts: ['Ауылымызға газ тартылмаған', 'Ауылдың клубы жабылды', 'Ауылда дәрігер жоқ'],
    forms: ['ауылға', 'ауылдың', 'ауылымыздың', 'ауылда', 'ауылдағы'],
  },
};

/** Look-alikes: each shares a prefix with a group's word and must be found by none of its inflected forms. */
const UNRELATED = ['Больничный лист не выдали', 'Школьный автобус сломался', 'Жолдас Сәкенге көмек керек', 'Жолаушылар көлігі жүрмейді', 'Көшет отырғызу', 'Ауыз су жоқ'];

let w: IssueWorld;
const ids: Record<string, string[]> = {};
const unrelated: Record<string, string> = {};

beforeAll(() => {
  w = issueWorld();
  for (const [group, { texts }] of Object.entries(GROUPS)) ids[group] = texts.map((text) => w.create({}, { text }).id);
  for (const text of UNRELATED) unrelated[w.create({}, { text }).id] = text;
});
afterAll(() => w.core.close());

const found = (search: string) => w.list({ search }).rows.map((r) => r.id).sort();

describe('search by stems', () => {
  for (const [group, { forms }] of Object.entries(GROUPS)) {
    it(`finds every issue of "${group}" by each form, and no look-alike`, () => {
      for (const form of forms) expect(found(form), form).toEqual([...ids[group]!].sort());
    });
  }

  it('still matches a typed word as a prefix', () => {
    const school = ids.school!;
    // "школ" is a prefix of "школьный" too: a typed prefix finds it, an inflected form does not
    expect(found('школ')).toEqual([...school, ...Object.keys(unrelated).filter((id) => unrelated[id]!.startsWith('Школьный'))].sort());
    expect(found('больниц')).toEqual([...ids.hospital!].sort());
    expect(found('жол')).toHaveLength(ids.road!.length + 2); // and жолдас, жолаушылар
  });

  it('matches stems exactly, in the language they were made in', () => {
    expect(matchExpression('жолды')).toBe('("жолды"* OR {body ru} : "жолд" OR {body kk} : "жол")');
    // "больниц-ы" is no Kazakh form: a back -ы after the front и
    expect(matchExpression('больницы')).toBe('("больницы"* OR {body ru} : "больниц")');
    // a word that is its own stem is its prefix alone (over every column: see below)
    expect(matchExpression('жол')).toBe('"жол"*');
    expect(matchExpression('мектеп')).toBe('"мектеп"*');
  });

  it('finds "мектебі" by "мектеп" (its Kazakh stem, a prefix match in the kk column) and by "мектептің"', () => {
    const id = w.create({}, { text: 'Ауылдың мектебі жабылды, балалар мектепке бара алмайды' }).id;
    const other = w.create({}, { text: 'Мектептің шатыры ағып тұр' }).id;
    expect(found('мектеп')).toEqual([id, other].sort());
    const bare = w.create({}, { text: 'Мектебі жоқ ауыл' }).id;
    expect(found('мектептің')).toEqual([id, other, bare].sort());
  });

  it('stems both languages for every word, with one cache', () => {
    expect(stemsOf('больницы')).toEqual({ ru: 'больниц', kk: ['больницы'] });
    expect(stemsOf('жолдарына')).toEqual({ ru: 'жолдарын', kk: ['жол'] });
    expect(stemsOf('e-otinish')).toEqual({ ru: 'e-otinish', kk: ['e-otinish'] });
    expect(stemsOf('больницы')).toBe(stemsOf('больницы'));
  });
});

describe('the empty result suggests the stem', () => {
  it('offers the search cut to its stems when that finds something', () => {
    // A Kazakh text quoting a Russian word: "больницаға" is not a Russian form of "больница"
    const world = issueWorld();
    try {
      const id = world.create({}, { text: 'Аудандық больницаға дәрігер керек' }).id;
      const page = world.list({ search: 'больницами' });
      expect(page).toMatchObject({ rows: [], total: 0, suggestion: 'больниц' });
      expect(world.list({ search: page.suggestion }).rows.map((r) => r.id)).toEqual([id]);
      // The suggestion is offered under the same filter only: not in a unit without that issue
      expect(world.list({ search: 'больницами', statusIds: ['done'] })).toEqual({ rows: [], total: 0 });
      // Nothing to offer: no word has a shorter stem, or the stems find nothing either
      expect(world.list({ search: 'скотомогильник' })).toEqual({ rows: [], total: 0 });
      expect(world.list({ search: 'бассейнами' })).toEqual({ rows: [], total: 0 });
      // Found something: no suggestion
      expect(world.list({ search: 'больницаға' }).suggestion).toBeUndefined();
    } finally {
      world.core.close();
    }
  });

  it('cuts each word to its shortest stem that is still a prefix of it', () => {
    expect(stemSuggestion('больницами')).toBe('больниц');
    expect(stemSuggestion('Жолдарымызға Больницами')).toBe('жол больниц');
    expect(stemSuggestion('мектебі')).toBe('мектеб'); // not "мектеп": the suggestion is searched as a prefix
    expect(stemSuggestion('жол')).toBeNull();
    expect(stemSuggestion('  ')).toBeNull();
  });
});
