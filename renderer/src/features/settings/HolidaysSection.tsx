import { useEffect, useId, useState, type ChangeEvent } from 'react';
import type { HolidayDay, HolidayFileFormat } from '../../../../shared/contract/holidays.contract';
import type { ErrorPayload } from '../../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FilePick } from '../../components/FilePick';
import { saveTextFile } from '../../download';
import { formatOfficialDate } from '../../format/dates';
import { holidayLabel } from '../../format/holidays';
import { useT } from '../../i18n';
import { useAppStore } from '../../stores/app.store';
import { useHolidaysStore } from '../../stores/holidays.store';
import { HolidayForm } from './HolidayForm';

const FILE_TYPES: Record<HolidayFileFormat, string> = { csv: 'text/csv;charset=utf-8', json: 'application/json;charset=utf-8' };

/** Settings: the holidays and moved days off of a year, edited one by one or as a file. */
export function HolidaysSection() {
  const { t, lng } = useT();
  const today = useAppStore((s) => s.info?.today ?? null);
  const thisYear = today === null ? null : Number(today.slice(0, 4));
  const [year, setYear] = useState<number | null>(thisYear);
  const stored = useHolidaysStore((s) => s.years);
  const loadYears = useHolidaysStore((s) => s.loadYears);
  const days = useHolidaysStore((s) => (year === null ? undefined : s.byYear[year]));
  const ensureYear = useHolidaysStore((s) => s.ensureYear);
  const remove = useHolidaysStore((s) => s.remove);
  const importFile = useHolidaysStore((s) => s.importFile);
  const exportYear = useHolidaysStore((s) => s.exportYear);
  const [editing, setEditing] = useState<HolidayDay | 'new' | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const ids = { year: useId(), file: useId(), hint: useId() };

  useEffect(() => {
    if (year === null && thisYear !== null) setYear(thisYear);
  }, [year, thisYear]);
  useEffect(() => {
    if (year !== null) void ensureYear(year);
  }, [year, ensureYear]);
  useEffect(() => {
    void loadYears();
  }, [loadYears]);

  if (year === null || thisYear === null) return null;
  const years = [...new Set([...stored, thisYear - 1, thisYear, thisYear + 1])].sort((a, b) => b - a);

  function done(text: string | null) {
    setMessage(text);
    setError(null);
  }

  function closeForm(saved: HolidayDay | null) {
    setEditing(null);
    if (saved) {
      done(t('Holidays.settings.saved'));
      // The year shown follows the day saved, which may be in another one.
      setYear(Number(saved.date.slice(0, 4)));
    }
  }

  async function onRemove(date: string) {
    setConfirming(null);
    const result = await remove(date);
    if (result.ok) done(t('Holidays.settings.saved'));
    else setError(result.error);
  }

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    done(null);
    const result = await importFile(file.name, await file.text());
    if (result.ok) done(t('Holidays.settings.imported', { added: result.value.added, updated: result.value.updated }));
    else setError(result.error);
  }

  async function onExport(format: HolidayFileFormat) {
    const result = await exportYear(year!, format);
    if (result.ok) saveTextFile(result.value.fileName, result.value.content, FILE_TYPES[format]);
    else setError(result.error);
  }

  return (
    <section className="card holidays" aria-labelledby="settings-holidays" data-testid="settings-holidays">
      <h2 id="settings-holidays" className="section-title">
        {t('Holidays.settings.title')}
      </h2>
      <p id={ids.hint} className="muted">
        {t('Holidays.settings.hint')}
      </p>
      <div className="holidays-toolbar">
        <div className="field">
          <label htmlFor={ids.year}>{t('Holidays.settings.year')}</label>
          <select id={ids.year} value={year} data-testid="holidays-year" onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        {days && <span className="muted" data-testid="holidays-count">{t('Holidays.settings.count', { count: days.length })}</span>}
        <div className="holidays-actions">
          <button type="button" className="button" data-testid="holidays-add" onClick={() => {
              setEditing('new');
              done(null);
            }}>
            {t('Holidays.settings.add')}
          </button>
          <FilePick
            id={ids.file}
            label={t('Holidays.settings.import')}
            accept=".csv,.json,text/csv,application/json"
            describedBy={ids.hint}
            testId="holidays-file"
            onChange={(e) => void onFile(e)}
          />
          <button type="button" className="button" data-testid="holidays-export-csv" onClick={() => void onExport('csv')}>
            {t('Holidays.settings.exportCsv')}
          </button>
          <button type="button" className="button" data-testid="holidays-export-json" onClick={() => void onExport('json')}>
            {t('Holidays.settings.exportJson')}
          </button>
        </div>
      </div>
      <p className="hint">{t('Holidays.settings.importHint')}</p>
      {editing === 'new' && <HolidayForm day={null} onDone={closeForm} />}
      <ErrorMessage error={error} testId="holidays-error" />
      {message && (
        <p className="message message--success" role="status" data-testid="holidays-message">
          {message}
        </p>
      )}
      {days && days.length === 0 && <p className="muted">{t('Holidays.settings.empty')}</p>}
      {days && days.length > 0 && (
        <div className="table-scroll holidays-scroll">
          <table className="table" data-testid="holidays-table">
            <thead>
              <tr>
                <th scope="col">{t('Holidays.settings.date')}</th>
                <th scope="col">{t('Holidays.settings.kind')}</th>
                <th scope="col">{lng === 'kk' ? t('Holidays.settings.nameKk') : t('Holidays.settings.nameRu')}</th>
                <th scope="col">{t('Holidays.settings.rowActions')}</th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) =>
                editing !== 'new' && editing?.date === d.date ? (
                  <tr key={d.date}>
                    <td colSpan={4}>
                      <HolidayForm day={d} onDone={closeForm} />
                    </td>
                  </tr>
                ) : (
                  <tr key={d.date} data-testid={`holiday-row-${d.date}`}>
                    <td className="holidays-date">{formatOfficialDate(d.date, lng)}</td>
                    <td>
                      {t(`Holidays.kind.${d.kind}`)}
                      {d.computed && <span className="table-sub muted">{t('Holidays.settings.computed')}</span>}
                    </td>
                    <td>{holidayLabel(d, t, lng)}</td>
                    <td className="holidays-row-actions">
                      {confirming === d.date ? (
                        <span role="group" aria-label={t('Holidays.settings.removeConfirm', { date: formatOfficialDate(d.date, lng) })}>
                          <span className="holidays-confirm">{t('Holidays.settings.removeConfirm', { date: formatOfficialDate(d.date, lng) })}</span>
                          <button type="button" className="button button--small button--danger" data-testid={`holiday-remove-yes-${d.date}`} onClick={() => void onRemove(d.date)}>
                            {t('Holidays.settings.removeYes')}
                          </button>
                          <button type="button" className="button button--small" onClick={() => setConfirming(null)}>
                            {t('Holidays.settings.cancel')}
                          </button>
                        </span>
                      ) : (
                        <>
                          <button type="button" className="button button--small" data-testid={`holiday-edit-${d.date}`} onClick={() => {
                              setEditing(d);
                              done(null);
                            }}>
                            {t('Holidays.settings.edit')}
                          </button>
                          <button type="button" className="button button--small button--quiet" data-testid={`holiday-remove-${d.date}`} onClick={() => setConfirming(d.date)}>
                            {t('Holidays.settings.remove')}
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
