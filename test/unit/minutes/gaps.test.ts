import { describe, expect, it } from 'vitest';
import { itemHasContent, minutesGaps } from '../../../shared/domain/minutes/gaps';
import type { AgendaItem, Decision, MinutesBody, Speech } from '../../../shared/domain/minutes/minutes';

const speech = (patch: Partial<Speech> = {}): Speech => ({ id: crypto.randomUUID(), speaker: '', localityKato: null, gist: '', issueKind: null, issueText: '', ...patch });
const decision = (patch: Partial<Decision> = {}): Decision => ({ id: crypto.randomUUID(), text: '', responsible: '', deadline: null, ...patch });
const item = (patch: Partial<AgendaItem> = {}): AgendaItem => ({ id: crypto.randomUUID(), title: '', speaker: '', heard: '', speeches: [], decisions: [], ...patch });
const body = (patch: Partial<MinutesBody> = {}): MinutesBody => ({
  number: '7',
  date: '2025-02-12',
  place: 'Қараауыл',
  chair: 'Әбенов Н.',
  secretary: 'Сейітова А.',
  presentCount: 40,
  presentList: '',
  invited: '',
  items: [],
  ...patch,
});

const complete = () => item({ title: 'Жол', speeches: [speech({ speaker: 'Ғалымжан', gist: 'Жол жөндеу керек' })], decisions: [decision({ text: 'Жөндеу' })] });

describe('minutesGaps: what finalising asks about', () => {
  it('finds nothing in complete minutes', () => {
    expect(minutesGaps(body({ items: [complete(), complete()] }))).toEqual([]);
  });

  it('names each item without a decision, with no one who spoke, or untitled, by its index', () => {
    const gaps = minutesGaps(
      body({
        items: [complete(), item({ title: 'Су', speeches: [speech({ speaker: 'Құрманғали' })] }), item({ heard: 'Баяндама', decisions: [decision({ text: 'Ескеру' })] })],
      }),
    );
    expect(gaps).toEqual([
      { kind: 'item_no_decision', item: 1 },
      { kind: 'item_untitled', item: 2 },
      { kind: 'item_no_speeches', item: 2 },
    ]);
  });

  it('an empty decision row is named once, not also as an item without a decision', () => {
    const gaps = minutesGaps(body({ items: [{ ...complete(), decisions: [decision({ text: 'Бар' }), decision({ responsible: 'Әкімдік' })] }] }));
    expect(gaps).toEqual([{ kind: 'decision_empty', item: 0, row: 1 }]);
    expect(minutesGaps(body({ items: [{ ...complete(), decisions: [decision()] }] }))).toEqual([{ kind: 'decision_empty', item: 0, row: 0 }]);
  });

  it('a speech with words and no speaker is named; an empty speech row alone counts as no one speaking', () => {
    expect(minutesGaps(body({ items: [{ ...complete(), speeches: [speech({ gist: 'Көпір керек' })] }] }))).toEqual([{ kind: 'speech_no_speaker', item: 0, row: 0 }]);
    expect(minutesGaps(body({ items: [{ ...complete(), speeches: [speech()] }] }))).toEqual([{ kind: 'item_no_speeches', item: 0 }]);
  });

  it('the header: a missing number and date come first; blanks of white space count as missing', () => {
    expect(minutesGaps(body({ number: '  ', date: null, items: [complete()] }))).toEqual([{ kind: 'number_missing' }, { kind: 'date_missing' }]);
  });

  it('a wholly empty agenda item is not listed (it prints nothing)', () => {
    expect(minutesGaps(body({ items: [complete(), item()] }))).toEqual([]);
  });
});

describe('itemHasContent: whether deleting an item asks first', () => {
  it('is false for an empty item or rows left blank, true for anything typed or chosen', () => {
    expect(itemHasContent(body({ items: [item()] }), 0)).toBe(false);
    expect(itemHasContent(body({ items: [item({ speeches: [speech()], decisions: [decision()] })] }), 0)).toBe(false);
    expect(itemHasContent(body({ items: [item({ title: ' ' })] }), 0)).toBe(false);
    expect(itemHasContent(body({ items: [item({ heard: 'Баяндама' })] }), 0)).toBe(true);
    expect(itemHasContent(body({ items: [item({ speeches: [speech({ localityKato: '103230100' })] })] }), 0)).toBe(true);
    expect(itemHasContent(body({ items: [item({ decisions: [decision({ deadline: '2025-03-01' })] })] }), 0)).toBe(true);
    expect(itemHasContent(body({ items: [item()] }), 5)).toBe(false);
  });
});
