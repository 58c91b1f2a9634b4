import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import type { IssueFilter } from '../../../../shared/contract/issues.contract';
import { useT } from '../../i18n';
import { formatOfficialDate } from '../../format/dates';
import { useIssuesStore } from '../../stores/issues.store';
import { SavedFilters } from './SavedFilters';
import { Choices } from './Choices';
import { refName, type IssueNames } from '../../hooks/useIssueNames';
import { bodyChoices, categoryChoices, kindChoices, localityChoices, unitChoices } from './select-choices';

/** How long typing pauses before the search runs (each keystroke would otherwise query). */
export const SEARCH_DELAY_MS = 300;

type StatusChoice = '' | 'open' | 'closed' | string;

/** The filters behind "More filters" (search, status, overdue and on control are always in view). */
const EXTRA_KEYS = ['unitKato', 'localityKato', 'categoryId', 'kind', 'bodyId', 'personId', 'from', 'to'] as const satisfies ReadonlyArray<keyof IssueFilter>;

function statusChoice(filter: IssueFilter): StatusChoice {
  if (filter.statusIds?.length === 1) return filter.statusIds[0]!;
  if (filter.open === true) return 'open';
  if (filter.open === false) return 'closed';
  return '';
}

function statusPatch(choice: StatusChoice): Partial<IssueFilter> {
  if (choice === '') return { statusIds: undefined, open: undefined };
  if (choice === 'open' || choice === 'closed') return { statusIds: undefined, open: choice === 'open' };
  return { statusIds: [choice], open: undefined };
}

/** Every filter of the log; the state can be saved under a name and picked again. */
export function IssueFilters({ names }: { names: IssueNames }) {
  const { t, lng } = useT();
  const filter = useIssuesStore((s) => s.filter);
  const setFilter = useIssuesStore((s) => s.setFilter);
  const replaceFilter = useIssuesStore((s) => s.replaceFilter);
  const searchId = useId();
  const ids = { from: useId(), to: useId() };

  const [search, setSearch] = useState(filter.search ?? '');
  // A saved filter or "clear" replaces the search too: the box shows what is applied.
  useEffect(() => setSearch(filter.search ?? ''), [filter.search]);
  useEffect(() => {
    if (search.trim() === (filter.search ?? '')) return;
    const timer = setTimeout(() => setFilter({ search: search.trim() }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, filter.search, setFilter]);

  const localities = useMemo(() => localityChoices(names, filter.unitKato), [names, filter.unitKato]);
  const people = names.bodies.find((b) => b.id === filter.bodyId)?.people.filter((p) => !p.archived || p.id === filter.personId) ?? [];
  const { meetingId } = filter;
  const filtered = Object.keys(filter).some((k) => k !== 'meetingId');
  const all = t('Issues.filters.all');
  // The filters used less often fold away; they open by themselves when one of them is set.
  const hidden = EXTRA_KEYS.filter((k) => filter[k] !== undefined).length;
  const [more, setMore] = useState(hidden > 0);
  useEffect(() => {
    if (hidden > 0) setMore(true);
  }, [hidden]);
  const moreId = useId();

  return (
    <section className="filters issue-filters" aria-label={t('Issues.filters.label')} data-testid="issues-filters">
      <div className="issue-filters-row">
        <div className="issue-filter issue-filter--search">
          <label htmlFor={searchId} className="filter-title">
            {t('Issues.filters.search')}
          </label>
          <input
            id={searchId}
            type="search"
            value={search}
            placeholder={t('Issues.filters.searchHint')}
            data-testid="issues-search"
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') setFilter({ search: search.trim() });
            }}
          />
        </div>
        <FilterSelect label={t('Issues.filters.status')} testId="issues-filter-status" value={statusChoice(filter)} onChange={(v) => setFilter(statusPatch(v))}>
          <option value="">{all}</option>
          <option value="open">{t('Issues.filters.open')}</option>
          <option value="closed">{t('Issues.filters.closed')}</option>
          <Choices items={names.statuses.filter((s) => !s.archived).map((s) => ({ value: s.id, label: refName(s, lng) }))} />
        </FilterSelect>
        <div className="issue-filter issue-filter--flags">
          <label className="filter-option">
            <input type="checkbox" checked={filter.overdue === true} data-testid="issues-filter-overdue" onChange={(e) => setFilter({ overdue: e.target.checked || undefined })} />
            {t('Issues.filters.overdue')}
          </label>
          {filter.dueBy !== undefined && (
            // Set only from the bell's "due soon": shown so it can be seen and taken off.
            <label className="filter-option">
              <input type="checkbox" checked data-testid="issues-filter-due-by" onChange={() => setFilter({ dueBy: undefined })} />
              {t('Issues.filters.dueBy', { date: formatOfficialDate(filter.dueBy, lng) })}
            </label>
          )}
          <label className="filter-option">
            <input type="checkbox" checked={filter.onControl === true} data-testid="issues-filter-control" onChange={(e) => setFilter({ onControl: e.target.checked || undefined })} />
            {t('Issues.filters.onControl')}
          </label>
        </div>
        <button
          type="button"
          className="button button--small"
          aria-expanded={more}
          aria-controls={moreId}
          data-testid="issues-filters-more"
          onClick={() => setMore(!more)}
        >
          {t('Issues.filters.more')}
          {hidden > 0 && <span className="badge">{hidden}</span>}
        </button>
        <div className="issue-filter issue-filter--end">
          {filtered && (
            <button type="button" className="button button--quiet button--small" data-testid="issues-filter-clear" onClick={() => replaceFilter(meetingId ? { meetingId } : {})}>
              {t('Issues.filters.clear')}
            </button>
          )}
          <SavedFilters />
        </div>
      </div>
      {more && (
        <div id={moreId} className="issue-filters-row" data-testid="issues-filters-extra">
          <FilterSelect label={t('Issues.filters.unit')} testId="issues-filter-unit" value={filter.unitKato} onChange={(v) => setFilter({ unitKato: v, localityKato: undefined })}>
            <Choices items={unitChoices(names)} empty={all} />
          </FilterSelect>
          <FilterSelect label={t('Issues.filters.locality')} testId="issues-filter-locality" value={filter.localityKato} onChange={(v) => setFilter({ localityKato: v })}>
            <Choices items={localities} empty={all} />
          </FilterSelect>
          <FilterSelect label={t('Issues.filters.category')} testId="issues-filter-category" value={filter.categoryId} onChange={(v) => setFilter({ categoryId: v })}>
            <Choices items={categoryChoices(names)} empty={all} />
          </FilterSelect>
          <FilterSelect label={t('Issues.filters.kind')} testId="issues-filter-kind" value={filter.kind} onChange={(v) => setFilter({ kind: (v || undefined) as IssueFilter['kind'] })}>
            <Choices items={kindChoices(t)} empty={all} />
          </FilterSelect>
          <FilterSelect label={t('Issues.filters.body')} testId="issues-filter-body" value={filter.bodyId} onChange={(v) => setFilter({ bodyId: v, personId: undefined })}>
            <Choices items={bodyChoices(names, filter.bodyId ?? null)} empty={all} />
          </FilterSelect>
          {people.length > 0 && (
            <FilterSelect label={t('Issues.filters.person')} testId="issues-filter-person" value={filter.personId} onChange={(v) => setFilter({ personId: v })}>
              <Choices items={people.map((p) => ({ value: p.id, label: p.fullName }))} empty={all} />
            </FilterSelect>
          )}
          <div className="issue-filter">
            <label htmlFor={ids.from} className="filter-title">
              {t('Issues.filters.from')}
            </label>
            <input id={ids.from} type="date" value={filter.from ?? ''} data-testid="issues-filter-from" onChange={(e) => setFilter({ from: e.target.value })} />
          </div>
          <div className="issue-filter">
            <label htmlFor={ids.to} className="filter-title">
              {t('Issues.filters.to')}
            </label>
            <input id={ids.to} type="date" value={filter.to ?? ''} data-testid="issues-filter-to" onChange={(e) => setFilter({ to: e.target.value })} />
          </div>
        </div>
      )}
    </section>
  );
}

/** One labelled filter of the bar; an empty choice means "any". */
function FilterSelect({ label, testId, value, onChange, children }: { label: string; testId: string; value: string | undefined; onChange: (value: string) => void; children: ReactNode }) {
  const id = useId();
  return (
    <div className="issue-filter">
      <label htmlFor={id} className="filter-title">
        {label}
      </label>
      <select id={id} value={value ?? ''} data-testid={testId} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </div>
  );
}
