import type { ErrorPayload } from '../errors';

/** What crosses every door: a value, or an error code the receiving side translates. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };
