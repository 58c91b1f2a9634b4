/**
 * A person's position (лауазымы / должность) is kept in both languages, because the same akim
 * or official is named in Kazakh and in Russian documents. The table of common positions fills
 * in the other language as the user types one; a document prints its own language's and falls
 * back to the other, so a half-filled pair still prints something.
 */

type Lang = 'kk' | 'ru';

export interface Positions {
  positionKk: string;
  positionRu: string;
}

/** Positions akimats write most often, each as the pair the official texts use. */
const PAIRS: ReadonlyArray<{ kk: string; ru: string }> = [
  { kk: 'әкім', ru: 'аким' },
  { kk: 'облыс әкімі', ru: 'аким области' },
  { kk: 'қала әкімі', ru: 'аким города' },
  { kk: 'аудан әкімі', ru: 'аким района' },
  { kk: 'ауылдық округ әкімі', ru: 'аким сельского округа' },
  { kk: 'кент әкімі', ru: 'аким поселка' },
  { kk: 'ауыл әкімі', ru: 'аким села' },
  { kk: 'әкімнің орынбасары', ru: 'заместитель акима' },
  // The same office, as the demo data and many akimats write it.
  { kk: 'әкім орынбасары', ru: 'заместитель акима' },
  { kk: 'облыс әкімінің орынбасары', ru: 'заместитель акима области' },
  { kk: 'аудан әкімінің орынбасары', ru: 'заместитель акима района' },
  { kk: 'қала әкімінің орынбасары', ru: 'заместитель акима города' },
  { kk: 'ауылдық округ әкімінің орынбасары', ru: 'заместитель акима сельского округа' },
  { kk: 'әкім аппаратының басшысы', ru: 'руководитель аппарата акима' },
  { kk: 'бөлім басшысы', ru: 'руководитель отдела' },
  { kk: 'бөлім басшысының орынбасары', ru: 'заместитель руководителя отдела' },
  { kk: 'бөлім бастығы', ru: 'начальник отдела' },
  { kk: 'бастық', ru: 'начальник' },
  { kk: 'басшы', ru: 'руководитель' },
  { kk: 'маман', ru: 'специалист' },
  { kk: 'бас маман', ru: 'главный специалист' },
  { kk: 'жетекші маман', ru: 'ведущий специалист' },
  { kk: 'хатшы', ru: 'секретарь' },
  { kk: 'бас дәрігер', ru: 'главный врач' },
  { kk: 'бас бухгалтер', ru: 'главный бухгалтер' },
  { kk: 'мәслихат депутаты', ru: 'депутат маслихата' },
  { kk: 'учаскелік полиция инспекторы', ru: 'участковый инспектор полиции' },
  { kk: 'вице-министр', ru: 'вице-министр' },
  { kk: 'директор', ru: 'директор' },
];

const key = (text: string) => text.normalize('NFC').toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();

const BY_LANG: Record<Lang, Map<string, string>> = { kk: new Map(), ru: new Map() };
for (const pair of PAIRS) {
  // The first pair of a word wins, so "заместитель акима" answers "әкімнің орынбасары".
  if (!BY_LANG.kk.has(key(pair.kk))) BY_LANG.kk.set(key(pair.kk), pair.ru);
  if (!BY_LANG.ru.has(key(pair.ru))) BY_LANG.ru.set(key(pair.ru), pair.kk);
}

const other = (lang: Lang): Lang => (lang === 'kk' ? 'ru' : 'kk');

/** A position written in `lang`, in the other language when the table knows it; capitalised as typed. */
export function positionCounterpart(text: string, lang: Lang): string | null {
  const found = BY_LANG[lang].get(key(text));
  if (found === undefined) return null;
  const first = text.trim().charAt(0);
  return first !== '' && first === first.toLocaleUpperCase('ru') && first !== first.toLocaleLowerCase('ru')
    ? found.charAt(0).toLocaleUpperCase('ru') + found.slice(1)
    : found;
}

/** The position in a document's language, else the other one; '' when neither is written. */
export function positionIn(p: Positions, lang: Lang): string {
  const own = (lang === 'kk' ? p.positionKk : p.positionRu).trim();
  return own !== '' ? own : (lang === 'kk' ? p.positionRu : p.positionKk).trim();
}

const field = (lang: Lang): keyof Positions => (lang === 'kk' ? 'positionKk' : 'positionRu');

/**
 * One side of the pair typed: the other follows it from the table while it is empty or still
 * holds what the table gave for the previous text; once the user wrote it, it stays theirs.
 */
export function editPosition(before: Positions, lang: Lang, text: string): Positions {
  const otherField = field(other(lang));
  const current = before[otherField];
  const followed = current.trim() === '' || current === positionCounterpart(before[field(lang)], lang);
  return { ...before, [field(lang)]: text, [otherField]: followed ? (positionCounterpart(text, lang) ?? '') : current } as Positions;
}

const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/;

/**
 * Where a position typed before the two languages were kept (one text) goes: a text with
 * letters only Kazakh has is Kazakh; one the table knows is of the language it knows it in;
 * anything else is read as Russian (the usual language of office titles without Kazakh
 * letters, and a Kazakh document falls back to it, printing what it printed before). The
 * other side is filled from the table when it can be.
 */
export function splitLegacyPosition(text: string): Positions {
  const trimmed = text.trim();
  if (trimmed === '') return { positionKk: '', positionRu: '' };
  const lang: Lang = KAZAKH_LETTERS.test(trimmed) || (BY_LANG.kk.has(key(trimmed)) && !BY_LANG.ru.has(key(trimmed))) ? 'kk' : 'ru';
  const counterpart = positionCounterpart(trimmed, lang) ?? '';
  return lang === 'kk' ? { positionKk: trimmed, positionRu: counterpart } : { positionKk: counterpart, positionRu: trimmed };
}
