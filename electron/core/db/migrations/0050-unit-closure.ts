import type { Migration } from './index';

/**
 * "Units under X" as a table (issue 9): one row per ancestor–descendant pair of the KATO tree,
 * a unit being its own ancestor at depth 0. Every subtree query (the grid, the meetings, the
 * issue log, the action plan, and the consolidated reports to come) reads it through the
 * primary key instead of walking `parent_kato` recursively each time. WITHOUT ROWID: the table
 * is its primary key, so a unit's descendants are one range of it, in code order. The second
 * index answers "the ancestors of X" and covers it (the key columns ride along).
 *
 * The units loader fills it for new databases; this fills it once for existing ones.
 */
export const m0050UnitClosure: Migration = {
  version: 50,
  name: 'unit-closure',
  up(db) {
    db.exec(`
      CREATE TABLE unit_closure (
        ancestor TEXT NOT NULL REFERENCES units (kato),
        descendant TEXT NOT NULL REFERENCES units (kato),
        depth INTEGER NOT NULL CHECK (depth >= 0),
        PRIMARY KEY (ancestor, descendant)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX unit_closure_descendant ON unit_closure (descendant, depth);

      INSERT INTO unit_closure (ancestor, descendant, depth)
      WITH RECURSIVE pairs(ancestor, descendant, depth) AS (
        SELECT kato, kato, 0 FROM units
        UNION ALL
        SELECT p.ancestor, u.kato, p.depth + 1 FROM pairs p JOIN units u ON u.parent_kato = p.descendant
      )
      SELECT ancestor, descendant, depth FROM pairs;
    `);
  },
};
