import type { Migration } from './index';
import { searchDocument } from '../../services/issue-search';

/**
 * The issue search by stems (issue 13, point 1): the index gains the Russian and the Kazakh
 * stems of its words (columns `ru`, `kk`; see services/issue-search.ts), so "больница" finds
 * "больницы" and "жолды" finds "жолдарына". FTS5 cannot add a column, and a contentless index
 * cannot be read back, so it is made anew from the issues and their history.
 *
 * The index is derived data, so this uses the live searchDocument rather than a frozen copy: a
 * later change to how documents are made ships its own rebuild, as this one is.
 * The issues are read with their notes (in history order, as searchDocument is given them
 * elsewhere) a slice at a time in seq order (better-sqlite3 cannot write while a statement
 * iterates), and FTS5 appends ascending rowids to its segments without rewriting them.
 */
const SLICE = 5000;

export const m0120SearchStems: Migration = {
  version: 120,
  name: 'search-stems',
  up(db) {
    db.exec(`
      DROP TABLE issue_search;
      -- Folded text (see shared/domain/text/fold.ts) of the issue, its answer and its history
      -- comments, and the Russian (ru) and Kazakh (kk) stems of its words where they differ from
      -- the word; rowid = issues.seq. Contentless: the text lives once, in the tables above.
      CREATE VIRTUAL TABLE issue_search USING fts5 (
        body,
        ru,
        kk,
        content = '',
        contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );
    `);
    const insert = db.prepare('INSERT INTO issue_search (rowid, body, ru, kk) VALUES (?, ?, ?, ?)');
    const issues = db.prepare(`
      SELECT i.seq, i.text, i.answer, i.eotinish_no AS eotinishNo,
        (SELECT group_concat(n.comment || char(10) || n.document_ref, char(10))
           FROM (SELECT h.comment, h.document_ref FROM issue_history h
                  WHERE h.issue_id = i.id AND (h.comment <> '' OR h.document_ref <> '')
                  ORDER BY h.at, h.rowid) n) AS notes
      FROM issues i WHERE i.seq > ? ORDER BY i.seq LIMIT ${SLICE}
    `);
    for (let after = 0; ; ) {
      const rows = issues.all(after) as Array<{ seq: number; text: string; answer: string; eotinishNo: string; notes: string | null }>;
      if (rows.length === 0) break;
      for (const row of rows) {
        const doc = searchDocument({ text: row.text, answer: row.answer, eotinishNo: row.eotinishNo, notes: row.notes === null ? [] : [row.notes] });
        insert.run(row.seq, doc.body, doc.ru, doc.kk);
      }
      after = rows.at(-1)!.seq;
    }
  },
};
