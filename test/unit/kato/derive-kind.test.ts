import { describe, expect, it } from 'vitest';
import { deriveKind, explainKind, type KindSource } from '../../../shared/domain/kato/derive-kind';
import type { UnitKind } from '../../../shared/domain/units/unit-kind';

// Real rows of НК РК 11-2025 (resources/kato/kato.csv) with their resolved parents.
const CASES: Array<[UnitKind, string, KindSource]> = [
  ['capital', 'Astana', { code: '710000000', nameRu: 'г.Астана', nameKk: 'Астана қ.', parent: null }],
  ['city_district', 'a district of Astana', { code: '711110000', nameRu: 'район Алматы', nameKk: 'Алматы ауданы', parent: '710000000' }],
  ['republican_city', 'Almaty', { code: '750000000', nameRu: 'г.Алматы', nameKk: 'Алматы қ.', parent: null }],
  ['city_district', 'a district of Almaty', { code: '751110000', nameRu: 'Алмалинский район', nameKk: 'Алмалы ауданы', parent: '750000000' }],
  ['republican_city', 'Shymkent', { code: '790000000', nameRu: 'г.Шымкент', nameKk: 'Шымкент қ.', parent: null }],
  ['city_district', 'a district of Shymkent', { code: '791910000', nameRu: 'район Тұран', nameKk: 'Тұран ауданы', parent: '790000000' }],
  ['oblast', 'an oblast', { code: '110000000', nameRu: 'Акмолинская область', nameKk: 'Ақмола облысы', parent: null }],
  ['oblast_city', 'a Г.А.', { code: '101000000', nameRu: 'Семей Г.А.', nameKk: 'Семей Қ.Ә.', parent: '100000000' }],
  ['locality', 'the city row (EF=10) under its Г.А.', { code: '101010000', nameRu: 'г.Семей', nameKk: 'Семей қ.', parent: '101000000' }],
  ['oblast_city', 'Baikonur, a Г.А. like any other in the classifier', { code: '431900000', nameRu: 'Байконыр Г.А.', nameKk: 'Байқоңыр Қ.Ә.', parent: '430000000' }],
  ['city_district', 'a р.а. of an oblast city (Karaganda)', { code: '351011000', nameRu: 'Әлихан Бөкейхан р.а.', nameKk: 'Әлихан Бөкейхан а.ә.', parent: '351000000' }],
  ['city_district', 'the other р.а., marker first', { code: '351013000', nameRu: 'р.а. им.Казыбек би', nameKk: 'Қазыбек би атын. а.ә.', parent: '351000000' }],
  ['locality', 'the "район" row under its р.а.', { code: '351011100', nameRu: 'район Әлихан Бөкейхан', nameKk: 'Әлихан Бөкейхан ауданы', parent: '351011000' }],
  ['city_district', 'a district of Aktobe with no р.а. row', { code: '151011100', nameRu: 'район Астана', nameKk: 'Астана ауданы', parent: '151000000' }],
  ['city_district', 'a district of Taraz with no р.а. row', { code: '311013100', nameRu: 'район Жібек жолы', nameKk: 'Жібек жолы ауданы', parent: '311000000' }],
  ['district', 'a district', { code: '103200000', nameRu: 'Абайский район', nameKk: 'Абай ауданы', parent: '100000000' }],
  ['district', 'a district named "Район …"', { code: '596600000', nameRu: 'Район им.Габита Мусрепова', nameKk: 'Ғабит Мүсірепов атын.ауданы', parent: '590000000' }],
  ['district_city', 'a г.а. (EF 20–29)', { code: '103620000', nameRu: 'Аягоз г.а.', nameKk: 'Аягөз қ.ә.', parent: '103600000' }],
  ['district_city', 'a г.а. with the marker first', { code: '634820000', nameRu: 'г.а.Алтай', nameKk: 'Алтай қ.ә.', parent: '634800000' }],
  ['locality', 'the city row under its г.а.', { code: '103620100', nameRu: 'г.Аягоз', nameKk: 'Аягөз қ.', parent: '103620000' }],
  ['district_city', 'a city with no г.а. row, under its district', { code: '113820100', nameRu: 'г.Атбасар', nameKk: 'Атбасар қ.', parent: '113800000' }],
  ['district_city', 'the same, EF 21 (Серебрянск beside г.а.Алтай)', { code: '634821100', nameRu: 'г.Серебрянск', nameKk: 'Серебрянск қ.', parent: '634800000' }],
  ['rural_okrug', 'a с.о.', { code: '103230000', nameRu: 'Карааульский с.о.', nameKk: 'Қараауыл а.о.', parent: '103200000' }],
  ['rural_okrug', 'a с.о without the final dot', { code: '103233000', nameRu: 'Кенгирбайбийский с.о', nameKk: 'Кеңгірбай би а.о.', parent: '103200000' }],
  ['rural_okrug', 'a с.о. glued to "им."', { code: '434843000', nameRu: 'с.о.им.Ильясова', nameKk: 'Ілиясов атын.а.о.', parent: '434800000' }],
  ['rural_okrug', 'a с.о. under a Г.А.', { code: '111033000', nameRu: 'Красноярский с.о.', nameKk: 'Красный Яр а.о.', parent: '111000000' }],
  ['village', 'a с.а.', { code: '114531000', nameRu: 'Аксуская с.а.', nameKk: 'Ақсу а.ә.', parent: '114500000' }],
  ['village', 'a с.а. with the marker first', { code: '111633000', nameRu: 'с.а.Тайтобе', nameKk: 'Тайтөбе а.ә.', parent: '111600000' }],
  ['village', 'a с.а. with a double space and a no-break space in kk', { code: '111843000', nameRu: 'Карабулакская с.а.', nameKk: 'Қарабұлақ  \u00a0а.ә.', parent: '111800000' }],
  ['settlement', 'a п.а.', { code: '111037000', nameRu: 'Станционная п.а.', nameKk: 'Станционный к.ә.', parent: '111000000' }],
  ['settlement', 'a п.а. with the marker first', { code: '355230000', nameRu: 'п.а.Нура', nameKk: 'Нұра к.ә.', parent: '355200000' }],
  ['locality', 'a village of a с.о.', { code: '114447200', nameRu: 'с. Тоганас', nameKk: 'Тоғанас а.', parent: '114447000' }],
  ['locality', 'the village of a с.а.', { code: '111633100', nameRu: 'с.Тайтобе', nameKk: 'Тайтөбе а.', parent: '111633000' }],
  ['locality', 'a посёлок directly under a Г.А.', { code: '351600200', nameRu: 'п.Конырат', nameKk: 'Қоңырат к.', parent: '351600000' }],
  ['locality', 'a siding directly under a Г.А.', { code: '632400485', nameRu: 'рзд.71 км', nameKk: 'рзд.71 км', parent: '632400000' }],
];

describe('deriveKind on real rows', () => {
  it.each(CASES)('%s: %s', (kind, _why, row) => {
    expect(deriveKind(row)).toBe(kind);
    expect(explainKind(row).fallback).toBe(false);
  });
});

describe('explainKind', () => {
  it('reads the Kazakh marker when the Russian one is missing', () => {
    const row = { code: '103240000', nameRu: 'Кундыздинский', nameKk: 'Құндызды а.ә.', parent: '103200000' };
    expect(explainKind(row)).toEqual({ kind: 'village', rule: 'sub-district:name_kk', fallback: false });
  });

  it('flags a sub-district row without any marker as a fallback rural okrug', () => {
    const row = { code: '103240000', nameRu: 'Кундыздинский', nameKk: 'Құндызды', parent: '103200000' };
    expect(explainKind(row)).toEqual({ kind: 'rural_okrug', rule: 'fallback:sub-district', fallback: true });
  });

  it('flags district-level codes outside CD 10–79, deciding by the name', () => {
    expect(explainKind({ code: '118500000', nameRu: 'Новый Г.А.', nameKk: 'Жаңа Қ.Ә.', parent: '110000000' })).toEqual({
      kind: 'oblast_city',
      rule: 'fallback:district-level',
      fallback: true,
    });
    expect(deriveKind({ code: '118500000', nameRu: 'Новый район', nameKk: 'Жаңа ауданы', parent: '110000000' })).toBe('district');
  });

  it('needs the parent for a settlement-level city: without one it is only a place', () => {
    const atbasar = { code: '113820100', nameRu: 'г.Атбасар', nameKk: 'Атбасар қ.' };
    expect(deriveKind({ ...atbasar, parent: '113800000' })).toBe('district_city');
    expect(deriveKind({ ...atbasar, parent: null })).toBe('locality');
  });

  it('does not take a (hypothetical) village directly under a district for a city', () => {
    expect(deriveKind({ code: '113820200', nameRu: 'с.Ярославка', nameKk: 'Ярославка а.', parent: '113800000' })).toBe('locality');
  });
});
