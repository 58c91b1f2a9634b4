import type { Clock } from './clock';
import type { Db } from './db/open';

/** What every service receives: the database, time, and who is acting on which installation. */
export interface CoreContext {
  db: Db;
  clock: Clock;
  /** Recorded in the audit log as "who". */
  actor: string;
  installationId: string;
  /**
   * The folder of this installation's private signing key (`<dataDir>/identity`); null for a
   * core without a data folder (the CLI's in-memory database), which has no identity to sign with.
   */
  identityDir: string | null;
}
