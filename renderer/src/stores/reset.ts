/**
 * How each store (and each module-level cache) goes back to its first-launch state, registered
 * where the state lives, so a test resets the whole app in one call and a new store cannot be
 * forgotten.
 */
const resets: Array<() => void> = [];

export function onReset(reset: () => void): void {
  resets.push(reset);
}

/** Forgets everything the renderer holds: stores, caches, pending timers. */
export function resetAllStores(): void {
  for (const reset of resets) reset();
}
