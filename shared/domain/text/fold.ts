const KAZAKH_TO_BASIC: Record<string, string> = {
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и',
  ё: 'е',
};

/** Latin letters drawn like Cyrillic ones, and the Cyrillic letter each stands for. */
const LATIN_LOOKALIKES: Record<string, string> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
  a: 'а',
  c: 'с',
  e: 'е',
  h: 'һ',
  i: 'і',
  k: 'к',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
};

/**
 * A Latin letter inside a Cyrillic word is a typing slip (keyboards switch languages, and
 * Kazakh layouts put і, һ next to Latin keys): "кoше" with a Latin o is "коше". Words wholly in
 * Latin letters are left alone.
 */
function cyrillicLookalikes(text: string): string {
  // Most text has no Latin letter at all: the per-word pass below is the slowest step of a fold.
  if (!/[A-Za-z]/.test(text)) return text;
  return text.replace(/[\p{L}\p{M}]+/gu, (word) =>
    /[A-Za-z]/.test(word) && /\p{Script=Cyrillic}/u.test(word) ? word.replace(/[A-Za-z]/g, (ch) => LATIN_LOOKALIKES[ch] ?? ch) : word,
  );
}

/**
 * Folds text for matching: lower case, ё→е, Kazakh letters to their basic Cyrillic
 * neighbours, so "караауыл" typed on a Russian keyboard finds "Қараауыл", and Latin
 * look-alikes inside Cyrillic words to Cyrillic.
 */
export function foldForSearch(text: string): string {
  return cyrillicLookalikes(text)
    .toLocaleLowerCase('ru')
    .replace(/[әғқңөұүһіё]/g, (ch) => KAZAKH_TO_BASIC[ch] ?? ch)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The folded words of a text: runs of letters and digits, as a full-text index sees them. */
export function foldedWords(text: string): string[] {
  return foldForSearch(text.normalize('NFC'))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/**
 * A folded text made forgiving of the spellings a place name comes in: a doubled vowel read
 * as one ("Қараауыл" and "Қарауыл", "Карааул" and "Караул"), and the Kazakh "уы" after a vowel
 * as the Russian "у" ("ауыл" and "аул"). Folding already made the Kazakh letters basic, so
 * the vowels here are the Russian ones. Matching on this form ranks after the exact one.
 */
export function looseForSearch(folded: string): string {
  return folded.replace(/([аеиоуыэюя])уы/g, '$1у').replace(/([аеиоуыэюя])\1+/g, '$1');
}
