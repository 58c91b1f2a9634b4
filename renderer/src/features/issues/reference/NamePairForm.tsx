import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ErrorPayload } from '../../../../../shared/errors';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useT } from '../../../i18n';
import { missing, withFieldLabels } from '../field-errors';
import { type Result } from '../../../stores/result';

export interface NamePair {
  nameKk: string;
  nameRu: string;
}

/**
 * The inline form of a reference row: its name in both languages (stored data, shown by the
 * UI language) and whatever else the row has. Focus starts in it; Escape cancels.
 */
export function NamePairForm({
  initial,
  testId,
  title,
  submitLabel,
  onSubmit,
  onCancel,
  children,
}: {
  initial: NamePair;
  testId: string;
  title: string;
  submitLabel: string;
  onSubmit: (names: NamePair) => Promise<Result<unknown>>;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const { t } = useT();
  const ids = { title: useId(), kk: useId(), ru: useId() };
  const [names, setNames] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = { nameKk: names.nameKk.trim(), nameRu: names.nameRu.trim() };
    const empty = [trimmed.nameKk === '' && 'nameKk', trimmed.nameRu === '' && 'nameRu'].filter((f): f is string => f !== false);
    if (empty.length > 0) return setError(missing(t, ...empty));
    setBusy(true);
    const result = await onSubmit(trimmed);
    setBusy(false);
    setError(result.ok ? null : withFieldLabels(t, result.error));
  }

  return (
    <form
      className="subform ref-form"
      aria-labelledby={ids.title}
      noValidate
      data-testid={`${testId}-form`}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <h4 id={ids.title} className="subsection-title">
        {title}
      </h4>
      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.kk}>{t('Issues.fields.nameKk')}</label>
          <input id={ids.kk} ref={first} lang="kk" value={names.nameKk} data-testid={`${testId}-kk`} onChange={(e) => setNames({ ...names, nameKk: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.ru}>{t('Issues.fields.nameRu')}</label>
          <input id={ids.ru} lang="ru" value={names.nameRu} data-testid={`${testId}-ru`} onChange={(e) => setNames({ ...names, nameRu: e.target.value })} />
        </div>
      </div>
      {children}
      <ErrorMessage error={error} testId={`${testId}-error`} />
      <div className="form-actions">
        <button type="submit" className="button button--primary button--small" disabled={busy} data-testid={`${testId}-submit`}>
          {submitLabel}
        </button>
        <button type="button" className="button button--small" onClick={onCancel}>
          {t('Plan.cancel')}
        </button>
      </div>
    </form>
  );
}
