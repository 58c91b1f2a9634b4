import type { Core } from '../../core';
import type { Clock } from '../../clock';
import { systemClock } from '../../clock';
import { nextDueAt } from '../../db/repos/outbox.repo';
import { recoverOutbox, sendDue } from '../../services/outbox.service';
import { createSmtpTransport, type CreateTransport } from './smtp';

export interface OutboxOptions {
  createTransport?: CreateTransport;
  /** Wall-clock time for backoff (the core's clock may be pinned to a day by --today). */
  clock?: Pick<Clock, 'now'>;
  setTimeout?: (callback: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
  /**
   * The longest wait between two looks at the outbox, for messages queued by another process on
   * the same data and for settings that appear while messages wait.
   */
  idleMs?: number;
  log?: (error: unknown) => void;
}

export interface Outbox {
  /** Sends what is due now (a message was just queued or retried, the settings changed). */
  wake(): void;
  /** No further sends; resolves when the one in progress, if any, has ended. */
  stop(): Promise<void>;
}

export const OUTBOX_IDLE_MS = 5 * 60_000;
/** A floor under the timer, so a message due "now" that could not be taken never spins the loop. */
const MIN_DELAY_MS = 1000;

/** The outbox running for each open core, so that the doors can wake it after a queue. */
const running = new WeakMap<Core, Outbox>();

export function wakeOutbox(core: Core): void {
  running.get(core)?.wake();
}

/**
 * Runs sendDue for the core: at once (after putting messages interrupted mid-send back in the
 * queue), then when the next message falls due, and whenever woken; one run at a time. Timers
 * do not keep the process alive. Started by each door that stays open (the desktop app, the
 * browser host) once the core is open; stopped on quit.
 */
export function startOutbox(core: Core, options: OutboxOptions = {}): Outbox {
  const clock = options.clock ?? systemClock;
  const deps = { createTransport: options.createTransport ?? createSmtpTransport, clock };
  const set =
    options.setTimeout ??
    ((callback: () => void, ms: number) => {
      const handle = setTimeout(callback, ms);
      handle.unref();
      return handle;
    });
  const clear = options.clearTimeout ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  const idleMs = options.idleMs ?? OUTBOX_IDLE_MS;
  const log = options.log ?? console.error;

  let timer: unknown = null;
  let stopped = false;
  let current: Promise<void> | null = null;
  let wokenDuringRun = false;

  const cancelTimer = () => {
    if (timer !== null) clear(timer);
    timer = null;
  };

  const schedule = (wait: 'next_due' | 'idle') => {
    if (stopped) return;
    let delay = idleMs;
    if (wait === 'next_due') {
      const due = nextDueAt(core.ctx.db);
      if (due !== null) delay = Math.min(idleMs, Math.max(MIN_DELAY_MS, due - clock.now().getTime()));
    }
    timer = set(run, delay);
  };

  const run = () => {
    timer = null;
    if (stopped) return;
    if (current) {
      wokenDuringRun = true;
      return;
    }
    let wait: 'next_due' | 'idle' = 'next_due';
    current = sendDue(core, deps)
      .then((summary) => {
        if (summary.notConfigured) wait = 'idle';
      })
      .catch((error: unknown) => {
        // From a timer, nothing may escape; the next look tries again.
        log(error);
        wait = 'idle';
      })
      .finally(() => {
        current = null;
        if (stopped) return;
        if (wokenDuringRun) {
          wokenDuringRun = false;
          run();
        } else {
          try {
            schedule(wait);
          } catch (error) {
            log(error);
          }
        }
      });
  };

  try {
    // File times are wall-clock: the real time, not the injected clock (as the core's own sweep).
    recoverOutbox(core, Date.now());
  } catch (error) {
    // A busy or read-only database must not keep the app from starting; the next start tries again.
    log(error);
  }
  const outbox: Outbox = {
    wake() {
      if (stopped) return;
      cancelTimer();
      run();
    },
    async stop() {
      stopped = true;
      cancelTimer();
      if (running.get(core) === outbox) running.delete(core);
      await current;
    },
  };
  running.set(core, outbox);
  run();
  return outbox;
}
