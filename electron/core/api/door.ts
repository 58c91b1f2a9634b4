import type { Envelope } from '../../../shared/contract/envelope';
import type { Handlers } from './handlers';
import { dispatch } from './dispatch';

/**
 * A door's way in to the core: one contract call, one envelope. The desktop app and the browser
 * host are given the core pool's (worker/core-pool.ts); tests and tools may serve the handlers
 * in line.
 */
export type Door = (channel: unknown, input: unknown) => Promise<Envelope<unknown>>;

/** The handlers served on this thread, as the CLI and the tests run the core. */
export function inLineDoor(handlers: Handlers): Door {
  return async (channel, input) => dispatch(handlers, channel, input);
}
