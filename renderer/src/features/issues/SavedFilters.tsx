import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ErrorPayload } from '../../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n';
import { useIssuesStore } from '../../stores/issues.store';
import { errorOf } from '../../stores/result';

/** Saved filters: pick one, save the current state under a name, remove the one picked. */
export function SavedFilters() {
  const { t } = useT();
  const saved = useIssuesStore((s) => s.savedFilters);
  const savedFilterId = useIssuesStore((s) => s.savedFilterId);
  const load = useIssuesStore((s) => s.loadSavedFilters);
  const apply = useIssuesStore((s) => s.applySavedFilter);
  const save = useIssuesStore((s) => s.saveFilter);
  const remove = useIssuesStore((s) => s.removeSavedFilter);
  const ids = { pick: useId(), name: useId() };
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<ErrorPayload | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void load().then((r) => setError(errorOf(r)));
  }, [load]);
  useEffect(() => {
    if (naming) nameInput.current?.focus();
  }, [naming]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === '') return setError({ code: 'validation', details: { fields: [t('Issues.saved.name')] } });
    const result = await save(name.trim());
    setError(errorOf(result));
    if (result.ok) {
      setNaming(false);
      setName('');
    }
  }

  return (
    <div className="saved-filters">
      {saved.length > 0 && (
        <>
          <label htmlFor={ids.pick} className="filter-title">
            {t('Issues.saved.label')}
          </label>
          <select id={ids.pick} value={savedFilterId ?? ''} data-testid="issues-saved-select" onChange={(e) => apply(e.target.value || null)}>
            <option value="">{t('Issues.saved.none')}</option>
            {saved.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
          {savedFilterId && (
            <button type="button" className="button button--quiet button--small" data-testid="issues-saved-remove" onClick={() => void remove(savedFilterId).then((r) => setError(errorOf(r)))}>
              {t('Issues.saved.remove')}
            </button>
          )}
        </>
      )}
      {naming ? (
        <form className="inline-form saved-filter-form" onSubmit={(e) => void submit(e)} noValidate>
          <label htmlFor={ids.name} className="visually-hidden">
            {t('Issues.saved.name')}
          </label>
          <input
            id={ids.name}
            ref={nameInput}
            value={name}
            maxLength={100}
            placeholder={t('Issues.saved.name')}
            data-testid="issues-filter-name"
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setNaming(false);
            }}
          />
          <button type="submit" className="button button--small button--primary" data-testid="issues-filter-save-confirm">
            {t('Issues.saved.confirm')}
          </button>
        </form>
      ) : (
        <button type="button" className="button button--small" data-testid="issues-filter-save" onClick={() => setNaming(true)}>
          {t('Issues.saved.save')}
        </button>
      )}
      <ErrorMessage error={error} testId="issues-saved-error" />
    </div>
  );
}
