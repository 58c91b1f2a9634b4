import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { foldedWords, foldForSearch } from '../../../shared/domain/text/fold';

/**
 * The issue log's full-text index (`issue_search`, FTS5, contentless, rowid = issues.seq).
 *
 * Both sides are folded the same way (shared/domain/text/fold.ts): what is indexed and what is
 * typed, so "ЕЛЕК" finds "Елек", "ёлка" finds "елка" and "коше" typed on a Russian keyboard finds
 * "Көшеге". Kazakh and Russian inflect by endings, so every word of a query is a prefix:
 * "мектеп" finds "мектептің", "мектепке", "мектептегі".
 */

/** More words than this add nothing a person types, and each one is another doclist to merge. */
const MAX_TERMS = 12;

/**
 * The MATCH expression for what the user typed: each distinct word as a quoted prefix term,
 * all of them required. Only letters and digits reach the expression, so FTS5 syntax typed
 * into the box (`OR`, `NEAR`, quotes, parentheses, `*`, `-`, `:`) is searched for as text or
 * dropped, never interpreted. Null when nothing searchable is left.
 */
export function matchExpression(query: string): string | null {
  const words = [...new Set(foldedWords(query))].slice(0, MAX_TERMS);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' AND ');
}

/** What one issue contributes to the index: its text, answer, e-Otinish number and history notes. */
export interface SearchSource {
  text: string;
  answer: string;
  eotinishNo: string;
  notes: readonly string[];
}

export function searchDocument(source: SearchSource): string {
  return foldForSearch([source.text, source.answer, source.eotinishNo, ...source.notes].join('\n').normalize('NFC'));
}

/** The history's part of a search entry: the comments and document references, in history order. */
export function searchNotes(history: ReadonlyArray<{ comment: string; documentRef: string }>): string[] {
  return history.filter((h) => h.comment !== '' || h.documentRef !== '').flatMap((h) => [h.comment, h.documentRef]);
}

const SQL = {
  remove: 'DELETE FROM issue_search WHERE rowid = ?',
  insert: 'INSERT INTO issue_search (rowid, body) VALUES (?, ?)',
  issue: 'SELECT seq, text, answer, eotinish_no FROM issues WHERE id = ?',
  notes: `SELECT comment, document_ref AS documentRef FROM issue_history WHERE issue_id = ? ORDER BY at, rowid`,
};

/**
 * Replaces the indexed text of issues (`fresh`: they have none yet); call it in the
 * transaction that changed the text.
 *
 * FTS5 keeps new entries in memory until the transaction ends — unless another statement
 * opens a savepoint first, which flushes them into a new segment of the index. So a bulk
 * change writes its rows first and its search entries last, all the deletions and then all
 * the insertions: interleaved (even as INSERT OR REPLACE), 5,000 entries took 0.8 s, not 35 ms.
 */
export function writeSearchRows(db: Db, entries: ReadonlyArray<{ seq: number; document: string }>, fresh = false): void {
  if (!fresh) {
    const remove = prepared(db, SQL.remove);
    for (const e of entries) remove.run(e.seq);
  }
  const insert = prepared(db, SQL.insert);
  for (const e of entries) insert.run(e.seq, e.document);
}

/** Rebuilds the entries of issues from what is stored now (their rows and their history). */
export function reindexIssues(db: Db, issueIds: readonly string[]): void {
  const entries = issueIds.flatMap((id) => {
    const row = prepared(db, SQL.issue).get(id) as { seq: number; text: string; answer: string; eotinish_no: string } | undefined;
    if (!row) return [];
    const notes = searchNotes(prepared(db, SQL.notes).all(id) as Array<{ comment: string; documentRef: string }>);
    return [{ seq: row.seq, document: searchDocument({ text: row.text, answer: row.answer, eotinishNo: row.eotinish_no, notes }) }];
  });
  writeSearchRows(db, entries);
}

/** Drops the entries of issues that go (an import taken back). */
export function removeSearchRows(db: Db, seqs: readonly number[]): void {
  const remove = prepared(db, SQL.remove);
  for (const seq of seqs) remove.run(seq);
}
