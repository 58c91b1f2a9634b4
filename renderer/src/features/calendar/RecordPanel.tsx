import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { UnitSummary } from '../../../../shared/contract/types';
import type { IsoDate } from '../../../../shared/domain/dates';
import type { ErrorPayload } from '../../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatUiDate } from '../../format/dates';
import { unitName } from '../../format/units';
import { UnitOptions } from '../../components/UnitOptions';
import { useT } from '../../i18n';
import { useMeetingsStore } from '../../stores/meetings.store';
import { MeetingList } from './MeetingList';

interface Props {
  units: ReadonlyArray<{ unit: UnitSummary; depth: number }>;
  /** Pre-selected when opened from a row's cell. */
  initialUnit: string | null;
  today: IsoDate;
  onClose: () => void;
}

/** A side panel beside the grid, so the cell that changes stays in view. */
export function RecordPanel({ units, initialUnit, today, onClose }: Props) {
  const { t, lng } = useT();
  const recordHeld = useMeetingsStore((s) => s.recordHeld);
  const loadFor = useMeetingsStore((s) => s.loadFor);
  const [unitKato, setUnitKato] = useState(initialUnit ?? '');
  const [heldOn, setHeldOn] = useState<string>(today);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const unitRef = useRef<HTMLSelectElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const ids = { unit: useId(), date: useId(), note: useId() };

  useEffect(() => {
    (initialUnit ? dateRef : unitRef).current?.focus();
  }, [initialUnit]);

  useEffect(() => {
    if (unitKato) void loadFor(unitKato);
  }, [unitKato, loadFor]);

  const selected = units.find((u) => u.unit.kato === unitKato)?.unit ?? null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!unitKato || !heldOn || saving) return;
    setSaving(true);
    setError(null);
    setSuccess(null);
    const result = await recordHeld({ unitKato, heldOn, note });
    setSaving(false);
    if (result.ok) {
      setNote('');
      setSuccess(
        t('Record.success', {
          unit: selected ? unitName(selected, lng) : unitKato,
          date: formatUiDate(result.value.heldOn ?? heldOn, lng),
        }),
      );
    } else {
      setError(result.error);
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    }
  }

  return (
    <aside className="side-panel" role="dialog" aria-modal="false" aria-labelledby={titleId} onKeyDown={onKeyDown} data-testid="record-panel" data-side-panel="">
      <div className="side-panel-head">
        <h2 id={titleId} className="side-panel-title">
          {t('Record.title')}
        </h2>
        <button type="button" className="icon-button" aria-label={t('Record.close')} title={t('Record.close')} onClick={onClose} data-testid="record-close">
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d="M4 4l8 8M12 4l-8 8" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
        </button>
      </div>

      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={ids.unit}>{t('Record.unit')}</label>
          <select
            id={ids.unit}
            ref={unitRef}
            value={unitKato}
            data-testid="record-unit"
            onChange={(e) => {
              setUnitKato(e.target.value);
              setError(null);
              setSuccess(null);
            }}
          >
            <option value="" disabled>
              {t('Record.unitPlaceholder')}
            </option>
            <UnitOptions units={units} />
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.date}>{t('Record.heldOn')}</label>
          <input
            id={ids.date}
            ref={dateRef}
            type="date"
            value={heldOn}
            data-testid="record-date"
            onChange={(e) => {
              setHeldOn(e.target.value);
              setError(null);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.note}>{t('Record.note')}</label>
          <textarea id={ids.note} rows={3} maxLength={2000} value={note} data-testid="record-note" onChange={(e) => setNote(e.target.value)} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={!unitKato || !heldOn || saving} data-testid="record-submit">
            {saving ? t('Record.saving') : t('Record.submit')}
          </button>
        </div>
        <ErrorMessage error={error} testId="record-error" />
        {success && (
          <p className="message message--success" role="status" data-testid="record-success">
            {success}
          </p>
        )}
      </form>

      {unitKato && <MeetingList unitKato={unitKato} />}
    </aside>
  );
}
