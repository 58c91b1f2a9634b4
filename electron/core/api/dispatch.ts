import { contract, isChannelName } from '../../../shared/contract/contract';
import type { Envelope } from '../../../shared/contract/envelope';
import { EsepError } from '../../../shared/errors';
import type { Handlers } from './handlers';

/**
 * One request through one door: known channel → zod validation → service → envelope. Nothing
 * the service throws escapes as an exception; unexpected errors are logged and reported as
 * `internal` without internals leaking to the renderer. Services are synchronous (one SQLite
 * transaction each); the few that build documents answer with a promise, and so does this.
 */
export function dispatch(
  handlers: Handlers,
  channel: unknown,
  rawInput: unknown,
  log: (error: unknown) => void = console.error,
): Envelope<unknown> | Promise<Envelope<unknown>> {
  if (!isChannelName(channel)) return { ok: false, error: { code: 'not_found', details: { channel: String(channel) } } };
  const parsed = contract[channel].input.safeParse(rawInput);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(input)'))];
    return { ok: false, error: { code: 'validation', details: { fields } } };
  }
  const failed = (error: unknown): Envelope<unknown> => {
    if (error instanceof EsepError) return { ok: false, error: error.toPayload() };
    log(error);
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
}
