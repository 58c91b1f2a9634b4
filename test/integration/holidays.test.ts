import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { listAudit } from '../../electron/core/db/repos/audit.repo';
import type { HolidayDay } from '../../shared/contract/holidays.contract';
import { holidaysOfYear, seededHolidays, SEEDED_YEARS } from '../../shared/domain/calendar/holidays';
import { openTempCore, tempDir } from '../helpers/temp-core';
import { caller } from './meeting-fixtures';
import { databaseAt, migrateTo } from './migrations/fixtures';

let cores: Core[] = [];
afterEach(() => {
  for (const c of cores) c.close();
  cores = [];
});

function world() {
  const core = openTempCore({ today: '2026-03-10' });
  cores.push(core);
  const { call, value } = caller(core);
  const rows = () => core.ctx.db.prepare('SELECT date, kind, name_kk, name_ru, moved_from, computed FROM holidays ORDER BY date').all();
  const year = (y: number): HolidayDay[] => value('holidays:list', { from: `${y}-01-01`, to: `${y}-12-31` });
  return { core, call, value, rows, year };
}

describe('migration 130: the holidays table', () => {
  it('seeds 2025–2027 by the rule, the transfers marked computed, and leaves the rest of the database alone', () => {
    const dir = tempDir('esep-m130-');
    const db = databaseAt(dir, 110);
    db.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('reminder_days', '9', 1)`).run();
    expect(migrateTo(db, dir, 130)).toMatchObject({ from: 110, to: 130 });
    const rows = db.prepare('SELECT date, kind, name_kk AS nameKk, name_ru AS nameRu, moved_from AS movedFrom, computed FROM holidays ORDER BY date').all() as Array<
      Omit<HolidayDay, 'computed'> & { computed: number }
    >;
    expect(rows.map((r) => ({ ...r, computed: r.computed === 1 }))).toEqual(seededHolidays(SEEDED_YEARS));
    expect(rows.find((r) => r.date === '2026-03-22')).toEqual({ date: '2026-03-22', kind: 'holiday', nameKk: 'Наурыз мейрамы', nameRu: 'Наурыз мейрамы', movedFrom: null, computed: 0 });
    expect(rows.filter((r) => r.computed === 1).map((r) => r.date)).toEqual(
      SEEDED_YEARS.flatMap((y) => holidaysOfYear(y).filter((d) => d.computed).map((d) => d.date)),
    );
    expect(db.prepare(`SELECT value FROM settings WHERE key = 'reminder_days'`).get()).toEqual({ value: '9' });
    // A date must be a date; a kind one of three.
    expect(() => db.prepare(`INSERT INTO holidays (date, kind) VALUES ('22.03.2026', 'holiday')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO holidays (date, kind) VALUES ('2026-11-01', 'festival')`).run()).toThrow(/CHECK/);
    db.close();
  });
});

describe('holidays: an administrator’s changes', () => {
  it('adds a decree’s working Saturday, edits a day to another date, removes one; each in the audit log', () => {
    const w = world();
    const before = w.year(2026).length;
    w.value('holidays:save', { day: { date: '2026-01-03', kind: 'working_day', nameKk: '', nameRu: '', movedFrom: null } });
    w.value('holidays:save', { day: { date: '2026-01-05', kind: 'day_off', nameKk: '', nameRu: '', movedFrom: '2026-01-03' } });
    expect(w.year(2026)).toHaveLength(before + 2);
    expect(w.year(2026).find((d) => d.date === '2026-01-05')).toEqual({ date: '2026-01-05', kind: 'day_off', nameKk: '', nameRu: '', movedFrom: '2026-01-03', computed: false });

    // The Kurban ait date announced later than the seed: the row moves.
    w.value('holidays:save', { day: { date: '2026-05-26', kind: 'holiday', nameKk: 'Құрбан айт', nameRu: 'Курбан айт', movedFrom: null }, previousDate: '2026-05-27' });
    const may = w.value('holidays:list', { from: '2026-05-01', to: '2026-05-31' }) as HolidayDay[];
    expect(may.map((d) => d.date)).toEqual(['2026-05-01', '2026-05-07', '2026-05-09', '2026-05-11', '2026-05-26']);

    w.value('holidays:remove', { date: '2026-01-03' });
    expect(w.year(2026).some((d) => d.date === '2026-01-03')).toBe(false);
    expect(listAudit(w.core.ctx, 'holiday').map((a) => [a.action, a.entityId])).toEqual([
      ['insert', '2026-01-03'],
      ['insert', '2026-01-05'],
      ['update', '2026-05-26'],
      ['delete', '2026-01-03'],
    ]);
    expect(w.value('holidays:years', {})).toEqual([2027, 2026, 2025]);
  });

  it('refuses what is not a day: a holiday without its names, a moved date on a holiday, a long range; nothing changes', () => {
    const w = world();
    const rows = w.rows();
    expect(w.call('holidays:save', { day: { date: '2026-11-01', kind: 'holiday', nameKk: 'Күн', nameRu: '', movedFrom: null } })).toMatchObject({
      ok: false,
      error: { code: 'validation', details: { fields: ['day.nameRu'] } },
    });
    expect(w.call('holidays:save', { day: { date: '2026-11-01', kind: 'holiday', nameKk: 'А', nameRu: 'Б', movedFrom: '2026-10-31' } })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(w.call('holidays:save', { day: { date: '2026-11-02', kind: 'holiday', nameKk: 'А', nameRu: 'Б', movedFrom: null }, previousDate: '2026-11-01' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(w.call('holidays:remove', { date: '2026-11-01' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(w.call('holidays:list', { from: '2025-01-01', to: '2027-12-31' })).toMatchObject({ ok: false, error: { code: 'range_invalid' } });
    expect(w.rows()).toEqual(rows);
  });

  it('exports a year as CSV and JSON, and imports either back: new days added, the same dates replaced', () => {
    const w = world();
    const csv = w.value('holidays:export', { year: 2026, format: 'csv' }) as { fileName: string; content: string };
    expect(csv.fileName).toBe('esep-holidays-2026.csv');
    expect(csv.content.split('\r\n')[0]).toBe('date,kind,name_kk,name_ru,moved_from');
    expect(csv.content).toContain('2026-03-24,day_off,Наурыз мейрамы,Наурыз мейрамы,2026-03-21');
    const json = w.value('holidays:export', { year: 2026, format: 'json' }) as { fileName: string; content: string };
    expect(JSON.parse(json.content)).toHaveLength(w.year(2026).length);

    // Re-imported as it is: every day replaced, none added.
    const rows = w.rows();
    expect(w.value('holidays:import', { fileName: csv.fileName, content: csv.content })).toEqual({ added: 0, updated: w.year(2026).length });
    // An imported day is the administrator's: no longer marked computed.
    expect(w.rows()).toEqual((rows as Array<{ date: string; computed: number }>).map((r) => (r.date.startsWith('2026-') ? { ...r, computed: 0 } : r)));

    // The year 2028 from a spreadsheet: two new days, one of them a decree's working Saturday.
    const file = 'date;kind;name_kk;name_ru\r\n2028-01-01;holiday;Жаңа жыл;Новый год\r\n2028-01-08;working_day;;\r\n';
    expect(w.value('holidays:import', { fileName: '2028.csv', content: file })).toEqual({ added: 2, updated: 0 });
    expect(w.value('holidays:list', { from: '2028-01-01', to: '2028-12-31' })).toEqual([
      { date: '2028-01-01', kind: 'holiday', nameKk: 'Жаңа жыл', nameRu: 'Новый год', movedFrom: null, computed: false },
      { date: '2028-01-08', kind: 'working_day', nameKk: '', nameRu: '', movedFrom: null, computed: false },
    ]);
    expect(w.value('holidays:import', { fileName: json.fileName, content: json.content })).toMatchObject({ added: 0 });
  });

  it('imports a file whole or not at all, and says which line and column is wrong', () => {
    const w = world();
    const rows = w.rows();
    const refused = (content: string) => w.call('holidays:import', { fileName: 'x.csv', content });
    expect(refused('date,kind,name_kk,name_ru\n2028-01-01,holiday,Жаңа жыл,Новый год\n2028-02-30,holiday,А,Б\n')).toEqual({
      ok: false,
      error: { code: 'holidays_file_invalid', details: { line: 3, field: 'date' } },
    });
    expect(refused('date,kind,name_kk,name_ru\n2028-01-01,festival,А,Б\n')).toEqual({ ok: false, error: { code: 'holidays_file_invalid', details: { line: 2, field: 'kind' } } });
    expect(refused('date,kind,name_kk,name_ru\n2028-01-01,holiday,,Б\n')).toEqual({ ok: false, error: { code: 'holidays_file_invalid', details: { line: 2, field: 'name_kk' } } });
    expect(refused('date,kind,name_kk,name_ru\n2028-01-01,holiday,А,Б\n2028-01-01,holiday,В,Г\n')).toEqual({ ok: false, error: { code: 'holidays_file_invalid', details: { line: 3, field: 'date' } } });
    expect(refused('[{"date": "2028-01-01", "kind": "day_off", "movedFrom": "2028-01-01"}]')).toEqual({ ok: false, error: { code: 'holidays_file_invalid', details: { line: 1, field: 'moved_from' } } });
    expect(refused('Күні,Түрі\n01.01.2028,мереке\n')).toEqual({ ok: false, error: { code: 'holidays_file_unreadable', details: { line: 1 } } });
    expect(w.rows()).toEqual(rows);
  });
});
