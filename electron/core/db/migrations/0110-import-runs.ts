import type { Migration } from './index';

/**
 * Legacy imports run in slices (issue 12, point 1): each slice is its own short transaction, so
 * a minutes autosave never waits behind a 13,000-row import. A run is recorded first and the
 * issues each slice created beside it; a run that ends in an error, or that a crash leaves
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

      -- Each slice's issues, by their seq: a slice holds the write lock, so the issues it inserts
      -- are numbered one after another; one row a slice keeps its bookkeeping off the hot path.
      CREATE TABLE import_run_slices (
        run_id TEXT NOT NULL REFERENCES import_runs (id),
        first_seq INTEGER NOT NULL,
        last_seq INTEGER NOT NULL CHECK (last_seq >= first_seq),
        PRIMARY KEY (run_id, first_seq)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
