import type { Migration } from './index';

/**
 * Operators of the installation (issue 14, point 1): a person with a role and a secret (an
 * scrypt hash, operators/secret-hash.ts). Local: operators never travel in packages. The failed
 * sign-ins in a row and when the last one was, so that the wait after them survives a restart.
 * The audit log names the operator as well as their name at the time (`actor`).
 */
export const m0170Operators: Migration = {
  version: 170,
  name: 'operators',
  up(db) {
    db.exec(`
      CREATE TABLE operators (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        login TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        position_kk TEXT NOT NULL DEFAULT '',
        position_ru TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL CHECK (role IN ('admin', 'secretary', 'okrug_staff', 'viewer')),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        secret_hash TEXT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        last_failed_at INTEGER,
        last_sign_in_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      ALTER TABLE audit_log ADD COLUMN operator_id TEXT;
    `);
  },
};
