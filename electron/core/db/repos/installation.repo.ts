import { randomUUID } from 'node:crypto';
import type { Db } from '../open';

/** This installation's identity: the `origin` of every record it creates. Made once. */
export function ensureInstallation(db: Db, now: number): string {
  const row = db.prepare('SELECT id FROM installation').get() as { id: string } | undefined;
  if (row) return row.id;
  const id = randomUUID();
  db.prepare('INSERT INTO installation (id, created_at) VALUES (?, ?)').run(id, now);
  return id;
}
