import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { m0140PositionsInBothLanguages } from '../../../electron/core/db/migrations/0140-positions-in-both-languages';
import { searchUnits } from '../../../electron/core/db/repos/units.repo';
import { foldForSearch } from '../../../shared/domain/text/fold';
import { tempDir } from '../../helpers/temp-core';
import { NOW, databaseAt, insertMeetingRow, migrateTo } from './fixtures';

const DISTRICT = '103200000';
const OKRUG = '103230000';
const MEETING_ID = '5c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e';
/** The schema just before 140, whatever number the migrations merged beside it took. */
const BEFORE = MIGRATIONS[MIGRATIONS.indexOf(m0140PositionsInBothLanguages) - 1]!.version;

describe('migration 140: positions in both languages, and the forgiving unit search', () => {
  it('files each single position under the language its letters or the table say, the other side from the table', () => {
    const dir = tempDir('esep-m140-');
    const db = databaseAt(dir, BEFORE);
    const insertUnit = db.prepare("INSERT INTO units (kato, id, kind, parent_kato, name_kk, name_ru, search_text, edition) VALUES (?, ?, ?, ?, ?, ?, ?, 'NK RK 11-2025')");
    db.prepare("INSERT INTO kato_editions (edition, sha256, row_count, loaded_at) VALUES ('NK RK 11-2025', ?, 2, ?)").run('ab'.repeat(32), NOW.getTime());
    for (const [kato, kind, parent, kk, ru] of [
      [DISTRICT, 'district', null, 'Абай ауданы', 'Абайский район'],
      [OKRUG, 'rural_okrug', DISTRICT, 'Қараауыл а.о.', 'Карааульский с.о.'],
    ] as const) {
      // As units.repo wrote it before 140: the code and both names folded.
      insertUnit.run(kato, `unit-${kato}`, kind, parent, kk, ru, `${kato} ${foldForSearch(kk)} ${foldForSearch(ru)}`);
    }
    const at = NOW.getTime();
    const akim = db.prepare("INSERT INTO akims (id, origin, unit_kato, full_name, position, term_from, created_at, updated_at) VALUES (?, 'installation-1', ?, ?, ?, ?, ?, ?)");
    akim.run('akim-1', OKRUG, 'Қасымов Бауыржан', 'Ауылдық округ әкімі', '2021-01-01', at, at);
    akim.run('akim-2', DISTRICT, 'Сейітов Ерлан', 'аким района', '2020-01-01', at, at);
    akim.run('akim-3', DISTRICT, 'Нұрланов Асқар', '', '2010-01-01', at, at);
    insertMeetingRow(db, { id: MEETING_ID, unitKato: OKRUG, status: 'held', plannedOn: '2025-04-10', heldOn: '2025-04-10' });
    const official = db.prepare('INSERT INTO meeting_officials (id, meeting_id, ordinal, full_name, position, body) VALUES (?, ?, ?, ?, ?, ?)');
    official.run('o-1', MEETING_ID, 0, 'Омаров Д.', 'бөлім басшысы', 'Білім бөлімі');
    official.run('o-2', MEETING_ID, 1, 'Ким С.В.', 'директор школы-гимназии', '');
    official.run('o-3', MEETING_ID, 2, 'Әлиев Б.', 'маман', '');
    db.prepare("INSERT INTO bodies (id, origin, name_kk, name_ru) VALUES ('housing', 'installation-1', 'ТҮКШ бөлімі', 'Отдел ЖКХ')").run();
    db.prepare("INSERT INTO body_people (id, origin, body_id, full_name, position) VALUES ('head', 'installation-1', 'housing', 'Сейітов Нұрлан', 'Мектеп директорының орынбасары')").run();
    db.prepare("INSERT INTO body_people (id, origin, body_id, full_name, position) VALUES ('clerk', 'installation-1', 'housing', 'Омарова Айгүл', 'секретарь')").run();
    const names = (table: string) => db.prepare(`SELECT id, full_name FROM ${table} ORDER BY id`).all();
    const before = { akims: names('akims'), officials: names('meeting_officials'), people: names('body_people') };

    expect(migrateTo(db, dir, 140)).toMatchObject({ from: BEFORE, to: 140 });
    const positions = (table: string) => db.prepare(`SELECT id, position_kk, position_ru FROM ${table} ORDER BY id`).all();
    expect(positions('akims')).toEqual([
      { id: 'akim-1', position_kk: 'Ауылдық округ әкімі', position_ru: 'Аким сельского округа' },
      { id: 'akim-2', position_kk: 'аудан әкімі', position_ru: 'аким района' },
      { id: 'akim-3', position_kk: '', position_ru: '' },
    ]);
    expect(positions('meeting_officials')).toEqual([
      { id: 'o-1', position_kk: 'бөлім басшысы', position_ru: 'руководитель отдела' },
      // Not in the table and no Kazakh letter: Russian, and a Kazakh document falls back to it.
      { id: 'o-2', position_kk: '', position_ru: 'директор школы-гимназии' },
      // No Kazakh-only letter, but the table knows it as Kazakh.
      { id: 'o-3', position_kk: 'маман', position_ru: 'специалист' },
    ]);
    expect(positions('body_people')).toEqual([
      { id: 'clerk', position_kk: 'хатшы', position_ru: 'секретарь' },
      { id: 'head', position_kk: 'Мектеп директорының орынбасары', position_ru: '' },
    ]);
    // Nothing else changed, and the single column is gone.
    expect({ akims: names('akims'), officials: names('meeting_officials'), people: names('body_people') }).toEqual(before);
    for (const table of ['akims', 'meeting_officials', 'body_people']) {
      expect(db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all()).not.toContain('position');
    }

    // The units already loaded are searchable by the forgiving spelling, the exact one still first.
    expect(db.prepare('SELECT kato, search_loose FROM units ORDER BY kato').all()).toEqual([
      { kato: DISTRICT, search_loose: `${DISTRICT} абай ауданы абайский район` },
      { kato: OKRUG, search_loose: `${OKRUG} караул а.о. караульский с.о.` },
    ]);
    expect(searchUnits(db, 'Қарауыл', { limit: 10, reportingOnly: true }).map((u) => u.kato)).toEqual([OKRUG]);
    expect(searchUnits(db, 'Караул', { limit: 10, reportingOnly: true }).map((u) => u.kato)).toEqual([OKRUG]);
  });
});
