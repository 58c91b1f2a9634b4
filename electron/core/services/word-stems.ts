import { createRequire } from 'node:module';
import type * as Snowball from 'snowball-stemmers';
import { kazakhStems } from '../../../shared/domain/text/kazakh-stem';

/**
 * The stems of a folded word in both languages: an issue's language is not recorded, and a
 * Kazakh text quotes Russian names (and the other way round), so every word gets both.
 * Russian is Snowball's algorithm (snowball-stemmers); Kazakh is shared/domain/text/kazakh-stem.ts.
 * Folded text has no ё, which this port of Snowball does not know (it would keep "ёлка" whole).
 */
export interface WordStems {
  ru: string;
  kk: readonly string[];
}

const requireHere = createRequire(import.meta.url);
let russian: Snowball.Stemmer | undefined;

/**
 * Snowball's package (all its languages, 800 KB) is required when the first word is stemmed,
 * not whenever the core starts: most CLI commands and a core that only reads never stem.
 */
function russianStemmer(): Snowball.Stemmer {
  russian ??= (requireHere('snowball-stemmers') as typeof Snowball).newStemmer('russian');
  return russian;
}

/**
 * Issue text repeats its words (a district's vocabulary is a few thousand words), so each is
 * stemmed once: 3 µs a word, against 0.1 µs for the lookup. The cap keeps a long session's
 * cache from growing without end.
 */
const cache = new Map<string, WordStems>();
const CACHE_CAP = 100_000;

export function stemsOf(word: string): WordStems {
  const hit = cache.get(word);
  if (hit) return hit;
  const stems: WordStems = /\p{Script=Cyrillic}/u.test(word) ? { ru: russianStemmer().stem(word), kk: kazakhStems(word) } : { ru: word, kk: [word] };
  if (cache.size >= CACHE_CAP) cache.clear();
  cache.set(word, stems);
  return stems;
}
