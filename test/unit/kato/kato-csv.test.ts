import { describe, expect, it } from 'vitest';
import { buildUnits, parseKatoCsv, type KatoRow } from '../../../shared/domain/kato/kato-csv';

const HEADER = 'kato,kato_version,level,type_code,name_ru,name_kk';
const csv = (...lines: string[]) => [HEADER, ...lines].join('\n') + '\n';

describe('parseKatoCsv', () => {
  it('reads rows with codes as text and names verbatim', () => {
    const rows = parseKatoCsv(csv('012345678,NK RK 11-2025,settlement,2,с. Тоганас,Тоғанас  а.'));
    expect(rows).toEqual([
      { code: '012345678', edition: 'NK RK 11-2025', level: 'settlement', typeCode: 2, nameRu: 'с. Тоганас', nameKk: 'Тоғанас  а.' },
    ]);
  });

  it('handles RFC 4180 quoting: commas and doubled quotes inside names (real rows)', () => {
    const rows = parseKatoCsv(
      csv(
        '623865204,NK RK 11-2025,settlement,2,"зимовка Басбулак 1,2","Басбұлақ 1,2 қыстауы"',
        '115630111,NK RK 11-2025,settlement,2,"оздоровит. центр""Сункар""","""Сұңқар"" сауықтыру орталығы"',
        '552244200,NK RK 11-2025,settlement,2,"с.""Ќоянды""",Қоянды а.',
      ),
    );
    expect(rows.map((r) => [r.nameRu, r.nameKk])).toEqual([
      ['зимовка Басбулак 1,2', 'Басбұлақ 1,2 қыстауы'],
      ['оздоровит. центр"Сункар"', '"Сұңқар" сауықтыру орталығы'],
      ['с."Ќоянды"', 'Қоянды а.'],
    ]);
  });

  it('strips a BOM, accepts CRLF and a missing final newline', () => {
    const text = '\uFEFF' + HEADER + '\r\n710000000,NK RK 11-2025,oblast,1,г.Астана,Астана қ.\r\n750000000,NK RK 11-2025,oblast,1,г.Алматы,"Алматы қ."';
    expect(parseKatoCsv(text).map((r) => [r.code, r.nameKk])).toEqual([
      ['710000000', 'Астана қ.'],
      ['750000000', 'Алматы қ.'],
    ]);
  });

  it('ignores blank lines', () => {
    expect(parseKatoCsv(csv('710000000,NK RK 11-2025,oblast,1,г.Астана,Астана қ.', '', ''))).toHaveLength(1);
  });

  it.each([
    ['empty input', '', /empty/],
    ['a wrong header', 'code,version,level,type,ru,kk\n', /line 1: unexpected header/],
    ['a missing field', csv('710000000,NK RK 11-2025,oblast,1,г.Астана'), /line 2: expected 6 fields, found 5/],
    ['an extra field', csv('710000000,NK RK 11-2025,oblast,1,г.Астана,Астана қ.', '750000000,NK RK 11-2025,oblast,1,г.Алматы,Алматы,қ.'), /line 3: expected 6 fields, found 7/],
    ['an 8-digit code (leading zero lost)', csv('12345678,NK RK 11-2025,settlement,2,с.А,А а.'), /line 2: kato "12345678" is not a 9-digit code/],
    ['a duplicate code', csv('710000000,NK RK 11-2025,oblast,1,г.Астана,Астана қ.', '710000000,NK RK 11-2025,oblast,1,г.Астана,Астана қ.'), /line 3: duplicate kato 710000000/],
    ['an unknown level', csv('710000000,NK RK 11-2025,city,1,г.Астана,Астана қ.'), /line 2: unknown level "city"/],
    ['a non-digit type_code', csv('710000000,NK RK 11-2025,oblast,x,г.Астана,Астана қ.'), /line 2: type_code "x"/],
    ['an empty name', csv('710000000,NK RK 11-2025,oblast,1,,Астана қ.'), /line 2: empty name/],
    ['an unterminated quote', csv('710000000,NK RK 11-2025,oblast,1,"г.Астана,Астана қ.'), /line 2: unterminated quoted field/],
    ['a quote inside an unquoted field', csv('710000000,NK RK 11-2025,oblast,1,г."Астана",Астана қ.'), /line 2: quote inside an unquoted field/],
    ['text after a closing quote', csv('710000000,NK RK 11-2025,oblast,1,"г.Астана"x,Астана қ.'), /line 2: unexpected "x" after a closing quote/],
    ['a bare carriage return', HEADER + '\r710000000', /line 1: bare carriage return/],
  ])('throws on %s, naming the line', (_why, text, message) => {
    expect(() => parseKatoCsv(text)).toThrow(message);
  });

  it('counts lines inside a quoted field that spans lines', () => {
    const text = csv('710000000,NK RK 11-2025,oblast,1,"г.\nАстана",Астана қ.', '750000000,NK RK 11-2025,oblast,1,г.Алматы');
    expect(() => parseKatoCsv(text)).toThrow(/line 4: expected 6 fields/);
  });
});

describe('buildUnits', () => {
  const row = (code: string, nameRu: string, nameKk: string): KatoRow => ({
    code,
    edition: 'NK RK 11-2025',
    level: 'settlement',
    typeCode: 2,
    nameRu,
    nameKk,
  });
  const rows = [
    row('110000000', 'Акмолинская область', 'Ақмола облысы'),
    row('113800000', 'Атбасарский район', 'Атбасар ауданы'),
    row('113820100', 'г.Атбасар', 'Атбасар қ.'),
    row('113833000', 'с.а. Борисовка', 'Борисовка а.ә.'),
    row('113833100', 'с.Борисовка', 'Борисовка а.'),
  ];

  it('resolves parents against the rows and derives kinds with them', () => {
    expect(buildUnits(rows).map((u) => [u.code, u.kind, u.parent])).toEqual([
      ['110000000', 'oblast', null],
      ['113800000', 'district', '110000000'],
      ['113820100', 'district_city', '113800000'],
      ['113833000', 'village', '113800000'],
      ['113833100', 'locality', '113833000'],
    ]);
  });

  it('keeps the classifier names and edition', () => {
    expect(buildUnits(rows)[3]).toEqual({
      code: '113833000',
      kind: 'village',
      nameKk: 'Борисовка а.ә.',
      nameRu: 'с.а. Борисовка',
      parent: '113800000',
      edition: 'NK RK 11-2025',
    });
  });

  it('throws on an orphan instead of dropping it from the tree', () => {
    expect(() => buildUnits(rows.slice(1))).toThrow(/113800000 \(Атбасарский район\) has no parent/);
  });
});
