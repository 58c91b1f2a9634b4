import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Meeting } from '../../../../../shared/contract/types';
import { isIsoDate, type IsoDate } from '../../../../../shared/domain/dates';
import { MEETING_KINDS } from '../../../../../shared/domain/meetings/meeting';
import type { ErrorPayload, FieldReason } from '../../../../../shared/errors';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { SidePanel } from '../../../components/SidePanel';
import { unitName } from '../../../format/units';
import { formatOfficialDate } from '../../../format/dates';
import { UnitOptions } from '../../../components/UnitOptions';
import { useT } from '../../../i18n';
import { useMeetingsStore } from '../../../stores/meetings.store';
import type { PlanPrefill } from '../../../stores/panel.store';
import type { WorkingUnit } from '../../../hooks/useWorkingUnits';
import { AkimField } from './AkimField';
import { ariaOf, fieldForError, fieldOfPath, refusalOf, useFieldRefs, type FieldName, type Refused } from './fields';
import { FieldRefusal } from '../../../components/TextField';
import { useErrorText } from '../../../components/ErrorMessage';
import { fieldReasons } from '../../../hooks/useFieldErrors';
import { FormatFields } from './FormatFields';
import { HolidayWarning } from './HolidayWarning';
import { ObligationFields } from './ObligationFields';
import { QuestionsFields } from './QuestionsFields';
import { obligationKey, toPlanInput, useMeetingDraft } from './useMeetingDraft';
import { usePlanPreview } from './usePlanPreview';
import { VenueFields } from './VenueFields';

interface Props {
  units: readonly WorkingUnit[];
  today: IsoDate;
  prefill: PlanPrefill;
  /** The planned meeting to edit, or null to plan a new one. */
  meeting: Meeting | null;
  onClose: () => void;
  onSaved: (meeting: Meeting) => void;
}

/** Plans a meeting or edits a planned one; the core decides what the date fulfils. */
export function MeetingForm({ units, today, prefill, meeting, onClose, onSaved }: Props) {
  const { t, lng } = useT();
  const plan = useMeetingsStore((s) => s.plan);
  const update = useMeetingsStore((s) => s.update);
  const loadMeeting = useMeetingsStore((s) => s.loadMeeting);
  const latestRevision = useMeetingsStore((s) => (meeting ? (s.byId[meeting.id]?.revision ?? meeting.revision) : 0));
  const onlyUnit = units.length === 1 ? units[0]!.unit.kato : null;
  const { draft, set, setDraft } = useMeetingDraft(meeting, prefill, today, onlyUnit);
  const { register, focus } = useFieldRefs();
  const preview = usePlanPreview(draft.unitKato, draft.date, meeting?.id ?? null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [refused, setRefused] = useState<Refused | null>(null);
  const refusalId = useId();
  const errorText = useErrorText();
  const ids = { unit: useId(), kind: useId(), date: useId(), dateHint: useId(), time: useId(), note: useId() };
  const unit = units.find((u) => u.unit.kato === draft.unitKato)?.unit ?? null;

  // Every new date (or unit) takes the core's suggestion; on opening, an obligation already
  // chosen (the meeting's, or the window a cell was opened from) stays.
  const applied = useRef<string | null>(null);
  useEffect(() => {
    if (preview.key === null || preview.key === applied.current) return;
    const first = applied.current === null;
    applied.current = preview.key;
    if (first && draft.obligation !== '') return;
    set('obligation', obligationKey(preview.preview?.suggested));
    // Only a new preview re-selects; typing elsewhere in the form must not.
  }, [preview.key]);

  useEffect(() => focus(draft.unitKato ? 'date' : 'unit'), []);

  // The working set may arrive after the form opened: a single unit is the only choice.
  useEffect(() => {
    if (!meeting && onlyUnit) setDraft((d) => (d.unitKato === '' ? { ...d, unitKato: onlyUnit } : d));
  }, [onlyUnit]);

  // A new meeting opened without a day starts at the unit's next open window (the core knows
  // the windows and which are taken), once per unit; a date the planner typed stays theirs.
  const dateTyped = useRef(meeting !== null || prefill.date !== undefined);
  const [datedBy, setDatedBy] = useState<{ unitKato: string; from: string; to: string } | null>(null);
  useEffect(() => {
    const next = preview.preview?.nextOpen;
    if (dateTyped.current || !next || preview.key?.split('|')[0] !== draft.unitKato || datedBy?.unitKato === draft.unitKato) return;
    setDatedBy({ unitKato: draft.unitKato, from: next.obligation.windowStart, to: next.obligation.windowEnd });
    if (next.date !== draft.date) set('date', next.date);
  }, [preview.key]);

  /** The refusal, in the summary and next to the field it is about (which takes the cursor). */
  function fail(payload: ErrorPayload, field: FieldName | null, reason?: FieldReason) {
    setError(payload);
    if (!field) return setRefused(null);
    const text = payload.code === 'validation' ? t(`FieldErrors.${reason ?? 'invalid'}`) : errorText(payload);
    setRefused({ field, id: `${refusalId}-${field}`, text });
    focus(field);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setError(null);
    setRefused(null);
    if (!draft.unitKato) return fail({ code: 'validation', details: { fields: [t('Plan.unit')] } }, 'unit', 'required');
    if (!isIsoDate(draft.date)) return fail({ code: 'date_invalid', details: { date: draft.date } }, 'date');

    setSaving(true);
    const input = toPlanInput(draft);
    const result = meeting
      ? await update({ ...input, id: meeting.id, revision: latestRevision })
      : await plan({ ...input, unitKato: draft.unitKato });
    setSaving(false);
    if (result.ok) return onSaved(result.value);
    if (result.error.code === 'conflict' && meeting) void loadMeeting(meeting.id);
    const field = fieldForError(result.error);
    fail(translateFields(result.error), field, field ? fieldReasons(result.error, fieldOfPath).get(field) : undefined);
  }

  /** A `validation` error names contract fields; the reader sees the form's labels. */
  function translateFields(payload: ErrorPayload): ErrorPayload {
    const fields = payload.details?.['fields'];
    if (payload.code !== 'validation' || !Array.isArray(fields)) return payload;
    return { ...payload, details: { fields: fields.map((f) => t(`Plan.fieldNames.${fieldOfPath(f) ?? 'other'}`)) } };
  }

  return (
    <SidePanel
      title={meeting ? t('Plan.editTitle') : t('Plan.title')}
      subtitle={meeting && unit ? <p className="muted">{unitName(unit, lng)}</p> : undefined}
      onClose={onClose}
      testId="plan-panel"
      closeTestId="plan-close"
    >
      <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="plan-form">
        <div className="field">
          <label htmlFor={ids.unit}>{t('Plan.unit')}</label>
          <select
            id={ids.unit}
            ref={register('unit')}
            value={draft.unitKato}
            disabled={meeting !== null}
            {...ariaOf(refused, 'unit')}
            data-testid="plan-unit"
            onChange={(e) => setDraft((d) => ({ ...d, unitKato: e.target.value, venueKato: '', akimId: '' }))}
          >
            <option value="" disabled>
              {t('Record.unitPlaceholder')}
            </option>
            <UnitOptions units={units} />
          </select>
          <FieldRefusal of={refusalOf(refused, 'unit')} testId="plan-unit-error" />
        </div>
        <div className="field">
          <label htmlFor={ids.kind}>{t('Plan.kind')}</label>
          <select id={ids.kind} ref={register('kind')} value={draft.kind} data-testid="plan-kind" onChange={(e) => set('kind', e.target.value as typeof draft.kind)}>
            {MEETING_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`Meeting.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field-row field-row--aligned">
          <div className="field">
            <label htmlFor={ids.date}>{t('Plan.date')}</label>
            <input
              id={ids.date}
              ref={register('date')}
              type="date"
              value={draft.date}
              {...ariaOf(refused, 'date', datedBy && !dateTyped.current ? ids.dateHint : undefined)}
              data-testid="plan-date"
              onChange={(e) => {
                dateTyped.current = true;
                set('date', e.target.value);
              }}
            />
            <FieldRefusal of={refusalOf(refused, 'date')} testId="plan-date-error" />
          </div>
          <div className="field">
            <label htmlFor={ids.time}>{t('Plan.time')}</label>
            <input id={ids.time} ref={register('time')} type="time" value={draft.time} data-testid="plan-time" onChange={(e) => set('time', e.target.value)} />
          </div>
        </div>
        <HolidayWarning date={draft.date} />
        {datedBy && !dateTyped.current && (
          <p id={ids.dateHint} className="hint field-hint" data-testid="plan-date-suggested">
            {t('Plan.dateNextWindow', { range: t('Dates.range', { from: formatOfficialDate(datedBy.from, lng), to: formatOfficialDate(datedBy.to, lng) }) })}
          </p>
        )}
        <ErrorMessage error={preview.error} />

        <ObligationFields draft={draft} set={set} register={register} refused={refused} preview={preview} />
        <VenueFields draft={draft} set={set} register={register} refused={refused} unit={unit} />
        <FormatFields draft={draft} set={set} register={register} refused={refused} />
        <AkimField key={draft.unitKato} draft={draft} set={set} register={register} refused={refused} />
        <QuestionsFields draft={draft} set={set} register={register} refused={refused} />

        <div className="field">
          <label htmlFor={ids.note}>{t('Plan.note')}</label>
          <textarea id={ids.note} ref={register('note')} rows={3} maxLength={2000} value={draft.note} data-testid="plan-note" onChange={(e) => set('note', e.target.value)} />
        </div>

        <ErrorMessage error={error} testId="plan-error" />
        <div className="form-actions form-actions--sticky">
          <button type="submit" className="button button--primary" disabled={saving} data-testid="plan-submit">
            {saving ? t('Record.saving') : meeting ? t('Plan.saveChanges') : t('Plan.submit')}
          </button>
          <button type="button" className="button" onClick={onClose} data-testid="plan-cancel">
            {t('Plan.cancel')}
          </button>
        </div>
      </form>
    </SidePanel>
  );
}
