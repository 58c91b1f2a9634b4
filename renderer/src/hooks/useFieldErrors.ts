import { useCallback, useEffect, useId, useMemo, type RefObject } from 'react';
import { FIELD_REASONS, type ErrorPayload, type FieldReason } from '../../../shared/errors';
import { useT } from '../i18n';

const lastSegment = (path: string) => path.split('.').at(-1) ?? path;

/**
 * Each field a `validation` error refused, by the form's name for it (by default the last
 * segment of its contract path: `fields.deadline` → `deadline`), with why: the reason the core
 * gave in `details.reasons`, else just `invalid` (zod's refusals name only the path).
 */
export function fieldReasons(error: ErrorPayload | null, fieldOf: (path: string) => string | null = lastSegment): ReadonlyMap<string, FieldReason> {
  const out = new Map<string, FieldReason>();
  if (error?.code !== 'validation') return out;
  const given = error.details?.['reasons'];
  const reasons = (given && typeof given === 'object' && !Array.isArray(given) ? given : {}) as Record<string, unknown>;
  const fields = error.details?.['fields'];
  // Once labelled for the message (withFieldLabels), `fields` holds labels: the reasons keep the paths.
  const paths = given ? Object.keys(reasons) : Array.isArray(fields) ? fields.map(String) : [];
  for (const path of paths) {
    const field = fieldOf(path);
    const reason = reasons[path];
    if (field === null || out.has(field)) continue;
    out.set(field, typeof reason === 'string' && (FIELD_REASONS as readonly string[]).includes(reason) ? (reason as FieldReason) : 'invalid');
  }
  return out;
}

export interface FieldErrorOf {
  id: string;
  text: string;
}

export interface FieldErrors {
  /** The reason a field was refused (its id for aria-describedby and its text), or null. */
  of(field: string): FieldErrorOf | null;
  /** aria-invalid and aria-describedby for the control holding `field`. */
  control(field: string): { 'aria-invalid'?: true; 'aria-describedby'?: string };
}

/**
 * A form's refused fields, each with its reason next to it; on a new refusal the cursor goes
 * to the first invalid control in the form's order (`container` holds them).
 */
export function useFieldErrors(error: ErrorPayload | null, container: RefObject<HTMLElement | null>, fieldOf?: (path: string) => string | null): FieldErrors {
  const { t } = useT();
  const base = useId();
  const reasons = useMemo(() => fieldReasons(error, fieldOf), [error, fieldOf]);
  useEffect(() => {
    if (reasons.size > 0) container.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [reasons, container]);
  const of = useCallback(
    (field: string): FieldErrorOf | null => {
      const reason = reasons.get(field);
      return reason ? { id: `${base}-${field}-error`, text: t(`FieldErrors.${reason}`) } : null;
    },
    [reasons, base, t],
  );
  const control = useCallback(
    (field: string) => {
      const e = of(field);
      return e ? { 'aria-invalid': true as const, 'aria-describedby': e.id } : {};
    },
    [of],
  );
  return { of, control };
}
