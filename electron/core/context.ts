import type { Clock } from './clock';
import type { Db } from './db/open';
import type { Permission } from '../../shared/domain/operators/roles';

/** What every service receives: the database, time, and who is acting on which installation. */
export interface CoreContext {
  db: Db;
  clock: Clock;
  /**
   * Recorded as "who" in the audit log, the status history, amendments and documents: the
   * signed-in operator's name, or `systemActor` on an installation that has no operators yet.
   */
  actor: string;
  /** The signed-in operator (operators.id), written beside `actor` in the audit log. */
  operatorId: string | null;
  /**
   * What the operator acting may do (roles.ts), for the few services whose need depends on the
   * state (opening minutes writes their draft the first time); null where there are no operators.
   */
  permissions: readonly Permission[] | null;
  /** The computer's account: "who" before any operator exists (and for the CLI's tools then). */
  systemActor: string;
  /** Real time for the waits after failed sign-ins; tests move it. Date.now when absent. */
  wallNow?: () => number;
  installationId: string;
  /**
   * The folder of this installation's private signing key (`<dataDir>/identity`); null for a
   * core without a data folder (the CLI's in-memory database), which has no identity to sign with.
   */
  identityDir: string | null;
  /**
   * Set by the job worker while a long job runs (an import, a package): the job reports how far
   * it is, and the screen shows it. Cheap to call often; the worker sends at most a few a second.
   */
  progress?: (done: number, total: number | null) => void;
  /**
   * Set in the job worker: a job that writes in slices calls it between two, to let the short
   * writes waiting for the lock go first (db/write-turns.ts).
   */
  yieldToWriters?: () => void;
}
