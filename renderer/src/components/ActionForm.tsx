import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import type { ErrorPayload } from '../../../shared/errors';
import { ErrorMessage } from './ErrorMessage';
import { useT } from '../i18n';

/** The small form of one card action: its fields, submit and cancel; the first field takes focus. */
export function ActionForm({
  title,
  submitLabel,
  testId,
  busy,
  error,
  danger = false,
  onSubmit,
  onCancel,
  children,
}: {
  title: string;
  submitLabel: string;
  testId: string;
  busy: boolean;
  error: ErrorPayload | null;
  danger?: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const { t } = useT();
  const titleId = useId();
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, textarea, select, button')?.focus();
  }, []);

  return (
    <form
      ref={form}
      className="subform action-form"
      aria-labelledby={titleId}
      noValidate
      data-testid={`${testId}-form`}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        if (!busy) onSubmit();
      }}
    >
      <h3 id={titleId} className="subsection-title">
        {title}
      </h3>
      {children}
      <ErrorMessage error={error} testId={`${testId}-error`} />
      <div className="form-actions">
        <button type="submit" className={danger ? 'button button--danger' : 'button button--primary'} disabled={busy} data-testid={`${testId}-submit`}>
          {busy ? t('Record.saving') : submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel} data-testid={`${testId}-cancel`}>
          {t('Plan.cancel')}
        </button>
      </div>
    </form>
  );
}
