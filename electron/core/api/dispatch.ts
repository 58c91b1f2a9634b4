import type { z } from 'zod';
import { storageError } from '../db/storage-errors';
import { contract } from '../../../shared/contract/contract';
import type { Channel } from '../../../shared/contract/schemas';
import type { Envelope } from '../../../shared/contract/envelope';
import { EsepError } from '../../../shared/errors';

/** Channels to validate against: the app's contract, or it with a tooling contract beside it. */
export type ContractTable = Record<string, Channel<z.ZodType, unknown>>;

/** What a channel answers (`output` is an optional phantom, but a channel may answer null). */
export type OutputOf<C extends Channel<z.ZodType, unknown>> = Exclude<C['output'], undefined>;

/** A table's channels bound to the core: each handler gets its input as the schema parsed it. */
export type HandlersOf<C extends ContractTable> = {
  [K in keyof C]: (input: z.output<C[K]['input']>) => OutputOf<C[K]> | Promise<OutputOf<C[K]>>;
};

export type Dispatch<C extends ContractTable> = (
  handlers: HandlersOf<C>,
  channel: unknown,
  rawInput: unknown,
  log?: (error: unknown) => void,
) => Envelope<unknown> | Promise<Envelope<unknown>>;

/**
 * One request through one door: known channel → zod validation → service → envelope. Nothing
 * the service throws escapes as an exception; unexpected errors are logged and reported as
 * `internal` without internals leaking to the renderer. Services are synchronous (one SQLite
 * transaction each); the few that build documents answer with a promise, and so does this.
 */
export function createDispatch<C extends ContractTable>(table: C): Dispatch<C> {
  return (handlers, channel, rawInput, log = console.error) => {
    if (typeof channel !== 'string' || !Object.hasOwn(table, channel)) {
      return { ok: false, error: { code: 'not_found', details: { channel: String(channel) } } };
    }
    const parsed = table[channel]!.input.safeParse(rawInput);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(input)'))];
      return { ok: false, error: { code: 'validation', details: { fields } } };
    }
    const failed = (error: unknown): Envelope<unknown> => {
      if (error instanceof EsepError) return { ok: false, error: error.toPayload() };
      const stored = storageError(error);
      // Busy and full are the machine's state, not a fault of Esep's; the rest goes to the log.
      if (stored && stored.code !== 'db_damaged') return { ok: false, error: stored.toPayload() };
      log(error);
      if (stored) return { ok: false, error: stored.toPayload() };
      return { ok: false, error: { code: 'internal' } };
    };
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      const value = handler(parsed.data);
      if (value instanceof Promise) return value.then((v: unknown) => ({ ok: true, value: v }) as const, failed);
      return { ok: true, value };
    } catch (error) {
      return failed(error);
    }
  };
}

/** The app's door: the renderer's contract, as the Electron IPC layer and the browser host serve it. */
export const dispatch = createDispatch(contract);
