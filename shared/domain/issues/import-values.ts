import { EMPTY_CELL, nameKey, placeKey, type ImportCell, type ImportMapping, type ImportRules, type Resolved } from './legacy-import';

/**
 * The values of a legacy log that name reference data (issue 13, point 3): which distinct
 * values of a column match no entry, how many rows each holds, the entry each probably means;
 * and the user's answer for each (an entry, a new entry, or nothing) folded into the rules the
 * rows are checked with. A fresh installation has no bodies and its own categories: without
 * this step every row of a real log fails. Pure: the core loads the lists and writes the entries.
 */

/** The columns whose values are looked up in a reference list. */
export const REFERENCE_FIELDS = ['body', 'category', 'status', 'locality'] as const;
export type ReferenceField = (typeof REFERENCE_FIELDS)[number];

/** Bodies and categories are the installation's own lists; statuses are fixed and localities are KATO's. */
export const CREATABLE_FIELDS: readonly ReferenceField[] = ['body', 'category'];
export const canCreate = (field: ReferenceField) => CREATABLE_FIELDS.includes(field);

/** What a value becomes: an existing entry, an entry the import creates, or left empty. */
export type ValueChoice = { kind: 'existing'; id: string } | { kind: 'create' } | { kind: 'empty' };

/** One answer of the user: the value as the file has it (any spelling of it). */
export interface ValueAnswer {
  field: ReferenceField;
  value: string;
  to: ValueChoice;
}

/** An entry a value can be mapped to. */
export interface ValueTarget {
  id: string;
  nameKk: string;
  nameRu: string;
  /** A locality's depth below the unit, to indent it in a list. */
  depth?: number;
}

export type ValueTargets = Record<ReferenceField, ValueTarget[]>;

/** A distinct value of a column that the reference list does not resolve. */
export interface UnknownValue {
  field: ReferenceField;
  /** The folded form rows are grouped by (nameKey): what the answers are matched on. */
  key: string;
  /** The value as first written in the file. */
  value: string;
  /** How many rows hold it. */
  rows: number;
  /** Why it does not resolve: no entry by that name, several, or one that cannot be chosen. */
  problem: Exclude<Resolved, { id: string | null }>['problem'];
  /** The entry it most probably means, when one is close enough to preselect. */
  guess: string | null;
}

const resolverOf = (rules: ImportRules, field: ReferenceField) => rules[field];

/** How values are compared with entries: a locality without its "с."/"а." (placeKey), others by nameKey. */
const compareKey = (field: ReferenceField, text: string) => (field === 'locality' ? placeKey(text) : nameKey(text));

/**
 * Every distinct value (folded: case, spaces, ё and Kazakh letters aside) of the mapped
 * reference columns that the rules do not resolve, per column in the order first met, with its
 * row count and a guess among `targets`.
 */
export function unknownValues(
  rows: ReadonlyArray<{ cells: readonly ImportCell[] }>,
  mapping: ImportMapping,
  rules: ImportRules,
  targets: ValueTargets,
): UnknownValue[] {
  const found: UnknownValue[] = [];
  for (const field of REFERENCE_FIELDS) {
    const column = mapping[field];
    if (column === undefined) continue;
    const resolve = resolverOf(rules, field);
    const byKey = new Map<string, UnknownValue>();
    const known = new Set<string>();
    for (const { cells } of rows) {
      const text = (cells[column] ?? EMPTY_CELL).text.trim();
      if (text === '') continue;
      const key = nameKey(text);
      if (key === '' || known.has(key)) continue;
      const seen = byKey.get(key);
      if (seen) {
        seen.rows++;
        continue;
      }
      const resolved = resolve(text);
      if ('id' in resolved) {
        known.add(key);
        continue;
      }
      const value = text.replace(/\s+/g, ' ');
      byKey.set(key, { field, key, value, rows: 1, problem: resolved.problem, guess: closestTarget(field, value, targets[field]) });
    }
    found.push(...byKey.values());
  }
  return found;
}

/** The character pairs of a folded text, words padded so that "мост" and "мосты" share their start. */
function bigrams(key: string): Map<string, number> {
  const pairs = new Map<string, number>();
  for (const word of key.split(' ')) {
    const padded = ` ${word} `;
    for (let i = 0; i + 2 <= padded.length; i++) {
      const pair = padded.slice(i, i + 2);
      pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
    }
  }
  return pairs;
}

/** Sørensen–Dice over character pairs: 1 the same letters, 0 none in common. */
function dice(a: string, b: string): number {
  const pa = bigrams(a);
  const pb = bigrams(b);
  let common = 0;
  let total = 0;
  for (const [pair, n] of pa) {
    common += Math.min(n, pb.get(pair) ?? 0);
    total += n;
  }
  for (const n of pb.values()) total += n;
  return total === 0 ? 0 : (2 * common) / total;
}

/**
 * Every word of the shorter name begins a word of the longer one (at least five letters of it,
 * so stems meet: "образование" in "образование школы детсады", "отдел образования" in "отдел
 * образования района").
 */
function wordsInside(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const words = short.split(' ').filter((w) => w !== '');
  if (words.length === 0 || !words.some((w) => w.length >= 5)) return false;
  const others = long.split(' ');
  return words.every((w) => others.some((o) => o === w || (w.length >= 5 && o.startsWith(w.slice(0, Math.max(5, w.length - 2))))));
}

/** How close two folded names are, 0..1. */
export function nameSimilarity(a: string, b: string): number {
  if (a === '' || b === '') return 0;
  if (a === b) return 1;
  return Math.max(dice(a, b), wordsInside(a, b) ? 0.8 : 0);
}

/** Below this a value and an entry are not taken for the same: the user chooses. */
export const GUESS_THRESHOLD = 0.7;

/** The target closest to the value by either of its names, if close enough and alone at that closeness. */
export function closestTarget(field: ReferenceField, value: string, targets: readonly ValueTarget[]): string | null {
  const key = compareKey(field, value);
  let best: string | null = null;
  let bestScore = GUESS_THRESHOLD;
  let tie = false;
  for (const t of targets) {
    const score = Math.max(nameSimilarity(key, compareKey(field, t.nameKk)), nameSimilarity(key, compareKey(field, t.nameRu)));
    if (score > bestScore) {
      best = t.id;
      bestScore = score;
      tie = false;
    } else if (score === bestScore && best !== null && best !== t.id) {
      tie = true;
    }
  }
  return tie ? null : best;
}

/** The answers by field and folded value; the last answer for a value wins. */
export function answersByKey(answers: readonly ValueAnswer[]): Map<ReferenceField, Map<string, ValueChoice>> {
  const byField = new Map<ReferenceField, Map<string, ValueChoice>>();
  for (const a of answers) {
    const key = nameKey(a.value);
    if (key === '') continue;
    const map = byField.get(a.field) ?? new Map<string, ValueChoice>();
    map.set(key, a.to);
    byField.set(a.field, map);
  }
  return byField;
}

/**
 * The rules with the user's answers put before the reference lists: a value answered resolves
 * to its entry, to the id `created` gives the entry made for it, or to nothing.
 */
export function withAnswers(
  rules: ImportRules,
  answers: ReadonlyMap<ReferenceField, ReadonlyMap<string, ValueChoice>>,
  created: (field: ReferenceField, key: string) => string,
): ImportRules {
  const wrap = (field: ReferenceField) => {
    const base = rules[field];
    const own = answers.get(field);
    if (!own || own.size === 0) return base;
    return (text: string): Resolved => {
      const key = nameKey(text);
      const choice = own.get(key);
      if (!choice) return base(text);
      if (choice.kind === 'existing') return { id: choice.id };
      if (choice.kind === 'empty') return { id: null };
      return { id: created(field, key) };
    };
  };
  return { ...rules, body: wrap('body'), category: wrap('category'), status: wrap('status'), locality: wrap('locality') };
}

/**
 * The answers naming an entry that is not among the field's targets (archived, outside the
 * unit, a status without an outcome), by their index. ("Create" where the list is not the
 * installation's own is refused by the contract.)
 */
export function invalidAnswers(answers: readonly ValueAnswer[], targets: ValueTargets): number[] {
  const bad: number[] = [];
  answers.forEach(({ field, to }, i) => {
    if (to.kind === 'existing' && !targets[field].some((t) => t.id === to.id)) bad.push(i);
  });
  return bad;
}

/** An entry the import creates (on a check: would create), with the rows it is given to. */
export interface CreatedEntry {
  field: ReferenceField;
  name: string;
  rows: number;
}
