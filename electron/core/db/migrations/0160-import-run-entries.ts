import type { Migration } from './index';

/**
 * The bodies and categories a legacy import creates for values of its file (issue 13, point 3)
 * are recorded beside its run, in the transaction that creates them, so that a run undone (an
 * error, a crash) takes them back with its issues. Local bookkeeping like import_run_slices:
 * emptied when the run is done.
 */
export const m0160ImportRunEntries: Migration = {
  version: 160,
  name: 'import-run-entries',
  up(db) {
    db.exec(`
      CREATE TABLE import_run_entries (
        run_id TEXT NOT NULL REFERENCES import_runs (id),
        entity TEXT NOT NULL CHECK (entity IN ('body', 'category')),
        entity_id TEXT NOT NULL,
        PRIMARY KEY (run_id, entity, entity_id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
