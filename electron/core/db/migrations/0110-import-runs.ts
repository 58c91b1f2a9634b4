import type { Migration } from './index';

/**
 * Legacy imports run in slices (issue 12, point 1): each slice is its own short transaction, so
 * a minutes autosave never waits behind a 13,000-row import. A run is recorded first and the
 * issues it has created so far beside it; a run that ends in an error, or that a crash leaves
 * `running`, is undone whole (services/import-runs.ts), so an import is still all or nothing.
 * Local bookkeeping, not a record that travels.
 */
export const m0110ImportRuns: Migration = {
  version: 110,
  name: 'import-runs',
  up(db) {
    db.exec(`
      CREATE TABLE import_runs (
        id TEXT PRIMARY KEY NOT NULL,
        started_at INTEGER NOT NULL,
        file_name TEXT NOT NULL,
        unit_kato TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('running', 'done', 'undone'))
      ) STRICT;
      CREATE INDEX import_runs_running ON import_runs (state) WHERE state = 'running';

      CREATE TABLE import_run_issues (
        run_id TEXT NOT NULL REFERENCES import_runs (id),
        issue_id TEXT NOT NULL,
        PRIMARY KEY (run_id, issue_id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
