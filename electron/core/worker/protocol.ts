import type { Envelope } from '../../../shared/contract/envelope';
import type { ErrorPayload } from '../../../shared/errors';
import type { CoreRole } from '../core';
import type { Platform } from '../platform';

/*
 * What the door (Electron's main process, the browser host) and a core worker say to each
 * other. Everything is structured-clone data: the contract's envelopes, never live objects.
 */

export type PlatformMethod = keyof Platform;

/** A worker's `workerData`: where the data lives and what this worker is for. */
export interface WorkerInit {
  role: CoreRole;
  dataDir: string;
  dbFile: string;
  resourcesDir: string;
  /** The pinned day of --today; absent: the system clock. */
  today?: string;
  appVersion: string;
  /** What the door can do for the core (dialogs, the system opener), asked for by message. */
  platform: PlatformMethod[];
  /** Automatic backups at start and, when asked, at close (the job worker of the app). */
  backups: boolean;
  /** Runs the e-mail outbox (the job worker, where the mail channels go). */
  outbox: boolean;
  /**
   * Memory both workers share (SHARED_WORDS Int32 words): word 0 counts the main worker's write
   * transactions, that a job's slices give way to (db/write-turns.ts); word 1 is 1 once either
   * worker found the database damaged, so the other stops writing to it too; words 2 and 3
   * are the session (operators/session.ts), so that a job runs as the operator who asked.
   */
  shared: SharedArrayBuffer;
}

export const SHARED_WORDS = 4;
export const DAMAGED_WORD = 1;
export const SESSION_WORD = 2;

export type ToWorker =
  | { type: 'call'; id: number; channel: string; input: unknown }
  | { type: 'platform-reply'; id: number; ok: true; value: unknown }
  | { type: 'platform-reply'; id: number; ok: false; message: string }
  /**
   * Closes the core, after a last backup if asked and due (this connection, or the other
   * worker's as `changedElsewhere`, wrote something); the worker answers `closed` and ends.
   */
  | { type: 'close'; backup: boolean; changedElsewhere: boolean };

export type FromWorker =
  | { type: 'ready' }
  /** The core could not open: the reason as the contract's error, to explain before quitting. */
  | { type: 'failed'; error: ErrorPayload }
  | { type: 'reply'; id: number; envelope: Envelope<unknown> }
  | { type: 'progress'; id: number; done: number; total: number | null }
  | { type: 'platform'; id: number; method: PlatformMethod; args: unknown[] }
  /** `changed`: this worker's connection wrote something while it was open. */
  | { type: 'closed'; changed: boolean };
