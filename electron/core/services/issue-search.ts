import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { foldedWords, foldForSearch } from '../../../shared/domain/text/fold';
import { stemsOf } from './word-stems';

/**
 * The issue log's full-text index (`issue_search`, FTS5, contentless, rowid = issues.seq), with
 * three columns: `body`, the folded words; `ru` and `kk`, the Russian and Kazakh stems of those
 * words that differ from the word (a word that is its own stem is already in `body`).
 *
 * Both sides are folded the same way (shared/domain/text/fold.ts): what is indexed and what is
 * typed, so "ЕЛЕК" finds "Елек", "ёлка" finds "елка" and "коше" typed on a Russian keyboard finds
 * "Көшеге". A typed word matches as a prefix ("мектеп" finds "мектептің"), and its stems match
 * exactly, the stems of the same language or a whole word: "больница" finds "больнице" (both
 * stem to "больниц"), "жолды" finds "жолдарына" and "жол" (stem "жол"), not "жолдас". Stems
 * are matched exactly, not as prefixes, because a stem is short and would over-match: "жол"*
 * is also "жолдас", "жолаушы".
 */

/** More words than this add nothing a person types, and each one is another doclist to merge. */
const MAX_TERMS = 12;

/**
 * The terms one typed word matches by: itself as a prefix, and each stem of it that differs
 * from it. The prefix is over every column, so "мектеп" also finds "мектебі" by its Kazakh
 * stem (мектеп: a voiced п is given back), which is no prefix of the word.
 */
function wordTerms(word: string): string {
  const { ru, kk } = stemsOf(word);
  const terms = [`"${word}"*`];
  if (ru !== word) terms.push(`{body ru} : "${ru}"`);
  for (const stem of kk) if (stem !== word) terms.push(`{body kk} : "${stem}"`);
  return terms.length === 1 ? terms[0]! : `(${terms.join(' OR ')})`;
}

/**
 * The MATCH expression for what the user typed: each distinct word by its terms, all the words
 * required. Only letters and digits reach the expression, so FTS5 syntax typed into the box
 * (`OR`, `NEAR`, quotes, parentheses, `*`, `-`, `:`) is searched for as text or dropped, never
 * interpreted. Null when nothing searchable is left.
 */
export function matchExpression(query: string): string | null {
  const words = [...new Set(foldedWords(query))].slice(0, MAX_TERMS);
  if (words.length === 0) return null;
  return words.map(wordTerms).join(' AND ');
}

/**
 * What the empty result offers instead: each word cut to its shortest stem, searched then as a
 * prefix ("больницами" → "больниц"), which may find forms the stems did not reach. Null when no
 * word has a shorter stem.
 */
export function stemSuggestion(query: string): string | null {
  const words = [...new Set(foldedWords(query))].slice(0, MAX_TERMS);
  const cut = words.map((w) => {
    const { ru, kk } = stemsOf(w);
    return [ru, ...kk].filter((s) => w.startsWith(s)).reduce((a, b) => (b.length < a.length ? b : a), w);
  });
  return cut.some((c, i) => c !== words[i]) ? cut.join(' ') : null;
}

/** What one issue contributes to the index: its text, answer, e-Otinish number and history notes. */
export interface SearchSource {
  text: string;
  answer: string;
  eotinishNo: string;
  notes: readonly string[];
}

/** One row of the index: the folded text, and the stems of its words in each language. */
export interface SearchDocument {
  body: string;
  ru: string;
  kk: string;
}

export function searchDocument(source: SearchSource): SearchDocument {
  const body = foldForSearch([source.text, source.answer, source.eotinishNo, ...source.notes].join('\n').normalize('NFC'));
  const ru = new Set<string>();
  const kk = new Set<string>();
  for (const word of new Set(body.split(/[^\p{L}\p{N}]+/u))) {
    if (word === '') continue;
    const stems = stemsOf(word);
    if (stems.ru !== word) ru.add(stems.ru);
    for (const stem of stems.kk) if (stem !== word) kk.add(stem);
  }
  return { body, ru: [...ru].join(' '), kk: [...kk].join(' ') };
}

/** The history's part of a search entry: the comments and document references, in history order. */
export function searchNotes(history: ReadonlyArray<{ comment: string; documentRef: string }>): string[] {
  return history.filter((h) => h.comment !== '' || h.documentRef !== '').flatMap((h) => [h.comment, h.documentRef]);
}

const SQL = {
  remove: 'DELETE FROM issue_search WHERE rowid = ?',
  insert: 'INSERT INTO issue_search (rowid, body, ru, kk) VALUES (?, ?, ?, ?)',
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
/** An issue's row of the index, by its seq. */
export interface SearchEntry {
  seq: number;
  document: SearchDocument;
}

export function writeSearchRows(db: Db, entries: readonly SearchEntry[], fresh = false): void {
  if (!fresh) {
    const remove = prepared(db, SQL.remove);
    for (const e of entries) remove.run(e.seq);
  }
  const insert = prepared(db, SQL.insert);
  for (const e of entries) insert.run(e.seq, e.document.body, e.document.ru, e.document.kk);
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
