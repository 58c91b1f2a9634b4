import type { Migration } from './index';

/**
 * The grid's planned cells (issue 12: the year's grid within 3× of the hand-written SQL on an
 * oblast): the meetings still to come under a subtree were found through meetings_obligation,
 * which reads every meeting of every unit (thirteen years of them) to keep the few not yet
 * held. A partial index holds only those, so the lookup reads a few hundred rows, not all.
 */
export const m0100MeetingIndexes: Migration = {
  version: 100,
  name: 'meeting-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX meetings_upcoming ON meetings (unit_kato, planned_on)
        WHERE deleted_at IS NULL AND status IN ('planned', 'announced', 'postponed');
    `);
  },
};
