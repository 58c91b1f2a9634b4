import { describe, expect, it } from 'vitest';
import { editPosition, positionCounterpart, positionIn, splitLegacyPosition } from '../../../shared/domain/people/positions';

describe('positions in both languages', () => {
  it.each([
    ['бөлім басшысы', 'kk', 'руководитель отдела'],
    ['руководитель отдела', 'ru', 'бөлім басшысы'],
    ['маман', 'kk', 'специалист'],
    ['главный специалист', 'ru', 'бас маман'],
    ['аким сельского округа', 'ru', 'ауылдық округ әкімі'],
    ['заместитель акима', 'ru', 'әкімнің орынбасары'],
    ['хатшы', 'kk', 'секретарь'],
    ['аким', 'ru', 'әкім'],
    // Typed with a capital, extra spaces or ё, the answer keeps the capital.
    ['  Бөлім   басшысы ', 'kk', 'Руководитель отдела'],
    ['Аким поселка', 'ru', 'Кент әкімі'],
    ['аким посёлка', 'ru', 'кент әкімі'],
  ] as const)('%s (%s) is %s in the other language', (text, lang, expected) => {
    expect(positionCounterpart(text, lang)).toBe(expected);
  });

  it('knows nothing of a position outside the table, nor of one typed in the wrong language', () => {
    expect(positionCounterpart('Мектеп директорының тәрбие ісі жөніндегі орынбасары', 'kk')).toBeNull();
    expect(positionCounterpart('бөлім басшысы', 'ru')).toBeNull();
    expect(positionCounterpart('', 'kk')).toBeNull();
  });

  it("prints the document's language, else the other, else nothing", () => {
    expect(positionIn({ positionKk: 'бөлім басшысы', positionRu: 'руководитель отдела' }, 'ru')).toBe('руководитель отдела');
    expect(positionIn({ positionKk: 'бөлім басшысы', positionRu: 'руководитель отдела' }, 'kk')).toBe('бөлім басшысы');
    expect(positionIn({ positionKk: 'бөлім басшысы', positionRu: '  ' }, 'ru')).toBe('бөлім басшысы');
    expect(positionIn({ positionKk: '', positionRu: 'директор школы' }, 'kk')).toBe('директор школы');
    expect(positionIn({ positionKk: '', positionRu: '' }, 'kk')).toBe('');
  });

  it('fills the other side as one is typed, until the user writes it', () => {
    let p = { positionKk: '', positionRu: '' };
    for (const prefix of ['б', 'бөлім', 'бөлім басшысы']) p = editPosition(p, 'kk', prefix);
    expect(p).toEqual({ positionKk: 'бөлім басшысы', positionRu: 'руководитель отдела' });
    // Typing on past a known position takes back what the table gave.
    p = editPosition(p, 'kk', 'бөлім басшысы м');
    expect(p).toEqual({ positionKk: 'бөлім басшысы м', positionRu: '' });
    p = editPosition(p, 'kk', 'бас маман');
    expect(p.positionRu).toBe('главный специалист');
    // The user's own Russian text stays whatever is typed in Kazakh.
    p = editPosition(p, 'ru', 'главный специалист отдела');
    p = editPosition(p, 'kk', 'маман');
    expect(p).toEqual({ positionKk: 'маман', positionRu: 'главный специалист отдела' });
    // And the other way round.
    expect(editPosition({ positionKk: '', positionRu: '' }, 'ru', 'секретарь')).toEqual({ positionKk: 'хатшы', positionRu: 'секретарь' });
  });

  it.each([
    ['бөлім басшысы', { positionKk: 'бөлім басшысы', positionRu: 'руководитель отдела' }],
    ['Ауылдық округ әкімі', { positionKk: 'Ауылдық округ әкімі', positionRu: 'Аким сельского округа' }],
    // No Kazakh-only letter, but the table knows it as Kazakh.
    ['маман', { positionKk: 'маман', positionRu: 'специалист' }],
    ['хатшы', { positionKk: 'хатшы', positionRu: 'секретарь' }],
    ['начальник отдела', { positionKk: 'бөлім бастығы', positionRu: 'начальник отдела' }],
    ['вице-министр', { positionKk: 'вице-министр', positionRu: 'вице-министр' }],
    // Unknown: Kazakh letters make it Kazakh, anything else Russian; nothing invented.
    ['Мектеп директорының орынбасары', { positionKk: 'Мектеп директорының орынбасары', positionRu: '' }],
    ['директор школы-гимназии', { positionKk: '', positionRu: 'директор школы-гимназии' }],
    ['  ', { positionKk: '', positionRu: '' }],
  ])('an old single position %j goes to %j', (text, expected) => {
    expect(splitLegacyPosition(text)).toEqual(expected);
  });
});
