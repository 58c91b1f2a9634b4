import type { Statement } from 'better-sqlite3';
import type { Db } from './open';

const cache = new WeakMap<Db, Map<string, Statement>>();

/**
 * A statement prepared once per connection and reused. For writes on hot paths (bulk loads,
 * the audit log): a statement's native memory is only freed when V8 collects it, so preparing
 * afresh on every call grows the process by hundreds of MB over a large import.
 */
export function prepared(db: Db, sql: string): Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
