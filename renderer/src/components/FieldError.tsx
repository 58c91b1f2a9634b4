import type { ReactNode } from 'react';
import type { ErrorPayload } from '../../../shared/errors';

/**
 * The contract fields a `validation` error from the core names (zod's paths, `fields: ['port']`),
 * by their first segment: which inputs of a form to mark and explain.
 */
export function invalidFields(error: ErrorPayload | null): ReadonlySet<string> {
  const fields = error?.code === 'validation' ? error.details?.['fields'] : undefined;
  return new Set(Array.isArray(fields) ? fields.map((f) => String(f).split('.')[0]!) : []);
}

/**
 * What is wrong with one field, right under it; the input names it in aria-describedby and is
 * aria-invalid, so a screen reader reads the reason with the field.
 */
export function FieldError({ id, testId, children }: { id: string; testId?: string; children: ReactNode }) {
  return (
    <p id={id} className="message message--error field-error" data-testid={testId}>
      {children}
    </p>
  );
}
