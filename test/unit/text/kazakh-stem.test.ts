import { describe, expect, it } from 'vitest';
import { kazakhStem, kazakhStems } from '../../../shared/domain/text/kazakh-stem';
import { foldedWords } from '../../../shared/domain/text/fold';

/** The stems of a word as written (folded first, as the index and the query do). */
const stems = (word: string) => kazakhStems(foldedWords(word)[0]!);
const folded = (word: string) => foldedWords(word)[0]!;

/**
 * Each line: a dictionary form and inflected forms of it, from the glossary and the demo corpus
 * (electron/core/demo/issue-corpus.ts). Every form must have the root among its stems.
 */
const FAMILIES: ReadonlyArray<[root: string, forms: readonly string[]]> = [
  ['жол', ['жол', 'жолды', 'жолдың', 'жолға', 'жолда', 'жолдан', 'жолмен', 'жолдар', 'жолдары', 'жолдарды', 'жолдарына', 'жолы', 'жолын', 'жолына', 'жолындағы', 'жолдағы', 'жолымыз', 'жолымызға']],
  ['мектеп', ['мектеп', 'мектептің', 'мектепке', 'мектептегі', 'мектебі', 'мектебіне', 'мектептер', 'мектептерге', 'мектебіміздің', 'мектептен']],
  ['көше', ['көше', 'көшеге', 'көшесі', 'көшесіне', 'көшесіндегі', 'көшелер', 'көшелерге', 'көшедегі', 'көшеде', 'көшені']],
  ['ауыл', ['ауыл', 'ауылға', 'ауылдың', 'ауылда', 'ауылдағы', 'ауылы', 'ауылымыз', 'ауылымызға', 'ауылдар', 'ауылды', 'ауылдан']],
  ['су', ['су', 'суы', 'суға', 'судың', 'суда', 'судан', 'суды']],
  ['үй', ['үй', 'үйге', 'үйлер', 'үйі', 'үйінің', 'үйлерді', 'үйде']],
  ['бала', ['бала', 'балалар', 'балаға', 'балаларды', 'балаларымыздың', 'баласы', 'балаларға']],
  ['газ', ['газ', 'газға', 'газды', 'газдың']],
  ['орталық', ['орталық', 'орталығы', 'орталығына', 'орталықта', 'орталыққа']],
  ['аудан', ['аудан', 'ауданы', 'ауданның', 'ауданға', 'аудандағы', 'ауданда']],
  ['әкім', ['әкім', 'әкімі', 'әкімнің', 'әкімге', 'әкімдер']],
  ['әкімдік', ['әкімдік', 'әкімдікке', 'әкімдіктің', 'әкімдігі', 'әкімдікте']],
  ['облыс', ['облыс', 'облысы', 'облыстың', 'облысқа', 'облыста']],
  ['кездесу', ['кездесу', 'кездесуі', 'кездесуде', 'кездесуге', 'кездесулер', 'кездесулерде']],
  ['хаттама', ['хаттама', 'хаттамасы', 'хаттамаға', 'хаттамада', 'хаттамалар']],
  ['тұрғын', ['тұрғын', 'тұрғындар', 'тұрғындардың', 'тұрғынның', 'тұрғындарға']],
  ['жер', ['жер', 'жерге', 'жердің', 'жері', 'жерлер']],
  ['көпір', ['көпір', 'көпірлер', 'көпірді', 'көпірге', 'көпірдің']],
  ['шағым', ['шағым', 'шағымдар', 'шағымы', 'шағымға']],
  ['ұсыныс', ['ұсыныс', 'ұсыныстар', 'ұсынысы', 'ұсынысқа']],
  ['отбасы', ['отбасы', 'отбасылар', 'отбасыларға']],
  ['жайылым', ['жайылым', 'жайылымдар', 'жайылымға', 'жайылымды']],
];

describe('the Kazakh stemmer', () => {
  it.each(FAMILIES)('cuts every form of %s to it', (root, forms) => {
    for (const form of forms) expect(stems(form), form).toContain(folded(root));
  });

  it('stems what is typed on a Russian keyboard as the written word', () => {
    expect(kazakhStems('кошеге')).toEqual(stems('көшеге'));
    expect(kazakhStems('мектептин')).toEqual(stems('мектептің'));
    expect(kazakhStems('коше')).toEqual(['коше']);
  });

  it('keeps two stems where folding makes the ending ambiguous, and offers the first', () => {
    expect(stems('ауданы')).toEqual(['ауда', 'аудан']); // аудан-ы, not ауда-ны, but folded both are "ауданы"
    expect(stems('жолдасы')).toEqual(['жолда', 'жолдас']);
    expect(kazakhStem(folded('көшесі'))).toBe('коше');
  });

  /** Pairs that look alike and must not reach one stem: a root and a longer root, or a suffix-looking root. */
  const APART: ReadonlyArray<[string, string]> = [
    ['жолдас', 'жол'],
    ['жолдастар', 'жол'],
    ['көшет', 'көше'],
    ['сусыз', 'су'],
    ['ауыз', 'ауыл'],
    ['орын', 'ор'],
    ['адам', 'ада'],
    ['алаң', 'ала'],
    ['қорым', 'қор'],
    ['аудан', 'ау'],
    ['майдан', 'май'],
    ['тұрғын', 'тұрғы'],
    ['аудандық', 'аудан'],
    ['газдандыру', 'газ'],
    ['баға', 'басы'],
  ];
  it.each(APART)('keeps %s apart from %s', (a, b) => {
    const shared = stems(a).filter((s) => stems(b).includes(s));
    expect(shared).toEqual([]);
  });

  it('never cuts a root below three letters unless it is one of the two-letter roots', () => {
    for (const word of ['ана', 'ата', 'ала', 'ара', 'ене', 'ине', 'ода']) expect(kazakhStems(word)).toEqual([word]);
    expect(kazakhStems('елге')).toEqual(['ел']);
  });

  it('follows vowel harmony and the consonant before the ending', () => {
    // -ге after a back vowel, -қа after a front one, -қа after a voiced consonant, -ке after a
    // vowel do not exist (о, а, у are left open: folded, they may be ө, ә, ү)
    expect(kazakhStems('ауылге')).toEqual(['ауылге']);
    expect(kazakhStems('мектепка')).toEqual(['мектепка']);
    expect(kazakhStems('газка')).toEqual(['газка']);
    expect(kazakhStems('кошеке')).toEqual(['кошеке']);
    expect(kazakhStems('мектепти')).toEqual(['мектеп']);
  });

  it('leaves words without Kazakh endings (and Latin, digits) as they are', () => {
    for (const word of ['e-otinish', '4567', 'интернет', 'асфальт']) expect(kazakhStems(word)).toEqual([word]);
  });
});
