import type { Migration } from './index';

/**
 * The foundation schema. Records that will travel between installations (meetings, rule sets)
 * carry a UUID, the installation they were created on (`origin`) and a `revision` from day one,
 * so later imports can be idempotent and detect conflicts.
 *
 * The unit kinds are written out as released rather than taken from UNIT_KINDS: a released
 * migration never changes, so a new kind is a new migration.
 */
export const m0010Initial: Migration = {
  version: 10,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE installation (
        id TEXT PRIMARY KEY NOT NULL,
        created_at INTEGER NOT NULL,
        singleton INTEGER NOT NULL DEFAULT 1 UNIQUE CHECK (singleton = 1)
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE kato_editions (
        edition TEXT PRIMARY KEY NOT NULL,
        sha256 TEXT NOT NULL,
        row_count INTEGER NOT NULL,
        loaded_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE units (
        kato TEXT PRIMARY KEY NOT NULL
          CHECK (length(kato) = 9 AND kato NOT GLOB '*[^0-9]*'),
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('oblast', 'capital', 'republican_city', 'city_district', 'district', 'oblast_city', 'district_city', 'rural_okrug', 'settlement', 'village', 'locality')),
        parent_kato TEXT REFERENCES units (kato),
        name_kk TEXT NOT NULL,
        name_ru TEXT NOT NULL,
        search_text TEXT NOT NULL,
        edition TEXT NOT NULL REFERENCES kato_editions (edition)
      ) STRICT;
      CREATE INDEX units_parent ON units (parent_kato);

      CREATE TABLE rule_sets (
        id TEXT PRIMARY KEY NOT NULL,
        origin TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        name_kk TEXT NOT NULL,
        name_ru TEXT NOT NULL,
        effective_from TEXT NOT NULL,
        effective_to TEXT,
        groups_json TEXT NOT NULL CHECK (json_valid(groups_json)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        CHECK (effective_to IS NULL OR effective_to >= effective_from)
      ) STRICT;

      CREATE TABLE meetings (
        id TEXT PRIMARY KEY NOT NULL,
        origin TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        unit_kato TEXT NOT NULL REFERENCES units (kato),
        status TEXT NOT NULL
          CHECK (status IN ('planned', 'announced', 'held', 'closed', 'cancelled', 'postponed')),
        planned_on TEXT,
        held_on TEXT,
        note TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER,
        CHECK (status NOT IN ('held', 'closed') OR held_on IS NOT NULL)
      ) STRICT;
      CREATE INDEX meetings_unit_held ON meetings (unit_kato, held_on);

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        origin TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        before_json TEXT,
        after_json TEXT
      ) STRICT;
      CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};
