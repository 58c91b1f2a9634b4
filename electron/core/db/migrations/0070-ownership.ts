import type { Migration } from './index';

/**
 * Ownership, before any package exists (issue 11, part 1; docs/exchange.md §Ownership):
 *
 * - `installation` gains its signing identity (the Ed25519 public key and minisign's 8-byte key
 *   id, as 16 hex digits the way minisign prints it; the private key is a file in the data
 *   folder, never here) and the counter of the packages it sends.
 * - `origins`: the other installations this one has received from, each trusted once by a
 *   person who compared its fingerprint; `imported_packages`: every package applied, so that
 *   importing one again changes nothing.
 * - Registry numbers are scoped by origin: a district numbers the issues it records for an
 *   okrug, the okrug's own installation numbers its own, and both sets must coexist after an
 *   import. `UNIQUE(unit_kato, registry_no)` becomes `UNIQUE(origin, unit_kato, registry_no)`.
 * - Action plan rows travel too (each its own record), so their number within an issue is
 *   scoped by origin as well, and a removed row stays as a tombstone, as meetings and
 *   attachments do; so does a removed rule set. A hard delete could never reach the level above.
 *
 * SQLite changes a UNIQUE constraint only by rebuilding the table: the procedure of
 * https://sqlite.org/lang_altertable.html#otheralter, with foreign keys switched off around the
 * transaction and checked before it commits (`rebuildsTables`, see migrate.ts). `issues.seq` is
 * copied as it is: it is the rowid of the contentless search index, which is not touched.
 */
export const m0070Ownership: Migration = {
  version: 70,
  name: 'ownership',
  rebuildsTables: true,
  up(db) {
    db.exec(`
      ALTER TABLE installation ADD COLUMN public_key TEXT CHECK (public_key IS NULL OR length(public_key) = 44);
      ALTER TABLE installation ADD COLUMN key_id TEXT CHECK (key_id IS NULL OR (length(key_id) = 16 AND key_id NOT GLOB '*[^0-9A-F]*'));
      ALTER TABLE installation ADD COLUMN package_sequence INTEGER NOT NULL DEFAULT 0 CHECK (package_sequence >= 0);
      ALTER TABLE installation ADD COLUMN last_package_id TEXT;

      CREATE TABLE origins (
        id TEXT PRIMARY KEY NOT NULL CHECK (id <> 'seed'),
        unit_kato TEXT NOT NULL REFERENCES units (kato),
        -- Base64 of the raw 32-byte Ed25519 key; key_id as minisign prints it.
        public_key TEXT NOT NULL CHECK (length(public_key) = 44),
        key_id TEXT NOT NULL CHECK (length(key_id) = 16 AND key_id NOT GLOB '*[^0-9A-F]*'),
        trusted_at INTEGER NOT NULL,
        trusted_by TEXT NOT NULL,
        last_sequence INTEGER NOT NULL DEFAULT 0 CHECK (last_sequence >= 0),
        last_package_id TEXT,
        -- The package's own creation time (the origin's clock), for "package of …" marks.
        last_package_created_at INTEGER,
        first_imported_at INTEGER NOT NULL,
        last_imported_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE imported_packages (
        id TEXT PRIMARY KEY NOT NULL,
        origin TEXT NOT NULL REFERENCES origins (id),
        sequence INTEGER NOT NULL CHECK (sequence > 0),
        tag_manifest_sha512 TEXT NOT NULL CHECK (length(tag_manifest_sha512) = 128 AND tag_manifest_sha512 NOT GLOB '*[^0-9a-f]*'),
        created_at INTEGER NOT NULL,
        imported_at INTEGER NOT NULL,
        file_name TEXT NOT NULL,
        -- The district's package an okrug's bag arrived inside (data/forwarded/), or null.
        forwarded_in TEXT REFERENCES imported_packages (id),
        counts_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(counts_json)),
        CHECK (forwarded_in IS NULL OR forwarded_in <> id)
      ) STRICT;
      -- Not UNIQUE: an origin restored from a backup sends a sequence number again, which the
      -- importer must be able to show (and refuse or accept) rather than fail on.
      CREATE INDEX imported_packages_origin ON imported_packages (origin, sequence);
      CREATE INDEX imported_packages_forwarded ON imported_packages (forwarded_in) WHERE forwarded_in IS NOT NULL;

      ALTER TABLE rule_sets ADD COLUMN deleted_at INTEGER;

      -- The triggers on issue_prolongations write to issues: a table they name may not be
      -- missing while it is renamed, so they go first and come back unchanged.
      DROP TRIGGER issue_prolongations_count_insert;
      DROP TRIGGER issue_prolongations_count_delete;
      DROP TRIGGER issue_prolongations_count_move;

      CREATE TABLE issues_new (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        origin TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        unit_kato TEXT NOT NULL REFERENCES units (kato),
        registry_no INTEGER NOT NULL CHECK (registry_no > 0),
        meeting_id TEXT REFERENCES meetings (id),
        meeting_no INTEGER CHECK (meeting_no IS NULL OR meeting_no > 0),
        -- The speech of the minutes it was captured from; no foreign key, because saving the
        -- minutes rewrites their rows.
        speech_id TEXT UNIQUE,
        raised_on TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('question', 'proposal', 'remark', 'complaint', 'request')),
        received_via TEXT NOT NULL CHECK (received_via IN ('oral', 'written', 'advance_email', 'advance_box', 'advance_website', 'call_centre', 'personal_reception')),
        collective INTEGER NOT NULL DEFAULT 0 CHECK (collective IN (0, 1)),
        text TEXT NOT NULL CHECK (length(trim(text)) > 0),
        category_id TEXT REFERENCES issue_categories (id),
        locality_kato TEXT REFERENCES units (kato),
        answered_on_spot INTEGER NOT NULL DEFAULT 0 CHECK (answered_on_spot IN (0, 1)),
        answer TEXT NOT NULL DEFAULT '',
        body_id TEXT REFERENCES bodies (id),
        person_id TEXT REFERENCES body_people (id),
        deadline TEXT,
        on_control INTEGER NOT NULL DEFAULT 0 CHECK (on_control IN (0, 1)),
        controller TEXT NOT NULL DEFAULT '',
        eotinish_no TEXT NOT NULL DEFAULT '',
        repeats_id TEXT REFERENCES issues (id),
        status_id TEXT NOT NULL REFERENCES issue_statuses (id),
        outcome TEXT CHECK (outcome IS NULL OR outcome IN ('satisfied', 'explained', 'refused')),
        closed_on TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        prolongation_count INTEGER NOT NULL DEFAULT 0 CHECK (prolongation_count >= 0),
        -- Numbers are allocated by each installation for the units it records: scoped by origin.
        UNIQUE (origin, unit_kato, registry_no),
        -- Only the meeting's origin raises issues at it, so the number within a meeting stays.
        UNIQUE (meeting_id, meeting_no),
        CHECK (repeats_id IS NULL OR repeats_id <> id),
        CHECK ((closed_on IS NULL) = (outcome IS NULL))
      ) STRICT;
      INSERT INTO issues_new (${ISSUE_COLUMNS}) SELECT ${ISSUE_COLUMNS} FROM issues ORDER BY seq;
      DROP TABLE issues;
      ALTER TABLE issues_new RENAME TO issues;

      CREATE INDEX issues_raised ON issues (raised_on);
      CREATE INDEX issues_unit_raised ON issues (unit_kato, raised_on);
      CREATE INDEX issues_unit_status ON issues (unit_kato, status_id, deadline, on_control);
      CREATE INDEX issues_category ON issues (category_id);
      CREATE INDEX issues_body ON issues (body_id);
      CREATE INDEX issues_locality ON issues (locality_kato);
      CREATE INDEX issues_repeats ON issues (repeats_id) WHERE repeats_id IS NOT NULL;
      CREATE INDEX issues_unit_raised_status ON issues (unit_kato, raised_on, status_id, closed_on);

      CREATE TRIGGER issue_prolongations_count_insert AFTER INSERT ON issue_prolongations
      BEGIN UPDATE issues SET prolongation_count = prolongation_count + 1 WHERE id = NEW.issue_id; END;
      CREATE TRIGGER issue_prolongations_count_delete AFTER DELETE ON issue_prolongations
      BEGIN UPDATE issues SET prolongation_count = prolongation_count - 1 WHERE id = OLD.issue_id; END;
      CREATE TRIGGER issue_prolongations_count_move AFTER UPDATE OF issue_id ON issue_prolongations
      BEGIN
        UPDATE issues SET prolongation_count = prolongation_count - 1 WHERE id = OLD.issue_id;
        UPDATE issues SET prolongation_count = prolongation_count + 1 WHERE id = NEW.issue_id;
      END;

      CREATE TABLE action_plan_rows_new (
        id TEXT PRIMARY KEY NOT NULL,
        origin TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        issue_id TEXT NOT NULL REFERENCES issues (id),
        ordinal INTEGER NOT NULL DEFAULT 1,
        measure TEXT NOT NULL DEFAULT '',
        completion_form TEXT NOT NULL DEFAULT '',
        executor TEXT NOT NULL DEFAULT '',
        deadline TEXT,
        funding_source TEXT NOT NULL DEFAULT '',
        -- Money as text (tenge, as typed and validated), never a float.
        funding_amount TEXT NOT NULL DEFAULT '',
        mark TEXT NOT NULL DEFAULT 'not_started' CHECK (mark IN ('not_started', 'in_progress', 'done', 'not_done')),
        mark_note TEXT NOT NULL DEFAULT '',
        mark_date TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER,
        -- A district may plan measures for an okrug's issue that the okrug plans too.
        UNIQUE (origin, issue_id, ordinal)
      ) STRICT;
      INSERT INTO action_plan_rows_new (${PLAN_COLUMNS}) SELECT ${PLAN_COLUMNS} FROM action_plan_rows;
      DROP TABLE action_plan_rows;
      ALTER TABLE action_plan_rows_new RENAME TO action_plan_rows;
      CREATE INDEX action_plan_rows_issue ON action_plan_rows (issue_id, ordinal);
    `);
  },
};

/* The columns as schema 60 has them, written out: a released migration never changes. */
const ISSUE_COLUMNS = [
  'seq', 'id', 'origin', 'revision', 'unit_kato', 'registry_no', 'meeting_id', 'meeting_no', 'speech_id', 'raised_on', 'kind',
  'received_via', 'collective', 'text', 'category_id', 'locality_kato', 'answered_on_spot', 'answer', 'body_id', 'person_id',
  'deadline', 'on_control', 'controller', 'eotinish_no', 'repeats_id', 'status_id', 'outcome', 'closed_on', 'created_at',
  'updated_at', 'prolongation_count',
].join(', ');

const PLAN_COLUMNS = [
  'id', 'origin', 'revision', 'issue_id', 'ordinal', 'measure', 'completion_form', 'executor', 'deadline', 'funding_source',
  'funding_amount', 'mark', 'mark_note', 'mark_date', 'created_at', 'updated_at',
].join(', ');
