import type { UnitKind } from '../units/unit-kind';
import type { KatoCode } from './kato-code';

/**
 * What the kind is derived from. `parent` is the resolved parent code (see `resolveParent`):
 * a settlement-level row (HHH ≠ 000) is told apart only by what it hangs off — `г.Атбасар`
 * under a district is a city with its own akim, `г.Аягоз` under `Аягоз г.а.` is just the
 * place; the rows themselves (names, `type_code`) are identical in shape.
 *
 * The compiler's `level` and the workbook's `type_code` are deliberately not inputs: `level`
 * is a function of the code, and `type_code` separates nothing we need (both kinds of `г.`
 * rows above are type 1; districts with and without a `г.а.` are both type 4).
 */
export interface KindSource {
  code: KatoCode;
  nameRu: string;
  nameKk: string;
  parent: KatoCode | null;
}

/**
 * Which rule decided. The `fallback:` rules fire only for shapes absent from edition
 * НК РК 11-2025 (checked over all 15,594 rows); a new edition that triggers them needs a look.
 */
export type KindRule =
  | 'top:oblast'
  | 'top:capital'
  | 'top:republican_city'
  | 'district-level:city_administration'
  | 'district-level:district'
  | 'sub-district:republican_city_district'
  | 'sub-district:city_itself'
  | 'sub-district:district_administration'
  | 'sub-district:town_administration'
  | 'sub-district:name_ru'
  | 'sub-district:name_kk'
  | 'settlement:town_under_district'
  | 'settlement:district_under_city'
  | 'settlement:locality'
  | 'fallback:top'
  | 'fallback:district-level'
  | 'fallback:sub-district';

export interface KindDerivation {
  kind: UnitKind;
  rule: KindRule;
  fallback: boolean;
}

const CAPITAL_AB = '71';
const REPUBLICAN_CITY_AB = new Set(['75', '79']);

function isCityOfRepublicanSignificance(ab: string): boolean {
  return ab === CAPITAL_AB || REPUBLICAN_CITY_AB.has(ab);
}

function inRange(twoDigits: string, from: number, to: number): boolean {
  const n = Number(twoDigits);
  return n >= from && n <= to;
}

// Markers may precede or follow the proper name, lack the final dot ("Кенгирбайбийский с.о"),
// be glued to it ("с.о.Акмол", "атын.а.о.") or sit after a no-break space.
function marker(letters: readonly [string, string]): RegExp {
  const [a, b] = letters;
  return new RegExp(`(?:^|[\\s.])${a}\\.\\s?${b}(?:\\.|\\s|$)`, 'u');
}

type RuralAdministration = 'rural_okrug' | 'village' | 'settlement';

const RU_MARKERS: ReadonlyArray<[RegExp, RuralAdministration]> = [
  [marker(['с', 'о']), 'rural_okrug'], // сельский округ
  [marker(['с', 'а']), 'village'], // сельская администрация: one village with its own akim
  [marker(['п', 'а']), 'settlement'], // поселковая администрация
];

const KK_MARKERS: ReadonlyArray<[RegExp, RuralAdministration]> = [
  [marker(['а', 'о']), 'rural_okrug'], // ауылдық округ
  [marker(['а', 'ә']), 'village'], // ауыл әкімдігі
  [marker(['к', 'ә']), 'settlement'], // кент әкімдігі
];

function byMarker(name: string, markers: typeof RU_MARKERS): RuralAdministration | null {
  const hits = markers.filter(([re]) => re.test(name)).map(([, kind]) => kind);
  return hits.length === 1 ? hits[0]! : null;
}

const TOWN_RU = /^г\./u;
const TOWN_KK = /\sқ\.$/u;
const DISTRICT_RU = /(?:^|\s)район(?:\s|$)/iu;
const DISTRICT_KK = /\sауданы$/u;

/**
 * The kind of a district-level code (ABCD00000) from its digits alone: CD 10–29 are the city
 * administrations ("Г.А.") of cities of oblast significance, CD 30–79 the districts.
 */
function districtLevelKind(code: KatoCode): 'oblast_city' | 'district' | null {
  if (code.slice(4) !== '00000' || code.slice(2, 4) === '00') return null;
  if (isCityOfRepublicanSignificance(code.slice(0, 2))) return null;
  const cd = code.slice(2, 4);
  if (inRange(cd, 10, 29)) return 'oblast_city';
  if (inRange(cd, 30, 79)) return 'district';
  return null;
}

/** `deriveKind` with the rule that decided, for diagnostics and import reports. */
export function explainKind(src: KindSource): KindDerivation {
  const { code } = src;
  const ab = code.slice(0, 2);
  const cd = code.slice(2, 4);
  const ef = code.slice(4, 6);
  const hhh = code.slice(6, 9);
  const ok = (kind: UnitKind, rule: KindRule): KindDerivation => ({ kind, rule, fallback: false });
  const fallback = (kind: UnitKind, rule: KindRule): KindDerivation => ({ kind, rule, fallback: true });

  if (cd === '00' && ef === '00' && hhh === '000') {
    if (ab === CAPITAL_AB) return ok('capital', 'top:capital');
    if (REPUBLICAN_CITY_AB.has(ab)) return ok('republican_city', 'top:republican_city');
    return Number(ab) < 70 ? ok('oblast', 'top:oblast') : fallback('oblast', 'fallback:top');
  }

  if (ef === '00' && hhh === '000') {
    const kind = districtLevelKind(code);
    if (kind === 'oblast_city') return ok(kind, 'district-level:city_administration');
    if (kind === 'district') return ok(kind, 'district-level:district');
    if (isCityOfRepublicanSignificance(ab)) return fallback('city_district', 'fallback:district-level');
    return /Г\.А\.|Қ\.Ә\./u.test(`${src.nameRu} ${src.nameKk}`)
      ? fallback('oblast_city', 'fallback:district-level')
      : fallback('district', 'fallback:district-level');
  }

  if (hhh === '000') {
    // Astana, Almaty and Shymkent have no Г.А. row: their districts sit right under the city
    // row, at this level (711110000 район Алматы, 751110000 Алмалинский район).
    if (isCityOfRepublicanSignificance(ab)) return ok('city_district', 'sub-district:republican_city_district');
    // EF=10 under a Г.А. is the city itself (101010000 г.Семей under 101000000 Семей Г.А.).
    // The city's akim is the akim of the Г.А., whose territory is the city plus its
    // subordinate villages; a second reporting unit for the same akim would double every
    // report, so the city row is only the place: a venue and an issue location.
    if (ef === '10') return ok('locality', 'sub-district:city_itself');
    // EF 11–19: districts of an oblast city with their own akim (351011000 Әлихан Бөкейхан
    // р.а., 351013000 р.а. им.Казыбек би in Karaganda) — the same thing as Almaty's districts.
    if (inRange(ef, 11, 19)) return ok('city_district', 'sub-district:district_administration');
    // EF 20–29: "г.а." of a city of district significance (103620000 Аягоз г.а.); as with the
    // Г.А., the "г." row below it (103620100 г.Аягоз) is the place, this row the akimat.
    if (inRange(ef, 20, 29)) return ok('district_city', 'sub-district:town_administration');
    const ru = byMarker(src.nameRu, RU_MARKERS);
    if (ru) return ok(ru, 'sub-district:name_ru');
    const kk = byMarker(src.nameKk, KK_MARKERS);
    if (kk) return ok(kk, 'sub-district:name_kk');
    return fallback('rural_okrug', 'fallback:sub-district');
  }

  const parentKind = src.parent === null ? null : districtLevelKind(src.parent);
  // Some cities of district significance have no "г.а." row: the city hangs directly off the
  // district (113820100 г.Атбасар under 113800000 Атбасарский район), so this row is the
  // only one that can carry the city's akim.
  if (parentKind === 'district' && (TOWN_RU.test(src.nameRu) || TOWN_KK.test(src.nameKk))) {
    return ok('district_city', 'settlement:town_under_district');
  }
  // Likewise the districts of Aktobe and Taraz have no "р.а." row and hang off the Г.А.
  // (151011100 район Астана, 311011100 район Әулиеата). Karaganda's "район …" rows, which
  // do sit under their р.а. (351011100), fall through to locality like any city under its г.а.
  if (parentKind === 'oblast_city' && (DISTRICT_RU.test(src.nameRu) || DISTRICT_KK.test(src.nameKk))) {
    return ok('city_district', 'settlement:district_under_city');
  }
  return ok('locality', 'settlement:locality');
}

/**
 * The kind of administrative unit a KATO row stands for. Reporting units (all kinds but
 * `locality`) are the rows that carry an akim; every other row is a place.
 */
export function deriveKind(src: KindSource): UnitKind {
  return explainKind(src).kind;
}
