/**
 * A light Kazakh stemmer: it strips the inflectional endings of a noun — a case ending (or the
 * locative's -ғы/-гі), then a possessive, then the plural, the reverse of the order Kazakh
 * stacks them in (жол-дар-ымыз-ға) — and leaves derivation alone (жолдас stays жолдас).
 *
 * It works on FOLDED text (shared/domain/text/fold.ts), the alphabet both the index and the
 * query are in: a word typed on a Russian keyboard ("кошеге" for "көшеге") must reach the stem
 * the document's word reaches, and folding first puts both in one alphabet. Folding merges some
 * letters (ә/а, ө/о, ұ/ү/у, і/и, ң/н, қ/к, ғ/г), so:
 * - vowel harmony is read from the vowels folding keeps apart: ы is back, е and и are front,
 *   а, о, у may be either; a suffix must agree with the stem's last vowel where that is known;
 * - each ending's first consonant must fit the letter before it, as in Kazakh (-ның after a
 *   vowel or м/н/ң, -дың after ж/з/л/р/й/у, -тың after a voiceless consonant…): this is what
 *   keeps roots that merely end like a suffix (жолдас, көшет) whole.
 * The 1st and 2nd person singular possessives (-м, -ң, -ым, -ың) are not stripped: registry
 * text is in the 3rd person, and after folding they collide with roots (адам, алаң, қорым).
 * Where folding cannot tell two endings apart (көше-сі or жолдас-ы, көше-ні or аудан-ы) both
 * stems are kept, and a short list of roots that end like an ending (аудан, орын) stops the
 * cutting. A stem keeps a vowel and three letters, or is one of the two-letter roots (су, үй,
 * ел…), so short roots are not cut down further.
 */

const VOWELS = new Set('аеиоуыэюя');
/** Voiceless consonants, and б, в, г, д, which end a Kazakh word voiceless. */
const HARD = 'кпстфхцчшщбвгд';
/** The 3rd person possessive's vowel, which -на, -нда, -нан, -н follow (ауылы-на, ауылы-нда). */
const AFTER_3RD = 'ыи';

type Harmony = 'back' | 'front' | 'any';

function harmonyOf(letter: string): Harmony {
  if (letter === 'ы') return 'back';
  if (letter === 'е' || letter === 'и' || letter === 'э') return 'front';
  return 'any';
}

function lastVowel(stem: string): string | undefined {
  for (let i = stem.length - 1; i >= 0; i--) if (VOWELS.has(stem[i]!)) return stem[i];
  return undefined;
}

interface Ending {
  text: string;
  /** The letters the stem may end in before it; 'V' is any vowel. */
  after: string;
  /** The stem is left ending in a 3rd person possessive, which must be stripped next (ауыл-ы-на). */
  needs3rd?: true;
}

/** Variants of an ending: [back, front] forms and the letters each may follow. */
function forms(pairs: ReadonlyArray<[back: string, front: string, after: string]>, needs3rd?: true): Ending[] {
  return pairs.flatMap(([b, f, after]) => [b, f].map((text) => ({ text, after, ...(needs3rd ? { needs3rd } : {}) })));
}

const VOICED_D = 'жзлрйу';
const CASES: readonly Ending[] = [
  // the locative's relativizer, -дағы: "көшедегі", "ауылдағы", "ауылындағы"
  ...forms([
    ['дагы', 'деги', `V${VOICED_D}мн`],
    ['тагы', 'теги', HARD],
  ]),
  ...forms([['ндагы', 'ндеги', AFTER_3RD]], true),
  // genitive
  ...forms([
    ['нын', 'нин', 'Vмн'],
    ['дын', 'дин', VOICED_D],
    ['тын', 'тин', HARD],
  ]),
  // ablative
  ...forms([
    ['дан', 'ден', `V${VOICED_D}`],
    ['нан', 'нен', 'мн'],
    ['тан', 'тен', HARD],
  ]),
  ...forms([['нан', 'нен', AFTER_3RD]], true),
  // locative
  ...forms([
    ['да', 'де', `V${VOICED_D}мн`],
    ['та', 'те', HARD],
  ]),
  ...forms([['нда', 'нде', AFTER_3RD]], true),
  // dative
  ...forms([
    ['га', 'ге', `V${VOICED_D}мн`],
    ['ка', 'ке', HARD],
  ]),
  ...forms([['на', 'не', AFTER_3RD]], true),
  // accusative
  ...forms([
    ['ны', 'ни', 'V'],
    ['ды', 'ди', `${VOICED_D}мн`],
    ['ты', 'ти', HARD],
  ]),
  { text: 'н', after: AFTER_3RD, needs3rd: true },
  // instrumental, without harmony
  ...['менен', 'мен'].map((text) => ({ text, after: 'Vлрйумн' })),
  ...['бенен', 'бен'].map((text) => ({ text, after: 'жз' })),
  ...['пенен', 'пен'].map((text) => ({ text, after: HARD })),
];

/** Consonants, and у, which ends су, тау and takes -ы like them (суы, тауы). */
const CONSONANT = 'бвгджзйклмнпрстфхцчшщу';
const POSSESSIVES: readonly Ending[] = [
  ...forms([
    ['ымыз', 'имиз', CONSONANT],
    ['мыз', 'миз', 'V'],
    ['ыныз', 'иниз', CONSONANT],
    ['ныз', 'низ', 'V'],
    ['сы', 'си', 'V'],
    ['ы', 'и', CONSONANT],
  ]),
];

const PLURALS: readonly Ending[] = forms([
  ['лар', 'лер', 'Vрйу'],
  ['дар', 'дер', 'лмнжз'],
  ['тар', 'тер', HARD],
]);

/** Longest first, so -дағы wins over -ы and -ымыз over -ы. */
const byLength = (a: Ending, b: Ending) => b.text.length - a.text.length;
const STEPS = [CASES, POSSESSIVES, PLURALS].map((list) => [...list].sort(byLength));

/**
 * Roots whose end looks like an ending the rules above would strip: they stop the stripping
 * when it reaches them. Short on purpose: each entry is a word seen in issue text.
 */
const ROOTS = new Set(['тургын', 'орын', 'кейин', 'агын', 'калын', 'жылы', 'ауыз', 'тагы', 'бари', 'сары', 'аудан', 'майдан', 'корым', 'отбасы']);

/** The roots of two letters (су, үй, ел…), folded: any other stem keeps at least three. */
const SHORT_ROOTS = new Set(['су', 'уй', 'ел', 'ат', 'ас', 'ай', 'ет', 'от', 'ой', 'ул', 'из', 'ак', 'ту', 'шу']);

function fits(stem: string, ending: Ending): boolean {
  if (stem.length < 3 && !SHORT_ROOTS.has(stem)) return false;
  if (lastVowel(stem) === undefined) return false;
  const before = stem[stem.length - 1]!;
  if (!(ending.after.includes(before) || (ending.after.includes('V') && VOWELS.has(before)))) return false;
  const suffixVowel = lastVowel(ending.text);
  if (suffixVowel === undefined) return true;
  // An ending's а is back: endings have no ә.
  const want = suffixVowel === 'а' ? 'back' : harmonyOf(suffixVowel);
  const have = harmonyOf(lastVowel(stem)!);
  return want === 'any' || have === 'any' || want === have;
}

interface Cut {
  stem: string;
  ending: Ending;
}

/** The endings of one step that the word may be cut at, longest first. */
function cuts(word: string, endings: readonly Ending[]): Cut[] {
  if (ROOTS.has(word)) return [];
  return endings.flatMap((ending) => {
    if (word.length <= ending.text.length || !word.endsWith(ending.text)) return [];
    const stem = word.slice(0, -ending.text.length);
    return fits(stem, ending) ? [{ stem, ending }] : [];
  });
}

/**
 * Before a vowel Kazakh voices a final п, к, қ (мектеп → мектебі, орталық → орталығы): a stem
 * left by an ending that starts with a vowel takes its dictionary consonant back.
 */
function unvoiced(stem: string, ending: Ending | null): string {
  if (ending === null || !VOWELS.has(ending.text[0]!)) return stem;
  if (stem.endsWith('б')) return `${stem.slice(0, -1)}п`;
  if (stem.endsWith('г')) return `${stem.slice(0, -1)}к`;
  return stem;
}

const is3rd = (e: Ending) => /^(с?[ыи])$/.test(e.text);
const [CASE_STEP, POSSESSIVE_STEP, PLURAL_STEP] = STEPS as [Ending[], Ending[], Ending[]];

/** The possessive, then the plural, of what the case step left. */
function afterCase(rest: string, last: Ending | null, out: Set<string>): void {
  const possessives = cuts(rest, POSSESSIVE_STEP);
  // -сы after a vowel or -ы after с (көше-сі, жолдас-ы), -ны after a vowel or -ы after н (көше-ні,
  // аудан-ы): folded text cannot tell them apart, so both stems are kept.
  const branches = possessives.length === 0 ? [{ rest, last }] : [{ rest: possessives[0]!.stem, last: possessives[0]!.ending }];
  const second = possessives[1];
  if (second && possessives[0]!.ending.text.startsWith('с') && is3rd(second.ending)) branches.push({ rest: second.stem, last: second.ending });
  for (const b of branches) {
    const plural = cuts(b.rest, PLURAL_STEP)[0];
    out.add(plural ? unvoiced(plural.stem, plural.ending) : unvoiced(b.rest, b.last));
  }
}

/**
 * The stems of one folded word (lower case, Kazakh letters folded): one, or two where folding
 * leaves the ending ambiguous; a word without an ending comes back as it is.
 */
export function kazakhStems(word: string): string[] {
  const out = new Set<string>();
  const caseCut = cuts(word, CASE_STEP).find((c) => !c.ending.needs3rd || cuts(c.stem, POSSESSIVE_STEP).some((p) => is3rd(p.ending)));
  afterCase(caseCut?.stem ?? word, caseCut?.ending ?? null, out);
  if (caseCut && /^н[ыи]$/.test(caseCut.ending.text)) afterCase(word, null, out);
  return [...out];
}

/** The first of a word's stems: the one a suggestion offers. */
export function kazakhStem(word: string): string {
  return kazakhStems(word)[0]!;
}
