import { EsepError, type ErrorPayload } from '../../../shared/errors';

/** Any failure as a translatable payload; anything that is not an EsepError is internal. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof EsepError) return error.toPayload();
  console.error(error);
  return { code: 'internal' };
}
