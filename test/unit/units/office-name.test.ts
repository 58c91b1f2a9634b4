import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildUnits, parseKatoCsv } from '../../../shared/domain/kato/kato-csv';
import { akimOfficeName, unitFullName, type NamedUnit } from '../../../shared/domain/units/office-name';
import type { UnitKind } from '../../../shared/domain/units/unit-kind';

const unit = (kind: UnitKind, nameRu: string, nameKk: string): NamedUnit => ({ kind, nameRu, nameKk });

/** Real KATO rows (НК РК 11-2025), one or more per kind and per way of writing the name. */
const CASES: Array<[NamedUnit, { kk: string; ru: string }]> = [
  [unit('oblast', 'область Абай', 'Абай облысы'), { kk: 'Абай облысы әкімінің аппараты', ru: 'Аппарат акима области Абай' }],
  [
    unit('oblast', 'Западно-Казахстанская область', 'Батыс Қазақстан облысы'),
    { kk: 'Батыс Қазақстан облысы әкімінің аппараты', ru: 'Аппарат акима Западно-Казахстанской области' },
  ],
  [unit('capital', 'г.Астана', 'Астана қ.'), { kk: 'Астана қаласы әкімінің аппараты', ru: 'Аппарат акима города Астана' }],
  [unit('republican_city', 'г.Шымкент', 'Шымкент қ.'), { kk: 'Шымкент қаласы әкімінің аппараты', ru: 'Аппарат акима города Шымкент' }],
  [unit('oblast_city', 'Семей Г.А.', 'Семей Қ.Ә.'), { kk: 'Семей қаласы әкімінің аппараты', ru: 'Аппарат акима города Семей' }],
  // A city named by an adjective is still a noun after "город"; Aktau's Kazakh name has the Russian "Г.А.".
  [unit('oblast_city', 'Рудный Г.А.', 'Рудный Қ.Ә.'), { kk: 'Рудный қаласы әкімінің аппараты', ru: 'Аппарат акима города Рудный' }],
  [unit('oblast_city', 'Актау Г.А.', 'Ақтау Г.А.'), { kk: 'Ақтау қаласы әкімінің аппараты', ru: 'Аппарат акима города Актау' }],
  [unit('district', 'Абайский район', 'Абай ауданы'), { kk: 'Абай ауданы әкімінің аппараты', ru: 'Аппарат акима Абайского района' }],
  [unit('district', 'район Ақсуат', 'Ақсуат ауданы'), { kk: 'Ақсуат ауданы әкімінің аппараты', ru: 'Аппарат акима района Ақсуат' }],
  [
    unit('district', 'Район им.Габита Мусрепова', 'Ғабит Мүсірепов атын.ауданы'),
    { kk: 'Ғабит Мүсірепов атындағы аудан әкімінің аппараты', ru: 'Аппарат акима района имени Габита Мусрепова' },
  ],
  [unit('city_district', 'Алмалинский район', 'Алмалы ауданы'), { kk: 'Алмалы ауданы әкімінің аппараты', ru: 'Аппарат акима Алмалинского района' }],
  [
    unit('city_district', 'р.а. им.Казыбек би', 'Қазыбек би атын. а.ә.'),
    { kk: 'Қазыбек би атындағы аудан әкімінің аппараты', ru: 'Аппарат акима района имени Казыбек би' },
  ],
  [
    unit('city_district', 'Әлихан Бөкейхан р.а.', 'Әлихан Бөкейхан а.ә.'),
    { kk: 'Әлихан Бөкейхан ауданы әкімінің аппараты', ru: 'Аппарат акима района Әлихан Бөкейхан' },
  ],
  [unit('district_city', 'Аягоз г.а.', 'Аягөз қ.ә.'), { kk: 'Аягөз қаласы әкімінің аппараты', ru: 'Аппарат акима города Аягоз' }],
  [
    unit('district_city', 'Шарская г.а.', 'Шар қ.ә.'),
    { kk: 'Шар қаласы әкімінің аппараты', ru: 'Аппарат акима Шарской городской администрации' },
  ],
  [unit('district_city', 'г.Атбасар', 'Атбасар қ.'), { kk: 'Атбасар қаласы әкімінің аппараты', ru: 'Аппарат акима города Атбасар' }],
  [unit('district_city', 'г.Форт-Шевченко', 'Форт-Шевченко ќ.'), { kk: 'Форт-Шевченко қаласы әкімінің аппараты', ru: 'Аппарат акима города Форт-Шевченко' }],
  [
    unit('rural_okrug', 'Карааульский с.о.', 'Қараауыл а.о.'),
    { kk: 'Қараауыл ауылдық округі әкімінің аппараты', ru: 'Аппарат акима Карааульского сельского округа' },
  ],
  [
    unit('rural_okrug', 'Кенгирбайбийский с.о', 'Кеңгірбай би а.о.'),
    { kk: 'Кеңгірбай би ауылдық округі әкімінің аппараты', ru: 'Аппарат акима Кенгирбайбийского сельского округа' },
  ],
  [unit('rural_okrug', 'Степной с.о.', 'Степной а.о.'), { kk: 'Степной ауылдық округі әкімінің аппараты', ru: 'Аппарат акима Степного сельского округа' }],
  [unit('rural_okrug', 'Троицкий с.о.', 'Троицк а.о.'), { kk: 'Троицк ауылдық округі әкімінің аппараты', ru: 'Аппарат акима Троицкого сельского округа' }],
  [unit('rural_okrug', 'Донской с.о.', 'Донской а.о.'), { kk: 'Донской ауылдық округі әкімінің аппараты', ru: 'Аппарат акима Донского сельского округа' }],
  [
    unit('rural_okrug', 'Улкен Букенский с.о.', 'Үлкенбөкен а.о.'),
    { kk: 'Үлкенбөкен ауылдық округі әкімінің аппараты', ru: 'Аппарат акима Улкен Букенского сельского округа' },
  ],
  [unit('rural_okrug', 'с.о.Елтоқ', 'Елтоқ а.о.'), { kk: 'Елтоқ ауылдық округі әкімінің аппараты', ru: 'Аппарат акима сельского округа Елтоқ' }],
  [
    unit('rural_okrug', 'с.о.Байыркумский', 'Байырқұм а.о.'),
    { kk: 'Байырқұм ауылдық округі әкімінің аппараты', ru: 'Аппарат акима Байыркумского сельского округа' },
  ],
  // A Kazakh name ending like an adjective, and a two-word name after the marker, stay names.
  [
    unit('rural_okrug', 'с.о.Үлкен Қараой', 'Үлкен Қараой а.о.'),
    { kk: 'Үлкен Қараой ауылдық округі әкімінің аппараты', ru: 'Аппарат акима сельского округа Үлкен Қараой' },
  ],
  [
    unit('rural_okrug', 'с.о.Красный Кордон', 'Красный Кордон а.о.'),
    { kk: 'Красный Кордон ауылдық округі әкімінің аппараты', ru: 'Аппарат акима сельского округа Красный Кордон' },
  ],
  [
    unit('rural_okrug', 'с.о.им.Сакена Сейфуллина', 'Сакен Сейфуллин атын.а.о.'),
    { kk: 'Сакен Сейфуллин атындағы ауылдық округ әкімінің аппараты', ru: 'Аппарат акима сельского округа имени Сакена Сейфуллина' },
  ],
  [
    unit('rural_okrug', 'им.Бухарбай батыра с.о.', 'Бұқарбай батыр а.о.'),
    { kk: 'Бұқарбай батыр ауылдық округі әкімінің аппараты', ru: 'Аппарат акима сельского округа имени Бухарбай батыра' },
  ],
  [unit('rural_okrug', 'Достық с.о.', 'Достық а.о.'), { kk: 'Достық ауылдық округі әкімінің аппараты', ru: 'Аппарат акима сельского округа Достық' }],
  [unit('rural_okrug', 'Лесной  с.о.', 'Бурыл а.о .'), { kk: 'Бурыл ауылдық округі әкімінің аппараты', ru: 'Аппарат акима Лесного сельского округа' }],
  [
    unit('settlement', 'Чаганская п.а.', 'Шаған к.ә.'),
    { kk: 'Шаған кенті әкімінің аппараты', ru: 'Аппарат акима Чаганской поселковой администрации' },
  ],
  [unit('settlement', 'п.а.Жибек жолы', 'Жібек жолы к.ә.'), { kk: 'Жібек жолы кенті әкімінің аппараты', ru: 'Аппарат акима поселка Жибек жолы' }],
  [unit('settlement', 'Кушмурун п.а.', 'Құсмұрын к.ә.'), { kk: 'Құсмұрын кенті әкімінің аппараты', ru: 'Аппарат акима поселка Кушмурун' }],
  [
    unit('settlement', 'С.Сейфуллинская п.а.', 'С.Сейфуллин к.ә.'),
    { kk: 'С.Сейфуллин кенті әкімінің аппараты', ru: 'Аппарат акима С.Сейфуллинской поселковой администрации' },
  ],
  [
    unit('village', 'Карабулакская с.а.', 'Қарабұлақ   а.ә.'),
    { kk: 'Қарабұлақ ауылы әкімінің аппараты', ru: 'Аппарат акима Карабулакской сельской администрации' },
  ],
  [unit('village', 'с.а.Тайтобе', 'Тайтөбе а.ә.'), { kk: 'Тайтөбе ауылы әкімінің аппараты', ru: 'Аппарат акима села Тайтобе' }],
  [
    unit('village', 'с.а.Верхнеберезовская', 'Жоғарғы Березовка а.ә.'),
    { kk: 'Жоғарғы Березовка ауылы әкімінің аппараты', ru: 'Аппарат акима Верхнеберезовской сельской администрации' },
  ],
  // Names typed in full (the test fixtures elsewhere) come out the same way.
  [
    unit('rural_okrug', 'Караульский сельский округ', 'Қараауыл ауылдық округі'),
    { kk: 'Қараауыл ауылдық округі әкімінің аппараты', ru: 'Аппарат акима Караульского сельского округа' },
  ],
];

describe('akimOfficeName', () => {
  it.each(CASES)('%o', (u, expected) => {
    expect(akimOfficeName(u, 'kk')).toBe(expected.kk);
    expect(akimOfficeName(u, 'ru')).toBe(expected.ru);
  });

  it('covers every akimat-level kind in the cases above', () => {
    const kinds = new Set(CASES.map(([u]) => u.kind));
    for (const kind of ['oblast', 'capital', 'republican_city', 'city_district', 'district', 'oblast_city', 'district_city', 'rural_okrug', 'settlement', 'village'] as const) {
      expect(kinds.has(kind), kind).toBe(true);
    }
  });
});

describe('unitFullName', () => {
  it.each([
    [unit('rural_okrug', 'Карааульский с.о.', 'Қараауыл а.о.'), 'Карааульский сельский округ', 'Қараауыл ауылдық округі'],
    [unit('oblast_city', 'Семей Г.А.', 'Семей Қ.Ә.'), 'город Семей', 'Семей қаласы'],
    [unit('district_city', 'Щучинская г.а.', 'Щучинск қ.ә.'), 'Щучинская городская администрация', 'Щучинск қаласы'],
    [unit('locality', 'с.Карааул', 'Қараауыл а.'), 'село Карааул', 'Қараауыл ауылы'],
    [unit('locality', 'г.Курчатов', 'Курчатов қ.'), 'город Курчатов', 'Курчатов қаласы'],
    [unit('locality', 'п.Чаган', 'Шаған к.'), 'поселок Чаган', 'Шаған кенті'],
    [unit('locality', 'ст.Акбулак', 'Ақбұлақ ст.'), 'станция Акбулак', 'Ақбұлақ станциясы'],
    [unit('locality', 'Заречное с.', 'Заречное а'), 'село Заречное', 'Заречное ауылы'],
    [unit('locality', 'с.Роза Люксембург', 'Роза Люксембург атын.а.'), 'село Роза Люксембург', 'Роза Люксембург атындағы ауыл'],
    // Places without a known marker keep their names.
    [unit('locality', 'уч.Талды', 'Талды уч.'), 'уч.Талды', 'Талды уч.'],
  ])('%o', (u, ru, kk) => {
    expect(unitFullName(u, 'ru')).toBe(ru);
    expect(unitFullName(u, 'kk')).toBe(kk);
  });
});

describe('over the shipped classifier', () => {
  const text = readFileSync(new URL('../../../resources/kato/kato.csv', import.meta.url), 'utf8');
  const akimats = buildUnits(parseKatoCsv(text)).filter((u) => u.kind !== 'locality');

  // What a KATO abbreviation looks like once the name is written out: a one- or two-letter
  // marker ending in a dot that is not an initial ("Т.Рыскулов", "С.Сейфуллин" stay).
  const LEFTOVER = [
    /(?:^|[\s.])(?:с\.\s?о|а\.\s?о|с\.\s?а|а\.\s?ә|п\.\s?а|к\.\s?ә|г\.\s?а|қ\.\s?ә|р\.\s?а)(?:\.|\s|$)/iu,
    /(?:^|\s)(?:г|қ|ќ|с|п|а|к|ст|им|атын|ат)\.(?:\s|$|[А-ЯЁӘҒҚҢӨҰҮҺІ])/u,
    /\s{2}/u,
  ];

  it('has the expected number of akimat-level units', () => {
    expect(akimats).toHaveLength(2589);
  });

  it('writes every akimat-level office name out in full, in both languages', () => {
    const bad: string[] = [];
    for (const u of akimats) {
      const ru = akimOfficeName(u, 'ru');
      const kk = akimOfficeName(u, 'kk');
      const ok =
        ru.startsWith('Аппарат акима ') &&
        kk.endsWith(' әкімінің аппараты') &&
        ru.length > 'Аппарат акима '.length + 3 &&
        kk.length > ' әкімінің аппараты'.length + 3 &&
        !LEFTOVER.some((re) => re.test(ru) || re.test(kk)) &&
        ru === ru.trim() &&
        kk === kk.trim();
      if (!ok) bad.push(`${u.code} ${u.nameRu} → ${ru} | ${u.nameKk} → ${kk}`);
    }
    expect(bad).toEqual([]);
  });

  it('keeps the proper part of each name', () => {
    // The Kazakh office name begins with the KATO name's first word (the generic word always
    // follows in Kazakh); no word of the Russian name is lost but the marker.
    for (const u of akimats) {
      const firstKk = u.nameKk.trim().split(/\s+/u)[0]!.replace(/\..*$/u, '');
      expect(akimOfficeName(u, 'kk').startsWith(firstKk), `${u.code} ${u.nameKk}`).toBe(true);
    }
  });

  /**
   * How the names fall into patterns, read off the result: the generic word the Russian name
   * takes, and whether the proper part is an adjective before it, a noun after it, or
   * "имени …". Pinned so that a new classifier edition with a new shape shows up here.
   */
  it('sorts the names into the known patterns', () => {
    const GENERIC_GEN = ['области', 'города', 'района', 'сельского округа', 'городской администрации', 'поселковой администрации', 'сельской администрации', 'поселка', 'села'];
    const counts: Record<string, number> = {};
    for (const u of akimats) {
      const rest = akimOfficeName(u, 'ru').slice('Аппарат акима '.length);
      const generic = GENERIC_GEN.find((g) => rest.startsWith(`${g} `) || rest.endsWith(` ${g}`))!;
      const shape = rest.startsWith(`${generic} имени `) ? 'имени …' : rest.startsWith(`${generic} `) ? 'noun after' : 'adjective before';
      const key = `${u.kind}: ${generic}, ${shape}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    expect(counts).toEqual(PATTERN_COUNTS);

    const kk: Record<string, number> = {};
    for (const u of akimats) {
      const name = akimOfficeName(u, 'kk').slice(0, -' әкімінің аппараты'.length);
      const m = /(?:^|\s)(атындағы )?(облысы|облыс|қаласы|ауданы|аудан|ауылдық округі|ауылдық округ|кенті|ауылы)$/u.exec(name)!;
      const key = `${u.kind}: ${m[1] ? `атындағы ${m[2]}` : m[2]}`;
      kk[key] = (kk[key] ?? 0) + 1;
    }
    expect(kk).toEqual(KK_PATTERN_COUNTS);
  });
});

/** 2,589 akimat-level units; the rural okrugs add up to the README's 2,108 "с.о." rows. */
const PATTERN_COUNTS: Record<string, number> = {
  'oblast: области, adjective before': 14,
  'oblast: области, noun after': 3,
  'capital: города, noun after': 1,
  'republican_city: города, noun after': 2,
  'oblast_city: города, noun after': 39,
  'city_district: района, adjective before': 12,
  'city_district: района, noun after': 12,
  'city_district: района, имени …': 1,
  'district: района, adjective before': 152,
  'district: района, noun after': 17,
  'district: района, имени …': 1,
  'district_city: города, noun after': 18,
  'district_city: городской администрации, adjective before': 30,
  'rural_okrug: сельского округа, adjective before': 1917,
  'rural_okrug: сельского округа, noun after': 169,
  'rural_okrug: сельского округа, имени …': 22,
  'settlement: поселка, noun after': 7,
  'settlement: поселковой администрации, adjective before': 64,
  'village: села, noun after': 58,
  'village: сельской администрации, adjective before': 50,
};

/** Kazakh: the generic word follows the name; after "… атындағы" it takes no possessive ending. */
const KK_PATTERN_COUNTS: Record<string, number> = {
  'oblast: облысы': 17,
  'capital: қаласы': 1,
  'republican_city: қаласы': 2,
  'oblast_city: қаласы': 39,
  'city_district: ауданы': 24,
  'city_district: атындағы аудан': 1,
  'district: ауданы': 169,
  'district: атындағы аудан': 1,
  'district_city: қаласы': 48,
  'rural_okrug: ауылдық округі': 2085,
  'rural_okrug: атындағы ауылдық округ': 23,
  'settlement: кенті': 71,
  'village: ауылы': 108,
};
