import type { Clock } from './clock';
import type { Db } from './db/open';

/** What every service receives: the database, time, and who is acting on which installation. */
export interface CoreContext {
  db: Db;
  clock: Clock;
  /** Recorded in the audit log as "who". */
  actor: string;
  installationId: string;
}
