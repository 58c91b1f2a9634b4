import { randomUUID } from 'node:crypto';
import type { CoreContext } from '../context';
import { prepared } from '../db/statements';
import { appendAudit } from '../db/repos/audit.repo';
import { removeSearchRows } from './issue-search';

/*
 * An import that writes in slices (migration 0110): the run is recorded before its first slice
 * and the issues it creates beside it, in the slice's own transaction, so that a run that fails
 * or is cut short by a crash can be undone whole: "applied wholly or not at all".
 */

export function beginImportRun(ctx: CoreContext, fileName: string, unitKato: string): string {
  const id = randomUUID();
  ctx.db.transaction(() => {
    prepared(ctx.db, `INSERT INTO import_runs (id, started_at, file_name, unit_kato, state) VALUES (?, ?, ?, ?, 'running')`).run(id, ctx.clock.now().getTime(), fileName, unitKato);
  })();
  return id;
}

/** Inside the slice's transaction, beside the issue it names. */
export function noteRunIssue(ctx: CoreContext, runId: string, issueId: string): void {
  prepared(ctx.db, 'INSERT INTO import_run_issues (run_id, issue_id) VALUES (?, ?)').run(runId, issueId);
}

/** Inside the run's last transaction: the run stands, its bookkeeping goes. */
export function finishImportRun(ctx: CoreContext, runId: string): void {
  prepared(ctx.db, 'DELETE FROM import_run_issues WHERE run_id = ?').run(runId);
  prepared(ctx.db, `UPDATE import_runs SET state = 'done' WHERE id = ?`).run(runId);
}

/**
 * Takes back every issue the run created, with what hangs off them (history, author, search
 * entry, and a plan row or prolongation made to one in the seconds the import ran: it was made
 * to a row the failed import never meant to leave), in one transaction, audited.
 */
export function undoImportRun(ctx: CoreContext, runId: string): number {
  return ctx.db.transaction(() => {
    const ids = prepared(ctx.db, 'SELECT issue_id FROM import_run_issues WHERE run_id = ?').pluck().all(runId) as string[];
    const seqOf = prepared(ctx.db, 'SELECT seq FROM issues WHERE id = ?').pluck();
    for (const id of ids) {
      const seq = seqOf.get(id) as number | undefined;
      if (seq === undefined) continue;
      prepared(ctx.db, 'UPDATE issues SET repeats_id = NULL WHERE repeats_id = ?').run(id);
      for (const table of ['action_plan_rows', 'issue_prolongations', 'issue_history', 'issue_authors']) {
        prepared(ctx.db, `DELETE FROM ${table} WHERE issue_id = ?`).run(id);
      }
      removeSearchRows(ctx.db, [seq]);
      prepared(ctx.db, 'DELETE FROM issues WHERE id = ?').run(id);
    }
    prepared(ctx.db, 'DELETE FROM import_run_issues WHERE run_id = ?').run(runId);
    prepared(ctx.db, `UPDATE import_runs SET state = 'undone' WHERE id = ?`).run(runId);
    appendAudit(ctx, { action: 'delete', entity: 'issue_import', entityId: runId, after: { undone: ids.length } });
    return ids.length;
  })();
}

/** At start: runs a crash cut short are undone, so the log never keeps half an import. */
export function undoUnfinishedImports(ctx: CoreContext): void {
  const running = prepared(ctx.db, `SELECT id FROM import_runs WHERE state = 'running'`).pluck().all() as string[];
  for (const id of running) undoImportRun(ctx, id);
}
