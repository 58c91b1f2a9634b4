import type { Migration } from './index';

/**
 * Planning a meeting (issue 3): its venue, format, akim, the obligation it fulfils,
 * announcement, questions collected in advance, attendance, the officials present (points
 * 4.1 and 5), and the akims themselves with their terms of office. Meetings recorded by the
 * foundation keep their data and take the defaults.
 */
export const m0020MeetingPlanning: Migration = {
  version: 20,
  name: 'meeting-planning',
  up(db) {
    db.exec(`
      CREATE TABLE akims (
        id TEXT PRIMARY KEY NOT NULL,
        origin TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        unit_kato TEXT NOT NULL REFERENCES units (kato),
        full_name TEXT NOT NULL CHECK (length(trim(full_name)) > 0),
        position TEXT NOT NULL DEFAULT '',
        term_from TEXT NOT NULL,
        term_to TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER,
        CHECK (term_to IS NULL OR term_to >= term_from)
      ) STRICT;
      CREATE INDEX akims_unit ON akims (unit_kato, term_from);

      ALTER TABLE meetings ADD COLUMN kind TEXT NOT NULL DEFAULT 'reporting'
        CHECK (kind IN ('reporting', 'field', 'unscheduled'));
      ALTER TABLE meetings ADD COLUMN planned_time TEXT;
      ALTER TABLE meetings ADD COLUMN venue_name TEXT NOT NULL DEFAULT '';
      ALTER TABLE meetings ADD COLUMN venue_address TEXT NOT NULL DEFAULT '';
      ALTER TABLE meetings ADD COLUMN venue_kato TEXT REFERENCES units (kato);
      ALTER TABLE meetings ADD COLUMN format TEXT NOT NULL DEFAULT 'in_person'
        CHECK (format IN ('in_person', 'online', 'hybrid'));
      ALTER TABLE meetings ADD COLUMN broadcast_links TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(broadcast_links));
      ALTER TABLE meetings ADD COLUMN akim_id TEXT REFERENCES akims (id);
      ALTER TABLE meetings ADD COLUMN rule_set_id TEXT;
      ALTER TABLE meetings ADD COLUMN window_key TEXT;
      ALTER TABLE meetings ADD COLUMN outside_window_reason TEXT NOT NULL DEFAULT '';
      ALTER TABLE meetings ADD COLUMN announced_on TEXT;
      ALTER TABLE meetings ADD COLUMN announcement_channels TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(announcement_channels));
      ALTER TABLE meetings ADD COLUMN questions_channels TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(questions_channels));
      ALTER TABLE meetings ADD COLUMN questions_from TEXT;
      ALTER TABLE meetings ADD COLUMN questions_to TEXT;
      ALTER TABLE meetings ADD COLUMN attendance INTEGER CHECK (attendance IS NULL OR attendance >= 0);
      ALTER TABLE meetings ADD COLUMN online_viewers INTEGER CHECK (online_viewers IS NULL OR online_viewers >= 0);
      ALTER TABLE meetings ADD COLUMN status_reason TEXT NOT NULL DEFAULT '';
      ALTER TABLE meetings ADD COLUMN postponed_from TEXT;
      CREATE INDEX meetings_planned ON meetings (planned_on);
      CREATE INDEX meetings_obligation ON meetings (unit_kato, rule_set_id, window_key);

      CREATE TABLE meeting_officials (
        id TEXT PRIMARY KEY NOT NULL,
        meeting_id TEXT NOT NULL REFERENCES meetings (id),
        ordinal INTEGER NOT NULL,
        full_name TEXT NOT NULL,
        position TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '',
        is_government INTEGER NOT NULL DEFAULT 0 CHECK (is_government IN (0, 1)),
        is_oblast_leadership INTEGER NOT NULL DEFAULT 0 CHECK (is_oblast_leadership IN (0, 1)),
        UNIQUE (meeting_id, ordinal)
      ) STRICT;
    `);
  },
};
