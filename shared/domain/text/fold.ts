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

/**
 * Folds text for matching: lower case, ё→е, and Kazakh letters to their basic Cyrillic
 * neighbours, so "караауыл" typed on a Russian keyboard finds "Қараауыл".
 */
export function foldForSearch(text: string): string {
  return text
    .toLocaleLowerCase('ru')
    .replace(/[әғқңөұүһіё]/g, (ch) => KAZAKH_TO_BASIC[ch] ?? ch)
    .replace(/\s+/g, ' ')
    .trim();
}
