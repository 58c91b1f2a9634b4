import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { CorePaths } from '../paths';
import type { Platform } from '../platform';
import type { Envelope } from '../../../shared/contract/envelope';
import type { Door } from '../api/door';
import type { JobProgress } from '../../../shared/contract/types';
import { EXCLUSIVE_CHANNELS, isJobChannel } from '../../../shared/contract/channels';
import { EsepError, isErrorCode } from '../../../shared/errors';
import { DAMAGED_WORD, SHARED_WORDS, type FromWorker, type PlatformMethod, type ToWorker, type WorkerInit } from './protocol';

export interface CorePool {
  call: Door;
  /** Closes both workers: the job under way finishes first, then the job worker backs up if asked. */
  close(options?: { backup?: boolean }): Promise<void>;
}

export interface CorePoolOptions {
  paths: CorePaths;
  /** --today: the day the core takes for today (the system clock when absent). */
  today?: string;
  appVersion: string;
  platform?: Platform;
  /** Automatic backups at start and at close (the desktop app, the browser host). */
  backups?: boolean;
  /** Runs the e-mail outbox in the job worker. */
  outbox?: boolean;
}

const UNAVAILABLE: Envelope<unknown> = { ok: false, error: { code: 'internal' } };

/**
 * The core off the door's thread, in two workers over the same database (WAL: readers never
 * wait, writers take turns): the main worker answers the short requests; the job worker runs
 * the long jobs (JOB_CHANNELS) one after another, reports how far the current one is, and makes
 * the automatic backups. So an import, an oblast report or the check of a backup never holds up
 * a minutes autosave, and nothing holds up the window. The main worker opens first (migrations,
 * housekeeping); the job worker after it, at once where it backs up, else with the first job. A
 * worker that dies fails its pending calls and is started afresh by the next call.
 * Signal-Desktop's SQL worker does the same for the same reason.
 */
export async function startCorePool(options: CorePoolOptions): Promise<CorePool> {
  const platform = options.platform ?? {};
  const methods = (Object.keys(platform) as PlatformMethod[]).filter((m) => typeof platform[m] === 'function');
  const shared = new SharedArrayBuffer(SHARED_WORDS * 4);
  const initFor = (role: WorkerInit['role']): WorkerInit => ({
    role,
    dataDir: options.paths.dataDir,
    dbFile: options.paths.dbFile,
    resourcesDir: options.paths.resourcesDir,
    ...(options.today !== undefined ? { today: options.today } : {}),
    appVersion: options.appVersion,
    platform: methods,
    backups: role === 'jobs' && options.backups === true,
    outbox: role === 'jobs' && options.outbox === true,
    shared,
  });

  let main = await startWorker(initFor('main'), platform);
  let jobs: Promise<CoreWorker> | null = null;
  /** Jobs in order; the first is the one under way. */
  const queue: Array<{ channel: string; input: unknown; resolve: (envelope: Envelope<unknown>) => void; run?: () => Promise<Envelope<unknown>> }> = [];
  let progress: JobProgress | null = null;
  let closing = false;
  /** The loop over the queue while it runs: closing waits for the job under way. */
  let draining: Promise<void> = Promise.resolve();

  const jobWorker = (): Promise<CoreWorker> => {
    jobs ??= startWorker(initFor('jobs'), platform).catch((error: unknown) => {
      jobs = null;
      throw error;
    });
    return jobs;
  };
  // The automatic backups are a long job too (the copy of an oblast's database is checked whole,
  // for a minute): the job worker makes them, so it opens at once when there are any.
  if (options.backups) void jobWorker().catch((error: unknown) => console.error('Esep: the job worker could not open', error));

  async function runJobs(): Promise<void> {
    while (queue.length > 0) {
      const job = queue[0]!;
      progress = job.run ? null : { channel: job.channel, done: 0, total: null, queued: queue.length - 1 };
      let envelope: Envelope<unknown>;
      try {
        if (job.run) {
          envelope = await job.run();
          queue.shift();
          job.resolve(envelope);
          continue;
        }
        const worker = await jobWorker();
        envelope = await worker.call(job.channel, job.input, (done, total) => {
          progress = { channel: job.channel, done, total, queued: queue.length - 1 };
        });
        if (!worker.alive) jobs = null;
      } catch (error) {
        envelope = error instanceof EsepError ? { ok: false, error: error.toPayload() } : UNAVAILABLE;
      }
      queue.shift();
      progress = null;
      job.resolve(envelope);
    }
  }

  const call: Door = async (channel, input) => {
    if (closing) return UNAVAILABLE;
    if (channel === 'jobs:progress') {
      return { ok: true, value: progress && { ...progress, queued: queue.length - 1 } };
    }
    if (typeof channel === 'string' && isJobChannel(channel)) {
      return new Promise((resolve) => {
        queue.push({ channel, input, resolve });
        if (queue.length === 1) draining = runJobs();
      });
    }
    if (!main.alive) main = await startWorker(initFor('main'), platform);
    if ((EXCLUSIVE_CHANNELS as readonly unknown[]).includes(channel)) return exclusively(() => main.call(channel, input));
    return main.call(channel, input);
  };

  /** With no job under way and the job worker closed (a restore swaps the file under it). */
  async function exclusively(run: () => Promise<Envelope<unknown>>): Promise<Envelope<unknown>> {
    return new Promise((resolve) => {
      queue.push({
        channel: '',
        input: null,
        resolve,
        run: async () => {
          const started = jobs;
          jobs = null;
          if (started) await started.then((worker) => worker.close(false, false), () => false);
          const envelope = await run();
          // A good backup in place of a damaged database: neither worker is to treat it as damaged.
          if (envelope.ok) Atomics.store(new Int32Array(shared), DAMAGED_WORD, 0);
          return envelope;
        },
      });
      if (queue.length === 1) draining = runJobs();
    });
  }

  return {
    call,
    async close({ backup = false } = {}) {
      if (closing) return;
      closing = true;
      // The job under way ends as it would have (an import commits or not, whole); queued ones are not started.
      const waiting = queue.splice(1);
      for (const job of waiting) job.resolve(UNAVAILABLE);
      await draining;
      // The main worker first: the job worker makes the last backup, if either wrote anything.
      const changedElsewhere = await main.close(false, false);
      // Closed by a restore and not needed since, it opens again for the last backup.
      const started = jobs ?? (backup && options.backups ? jobWorker() : null);
      if (started) await started.then((worker) => worker.close(backup, changedElsewhere), () => false);
    },
  };
}

interface CoreWorker {
  readonly alive: boolean;
  call(channel: unknown, input: unknown, onProgress?: (done: number, total: number | null) => void): Promise<Envelope<unknown>>;
  /** Resolves with whether its connection wrote anything while open. */
  close(backup: boolean, changedElsewhere: boolean): Promise<boolean>;
}

/** One worker, started and opened: resolves once its core is open, rejects with the reason it could not. */
function startWorker(init: WorkerInit, platform: Platform): Promise<CoreWorker> {
  const entry = workerEntry();
  const worker = new Worker(entry.url, { workerData: init, execArgv: entry.execArgv });
  // The door keeps the process alive (Electron's app, the host's server), not its core.
  worker.unref();
  let nextId = 1;
  let alive = true;
  const pending = new Map<number, { resolve: (envelope: Envelope<unknown>) => void; onProgress?: ((done: number, total: number | null) => void) | undefined }>();
  let closed: ((changed: boolean) => void) | null = null;
  const post = (message: ToWorker) => worker.postMessage(message);

  return new Promise((resolveStart, rejectStart) => {
    const handle: CoreWorker = {
      get alive() {
        return alive;
      },
      call(channel, input, onProgress) {
        if (!alive) return Promise.resolve(UNAVAILABLE);
        return new Promise((resolve) => {
          const id = nextId++;
          pending.set(id, { resolve, onProgress });
          post({ type: 'call', id, channel: String(channel), input });
        });
      },
      close(backup, changedElsewhere) {
        if (!alive) return Promise.resolve(false);
        return new Promise((resolve) => {
          closed = resolve;
          post({ type: 'close', backup, changedElsewhere });
        });
      },
    };

    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          return resolveStart(handle);
        case 'failed':
          alive = false;
          return rejectStart(new EsepError(isErrorCode(message.error.code) ? message.error.code : 'internal', message.error.details));
        case 'reply': {
          const wait = pending.get(message.id);
          pending.delete(message.id);
          return wait?.resolve(message.envelope);
        }
        case 'progress':
          return pending.get(message.id)?.onProgress?.(message.done, message.total);
        case 'platform':
          return void servePlatform(platform, message, post);
        case 'closed':
          alive = false;
          return closed?.(message.changed);
      }
    });
    worker.on('error', (error) => {
      console.error('Esep: a core worker failed', error);
    });
    worker.on('exit', () => {
      alive = false;
      for (const wait of pending.values()) wait.resolve(UNAVAILABLE);
      pending.clear();
      closed?.(false);
      rejectStart(new EsepError('internal'));
    });
  });
}

async function servePlatform(platform: Platform, message: Extract<FromWorker, { type: 'platform' }>, post: (m: ToWorker) => void): Promise<void> {
  try {
    const method = platform[message.method] as ((...args: unknown[]) => Promise<unknown>) | undefined;
    if (!method) throw new Error(`no platform method ${message.method}`);
    post({ type: 'platform-reply', id: message.id, ok: true, value: await method.apply(platform, message.args) });
  } catch (error) {
    post({ type: 'platform-reply', id: message.id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * The worker's script: the built one beside this module when it exists (the packaged app,
 * where electron-vite emits `core-worker.js` next to main), else the TypeScript source, run
 * through tsx as the source tree's other entry points are.
 */
function workerEntry(): { url: URL; execArgv: string[] } {
  const built = new URL('./core-worker.js', import.meta.url);
  if (fs.existsSync(fileURLToPath(built))) return { url: built, execArgv: [] };
  return { url: new URL('./core-worker.ts', import.meta.url), execArgv: ['--import', import.meta.resolve('tsx')] };
}
