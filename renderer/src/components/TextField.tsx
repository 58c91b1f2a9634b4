import type { InputHTMLAttributes, ReactNode } from 'react';
import type { ErrorPayload } from '../../../shared/errors';

/**
 * The contract fields a `validation` error from the core names (zod's paths, `fields: ['port']`),
 * by their first segment: which inputs of a form to mark and explain.
 */
export function invalidFields(error: ErrorPayload | null): ReadonlySet<string> {
  const fields = error?.code === 'validation' ? error.details?.['fields'] : undefined;
  return new Set(Array.isArray(fields) ? fields.map((f) => String(f).split('.')[0]!) : []);
}

/** What is wrong with one field, right under it; the field names it in aria-describedby. */
export function FieldError({ id, testId, children }: { id: string; testId?: string | undefined; children: ReactNode }) {
  return (
    <p id={id} className="message message--error field-error" data-testid={testId}>
      {children}
    </p>
  );
}

/** Why a field was refused (as useFieldErrors gives it), under the field; nothing when it was not. */
export function FieldRefusal({ of, testId }: { of: { id: string; text: string } | null; testId?: string | undefined }) {
  return of ? (
    <FieldError id={of.id} testId={testId}>
      {of.text}
    </FieldError>
  ) : null;
}

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'> {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  /** Under the input, read with it. */
  hint?: ReactNode;
  /** Why the core refused the field; the input is then marked aria-invalid. */
  error?: ReactNode;
  errorTestId?: string;
}

/** A labelled text input with its hint and, once refused, the reason under it. */
export function TextField({ id, label, value, onChange, testId, hint, error, errorTestId, ...input }: TextFieldProps) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        autoComplete="off"
        spellCheck={false}
        {...input}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && (
        <div id={`${id}-hint`} className="hint field-hint">
          {hint}
        </div>
      )}
      {error && (
        <FieldError id={`${id}-error`} testId={errorTestId}>
          {error}
        </FieldError>
      )}
    </div>
  );
}
