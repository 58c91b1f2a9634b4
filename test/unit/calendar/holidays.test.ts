import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DECREE_TRANSFERS, holidaysOfYear, isDayOff, isWeekend, seededHolidays, SEEDED_YEARS } from '../../../shared/domain/calendar/holidays';
import { holidaysToCsv, holidaysToJson, parseHolidaysFile } from '../../../shared/domain/calendar/holidays-file';
import { addDays, fromYmd } from '../../../shared/domain/dates';

const transfers = (year: number) =>
  holidaysOfYear(year)
    .filter((d) => d.kind === 'day_off')
    .map((d) => [d.movedFrom, d.date]);

describe('Kazakhstan holidays by the rule', () => {
  it('2025: the transfers published in the egov.kz calendar', () => {
    // 8 March Sat → 10 March; Nauryz 22–23 Sat–Sun → 24, 25; 6 July Sun → 7; 30 Aug Sat → 1 Sep; 25 Oct Sat → 27.
    expect(transfers(2025)).toEqual([
      ['2025-03-08', '2025-03-10'],
      ['2025-03-22', '2025-03-24'],
      ['2025-03-23', '2025-03-25'],
      ['2025-07-06', '2025-07-07'],
      ['2025-08-30', '2025-09-01'],
      ['2025-10-25', '2025-10-27'],
    ]);
  });

  it('2026: as inform.kz reported the egov.kz calendar (2 January 2026)', () => {
    expect(transfers(2026)).toEqual([
      ['2026-03-08', '2026-03-09'],
      ['2026-03-21', '2026-03-24'],
      ['2026-03-22', '2026-03-25'],
      ['2026-05-09', '2026-05-11'],
      ['2026-08-30', '2026-08-31'],
      ['2026-10-25', '2026-10-26'],
    ]);
    expect(holidaysOfYear(2026).find((d) => d.date === '2026-05-27')).toMatchObject({ kind: 'holiday', nameRu: 'Курбан айт' });
  });

  it('2027: New Year on Saturday moves to Monday; Kurban ait and Christmas on a weekend do not move', () => {
    const days = holidaysOfYear(2027);
    expect(transfers(2027)).toEqual([
      ['2027-01-02', '2027-01-04'],
      ['2027-03-21', '2027-03-24'],
      ['2027-05-01', '2027-05-03'],
      ['2027-05-09', '2027-05-10'],
    ]);
    // 16 May 2027 is a Sunday: a religious day off (Labour Code art. 84 p. 5) gives no Monday.
    expect(isWeekend('2027-05-16')).toBe(true);
    expect(days.some((d) => d.movedFrom === '2027-05-16')).toBe(false);
    // 7 January 2029 is a Sunday: no transfer either.
    expect(holidaysOfYear(2029).some((d) => d.movedFrom === '2029-01-07')).toBe(false);
  });

  it('every year: each weekend holiday that moves gives exactly one working weekday, none twice, all marked computed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2013, max: 2100 }), (year) => {
        const days = holidaysOfYear(year);
        const dates = days.map((d) => d.date);
        expect(new Set(dates).size).toBe(dates.length);
        for (const d of days.filter((x) => x.kind === 'day_off')) {
          expect(d.computed).toBe(true);
          expect(isWeekend(d.date)).toBe(false);
          expect(isWeekend(d.movedFrom!)).toBe(true);
          // The next working day: every day between is a weekend, a holiday or an earlier transfer.
          for (let x = addDays(d.movedFrom!, 1); x < d.date; x = addDays(x, 1)) expect(isWeekend(x) || dates.includes(x)).toBe(true);
        }
        // Orthodox Christmas and Kurban ait are religious days off: they do not move.
        const moving = days.filter((d) => d.kind === 'holiday' && isWeekend(d.date) && d.date.slice(5) !== '01-07' && d.nameRu !== 'Курбан айт');
        expect(days.filter((d) => d.kind === 'day_off')).toHaveLength(moving.length);
        expect(days.filter((d) => d.kind === 'holiday').length).toBeGreaterThanOrEqual(14);
      }),
    );
  });

  it('seeds 2025–2027 with the decree transfer of January 2025 replacing nothing the rule made', () => {
    const seeded = seededHolidays(SEEDED_YEARS);
    expect(seeded.filter((d) => d.date.startsWith('2025-')).length).toBe(holidaysOfYear(2025).length + DECREE_TRANSFERS.length);
    expect(seeded.find((d) => d.date === '2025-01-05')).toMatchObject({ kind: 'working_day', computed: false });
    expect(seeded.find((d) => d.date === '2026-03-22')).toMatchObject({ kind: 'holiday', nameKk: 'Наурыз мейрамы' });
    expect(seeded.map((d) => d.date)).toEqual([...seeded.map((d) => d.date)].sort());
  });

  it('a day off is a weekend unless a decree made it a working day, or a row of the table', () => {
    expect(isDayOff('2025-01-04', undefined)).toBe(true);
    expect(isDayOff('2025-01-05', { kind: 'working_day' })).toBe(false);
    expect(isDayOff('2025-03-21', { kind: 'holiday' })).toBe(true);
    expect(isDayOff(fromYmd(2025, 3, 26), undefined)).toBe(false);
  });
});

describe('the holidays file', () => {
  const days = holidaysOfYear(2026).slice(0, 6);

  it('reads back what it writes, as CSV and as JSON', () => {
    for (const text of [holidaysToCsv(days), holidaysToJson(days)]) {
      const parsed = parseHolidaysFile(text);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.rows.map((r) => r.value)).toEqual(days.map((d) => ({ date: d.date, kind: d.kind, nameKk: d.nameKk, nameRu: d.nameRu, movedFrom: d.movedFrom })));
    }
  });

  it('reads a spreadsheet’s CSV: a byte-order mark, semicolons, quotes, columns in another order, no moved_from', () => {
    const text = '\uFEFFname_ru;kind;date;name_kk\r\n"День ""Х"", праздник";holiday;2026-11-01;Х күні\r\n\r\n;working_day;2026-11-07;\r\n';
    const parsed = parseHolidaysFile(text);
    expect(parsed).toEqual({
      ok: true,
      rows: [
        { line: 2, value: { date: '2026-11-01', kind: 'holiday', nameKk: 'Х күні', nameRu: 'День "Х", праздник', movedFrom: null } },
        { line: 4, value: { date: '2026-11-07', kind: 'working_day', nameKk: '', nameRu: '', movedFrom: null } },
      ],
    });
  });

  it('says where a file cannot be read', () => {
    expect(parseHolidaysFile('')).toEqual({ ok: false, problem: 'empty', line: 1 });
    expect(parseHolidaysFile('day,type\n2026-01-01,holiday\n')).toEqual({ ok: false, problem: 'header', line: 1 });
    expect(parseHolidaysFile('date,kind,name_kk,name_ru\n2026-01-01,holiday,"Жаңа жыл,Новый год\n')).toEqual({ ok: false, problem: 'quote', line: 2 });
    expect(parseHolidaysFile('date,kind,name_kk,name_ru\n2026-01-01,holiday,a,b,c,d\n')).toEqual({ ok: false, problem: 'columns', line: 2 });
    expect(parseHolidaysFile('[{"date": ')).toEqual({ ok: false, problem: 'json', line: 1 });
    expect(parseHolidaysFile('[]')).toEqual({ ok: false, problem: 'empty', line: 1 });
  });
});
