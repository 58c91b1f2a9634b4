import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { UnitSearchHit, UnitSummary } from '../../../../shared/contract/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { otherUnitName, unitName } from '../../format/units';
import { useT } from '../../i18n';
import { useUnitSearch } from './useUnitSearch';

/**
 * Step 2: find the akimat. A combobox (WAI-ARIA pattern): focus stays in the box, ↑/↓ move the
 * highlighted result, Enter chooses it, Escape clears the query.
 */
export function UnitStep({
  initialQuery,
  onChoose,
  onBack,
}: {
  initialQuery: string;
  onChoose: (unit: UnitSummary, query: string) => void;
  onBack: () => void;
}) {
  const { t, lng } = useT();
  const [query, setQuery] = useState(initialQuery);
  const { results, answered, searching, error } = useUnitSearch(query);
  // The highlight belongs to one list of results: a new answer starts again at its first row,
  // in the same render, so Enter pressed the moment results appear picks what is shown.
  const [cursor, setCursor] = useState<{ results: UnitSearchHit[]; index: number }>({ results, index: 0 });
  const active = cursor.results === results ? cursor.index : 0;
  const setActive = (index: number) => setCursor({ results, index });
  const listRef = useRef<HTMLUListElement>(null);
  const ids = { input: useId(), list: useId(), hint: useId(), status: useId() };
  const optionId = (kato: string) => `${ids.list}-${kato}`;

  const highlighted = results[active] ?? null;

  useEffect(() => {
    if (!highlighted) return;
    const el = listRef.current?.querySelector(`[data-kato="${highlighted.kato}"]`);
    if (el && 'scrollIntoView' in el && typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'nearest' });
  }, [highlighted]);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const last = results.length - 1;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (last >= 0) setActive(active >= last ? 0 : active + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (last >= 0) setActive(active <= 0 ? last : active - 1);
        break;
      case 'Home':
      case 'End':
        if (last >= 0 && event.ctrlKey) {
          event.preventDefault();
          setActive(event.key === 'Home' ? 0 : last);
        }
        break;
      case 'Enter':
        event.preventDefault();
        if (highlighted) onChoose(highlighted, query);
        break;
      case 'Escape':
        if (query) {
          event.preventDefault();
          setQuery('');
        }
        break;
    }
  }

  const stale = searching || answered !== query.trim();
  let status = '';
  if (query.trim() && stale) status = t('Setup.search.searching');
  else if (answered && !error) status = results.length ? t('Setup.search.found', { count: results.length }) : t('Setup.search.none', { query: answered });

  return (
    <div className="setup-step" data-testid="setup-step-unit">
      <h2 className="setup-step-title">{t('Setup.unit.title')}</h2>
      <div className="field">
        <label htmlFor={ids.input}>{t('Setup.search.label')}</label>
        <input
          id={ids.input}
          type="search"
          className="search-input"
          role="combobox"
          aria-expanded={results.length > 0}
          aria-controls={ids.list}
          aria-autocomplete="list"
          aria-describedby={`${ids.hint} ${ids.status}`}
          aria-activedescendant={highlighted ? optionId(highlighted.kato) : undefined}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          placeholder={t('Setup.search.placeholder')}
          value={query}
          data-testid="setup-search"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <p id={ids.hint} className="hint">
          {t('Setup.unit.hint')}
        </p>
      </div>
      <p id={ids.status} className="search-status" role="status" data-testid="setup-search-status">
        {status}
      </p>
      <ErrorMessage error={error} />
      <ul id={ids.list} ref={listRef} className="results" role="listbox" aria-label={t('Setup.search.results')} hidden={results.length === 0}>
        {results.map((unit, i) => (
          <li
            key={unit.kato}
            id={optionId(unit.kato)}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'result is-active' : 'result'}
            data-kato={unit.kato}
            data-testid={`setup-option-${unit.kato}`}
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => i !== active && setActive(i)}
            onClick={() => onChoose(unit, query)}
          >
            <span className="result-names">
              <span className="result-name">{unitName(unit, lng)}</span>
              <span className="result-other muted">{otherUnitName(unit, lng)}</span>
            </span>
            <span className="result-meta">
              <span className="kind-badge">{t(`Kind.${unit.kind}`)}</span>
              <span className="result-kato">{t('Setup.search.kato', { kato: unit.kato })}</span>
              {unit.parentNameKk !== null && unit.parentNameRu !== null && (
                <span className="result-parent">
                  {t('Setup.search.inParent', { parent: unitName({ nameKk: unit.parentNameKk, nameRu: unit.parentNameRu }, lng) })}
                </span>
              )}
            </span>
          </li>
        ))}
      </ul>
      <div className="setup-actions">
        <button type="button" className="button" onClick={onBack} data-testid="setup-back">
          {t('Setup.back')}
        </button>
      </div>
    </div>
  );
}
