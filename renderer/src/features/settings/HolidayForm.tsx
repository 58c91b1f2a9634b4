import { useId, useState, type FormEvent } from 'react';
import { HOLIDAY_KINDS, type HolidayDay, type HolidayKind } from '../../../../shared/domain/calendar/holidays';
import { isIsoDate } from '../../../../shared/domain/dates';
import type { ErrorPayload } from '../../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n';
import { useHolidaysStore } from '../../stores/holidays.store';

interface Props {
  /** The day to edit, or null to add one. */
  day: HolidayDay | null;
  onDone: (saved: HolidayDay | null) => void;
}

/** Adds or edits one day of the holidays table; the names are required of a holiday only. */
export function HolidayForm({ day, onDone }: Props) {
  const { t } = useT();
  const save = useHolidaysStore((s) => s.save);
  const [date, setDate] = useState(day?.date ?? '');
  const [kind, setKind] = useState<HolidayKind>(day?.kind ?? 'holiday');
  const [nameKk, setNameKk] = useState(day?.nameKk ?? '');
  const [nameRu, setNameRu] = useState(day?.nameRu ?? '');
  const [movedFrom, setMovedFrom] = useState(day?.movedFrom ?? '');
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { date: useId(), kind: useId(), nameKk: useId(), nameRu: useId(), movedFrom: useId() };

  function missing(): string[] {
    const out: string[] = [];
    if (!isIsoDate(date)) out.push(t('Holidays.settings.date'));
    if (kind === 'holiday' && nameKk.trim() === '') out.push(t('Holidays.settings.nameKk'));
    if (kind === 'holiday' && nameRu.trim() === '') out.push(t('Holidays.settings.nameRu'));
    if (kind === 'day_off' && movedFrom !== '' && (!isIsoDate(movedFrom) || movedFrom === date)) out.push(t('Holidays.settings.movedFrom'));
    return out;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const fields = missing();
    if (fields.length > 0) return setError({ code: 'validation', details: { fields } });
    setBusy(true);
    const result = await save(
      { date, kind, nameKk: nameKk.trim(), nameRu: nameRu.trim(), movedFrom: kind === 'day_off' && movedFrom !== '' ? movedFrom : null },
      day?.date,
    );
    setBusy(false);
    if (result.ok) onDone(result.value);
    else setError(result.error);
  }

  return (
    <form className="holiday-form" onSubmit={(e) => void submit(e)} noValidate data-testid="holiday-form">
      <div className="field">
        <label htmlFor={ids.date}>{t('Holidays.settings.date')}</label>
        <input id={ids.date} type="date" value={date} data-testid="holiday-date" onChange={(e) => setDate(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={ids.kind}>{t('Holidays.settings.kind')}</label>
        <select id={ids.kind} value={kind} data-testid="holiday-kind" onChange={(e) => setKind(e.target.value as HolidayKind)}>
          {HOLIDAY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`Holidays.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.nameKk}>{t('Holidays.settings.nameKk')}</label>
        <input id={ids.nameKk} lang="kk" maxLength={200} value={nameKk} data-testid="holiday-name-kk" onChange={(e) => setNameKk(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={ids.nameRu}>{t('Holidays.settings.nameRu')}</label>
        <input id={ids.nameRu} lang="ru" maxLength={200} value={nameRu} data-testid="holiday-name-ru" onChange={(e) => setNameRu(e.target.value)} />
      </div>
      {kind === 'day_off' && (
        <div className="field">
          <label htmlFor={ids.movedFrom}>{t('Holidays.settings.movedFrom')}</label>
          <input id={ids.movedFrom} type="date" value={movedFrom} data-testid="holiday-moved-from" onChange={(e) => setMovedFrom(e.target.value)} />
        </div>
      )}
      <div className="holiday-form-actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="holiday-save">
          {t('Holidays.settings.save')}
        </button>
        <button type="button" className="button" onClick={() => onDone(null)} data-testid="holiday-cancel">
          {t('Holidays.settings.cancel')}
        </button>
      </div>
      <ErrorMessage error={error} testId="holiday-error" />
    </form>
  );
}
