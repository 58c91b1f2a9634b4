import type { Migration } from './index';

/**
 * What the issue log reads at oblast scale (issue 12: a million issues, 262 reporting units):
 *
 * - `issue_status_counts`: how many issues, and how many of them on control, each unit holds in
 *   each status. Kept by triggers on `issues`, so every writer (the app, the Excel import, a
 *   package, the demo generator) keeps it right; filled once here. The counts by status, the
 *   total of an unfiltered page and of a status chip are a sum over the subtree's rows instead
 *   of a count (and a temporary sort) over every issue: 290 ms -> under 1 ms at oblast scale.
 *   A migration that rebuilds `issues` must create these triggers again.
 * - `issues_registry` (registry_no, unit_kato): the log's default order (number, newest first)
 *   read straight from an index, so a window stops after its rows instead of sorting the whole
 *   subtree; the unit rides along, so "is it under the chosen unit" needs no row.
 * - `issues_seq_status` (seq, unit, status, deadline, on control): what the counts and a total
 *   read of each issue a search matches, looked up by its rowid in a narrow index instead of the
 *   table (whose rows are ~2 KB: every match a page of its own); "мектеп" matches 89,929.
 */
export const m0090IssueLogIndexes: Migration = {
  version: 90,
  name: 'issue-log-indexes',
  up(db) {
    db.exec(`
      CREATE TABLE issue_status_counts (
        unit_kato TEXT NOT NULL,
        status_id TEXT NOT NULL,
        n INTEGER NOT NULL CHECK (n >= 0),
        on_control INTEGER NOT NULL CHECK (on_control >= 0 AND on_control <= n),
        PRIMARY KEY (unit_kato, status_id)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO issue_status_counts (unit_kato, status_id, n, on_control)
      SELECT unit_kato, status_id, count(*), sum(on_control) FROM issues GROUP BY unit_kato, status_id;

      CREATE TRIGGER issue_status_counts_insert AFTER INSERT ON issues
      BEGIN
        INSERT INTO issue_status_counts (unit_kato, status_id, n, on_control) VALUES (NEW.unit_kato, NEW.status_id, 1, NEW.on_control)
        ON CONFLICT (unit_kato, status_id) DO UPDATE SET n = n + 1, on_control = on_control + excluded.on_control;
      END;
      CREATE TRIGGER issue_status_counts_delete AFTER DELETE ON issues
      BEGIN
        UPDATE issue_status_counts SET n = n - 1, on_control = on_control - OLD.on_control
        WHERE unit_kato = OLD.unit_kato AND status_id = OLD.status_id;
      END;
      CREATE TRIGGER issue_status_counts_update AFTER UPDATE OF unit_kato, status_id, on_control ON issues
      BEGIN
        UPDATE issue_status_counts SET n = n - 1, on_control = on_control - OLD.on_control
        WHERE unit_kato = OLD.unit_kato AND status_id = OLD.status_id;
        INSERT INTO issue_status_counts (unit_kato, status_id, n, on_control) VALUES (NEW.unit_kato, NEW.status_id, 1, NEW.on_control)
        ON CONFLICT (unit_kato, status_id) DO UPDATE SET n = n + 1, on_control = on_control + excluded.on_control;
      END;

      CREATE INDEX issues_registry ON issues (registry_no, unit_kato);
      CREATE INDEX issues_seq_status ON issues (seq, unit_kato, status_id, deadline, on_control);
    `);
  },
};
