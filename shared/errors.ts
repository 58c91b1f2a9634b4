/**
 * Error codes shared by the core and every door onto it (IPC, browser host, CLI). Each code has
 * a message in every catalog under `Errors.<code>`; details fill the message's placeholders.
 */
export const ERROR_CODES = [
  'validation',
  'internal',
  'forbidden',
  'not_found',
  'setup_required',
  'kato_invalid',
  'unit_unknown',
  'unit_not_reporting',
  'unit_outside_working_set',
  'date_invalid',
  'date_in_future',
  'range_invalid',
  'db_from_future',
  'db_unreadable',
  'rule_set_invalid',
  'rule_set_builtin',
  'conflict',
  'invalid_transition',
  'outside_window_reason_required',
  'venue_outside_unit',
  'akim_unknown',
  'akim_term_overlap',
  'obligation_unknown',
  'meeting_not_held',
  'minutes_final',
  'minutes_incomplete',
  'attachment_too_large',
  'attachment_type',
  'attachment_empty',
  'desktop_only',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorDetails = Record<string, string | number | boolean | null | string[]>;

export interface ErrorPayload {
  code: ErrorCode;
  details?: ErrorDetails;
}

/** A failure the user can act on: it carries a code to translate, never English prose. */
export class EsepError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, details?: ErrorDetails) {
    super(details ? `${code} ${JSON.stringify(details)}` : code);
    this.name = 'EsepError';
    this.code = code;
    this.details = details;
  }

  toPayload(): ErrorPayload {
    return this.details ? { code: this.code, details: this.details } : { code: this.code };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
