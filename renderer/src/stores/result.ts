import { EsepError, type ErrorPayload } from '../../../shared/errors';

/**
 * What every store action whose caller needs the outcome returns: the value, or the error to
 * show. The core's envelope, once more, so no component catches an exception from the api.
 */
export type Ok<T> = { ok: true; value: T };
export type Failure = { ok: false; error: ErrorPayload };
export type Result<T> = Ok<T> | Failure;

/** Success with nothing to return (the store's state holds what changed). */
export const DONE: Ok<void> = { ok: true, value: undefined };

/** Any failure as a translatable payload; anything that is not an EsepError is internal. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof EsepError) return error.toPayload();
  console.error(error);
  return { code: 'internal' };
}

/** A call to the core as a Result. */
export async function attempt<T>(call: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return { ok: false, error: toErrorPayload(error) };
  }
}

/** The error of a result, or null: for a caller that only shows what went wrong. */
export function errorOf(result: Result<unknown>): ErrorPayload | null {
  return result.ok ? null : result.error;
}
