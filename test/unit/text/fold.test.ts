import { describe, expect, it } from 'vitest';
import { foldedWords, foldForSearch, looseForSearch } from '../../../shared/domain/text/fold';

describe('foldForSearch', () => {
  it.each([
    ['Қараауыл', 'караауыл'],
    ['ЁЛКА', 'елка'],
    ['Мектептің  шатыры', 'мектептин шатыры'],
    ['Көшеге', 'кошеге'],
    // Latin look-alikes typed inside Cyrillic words: o, a, c, e, p, x, y, k, i, h and capitals.
    ['к\u006fше', 'коше'],
    ['\u0041бай', 'абай'],
    ['Т\u0065мірбек \u0068\u0061лықтың', 'темирбек халыктын'],
    ['мект\u0065п', 'мектеп'],
    ['\u0042\u0048\u004dмен', 'внммен'],
  ])('%s → %s', (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });

  it('leaves words wholly in Latin letters alone', () => {
    expect(foldForSearch('QazaqGaz Wi-Fi АО')).toBe('qazaqgaz wi-fi ао');
    expect(foldForSearch('e-Otinish')).toBe('e-otinish');
  });
});

describe('foldedWords', () => {
  it('splits on anything not a letter or digit, FTS syntax included', () => {
    expect(foldedWords('a OR "b" (c*) NEAR/2 -d:e ^f')).toEqual(['a', 'or', 'b', 'c', 'near', '2', 'd', 'e', 'f']);
    expect(foldedWords('ЖТ-2022-00000742')).toEqual(['жт', '2022', '00000742']);
    expect(foldedWords(' "()*: ')).toEqual([]);
  });

  it('composes decomposed letters first', () => {
    expect(foldedWords('и\u0306гілік')).toEqual(['йгилик']);
  });
});

describe('looseForSearch', () => {
  it('reads the spellings of one place name as one', () => {
    const forms = ['Қараауыл', 'Қарауыл', 'Карааул', 'Караул', 'караауыл'].map((s) => looseForSearch(foldForSearch(s)));
    expect(new Set(forms)).toEqual(new Set(['караул']));
    expect(looseForSearch(foldForSearch('Карааульский с.о.'))).toBe('караульский с.о.');
    expect(looseForSearch(foldForSearch('Сарыөзек ауылы'))).toBe('сарыозек аулы');
  });

  it('keeps consonants, single vowels and an initial "уы" as they are', () => {
    expect(looseForSearch('абай ауданы')).toBe('абай ауданы');
    expect(looseForSearch('шыңғыс')).toBe('шыңғыс');
    expect(looseForSearch('уыс')).toBe('уыс');
    expect(looseForSearch('касса')).toBe('касса');
  });
});
