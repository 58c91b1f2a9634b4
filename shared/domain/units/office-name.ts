import type { UnitKind } from './unit-kind';

/**
 * Formal names for document headers: the unit's full name and its akim's office
 * ("Абай ауданы әкімінің аппараты", "Аппарат акима Абайского района").
 *
 * KATO names are abbreviated ("Карааульский с.о.", "Семей Г.А.", "Қараауыл а.о.") and put the
 * proper part before or after the generic word depending on whether it is an adjective
 * ("Абайский район") or a noun ("район Ақсуат"). A name is read as a proper part plus one
 * marker; the generic word is then chosen by the unit's kind, not by the marker, because the
 * markers are not reliable on their own (Karaganda's "р.а." is "а.ә." in Kazakh, Aktau's
 * Kazakh name carries the Russian "Г.А.").
 *
 * The generic words and the office templates stay in code rather than in the i18n catalogs:
 * they are grammar, not wording. The Russian template governs the genitive and the Kazakh one
 * the possessive (izafet) form of the name, and each generic word comes in the case forms this
 * code chooses between, so a translator could not change one without changing the code.
 *
 * Proper names after a generic word are kept as written, undeclined ("города Семей", "района
 * Ақсуат"), as official texts usually do: most are Kazakh names that Russian does not decline,
 * and declining the rest by rule would go wrong (Алматы, Кокшетау, Рудный).
 */

export type DocumentLanguage = 'kk' | 'ru';

export interface NamedUnit {
  kind: UnitKind;
  nameKk: string;
  nameRu: string;
}

interface RuGeneric {
  nom: string;
  gen: string;
}

const RU = {
  oblast: { nom: 'область', gen: 'области' },
  city: { nom: 'город', gen: 'города' },
  district: { nom: 'район', gen: 'района' },
  ruralOkrug: { nom: 'сельский округ', gen: 'сельского округа' },
  townAdministration: { nom: 'городская администрация', gen: 'городской администрации' },
  settlementAdministration: { nom: 'поселковая администрация', gen: 'поселковой администрации' },
  villageAdministration: { nom: 'сельская администрация', gen: 'сельской администрации' },
  settlement: { nom: 'поселок', gen: 'поселка' },
  village: { nom: 'село', gen: 'села' },
  station: { nom: 'станция', gen: 'станции' },
} satisfies Record<string, RuGeneric>;

type Gender = 'm' | 'f';

/**
 * Per kind: the generic word an adjectival name agrees with (and its gender), and the one a
 * noun name follows. A city is always named by a noun, even "Рудный"; a town, settlement or
 * village named by an adjective ("Шарская г.а.", "Чаганская п.а.") is its administration,
 * since the adjective does not give back the place's own name (Щучинская → Щучинск).
 */
const RU_BY_KIND: Record<Exclude<UnitKind, 'locality'>, { adjective: [RuGeneric, Gender] | null; noun: RuGeneric }> = {
  oblast: { adjective: [RU.oblast, 'f'], noun: RU.oblast },
  capital: { adjective: null, noun: RU.city },
  republican_city: { adjective: null, noun: RU.city },
  oblast_city: { adjective: null, noun: RU.city },
  city_district: { adjective: [RU.district, 'm'], noun: RU.district },
  district: { adjective: [RU.district, 'm'], noun: RU.district },
  rural_okrug: { adjective: [RU.ruralOkrug, 'm'], noun: RU.ruralOkrug },
  district_city: { adjective: [RU.townAdministration, 'f'], noun: RU.city },
  settlement: { adjective: [RU.settlementAdministration, 'f'], noun: RU.settlement },
  village: { adjective: [RU.villageAdministration, 'f'], noun: RU.village },
};

/** Kazakh generic words: the possessive form after a name, the bare one after "атындағы". */
interface KkGeneric {
  possessive: string;
  bare: string;
}

const KK = {
  oblast: { possessive: 'облысы', bare: 'облыс' },
  city: { possessive: 'қаласы', bare: 'қала' },
  district: { possessive: 'ауданы', bare: 'аудан' },
  ruralOkrug: { possessive: 'ауылдық округі', bare: 'ауылдық округ' },
  settlement: { possessive: 'кенті', bare: 'кент' },
  village: { possessive: 'ауылы', bare: 'ауыл' },
  station: { possessive: 'станциясы', bare: 'станция' },
} satisfies Record<string, KkGeneric>;

const KK_BY_KIND: Record<Exclude<UnitKind, 'locality'>, KkGeneric> = {
  oblast: KK.oblast,
  capital: KK.city,
  republican_city: KK.city,
  oblast_city: KK.city,
  city_district: KK.district,
  district: KK.district,
  rural_okrug: KK.ruralOkrug,
  district_city: KK.city,
  settlement: KK.settlement,
  village: KK.village,
};

/**
 * One way a generic word is written in a name. An abbreviation (`abbr`) may be glued to the
 * name ("с.о.Акмол", "атын.а.о."); its final dot is added here, and may be missing at the end
 * of a name ("Кенгирбайбийский с.о") when `optionalDot`. For a locality the marker itself says
 * what the place is (`generic`).
 */
interface Marker<G> {
  re: string;
  abbr: boolean;
  optionalDot?: boolean;
  /** Matched in either case (Г.А. and г.а.); single letters only in lower case, so an initial
   * ("С.Сейфуллинская") is never taken for one. */
  anyCase: boolean;
  /** Only at the end of the name (Kazakh puts every generic word last). */
  lastOnly?: boolean;
  generic?: G;
}

interface Compiled<G> {
  suffix: RegExp;
  prefix: RegExp | null;
  generic: G | null;
}

function compile<G>(markers: ReadonlyArray<Marker<G>>): ReadonlyArray<Compiled<G>> {
  return markers.map((m) => {
    const flags = m.anyCase ? 'iu' : 'u';
    return {
      // After a space, or glued after a dot ("атын.а.о.", "ат.а.о."); a space may precede the
      // final dot ("Бурыл а.о .").
      suffix: new RegExp(`(?:^|\\s|(?<=\\.))${m.re}${m.abbr ? `\\s?\\.${m.optionalDot ? '?' : ''}` : ''}$`, flags),
      // At the start the dot is required: "г.А" of "г.Атбасар" is not "г.а.".
      prefix: m.lastOnly ? null : new RegExp(`^${m.re}${m.abbr ? '\\.\\s*' : '\\s+'}`, flags),
      generic: m.generic ?? null,
    };
  });
}

// Names a user or a test typed may have the generic word spelled out already: `word`.
const two = (a: string, b: string) => ({ re: `${a}\\.\\s?${b}`, abbr: true, optionalDot: true, anyCase: true });
const letter = (l: string, optionalDot = false) => ({ re: l, abbr: true, optionalDot, anyCase: false });
const word = (re: string) => ({ re: re.replace(/ /gu, '\\s+'), abbr: false, anyCase: true });

const RU_UNIT_MARKERS = compile<RuGeneric>([
  two('с', 'о'),
  two('с', 'а'),
  two('п', 'а'),
  two('г', 'а'),
  two('р', 'а'),
  letter('г'),
  ...['сельский округ', 'городская администрация', 'поселковая администрация', 'сельская администрация'].map(word),
  ...['район', 'область', 'город', 'поселок', 'посёлок', 'село'].map(word),
]);

const RU_LOCALITY_MARKERS = compile<RuGeneric>([
  { ...letter('ст'), generic: RU.station },
  { ...word('станция'), generic: RU.station },
  { ...letter('с'), generic: RU.village },
  { ...word('село'), generic: RU.village },
  { ...letter('п'), generic: RU.settlement },
  { ...word('поселок'), generic: RU.settlement },
  { ...word('посёлок'), generic: RU.settlement },
  { ...letter('г'), generic: RU.city },
  { ...word('город'), generic: RU.city },
]);

const KK_UNIT_MARKERS = compile<KkGeneric>(
  [
    two('а', 'о'),
    two('а', 'ә'),
    two('к', 'ә'),
    two('қ', 'ә'),
    two('г', 'а'),
    // "Форт-Шевченко ќ.": a Macedonian ќ in place of қ.
    letter('[қќ]', true),
    ...['ауылдық округі', 'ауылдық округ', 'ауданы', 'облысы', 'қаласы', 'кенті', 'ауылы'].map(word),
  ].map((m) => ({ ...m, lastOnly: true })),
);

const KK_LOCALITY_MARKERS = compile<KkGeneric>(
  [
    { ...letter('ст'), generic: KK.station },
    { ...word('станциясы'), generic: KK.station },
    { ...letter('а', true), generic: KK.village },
    { ...word('ауылы'), generic: KK.village },
    { ...letter('к'), generic: KK.settlement },
    { ...word('кенті'), generic: KK.settlement },
    { ...letter('[қќ]'), generic: KK.city },
    { ...word('қаласы'), generic: KK.city },
  ].map((m) => ({ ...m, lastOnly: true })),
);

interface Parsed<G> {
  /** The proper part: "Карааульский", "Ақсуат", "Казыбек би". */
  core: string;
  /** The name was "named after" someone: "им.", "имени", "атын.", "ат.", "атындағы". */
  namedAfter: boolean;
  /** For a locality: the generic word its marker stands for; null if it had no known marker. */
  generic: G | null;
  /** The marker came first ("с.о.Акмол", "район Ақсуат"). */
  leading: boolean;
}

/** Strips one marker: a trailing one first (the usual place), else a leading one. */
function parse<G>(name: string, markers: ReadonlyArray<Compiled<G>>, namedAfter: RegExp): Parsed<G> {
  const text = name.replace(/\s+/gu, ' ').trim();
  let core = text;
  let generic: G | null = null;
  let leading = false;
  strip: for (const end of ['suffix', 'prefix'] as const) {
    for (const m of markers) {
      const re = m[end];
      if (!re?.test(text)) continue;
      const rest = text.replace(re, '').trim();
      if (rest === '') continue;
      core = rest;
      generic = m.generic;
      leading = end === 'prefix';
      break strip;
    }
  }
  const after = namedAfter.test(core);
  return { core: after ? core.replace(namedAfter, '').trim() : core, namedAfter: after, generic, leading };
}

// "им.Казыбек би", "имени Омара Шипина"; "Сакен Сейфуллин атын.", "Темір Масин ат.".
const RU_NAMED_AFTER = /^им(?:\.|ени(?=\s))\s*/iu;
const KK_NAMED_AFTER = /(?:^|\s+)(?:атын\.?|ат\.|атындағы)$/iu;

/** Russian adjective endings by the gender of the word they agree with. */
const ADJECTIVE: Record<Gender, { any: RegExp; derived: RegExp }> = {
  m: { any: /(?:ий|ый|ой)$/u, derived: /[сц]к(?:ий|ой)$/u },
  f: { any: /(?:ая|яя)$/u, derived: /[сц]кая$/u },
};
const KAZAKH_LETTER = /[әғқңөұүһі]/iu;

/**
 * Whether the proper part is an adjective agreeing with the generic word. "-ский" makes one
 * even of a Kazakh stem ("Сұлукөлский"); other endings count only on a Russian word, since
 * Kazakh names end in -ой or -ая too ("Үлкен Қараой"). After a leading marker only a single
 * word agrees ("с.о.Байыркумский"); more is a name ("с.о.Красный Кордон").
 */
function isAdjective(p: Parsed<unknown>, gender: Gender): boolean {
  if (p.namedAfter || (p.leading && p.core.includes(' '))) return false;
  const last = p.core.split(' ').at(-1) ?? '';
  return ADJECTIVE[gender].derived.test(last) || (ADJECTIVE[gender].any.test(last) && !KAZAKH_LETTER.test(last));
}

/** The genitive of an adjective (only its last word changes: "Улкен Букенский" → "Улкен Букенского"). */
function adjectiveGenitive(adjective: string): string {
  const rules: Array<[RegExp, string]> = [
    [/([сц]к)(?:ий|ой)$/u, '$1ого'],
    [/([гкх])(?:ий|ой)$/u, '$1ого'],
    [/([жшчщ])ий$/u, '$1его'],
    [/([жшчщ])ой$/u, '$1ого'],
    [/ний$/u, 'него'],
    [/(?:ый|ой)$/u, 'ого'],
    [/ий$/u, 'его'],
    [/яя$/u, 'ей'],
    [/ая$/u, 'ой'],
  ];
  for (const [re, to] of rules) if (re.test(adjective)) return adjective.replace(re, to);
  return adjective;
}

interface RuName {
  /** Full name in the nominative. */
  nom: string;
  /** Full name in the genitive. */
  gen: string;
}

function russianName(unit: NamedUnit): RuName {
  if (unit.kind === 'locality') {
    const p = parse(unit.nameRu, RU_LOCALITY_MARKERS, RU_NAMED_AFTER);
    const name = p.namedAfter ? `имени ${p.core}` : p.core;
    return p.generic ? { nom: `${p.generic.nom} ${name}`, gen: `${p.generic.gen} ${name}` } : { nom: name, gen: name };
  }
  const p = parse(unit.nameRu, RU_UNIT_MARKERS, RU_NAMED_AFTER);
  const rule = RU_BY_KIND[unit.kind];
  if (rule.adjective && isAdjective(p, rule.adjective[1])) {
    const [generic] = rule.adjective;
    return { nom: `${p.core} ${generic.nom}`, gen: `${adjectiveGenitive(p.core)} ${generic.gen}` };
  }
  const name = p.namedAfter ? `имени ${p.core}` : p.core;
  return { nom: `${rule.noun.nom} ${name}`, gen: `${rule.noun.gen} ${name}` };
}

function kazakhName(unit: NamedUnit): string {
  const p =
    unit.kind === 'locality' ? parse(unit.nameKk, KK_LOCALITY_MARKERS, KK_NAMED_AFTER) : parse(unit.nameKk, KK_UNIT_MARKERS, KK_NAMED_AFTER);
  const generic = unit.kind === 'locality' ? p.generic : KK_BY_KIND[unit.kind];
  if (!generic) return p.namedAfter ? `${p.core} атындағы` : p.core;
  return p.namedAfter ? `${p.core} атындағы ${generic.bare}` : `${p.core} ${generic.possessive}`;
}

/**
 * The unit's full name, abbreviations spelled out: "Қараауыл ауылдық округі",
 * "Карааульский сельский округ", "город Семей", "село Карааул". A locality keeps a name
 * without a known marker ("уч.Талды", "Лагерь") as it is.
 */
export function unitFullName(unit: NamedUnit, lng: DocumentLanguage): string {
  return lng === 'kk' ? kazakhName(unit) : russianName(unit).nom;
}

/**
 * The unit's akim as a document's title names him: "Абай ауданы әкімінің" (possessive, before
 * what he did), "акима Абайского района" (genitive, after it).
 */
export function akimOfUnit(unit: NamedUnit, lng: DocumentLanguage): string {
  return lng === 'kk' ? `${kazakhName(unit)} әкімінің` : `акима ${russianName(unit).gen}`;
}

/** The formal name of the akim's office that heads the unit's documents. */
export function akimOfficeName(unit: NamedUnit, lng: DocumentLanguage): string {
  return lng === 'kk' ? `${kazakhName(unit)} әкімінің аппараты` : `Аппарат акима ${russianName(unit).gen}`;
}
