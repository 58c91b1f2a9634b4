import { useId, type ReactNode, type Ref } from 'react';
import type { Choice } from './select-choices';
import { FieldRefusal } from '../../components/TextField';
import type { FieldErrorOf } from '../../hooks/useFieldErrors';

/** A <select>'s options: an empty first choice (when labelled) and the given ones. */
export function Choices({ items, empty }: { items: readonly Choice[]; empty?: string }) {
  return (
    <>
      {empty !== undefined && <option value="">{empty}</option>}
      {items.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </>
  );
}

/** A labelled <select> of a form (its options are the children), and why it was refused under it. */
export function SelectField({
  label,
  testId,
  value,
  onChange,
  disabled,
  selectRef,
  error,
  children,
}: {
  label: string;
  testId: string;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  selectRef?: Ref<HTMLSelectElement>;
  error?: FieldErrorOf | null;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        ref={selectRef}
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error?.id}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value)}
      >
        {children}
      </select>
      <FieldRefusal of={error ?? null} testId={`${testId}-error`} />
    </div>
  );
}
