import { performance } from 'node:perf_hooks';

/** What the benchmarks report of their samples: the median, which one slow run on a shared machine does not move. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** [milliseconds, result] of one call. */
export function timed<T>(fn: () => T): [number, T] {
  const t = performance.now();
  const value = fn();
  return [performance.now() - t, value];
}

/** [milliseconds, result] of one call that may answer with a promise. */
export async function timedAsync<T>(fn: () => T | Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const value = await fn();
  return [performance.now() - t, value];
}
