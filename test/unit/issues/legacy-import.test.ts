import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkImportRows,
  EMPTY_CELL,
  isPlausiblePhone,
  parseIssueKind,
  parseLegacyDate,
  parseReceivedVia,
  placeResolver,
  refResolver,
  STATUS_ALIASES,
  suggestMapping,
  type ImportCell,
  type ImportRules,
} from '../../../shared/domain/issues/legacy-import';
import { SEED_CATEGORIES, SEED_STATUSES } from '../../../shared/domain/issues/issue';
import { formatOfficialDate, formatUiDate } from '../../../shared/format/dates';
import { fromYmd } from '../../../shared/domain/dates';

const text = (t: string): ImportCell => ({ text: t, date: null, number: null });

describe('suggestMapping', () => {
  it('maps Russian headers, the longer name winning inside a header', () => {
    const headers = ['№ п/п', 'Дата', 'Вид обращения', 'Содержание вопроса', 'Категория', 'Населённый пункт', 'Ф.И.О.', 'Телефон', 'Ответственный', 'Срок исполнения', 'Статус', 'Ответ', '№ е-Өтініш'];
    expect(suggestMapping(headers)).toEqual({
      raisedOn: 1,
      kind: 2,
      text: 3,
      category: 4,
      locality: 5,
      authorName: 6,
      authorPhone: 7,
      body: 8,
      deadline: 9,
      status: 10,
      answer: 11,
      eotinishNo: 12,
    });
  });

  it('maps Kazakh headers, whatever their case and spelling of Kazakh letters', () => {
    const headers = ['Р/с', 'КҮНІ', 'Мәселенің мазмұны', 'Санат', 'Елді мекен', 'Аты-жөні', 'Телефон', 'Жауапты', 'Мерзімі', 'Күйі', 'Жауап', 'е-Отиниш'];
    expect(suggestMapping(headers)).toEqual({
      raisedOn: 1,
      text: 2,
      category: 3,
      locality: 4,
      authorName: 5,
      authorPhone: 6,
      body: 7,
      deadline: 8,
      status: 9,
      answer: 10,
      eotinishNo: 11,
    });
  });

  it('maps a column once and a field once; unknown headers stay unmapped', () => {
    expect(suggestMapping(['Дата', 'Дата поступления', 'Вопрос', 'Примечание'])).toEqual({ raisedOn: 0, text: 2 });
    expect(suggestMapping(['', 'Сұрақ', 'Сұрақ'])).toEqual({ text: 1 });
  });
});

describe('parseLegacyDate', () => {
  it.each([
    ['15.01.2025', '2025-01-15'],
    ['5.1.2025', '2025-01-05'],
    ['15/01/25', '2025-01-15'],
    ['15.01.2025 г.', '2025-01-15'],
    ['15.01.2025 10:30', '2025-01-15'],
    ['2025-01-15', '2025-01-15'],
    ['2025-01-15T00:00:00.000Z', '2025-01-15'],
    ['15 января 2025 г.', '2025-01-15'],
    ['15 января 2025 года', '2025-01-15'],
    ['15 Январь 2025', '2025-01-15'],
    ['2025 жылғы 15 қаңтар', '2025-01-15'],
    ['2025 ж. 15 қаңтарда', '2025-01-15'],
    ['15-ші қаңтар 2025 ж.', '2025-01-15'],
    ['1 ақпан 2025', '2025-02-01'],
    ['January 15, 2025', '2025-01-15'],
    ['45672', '2025-01-15'],
  ])('%s → %s', (input, expected) => {
    expect(parseLegacyDate(text(input))).toBe(expected);
  });

  it.each(['', '32.01.2025', '31.02.2025', '2025-13-01', 'вчера', '15 января', 'январь 2025', '15.01', '2025', '15 мартобря 2025'])('%s → null', (input) => {
    expect(parseLegacyDate(text(input))).toBeNull();
  });

  it('takes a date the sheet stores as is, and a day number of an unformatted date cell', () => {
    expect(parseLegacyDate({ text: '2025-01-15', date: '2025-01-15', number: null })).toBe('2025-01-15');
    expect(parseLegacyDate({ text: '45672', date: null, number: 45672 })).toBe('2025-01-15');
    expect(parseLegacyDate({ text: '12', date: null, number: 12 })).toBeNull();
  });

  it('reads back every date the app itself writes, in kk and ru, official and short', () => {
    const day = fc.record({ y: fc.integer({ min: 1990, max: 2100 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) });
    fc.assert(
      fc.property(day, ({ y, m, d }) => {
        const iso = fromYmd(y, m, d);
        for (const lng of ['kk', 'ru', 'en'] as const) {
          expect(parseLegacyDate(text(formatOfficialDate(iso, lng)))).toBe(iso);
          if (lng !== 'en') expect(parseLegacyDate(text(formatUiDate(iso, lng)))).toBe(iso);
        }
      }),
    );
  });
});

describe('names', () => {
  it('reads kinds and channels in kk, ru and en, and their codes', () => {
    expect(parseIssueKind('Жалоба')).toBe('complaint');
    expect(parseIssueKind('ұсыныс')).toBe('proposal');
    expect(parseIssueKind('request')).toBe('request');
    expect(parseIssueKind('Вопрос-ответ')).toBeNull();
    expect(parseReceivedVia('Устно')).toBe('oral');
    expect(parseReceivedVia('жеке қабылдау')).toBe('personal_reception');
    expect(parseReceivedVia('Личный приём')).toBe('personal_reception');
    expect(parseReceivedVia('E-mail')).toBe('advance_email');
    expect(parseReceivedVia('голубь')).toBeNull();
  });

  it('matches reference rows by kk or ru name (case and ё folded, punctuation aside) or by code', () => {
    const categories = refResolver(SEED_CATEGORIES.map((c) => ({ id: c.code, ...c })));
    expect(categories('дороги и мосты')).toEqual({ id: 'roads' });
    expect(categories('ЖИЛЬЕ')).toEqual({ id: 'housing' });
    expect(categories('ТКШ тарифтер қоқыс шығару')).toEqual({ id: 'utilities' });
    expect(categories('Жолдар мен көпірлер')).toEqual({ id: 'roads' });
    expect(categories('gas')).toEqual({ id: 'gas' });
    expect(categories('Космос')).toEqual({ problem: 'unknown' });
    const statuses = refResolver(SEED_STATUSES.map((s) => ({ id: s.code, ...s })), STATUS_ALIASES);
    expect(statuses('Орындалды')).toEqual({ id: 'done' });
    expect(statuses('Просрочено')).toEqual({ id: 'in_progress' });
  });

  it('matches a locality by code, full name or name without its kind; the unit decides', () => {
    const places = [
      { kato: '103230000', kind: 'rural_okrug', nameKk: 'Қараауыл а.о.', nameRu: 'Карааульский с.о.', inUnit: true },
      { kato: '103230100', kind: 'locality', nameKk: 'Қараауыл а.', nameRu: 'с.Карааул', inUnit: true },
      { kato: '103233127', kind: 'locality', nameKk: 'Жидебай а.', nameRu: 'с.Жидебай', inUnit: false },
      { kato: '103235500', kind: 'locality', nameKk: 'Орда а.', nameRu: 'с.Орда', inUnit: true },
      { kato: '103239500', kind: 'locality', nameKk: 'Орда а.', nameRu: 'с.Орда', inUnit: true },
    ];
    const find = placeResolver(places);
    expect(find('103230100')).toEqual({ id: '103230100' });
    expect(find('с.Карааул')).toEqual({ id: '103230100' });
    expect(find('село Карааул')).toEqual({ id: '103230100' });
    expect(find('ҚАРААУЫЛ АУЫЛЫ')).toEqual({ id: '103230100' });
    expect(find('Карааульский с.о.')).toEqual({ id: '103230000' });
    expect(find('Жидебай')).toEqual({ problem: 'outside_unit' });
    expect(find('Орда')).toEqual({ problem: 'ambiguous' });
    expect(find('Алматы')).toEqual({ problem: 'unknown' });
    expect(find('999999999')).toEqual({ problem: 'unknown' });
  });

  it('knows a phone from something else', () => {
    for (const ok of ['8 701 123 45 67', '+7 (701) 123-45-67', '87011234567', '7011234567', '2-15-47', '21547']) expect(isPlausiblePhone(ok), ok).toBe(true);
    for (const bad of ['abc', '12', '8 701 123 45 67 89 00', '1011234567', '+7 701', 'нет']) expect(isPlausiblePhone(bad), bad).toBe(false);
  });
});

describe('checkImportRows', () => {
  const rules: ImportRules = {
    today: '2025-06-15',
    category: refResolver(SEED_CATEGORIES.map((c) => ({ id: c.code, ...c }))),
    status: refResolver(SEED_STATUSES.map((s) => ({ id: s.code, ...s }))),
    body: () => ({ problem: 'unknown' }),
    locality: () => ({ problem: 'unknown' }),
    existing: (raisedOn, key) => (raisedOn === '2025-01-10' && key === 'уже есть' ? 7 : null),
  };
  const mapping = { raisedOn: 0, text: 1, category: 2, deadline: 3, authorPhone: 4, kind: 5, eotinishNo: 6 };
  const row = (row: number, ...cells: string[]) => ({ row, cells: cells.map(text) });

  it('defaults the kind and the channel, and keeps what the row says', () => {
    const [r] = checkImportRows([row(5, '15.01.2025', 'Ремонт дороги', 'Дороги и мосты', '15.02.2025', '8 701 123 45 67', '', 'жт-2025-0001')], mapping, rules);
    expect(r!.problems).toEqual([]);
    expect(r!.draft).toMatchObject({
      row: 5,
      raisedOn: '2025-01-15',
      kind: 'question',
      receivedVia: 'written',
      text: 'Ремонт дороги',
      categoryId: 'roads',
      deadline: '2025-02-15',
      statusId: null,
      eotinishNo: 'жт-2025-0001',
      author: { fullName: '', phone: '8 701 123 45 67' },
    });
  });

  it('names every problem of a row, by field', () => {
    const checks = checkImportRows(
      [
        row(2, '', ''),
        row(3, '32.01.2025', 'Текст', 'Космос', 'завтра', 'abc', 'Пожелание', 'ЖТ2025'),
        row(4, '2025-07-01', 'Текст', '', '2025-08-01'),
        row(5, '2025-03-01', 'Текст', '', '2025-02-01'),
        row(6, '10.01.2025', 'Уже есть'),
      ],
      mapping,
      rules,
    );
    expect(checks.map((c) => [c.row, c.problems.map((p) => `${p.field}:${p.code}`)])).toEqual([
      [2, ['text:required', 'raisedOn:required']],
      [3, ['raisedOn:date_invalid', 'deadline:date_invalid', 'kind:unknown', 'category:unknown', 'authorPhone:phone_invalid', 'eotinishNo:eotinish_invalid']],
      [4, ['raisedOn:date_in_future']],
      [5, ['deadline:deadline_before_raised']],
      [6, ['text:duplicate']],
    ]);
    expect(checks.every((c) => c.draft === null)).toBe(true);
    expect(checks[1]!.problems[0]).toEqual({ field: 'raisedOn', code: 'date_invalid', value: '32.01.2025' });
    expect(checks[4]!.problems[0]!.value).toBe('7');
  });

  it('a repeated row of the file is a problem of the later row only', () => {
    const checks = checkImportRows([row(4, '15.01.2025', 'Свет на улице'), row(9, '2025-01-15', 'СВЕТ  на улице.'), row(10, '16.01.2025', 'Свет на улице')], mapping, rules);
    expect(checks.map((c) => c.problems.map((p) => p.code))).toEqual([[], ['duplicate_in_file'], []]);
    expect(checks[1]!.problems[0]!.value).toBe('4');
  });

  it('a cell beyond the row (a short row) is empty', () => {
    const [r] = checkImportRows([{ row: 3, cells: [text('15.01.2025')] }], mapping, rules);
    expect(r!.problems).toEqual([{ field: 'text', code: 'required', value: '' }]);
    expect(EMPTY_CELL.text).toBe('');
  });
});
