import { randomUUID } from 'node:crypto';
import type { CoreContext } from '../context';
import { prepared } from '../db/statements';
import { appendAudit } from '../db/repos/audit.repo';
import { removeSearchRows } from './issue-search';

/*
 * An import that writes in slices (migration 0110): the run is recorded before its first slice
 * and the seqs of each slice's issues beside them, in the slice's own transaction, so that a run that fails
 * or is cut short by a crash can be undone whole: "applied wholly or not at all".
 */

export function beginImportRun(ctx: CoreContext, fileName: string, unitKato: string): string {
  const id = randomUUID();
  ctx.db.transaction(() => {
    prepared(ctx.db, `INSERT INTO import_runs (id, started_at, file_name, unit_kato, state) VALUES (?, ?, ?, ?, 'running')`).run(id, ctx.clock.now().getTime(), fileName, unitKato);
  })();
  return id;
}

/**
 * Inside the slice's transaction, after its issues: their seqs, first to last. The slice holds
 * the write lock, so nothing else was numbered between them; checked, since undo trusts it.
 */
export function noteRunSlice(ctx: CoreContext, runId: string, seqs: readonly number[]): void {
  if (seqs.length === 0) return;
  const first = seqs[0]!;
  const last = seqs[seqs.length - 1]!;
  if (last - first + 1 !== seqs.length) throw new Error(`import slice seqs ${first}..${last} are not ${seqs.length} in a row`);
  prepared(ctx.db, 'INSERT INTO import_run_slices (run_id, first_seq, last_seq) VALUES (?, ?, ?)').run(runId, first, last);
}

/** The reference entries a run creates (migration 0160): recorded in the transaction that creates them. */
export type RunEntity = 'body' | 'category';

export function noteRunEntry(ctx: CoreContext, runId: string, entity: RunEntity, id: string): void {
  prepared(ctx.db, 'INSERT INTO import_run_entries (run_id, entity, entity_id) VALUES (?, ?, ?)').run(runId, entity, id);
}

/** Inside the run's last transaction: the run stands, its bookkeeping goes. */
export function finishImportRun(ctx: CoreContext, runId: string): void {
  prepared(ctx.db, 'DELETE FROM import_run_slices WHERE run_id = ?').run(runId);
  prepared(ctx.db, 'DELETE FROM import_run_entries WHERE run_id = ?').run(runId);
  prepared(ctx.db, `UPDATE import_runs SET state = 'done' WHERE id = ?`).run(runId);
}

/**
 * Takes back every issue the run created, with what hangs off them (history, author, search
 * entry, and a plan row or prolongation made to one in the seconds the import ran: it was made
 * to a row the failed import never meant to leave), in one transaction, audited.
 */
export function undoImportRun(ctx: CoreContext, runId: string): number {
  return ctx.db.transaction(() => {
    const slices = prepared(ctx.db, 'SELECT first_seq, last_seq FROM import_run_slices WHERE run_id = ?').raw().all(runId) as Array<[number, number]>;
    let undone = 0;
    for (const [first, last] of slices) {
      const ids = prepared(ctx.db, 'SELECT id FROM issues WHERE seq BETWEEN ? AND ?').pluck().all(first, last) as string[];
      for (const id of ids) {
        prepared(ctx.db, 'UPDATE issues SET repeats_id = NULL WHERE repeats_id = ?').run(id);
        for (const table of ['action_plan_rows', 'issue_prolongations', 'issue_history', 'issue_authors']) {
          prepared(ctx.db, `DELETE FROM ${table} WHERE issue_id = ?`).run(id);
        }
      }
      removeSearchRows(ctx.db, Array.from({ length: last - first + 1 }, (_, i) => first + i));
      undone += prepared(ctx.db, 'DELETE FROM issues WHERE seq BETWEEN ? AND ?').run(first, last).changes;
    }
    const entries = undoRunEntries(ctx, runId);
    prepared(ctx.db, 'DELETE FROM import_run_slices WHERE run_id = ?').run(runId);
    prepared(ctx.db, `UPDATE import_runs SET state = 'undone' WHERE id = ?`).run(runId);
    appendAudit(ctx, { action: 'delete', entity: 'issue_import', entityId: runId, after: { undone, ...entries } });
    return undone;
  })();
}

/** What still refers to a body or category once the run's issues are gone. */
const IN_USE: Record<RunEntity, readonly string[]> = {
  body: ['SELECT 1 FROM issues WHERE body_id = ?', 'SELECT 1 FROM body_people WHERE body_id = ?'],
  category: ['SELECT 1 FROM issues WHERE category_id = ?', 'SELECT 1 FROM issue_categories WHERE parent_id = ?'],
};
const TABLE: Record<RunEntity, string> = { body: 'bodies', category: 'issue_categories' };
const AUDIT_ENTITY: Record<RunEntity, string> = { body: 'body', category: 'issue_category' };

/**
 * After the run's issues: the entries it created go too, each audited. One that something else
 * came to use in the seconds the import ran (an issue typed in another window, a person added
 * to the body) stays: it is someone's data now, no longer only the import's.
 */
function undoRunEntries(ctx: CoreContext, runId: string): { removedEntries: number; keptEntries: number } {
  const entries = prepared(ctx.db, 'SELECT entity, entity_id FROM import_run_entries WHERE run_id = ?').raw().all(runId) as Array<[RunEntity, string]>;
  let removedEntries = 0;
  for (const [entity, id] of entries) {
    if (IN_USE[entity].some((sql) => prepared(ctx.db, `${sql} LIMIT 1`).get(id) !== undefined)) continue;
    const before = prepared(ctx.db, `SELECT * FROM ${TABLE[entity]} WHERE id = ?`).get(id) as { id: string } | undefined;
    if (!before) continue;
    prepared(ctx.db, `DELETE FROM ${TABLE[entity]} WHERE id = ?`).run(id);
    appendAudit(ctx, { action: 'delete', entity: AUDIT_ENTITY[entity], entityId: id, before });
    removedEntries++;
  }
  prepared(ctx.db, 'DELETE FROM import_run_entries WHERE run_id = ?').run(runId);
  return { removedEntries, keptEntries: entries.length - removedEntries };
}

/** At start: runs a crash cut short are undone, so the log never keeps half an import. */
export function undoUnfinishedImports(ctx: CoreContext): void {
  const running = prepared(ctx.db, `SELECT id FROM import_runs WHERE state = 'running'`).pluck().all() as string[];
  for (const id of running) undoImportRun(ctx, id);
}
