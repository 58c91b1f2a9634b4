import { parentPort, workerData } from 'node:worker_threads';
import { openCore, type Core } from '../core';
import { corePaths } from '../paths';
import { fixedClock, systemClock } from '../clock';
import { createHandlers, type Handlers } from '../api/handlers';
import { dispatch } from '../api/dispatch';
import { changedHere } from '../db/backup';
import { automaticBackupOf } from '../services/backups.service';
import { storageError } from '../db/storage-errors';
import { announceWrites, waitForWriters } from '../db/write-turns';
import { startOutbox, type Outbox } from '../exchange/mail/outbox-runner';
import type { Platform } from '../platform';
import { EsepError, type ErrorPayload } from '../../../shared/errors';
import { sharedSession } from '../operators/session';
import { DAMAGED_WORD, SESSION_WORD, type FromWorker, type PlatformMethod, type ToWorker, type WorkerInit } from './protocol';
import type { Db } from '../db/open';

/**
 * A core in a worker thread (see core-pool.ts): it opens the database, then answers the door's
 * calls through the same dispatch as every other door. Progress of the call under way is sent
 * at most every PROGRESS_MS.
 */
const PROGRESS_MS = 100;

const port = parentPort;
if (!port) throw new Error('core-worker.ts runs as a worker thread');
const init = workerData as WorkerInit;
const send = (message: FromWorker) => port.postMessage(message);

let nextPlatformId = 1;
/** Takes the damaged state the other worker found (set by shareDamage). */
let followDamage = () => {};
const platformWaits = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

/** The door's platform, asked for by message: a dialog or the system opener lives on the main thread. */
function platformProxy(methods: PlatformMethod[]): Platform {
  const platform: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of methods) {
    platform[method] = (...args) =>
      new Promise((resolve, reject) => {
        const id = nextPlatformId++;
        platformWaits.set(id, { resolve, reject });
        send({ type: 'platform', id, method, args });
      });
  }
  return platform as Platform;
}

function openFailure(error: unknown): ErrorPayload {
  if (error instanceof EsepError) return error.toPayload();
  const stored = storageError(error);
  if (stored) return stored.toPayload();
  console.error('Esep: the core could not open', error);
  return { code: 'internal' };
}

let core: Core;
try {
  core = openCore({
    paths: corePaths(init.dataDir, init.resourcesDir, init.dbFile),
    clock: init.today ? fixedClock(init.today) : systemClock,
    role: init.role,
    session: sharedSession(init.shared, SESSION_WORD),
    // The main worker's writes are counted for the job's slices to give way to, on every connection it opens.
    ...(init.role === 'main' ? { onConnection: (db: Db) => announceWrites(db, init.shared) } : {}),
  });
} catch (error) {
  send({ type: 'failed', error: openFailure(error) });
  process.exit(0);
}
if (init.role === 'jobs') core.ctx.yieldToWriters = () => waitForWriters(init.shared);
shareDamage(core, new Int32Array(init.shared));
followDamage();
const handlers: Handlers = createHandlers(core, init.appVersion, platformProxy(init.platform));
// A damaged database sends nothing: the outbox's bookkeeping would write to it.
const outbox: Outbox | null = init.outbox && core.health.state !== 'damaged' ? startOutbox(core) : null;
// Off the critical path: the online backup copies in steps between the calls.
let backingUp: Promise<unknown> = init.backups
  ? automaticBackupOf(core, 'start').catch(backupFailed)
  : Promise.resolve();
send({ type: 'ready' });

port.on('message', (message: ToWorker) => {
  if (message.type === 'call') void answer(message.id, message.channel, message.input);
  else if (message.type === 'platform-reply') settlePlatform(message);
  else void close(message.backup, message.changedElsewhere);
});

/**
 * Damage either worker finds holds for both: the one that finds it says so in the shared
 * memory, the other takes the damaged state (a read-only connection) before its next call.
 */
function shareDamage(opened: Core, words: Int32Array): void {
  const markDamaged = opened.markDamaged.bind(opened);
  opened.markDamaged = (by) => {
    markDamaged(by);
    Atomics.store(words, DAMAGED_WORD, 1);
  };
  if (opened.health.state === 'damaged') Atomics.store(words, DAMAGED_WORD, 1);
  followDamage = () => {
    if (Atomics.load(words, DAMAGED_WORD) === 1 && opened.health.state !== 'damaged') markDamaged('work');
  };
}

async function answer(id: number, channel: string, input: unknown): Promise<void> {
  followDamage();
  // Only jobs report progress: the pool sends them one at a time, so the callback is theirs.
  if (init.role !== 'jobs') {
    send({ type: 'reply', id, envelope: await dispatch(handlers, channel, input) });
    return;
  }
  let last = 0;
  core.ctx.progress = (done, total) => {
    const now = Date.now();
    if (now - last < PROGRESS_MS && done !== total) return;
    last = now;
    send({ type: 'progress', id, done, total });
  };
  try {
    send({ type: 'reply', id, envelope: await dispatch(handlers, channel, input) });
  } finally {
    delete core.ctx.progress;
  }
}

function settlePlatform(message: Extract<ToWorker, { type: 'platform-reply' }>): void {
  const wait = platformWaits.get(message.id);
  if (!wait) return;
  platformWaits.delete(message.id);
  if (message.ok) wait.resolve(message.value);
  else wait.reject(new Error(message.message));
}

async function close(backup: boolean, changedElsewhere: boolean): Promise<void> {
  await outbox?.stop();
  await backingUp;
  if (backup && init.backups) {
    backingUp = automaticBackupOf(core, 'quit', changedElsewhere).catch(backupFailed);
    await backingUp;
  }
  const changed = changedHere(core.ctx.db);
  core.close();
  send({ type: 'closed', changed });
  port!.close();
}

/** An automatic backup that failed stops nothing: the next start or quit tries again. */
function backupFailed(error: unknown): null {
  console.error('Esep: automatic backup failed', error);
  return null;
}
