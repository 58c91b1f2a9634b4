import { useId } from 'react';
import type { UnitKind } from '../../../../shared/domain/units/unit-kind';
import { FILTER_STATUSES, useCalendarStore } from '../../stores/calendar.store';
import { useT } from '../../i18n';

/** Unit kinds of the working set and obligation statuses; unchecking hides them in both views. */
export function FilterBar({ kinds }: { kinds: readonly UnitKind[] }) {
  const { t } = useT();
  const hiddenKinds = useCalendarStore((s) => s.hiddenKinds);
  const hiddenStatuses = useCalendarStore((s) => s.hiddenStatuses);
  const toggleKind = useCalendarStore((s) => s.toggleKind);
  const toggleStatus = useCalendarStore((s) => s.toggleStatus);
  const clearFilters = useCalendarStore((s) => s.clearFilters);
  const kindLabel = useId();
  const statusLabel = useId();
  const filtered = hiddenKinds.length > 0 || hiddenStatuses.length > 0;

  return (
    <section className="filters" aria-label={t('Filters.label')} data-testid="filters">
      <div className="filter-group" role="group" aria-labelledby={kindLabel}>
        <span id={kindLabel} className="filter-title">
          {t('Filters.kind')}
        </span>
        {kinds.map((kind) => (
          <label key={kind} className="filter-option">
            <input
              type="checkbox"
              checked={!hiddenKinds.includes(kind)}
              data-testid={`filter-kind-${kind}`}
              onChange={() => toggleKind(kind)}
            />
            {t(`Kind.${kind}`)}
          </label>
        ))}
      </div>
      <div className="filter-group" role="group" aria-labelledby={statusLabel}>
        <span id={statusLabel} className="filter-title">
          {t('Filters.status')}
        </span>
        {FILTER_STATUSES.map((status) => (
          <label key={status} className={`filter-option filter-status status-${status}`}>
            <input
              type="checkbox"
              checked={!hiddenStatuses.includes(status)}
              data-testid={`filter-status-${status}`}
              onChange={() => toggleStatus(status)}
            />
            <span className="filter-swatch" aria-hidden="true" />
            {t(`Status.${status}`)}
          </label>
        ))}
      </div>
      {filtered && (
        <button type="button" className="button button--quiet button--small" data-testid="filters-clear" onClick={clearFilters}>
          {t('Filters.clear')}
        </button>
      )}
    </section>
  );
}
