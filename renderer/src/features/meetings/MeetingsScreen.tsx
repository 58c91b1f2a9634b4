import { useEffect, useId, useMemo, useState } from 'react';
import { isIsoDate, toYmd } from '../../../../shared/domain/dates';
import { MEETING_KINDS, MEETING_STATUSES } from '../../../../shared/domain/meetings/meeting';
import type { ErrorPayload } from '../../../../shared/errors';
import { saveTextFile } from '../../download';
import { codesUnder } from '../../../../shared/domain/kato';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FilterChip } from '../../components/FilterChip';
import { unitName } from '../../format/units';
import { useT } from '../../i18n';
import { useAppStore } from '../../stores/app.store';
import { useGridStore, windowYear } from '../../stores/grid.store';
import { useMeetingListStore } from '../../stores/meeting-list.store';
import { meetingDate, useMeetingsStore } from '../../stores/meetings.store';
import { usePanelStore } from '../../stores/panel.store';
import { MeetingsTable } from './MeetingsTable';
import { useMeetingList } from '../../hooks/useMeetingList';
import { useWorkingUnits } from '../../hooks/useWorkingUnits';
import { usePermitted } from '../../hooks/usePermitted';

/** The working set's meetings for a period: sortable, filterable, exportable to a calendar file. */
export function MeetingsScreen() {
  const { t, lng } = useT();
  const today = useAppStore((s) => s.info?.today ?? null);
  const { from, to, unitKato, hiddenStatuses, hiddenKinds, newestFirst, setPeriod, setUnit, toggleStatus, toggleKind, toggleSort } = useMeetingListStore();
  const exportIcs = useMeetingsStore((s) => s.exportIcs);
  const ensureYear = useGridStore((s) => s.ensure);
  const byYear = useGridStore((s) => s.byYear);
  const open = usePanelStore((s) => s.open);
  const units = useWorkingUnits();
  const ids = { from: useId(), to: useId(), statuses: useId(), kinds: useId() };
  const [exportError, setExportError] = useState<ErrorPayload | null>(null);
  const [exporting, setExporting] = useState(false);

  const year = today ? toYmd(today).year : null;
  useEffect(() => {
    if (from === null && year !== null) setPeriod(`${year}-01-01`, `${year}-12-31`);
  }, [from, year, setPeriod]);

  const valid = from !== null && to !== null && isIsoDate(from) && isIsoDate(to) && from <= to;
  const statuses = hiddenStatuses.length > 0 ? MEETING_STATUSES.filter((s) => !hiddenStatuses.includes(s)) : undefined;
  const { meetings, error } = useMeetingList(valid ? { from, to, ...(statuses ? { statuses } : {}) } : null);

  // The unit filter takes the unit's subtree, as the issue log's does; it waits for the working
  // set's tree rather than showing a count that would still grow.
  const scope = useMemo(() => (unitKato === null || units.length === 0 ? null : codesUnder(units.map((u) => u.unit), unitKato)), [units, unitKato]);
  const listed = unitKato !== null && scope === null ? null : meetings;
  const unit = unitKato === null ? null : (units.find((u) => u.unit.kato === unitKato)?.unit ?? null);

  const rows = useMemo(() => {
    const kept = (listed ?? []).filter((m) => !hiddenKinds.includes(m.kind) && (scope === null || scope.has(m.unitKato)));
    const sorted = [...kept].sort((a, b) => (meetingDate(a) ?? '').localeCompare(meetingDate(b) ?? '') || (a.plannedTime ?? '').localeCompare(b.plannedTime ?? ''));
    return newestFirst ? sorted.reverse() : sorted;
  }, [listed, scope, hiddenKinds, newestFirst]);

  // The obligation column names each window by its dates: the grids of the years concerned.
  const years = useMemo(() => [...new Set(rows.flatMap((m) => (m.obligation ? [windowYear(m.obligation)] : [])))], [rows]);
  useEffect(() => {
    for (const y of years) if (y !== null) void ensureYear(y);
  }, [years, ensureYear, byYear]);

  const canWrite = usePermitted('records.write');

  async function onExport() {
    if (!valid) return;
    setExporting(true);
    setExportError(null);
    const result = await exportIcs({ from, to, language: lng === 'ru' ? 'ru' : 'kk' });
    setExporting(false);
    if (result.ok) saveTextFile(result.value.fileName, result.value.content, 'text/calendar;charset=utf-8');
    else setExportError(result.error);
  }

  if (today === null) return null;

  return (
    <section className="screen meetings-screen" aria-labelledby="meetings-title">
      <div className="toolbar">
        <h1 id="meetings-title" className="screen-title">
          {t('Meeting.list.title')}
        </h1>
        <div className="toolbar-end">
          <button type="button" className="button" disabled={!valid || exporting} data-testid="ics-export" onClick={() => void onExport()}>
            {t('Meeting.list.exportIcs')}
          </button>
          {canWrite && (
            <button type="button" className="button button--primary" data-testid="meetings-plan" onClick={() => open({ kind: 'plan', prefill: {} })}>
              {t('Plan.open')}
            </button>
          )}
        </div>
      </div>
      <ErrorMessage error={exportError} testId="ics-error" />

      <div className="filters" data-testid="meetings-filters">
        {unitKato !== null && (
          <div className="filter-group" data-testid="meetings-unit-filter">
            <span className="filter-title">{t('Meeting.list.unit')}</span>
            <FilterChip
              label={unit ? unitName(unit, lng) : unitKato}
              removeLabel={t('Meeting.list.unitRemove', { unit: unit ? unitName(unit, lng) : unitKato })}
              testId="meetings-unit-clear"
              onRemove={() => setUnit(null)}
            />
          </div>
        )}
        <div className="filter-group">
          <label htmlFor={ids.from} className="filter-title">
            {t('Meeting.list.from')}
          </label>
          <input id={ids.from} type="date" value={from ?? ''} data-testid="meetings-from" onChange={(e) => setPeriod(e.target.value, to ?? e.target.value)} />
          <label htmlFor={ids.to} className="filter-title">
            {t('Meeting.list.to')}
          </label>
          <input id={ids.to} type="date" value={to ?? ''} data-testid="meetings-to" onChange={(e) => setPeriod(from ?? e.target.value, e.target.value)} />
        </div>
        <div className="filter-group" role="group" aria-labelledby={ids.statuses}>
          <span id={ids.statuses} className="filter-title">
            {t('Filters.status')}
          </span>
          {MEETING_STATUSES.map((s) => (
            <label key={s} className="filter-option">
              <input type="checkbox" checked={!hiddenStatuses.includes(s)} data-testid={`filter-mstatus-${s}`} onChange={() => toggleStatus(s)} />
              {t(`Meeting.status.${s}`)}
            </label>
          ))}
        </div>
        <div className="filter-group" role="group" aria-labelledby={ids.kinds}>
          <span id={ids.kinds} className="filter-title">
            {t('Meeting.list.kind')}
          </span>
          {MEETING_KINDS.map((k) => (
            <label key={k} className="filter-option">
              <input type="checkbox" checked={!hiddenKinds.includes(k)} data-testid={`filter-mkind-${k}`} onChange={() => toggleKind(k)} />
              {t(`Meeting.kind.${k}`)}
            </label>
          ))}
        </div>
      </div>
      {!valid && from !== null && <ErrorMessage error={{ code: 'range_invalid', details: { from: from ?? '', to: to ?? '' } }} />}
      <ErrorMessage error={error} />
      {listed && (
        <>
          <p className="muted" role="status">
            {t('Meeting.list.count', { count: rows.length })}
          </p>
          {rows.length > 0 && (
            <MeetingsTable
              meetings={rows}
              units={units}
              byYear={byYear}
              newestFirst={newestFirst}
              onSort={toggleSort}
              onOpen={(id) => open({ kind: 'card', meetingId: id })}
            />
          )}
        </>
      )}
    </section>
  );
}
