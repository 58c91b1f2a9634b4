import type { Db } from './open';

/*
 * Turns at the write lock between the two core workers of one process (worker/core-pool.ts).
 * SQLite lets one connection write at a time and a waiting one only polls (busy_timeout), so a
 * long job that commits slice after slice could take the lock again before the short write
 * waiting for it looks. The short side counts its write transactions in a shared word; the job
 * looks at it between slices and waits while it is not zero.
 */

/** Word 0 of the memory both workers share (worker/protocol.ts): how many short write transactions wait or run. */
const TURNS = 0;

/** The short side: every write transaction of `db` is counted while it waits and runs. */
export function announceWrites(db: Db, turns: SharedArrayBuffer): void {
  const count = new Int32Array(turns, TURNS * 4, 1);
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn: (...args: never[]) => unknown) => {
    const t = transaction(fn);
    const announced = (...args: never[]) => {
      Atomics.add(count, 0, 1);
      try {
        return t.immediate(...args);
      } finally {
        Atomics.sub(count, 0, 1);
        Atomics.notify(count, 0);
      }
    };
    return Object.assign(announced, { default: announced, immediate: announced, deferred: t.deferred, exclusive: t.exclusive });
  }) as Db['transaction'];
}

/**
 * The job's side, between two slices: lets the short writes go first, waiting at most `maxMs`
 * so that a stream of them cannot stall the job. Blocks the thread (a worker's, never the door's).
 */
export function waitForWriters(turns: SharedArrayBuffer, maxMs = 1000): void {
  const count = new Int32Array(turns, TURNS * 4, 1);
  const deadline = Date.now() + maxMs;
  for (let n = Atomics.load(count, 0); n > 0; n = Atomics.load(count, 0)) {
    const left = deadline - Date.now();
    if (left <= 0) return;
    Atomics.wait(count, 0, n, left);
  }
}
