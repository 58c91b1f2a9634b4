import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/open';
import { matchExpression, searchDocument } from '../../../electron/core/services/issue-search';
import { foldForSearch } from '../../../shared/domain/text/fold';
import { tempDir } from '../../helpers/temp-core';
import { NOW, databaseAt, insertUnitRows, migrateTo } from './fixtures';

const DISTRICT = '103200000';
const OKRUG = '103230000';

/** Issues as schema 110 holds them, each with the one-column search entry it wrote then. */
function databaseAt110(dir: string): Db {
  const db = databaseAt(dir, 110);
  insertUnitRows(db, [
    [DISTRICT, 'district', null, 'Абай ауданы'],
    [OKRUG, 'rural_okrug', DISTRICT, 'Қараауыл а.о.'],
  ]);
  const issue = db.prepare(
    `INSERT INTO issues (seq, id, origin, unit_kato, registry_no, raised_on, kind, received_via, text, answer, eotinish_no, status_id, created_at, updated_at)
     VALUES (?, ?, 'installation-1', ?, ?, '2025-04-10', 'request', 'oral', ?, ?, ?, 'in_progress', ?, ?)`,
  );
  const history = db.prepare(
    `INSERT INTO issue_history (id, issue_id, at, on_date, actor, status_id, comment, document_ref) VALUES (?, ?, ?, '2025-04-11', 'secretary', 'in_progress', ?, ?)`,
  );
  const search = db.prepare('INSERT INTO issue_search (rowid, body) VALUES (?, ?)');
  const rows: Array<[seq: number, text: string, answer: string, eotinish: string, notes: Array<[comment: string, ref: string]>]> = [
    [3, 'Районная больница без терапевта', '', '', []],
    [8, 'Ауылға кіретін жолды жөндеу керек', 'Жолдар келесі жылы жөнделеді', 'ЖТ-Т-2025-0004567', [['Мердігер жолдарымызға шықты', ''], ['', 'Хат № 04-12/345']]],
    [9, 'Жолдас Сәкенге көмек керек', '', '', []],
  ];
  for (const [seq, text, answer, eotinish, notes] of rows) {
    const id = `issue-${seq}`;
    issue.run(seq, id, OKRUG, seq, text, answer, eotinish, NOW.getTime(), NOW.getTime());
    notes.forEach(([comment, ref], i) => history.run(`${id}-h${i}`, id, NOW.getTime() + i, comment, ref));
    search.run(seq, foldForSearch([text, answer, eotinish, ...notes.flat()].join('\n')));
  }
  return db;
}

const matches = (db: Db, words: string) => db.prepare('SELECT rowid FROM issue_search WHERE issue_search MATCH ? ORDER BY rowid').pluck().all(matchExpression(words)) as number[];

describe('migration 120: the search index by stems', () => {
  it('rebuilds every entry with the stems of its words, from the issues and their history', () => {
    const dir = tempDir('esep-m120-');
    const db = databaseAt110(dir);
    const issuesBefore = db.prepare('SELECT * FROM issues ORDER BY seq').all();
    // Before: an inflected form finds only its own prefix
    expect(db.prepare(`SELECT rowid FROM issue_search WHERE issue_search MATCH '"больницы"*'`).pluck().all()).toEqual([]);

    expect(migrateTo(db, dir, 120)).toMatchObject({ from: 110, to: 120 });
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'issue_search'").pluck().get()).toMatch(/fts5 \(\s*body,\s*ru,\s*kk,/);
    expect(db.prepare('SELECT rowid FROM issue_search ORDER BY rowid').pluck().all()).toEqual([3, 8, 9]);
    expect(db.prepare('SELECT * FROM issues ORDER BY seq').all()).toEqual(issuesBefore);

    expect(matches(db, 'больницы')).toEqual([3]);
    expect(matches(db, 'больнице')).toEqual([3]);
    // the text, the answer and the history note, each by its stem; not "жолдас"
    expect(matches(db, 'жолдың')).toEqual([8]);
    expect(db.prepare(`SELECT rowid FROM issue_search WHERE issue_search MATCH 'kk : "жол"'`).pluck().all()).toEqual([8]);
    expect(matches(db, 'мердігерлер')).toEqual([8]);
    expect(matches(db, '345')).toEqual([8]);
    expect(matches(db, '0004567')).toEqual([8]);
    expect(matches(db, 'жолдасы')).toEqual([9]);

    // The rebuilt entry is the one the app writes: the same terms in each column
    const terms = (rowid: number) => {
      const vocab = db.prepare(`SELECT term, col FROM issue_search_v WHERE doc = ? ORDER BY col, term`);
      return vocab.all(rowid);
    };
    db.exec(`CREATE VIRTUAL TABLE issue_search_v USING fts5vocab(issue_search, instance)`);
    const doc = searchDocument({ text: 'Ауылға кіретін жолды жөндеу керек', answer: 'Жолдар келесі жылы жөнделеді', eotinishNo: 'ЖТ-Т-2025-0004567', notes: ['Мердігер жолдарымызға шықты', '', '', 'Хат № 04-12/345'] });
    db.exec(`CREATE VIRTUAL TABLE expected USING fts5 (body, ru, kk, tokenize = 'unicode61 remove_diacritics 2')`);
    db.prepare('INSERT INTO expected (rowid, body, ru, kk) VALUES (8, ?, ?, ?)').run(doc.body, doc.ru, doc.kk);
    db.exec(`CREATE VIRTUAL TABLE expected_v USING fts5vocab(expected, instance)`);
    const expectedTerms = db.prepare(`SELECT term, col FROM expected_v WHERE doc = 8 ORDER BY col, term`).all();
    expect(terms(8)).toEqual(expectedTerms);
    expect(expectedTerms).toContainEqual({ term: 'жол', col: 'kk' });
  });

  it('rebuilds an empty index of an empty log', () => {
    const dir = tempDir('esep-m120-empty-');
    const db = databaseAt(dir, 110);
    expect(migrateTo(db, dir, 120)).toMatchObject({ from: 110, to: 120 });
    expect(db.prepare('SELECT count(*) FROM issue_search').pluck().get()).toBe(0);
  });
});
