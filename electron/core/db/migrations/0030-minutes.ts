import type { Migration } from './index';

/**
 * The meeting record (issue 4): the minutes (хаттама) of a held meeting with its agenda
 * items, speeches (a speaker's question or proposal captured as a future citizens' issue)
 * and decisions; amendments made after the minutes were finalised; attachments stored by
 * their SHA-256 in the data folder.
 */
export const m0030Minutes: Migration = {
  version: 30,
  name: 'minutes',
  up(db) {
    db.exec(`
      CREATE TABLE minutes (
        id TEXT PRIMARY KEY NOT NULL,
        origin TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        meeting_id TEXT NOT NULL UNIQUE REFERENCES meetings (id),
        number TEXT NOT NULL DEFAULT '',
        date TEXT,
        place TEXT NOT NULL DEFAULT '',
        chair TEXT NOT NULL DEFAULT '',
        secretary TEXT NOT NULL DEFAULT '',
        present_count INTEGER CHECK (present_count IS NULL OR present_count >= 0),
        present_list TEXT NOT NULL DEFAULT '',
        invited TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
        finalized_at INTEGER,
        finalized_by TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        CHECK (status = 'draft' OR finalized_at IS NOT NULL)
      ) STRICT;

      CREATE TABLE minutes_items (
        id TEXT PRIMARY KEY NOT NULL,
        minutes_id TEXT NOT NULL REFERENCES minutes (id),
        ordinal INTEGER NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        speaker TEXT NOT NULL DEFAULT '',
        heard TEXT NOT NULL DEFAULT '',
        UNIQUE (minutes_id, ordinal)
      ) STRICT;

      CREATE TABLE minutes_speeches (
        id TEXT PRIMARY KEY NOT NULL,
        item_id TEXT NOT NULL REFERENCES minutes_items (id),
        ordinal INTEGER NOT NULL,
        speaker TEXT NOT NULL DEFAULT '',
        locality_kato TEXT REFERENCES units (kato),
        gist TEXT NOT NULL DEFAULT '',
        issue_kind TEXT CHECK (issue_kind IS NULL OR issue_kind IN ('question', 'proposal', 'remark', 'complaint', 'request')),
        issue_text TEXT NOT NULL DEFAULT '',
        UNIQUE (item_id, ordinal)
      ) STRICT;

      CREATE TABLE minutes_decisions (
        id TEXT PRIMARY KEY NOT NULL,
        item_id TEXT NOT NULL REFERENCES minutes_items (id),
        ordinal INTEGER NOT NULL,
        text TEXT NOT NULL DEFAULT '',
        responsible TEXT NOT NULL DEFAULT '',
        deadline TEXT,
        UNIQUE (item_id, ordinal)
      ) STRICT;

      CREATE TABLE minutes_amendments (
        id TEXT PRIMARY KEY NOT NULL,
        minutes_id TEXT NOT NULL REFERENCES minutes (id),
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        changes_json TEXT NOT NULL CHECK (json_valid(changes_json))
      ) STRICT;
      CREATE INDEX minutes_amendments_minutes ON minutes_amendments (minutes_id, at);

      CREATE TABLE attachments (
        id TEXT PRIMARY KEY NOT NULL,
        origin TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        meeting_id TEXT NOT NULL REFERENCES meetings (id),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        file_name TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size >= 0),
        kind TEXT NOT NULL CHECK (kind IN ('photo', 'minutes_scan', 'presentation', 'attendance_list', 'other')),
        created_at INTEGER NOT NULL,
        deleted_at INTEGER
      ) STRICT;
      CREATE INDEX attachments_meeting ON attachments (meeting_id);
      CREATE INDEX attachments_sha ON attachments (sha256);
    `);
  },
};
