import { contract, isChannelName } from '../../../shared/contract/contract';
import type { Envelope } from '../../../shared/contract/envelope';
import { EsepError } from '../../../shared/errors';
import type { Handlers } from './handlers';

/**
 * One request through one door: known channel → zod validation → service → envelope. Nothing
 * the service throws escapes as an exception; unexpected errors are logged and reported as
 * `internal` without internals leaking to the renderer.
 */
export function dispatch(
  handlers: Handlers,
  channel: unknown,
  rawInput: unknown,
  log: (error: unknown) => void = console.error,
): Envelope<unknown> {
  if (!isChannelName(channel)) return { ok: false, error: { code: 'not_found', details: { channel: String(channel) } } };
  const parsed = contract[channel].input.safeParse(rawInput);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(input)'))];
    return { ok: false, error: { code: 'validation', details: { fields } } };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    return { ok: true, value: handler(parsed.data) };
  } catch (error) {
    if (error instanceof EsepError) return { ok: false, error: error.toPayload() };
    log(error);
    return { ok: false, error: { code: 'internal' } };
  }
}
