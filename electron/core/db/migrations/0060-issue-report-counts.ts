import type { Migration } from './index';

/**
 * What a period report counts of the issue log, readable without a lookup per issue (issue 10:
 * an oblast's annual report, 150,000 issues of a year out of a million, must be a few times a
 * plain GROUP BY of them, not a per-row probe):
 *
 * - `issues.prolongation_count`, kept by triggers on issue_prolongations (so every writer, the
 *   app, an import or a package, keeps it right) and filled once here. Checking "prolonged" by
 *   an EXISTS per issue was a third of the report; the log's rows read the same column.
 * - `issues_unit_raised_status` (unit, raised_on, status, closed_on): the trend's raised and
 *   closed per quarter, and the days from raised to closed, come from the index alone (the two
 *   were 40% of the report). Beside issues_unit_raised, not instead of it: the log's newest-first
 *   window scans that one whole, and over a million issues the wider index made it 30 -> 100 ms.
 */
export const m0060IssueReportCounts: Migration = {
  version: 60,
  name: 'issue-report-counts',
  up(db) {
    db.exec(`
      ALTER TABLE issues ADD COLUMN prolongation_count INTEGER NOT NULL DEFAULT 0 CHECK (prolongation_count >= 0);
      UPDATE issues SET prolongation_count = (SELECT count(*) FROM issue_prolongations p WHERE p.issue_id = issues.id)
      WHERE id IN (SELECT issue_id FROM issue_prolongations);

      CREATE TRIGGER issue_prolongations_count_insert AFTER INSERT ON issue_prolongations
      BEGIN UPDATE issues SET prolongation_count = prolongation_count + 1 WHERE id = NEW.issue_id; END;
      CREATE TRIGGER issue_prolongations_count_delete AFTER DELETE ON issue_prolongations
      BEGIN UPDATE issues SET prolongation_count = prolongation_count - 1 WHERE id = OLD.issue_id; END;
      CREATE TRIGGER issue_prolongations_count_move AFTER UPDATE OF issue_id ON issue_prolongations
      BEGIN
        UPDATE issues SET prolongation_count = prolongation_count - 1 WHERE id = OLD.issue_id;
        UPDATE issues SET prolongation_count = prolongation_count + 1 WHERE id = NEW.issue_id;
      END;

      CREATE INDEX issues_unit_raised_status ON issues (unit_kato, raised_on, status_id, closed_on);
    `);
  },
};
