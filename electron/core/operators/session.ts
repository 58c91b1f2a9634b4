/**
 * Who is signed in on this core, and whether their screen is locked: one session per running
 * app (one window, one person at the keyboard). The desktop app's two core workers share it
 * through memory (worker/protocol.ts), so a job runs as the operator who asked for it and stops
 * being accepted the moment the screen locks; the CLI and tests keep it in a variable.
 */
export interface SessionCell {
  /** The signed-in operator's row (operators.seq), 0 when nobody is. */
  operatorSeq(): number;
  locked(): boolean;
  set(operatorSeq: number, locked: boolean): void;
}

export function localSession(): SessionCell {
  let seq = 0;
  let isLocked = false;
  return {
    operatorSeq: () => seq,
    locked: () => isLocked,
    set(next, lock) {
      seq = next;
      isLocked = lock;
    },
  };
}

/** Two Int32 words of `shared` from `word` on: the operator's row, then 1 while locked. */
export function sharedSession(shared: SharedArrayBuffer, word: number): SessionCell {
  const words = new Int32Array(shared);
  return {
    operatorSeq: () => Atomics.load(words, word),
    locked: () => Atomics.load(words, word + 1) === 1,
    set(next, lock) {
      // Locked first: a reader between the two stores sees a lock, never a half-changed session.
      Atomics.store(words, word + 1, 1);
      Atomics.store(words, word, next);
      Atomics.store(words, word + 1, lock ? 1 : 0);
    },
  };
}
