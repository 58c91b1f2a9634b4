/**
 * Error codes shared by the core and every door onto it (IPC, browser host, CLI). Each code has
 * a message in every catalog under `Errors.<code>`; details fill the message's placeholders.
 */
export const ERROR_CODES = [
  'validation',
  'internal',
  'request_too_large',
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
  'db_busy',
  'disk_full',
  'db_readonly',
  'db_damaged',
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
  'attachment_name_mismatch',
  'attachment_empty',
  'file_unwritable',
  'desktop_only',
  'issue_meeting_not_held',
  'issue_closed',
  'deadline_not_later',
  'deadline_use_prolong',
  'outcome_required',
  'status_in_use',
  'name_taken',
  'import_file_invalid',
  'import_file_too_large',
  'import_file_unpacked_too_large',
  'import_too_many_rows',
  'import_too_many_cells',
  'import_no_header',
  'import_mapping_incomplete',
  'import_invalid',
  'demo_not_empty',
  'report_point3_not_group_a',
  'report_point3_not_year',
  'identity_key_unavailable',
  'record_foreign',
  'package_format',
  'package_too_large',
  'package_name_unsafe',
  'package_version_unsupported',
  'package_unsigned',
  'package_signature_invalid',
  'package_key_mismatch',
  'package_hash_mismatch',
  'package_file_missing',
  'package_unlisted_file',
  'package_oxum_mismatch',
  'package_info_invalid',
  'package_timeout',
  'package_unreadable',
  'package_record_invalid',
  'package_record_kind_unknown',
  'package_record_foreign',
  'package_record_outside',
  'package_reference_missing',
  'package_own',
  'package_outside_working_set',
  'package_key_changed',
  'package_origin_moved',
  'package_origin_untrusted',
  'package_id_reused',
  'package_replay',
  'package_forward_missing',
  'package_schema_newer',
  // A file written to a folder the user chose (a USB stick), and packages sent by e-mail.
  'export_disk_full',
  'export_target_gone',
  'export_target_readonly',
  'export_verify_failed',
  'export_name_taken',
  'mail_not_configured',
  'mail_message_lost',
  'mail_connection_failed',
  'mail_auth_failed',
  'mail_tls_failed',
  'mail_certificate_untrusted',
  'mail_rejected',
  'mail_send_failed',
  'mail_not_queued',
  // Backups and restore (issue 12, point 7).
  'backup_unreadable',
  'backup_damaged',
  'backup_other_installation',
  'db_in_use',
  // The holidays file an administrator imports (issue 13, point 8).
  'holidays_file_unreadable',
  'holidays_file_invalid',
  // Operators, signing in and the lock (issue 14, point 1).
  'auth_required',
  'auth_locked',
  'auth_failed',
  'not_permitted',
  'auth_wait',
  'secret_weak',
  'recovery_invalid',
  'last_admin',
  'login_taken',
  'operators_exist',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * What fills a message's placeholders; a few codes also carry a structured payload the
 * renderer shows as it is (the row-by-row report of a refused import, `import_invalid`).
 */
export type ErrorDetailValue = string | number | boolean | null | string[] | { readonly [key: string]: unknown };
export type ErrorDetails = Record<string, ErrorDetailValue>;

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

/**
 * Why a field of a `validation` error was refused: `details.reasons` maps the field's contract
 * path to one of these (a field listed without one is just invalid). Each has a text under
 * `FieldErrors.<reason>`, shown next to the field.
 */
export const FIELD_REASONS = ['required', 'invalid', 'deadline_before_raised', 'date_in_future', 'date_before_raised', 'outside_unit', 'unavailable', 'outcome_required'] as const;
export type FieldReason = (typeof FIELD_REASONS)[number];

/** A `validation` error naming each refused field (its contract path) and why. */
export function invalidFields(reasons: Readonly<Record<string, FieldReason>>): EsepError {
  return new EsepError('validation', { fields: Object.keys(reasons), reasons: { ...reasons } });
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
