import { useId, useState } from 'react';
import type { Meeting } from '../../../../../shared/contract/types';
import type { IsoDate } from '../../../../../shared/domain/dates';
import { ANNOUNCEMENT_CHANNELS, type AnnouncementChannel } from '../../../../../shared/domain/meetings/meeting';
import type { ErrorPayload } from '../../../../../shared/errors';
import { useT } from '../../../i18n';
import type { ActionInputs, CardAction } from '../../../stores/meetings.store';
import { usePlanPreview } from '../form/usePlanPreview';
import { ActionForm } from '../../../components/ActionForm';

export interface ActionFormProps {
  meeting: Meeting;
  today: IsoDate;
  busy: boolean;
  error: ErrorPayload | null;
  run: <A extends CardAction>(action: A, input: ActionInputs[A]) => void;
  /** A check failed before anything was sent. */
  refuse: (error: ErrorPayload) => void;
  onCancel: () => void;
}

const fieldsError = (...fields: string[]): ErrorPayload => ({ code: 'validation', details: { fields } });

export function AnnounceForm({ meeting, today, busy, error, run, refuse, onCancel }: ActionFormProps) {
  const { t } = useT();
  const dateId = useId();
  const [date, setDate] = useState<string>(today);
  const [channels, setChannels] = useState<AnnouncementChannel[]>(meeting.announcementChannels);
  const toggle = (c: AnnouncementChannel) => setChannels(channels.includes(c) ? channels.filter((x) => x !== c) : [...channels, c]);
  return (
    <ActionForm
      title={t('Meeting.actions.announce')}
      submitLabel={t('Meeting.actions.announce')}
      testId="announce"
      busy={busy}
      error={error}
      onCancel={onCancel}
      onSubmit={() =>
        channels.length === 0
          ? refuse(fieldsError(t('Meeting.announceChannels')))
          : run('announce', { id: meeting.id, revision: meeting.revision, announcedOn: date, channels })
      }
    >
      <div className="field">
        <label htmlFor={dateId}>{t('Meeting.announcedOn')}</label>
        <input id={dateId} type="date" value={date} max={today} data-testid="announce-date" onChange={(e) => setDate(e.target.value)} />
      </div>
      <fieldset className="form-section">
        <legend className="field-label">{t('Meeting.announceChannels')}</legend>
        <div className="choice-grid">
          {ANNOUNCEMENT_CHANNELS.map((c) => (
            <label key={c} className="choice">
              <input type="checkbox" checked={channels.includes(c)} data-testid={`announce-channel-${c}`} onChange={() => toggle(c)} />
              {t(`Meeting.announcementChannel.${c}`)}
            </label>
          ))}
        </div>
      </fieldset>
    </ActionForm>
  );
}

/** Whole non-negative numbers only; '' stays '' (the field is optional or not yet filled). */
const parseCount = (text: string): number | null => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

export function HeldForm({ meeting, today, busy, error, run, refuse, onCancel }: ActionFormProps) {
  const { t } = useT();
  const ids = { date: useId(), attendance: useId(), viewers: useId() };
  const planned = meeting.plannedOn;
  const [date, setDate] = useState<string>(planned && planned <= today ? planned : today);
  const [attendance, setAttendance] = useState('');
  const [viewers, setViewers] = useState('');
  const online = meeting.format !== 'in_person';

  function submit() {
    const people = parseCount(attendance);
    const watched = viewers.trim() === '' ? null : parseCount(viewers);
    if (people === null) return refuse(fieldsError(t('Meeting.attendance')));
    if (viewers.trim() !== '' && watched === null) return refuse(fieldsError(t('Meeting.onlineViewers')));
    run('markHeld', { id: meeting.id, revision: meeting.revision, heldOn: date, attendance: people, onlineViewers: watched });
  }

  return (
    <ActionForm title={t('Meeting.actions.markHeld')} submitLabel={t('Meeting.actions.markHeld')} testId="held" busy={busy} error={error} onCancel={onCancel} onSubmit={submit}>
      <div className="field">
        <label htmlFor={ids.date}>{t('Meeting.heldOn')}</label>
        <input id={ids.date} type="date" value={date} max={today} data-testid="held-date" onChange={(e) => setDate(e.target.value)} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.attendance}>{t('Meeting.attendance')}</label>
          <input
            id={ids.attendance}
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            required
            value={attendance}
            data-testid="held-attendance"
            onChange={(e) => setAttendance(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.viewers}>{online ? t('Meeting.onlineViewers') : t('Meeting.onlineViewersOptional')}</label>
          <input
            id={ids.viewers}
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            value={viewers}
            data-testid="held-viewers"
            onChange={(e) => setViewers(e.target.value)}
          />
        </div>
      </div>
    </ActionForm>
  );
}

export function CloseForm({ meeting, busy, error, run, onCancel }: ActionFormProps) {
  const { t } = useT();
  return (
    <ActionForm
      title={t('Meeting.actions.close')}
      submitLabel={t('Meeting.actions.close')}
      testId="close"
      busy={busy}
      error={error}
      onCancel={onCancel}
      onSubmit={() => run('close', { id: meeting.id, revision: meeting.revision })}
    >
      <p className="muted">{t('Meeting.closeHint')}</p>
    </ActionForm>
  );
}

export function CancelForm({ meeting, busy, error, run, refuse, onCancel }: ActionFormProps) {
  const { t } = useT();
  const id = useId();
  const [reason, setReason] = useState('');
  return (
    <ActionForm
      title={t('Meeting.actions.cancel')}
      submitLabel={t('Meeting.cancelSubmit')}
      testId="cancel"
      danger
      busy={busy}
      error={error}
      onCancel={onCancel}
      onSubmit={() =>
        reason.trim() === ''
          ? refuse(fieldsError(t('Meeting.reason')))
          : run('cancel', { id: meeting.id, revision: meeting.revision, reason: reason.trim() })
      }
    >
      <div className="field">
        <label htmlFor={id}>{t('Meeting.reason')}</label>
        <textarea id={id} rows={3} maxLength={2000} required value={reason} data-testid="cancel-reason" onChange={(e) => setReason(e.target.value)} />
      </div>
    </ActionForm>
  );
}

export function PostponeForm({ meeting, busy, error, run, refuse, onCancel }: ActionFormProps) {
  const { t } = useT();
  const ids = { date: useId(), reason: useId() };
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  // The new date is read like a planned one: a date outside every window is worth a warning.
  const preview = usePlanPreview(meeting.unitKato, date, meeting.id);
  function submit() {
    const missing = [date ? '' : t('Meeting.newDate'), reason.trim() ? '' : t('Meeting.reason')].filter(Boolean);
    if (missing.length > 0) return refuse(fieldsError(...missing));
    run('postpone', { id: meeting.id, revision: meeting.revision, reason: reason.trim(), newDate: date });
  }
  return (
    <ActionForm title={t('Meeting.actions.postpone')} submitLabel={t('Meeting.actions.postpone')} testId="postpone" busy={busy} error={error} onCancel={onCancel} onSubmit={submit}>
      <div className="field">
        <label htmlFor={ids.date}>{t('Meeting.newDate')}</label>
        <input id={ids.date} type="date" required value={date} data-testid="postpone-date" onChange={(e) => setDate(e.target.value)} />
      </div>
      {preview.preview?.warnings.map((code) => (
        <p key={code} className="message message--warning" role="status" data-testid={`postpone-warning-${code}`}>
          {t(`Plan.warnings.${code}`)}
        </p>
      ))}
      <div className="field">
        <label htmlFor={ids.reason}>{t('Meeting.reason')}</label>
        <textarea id={ids.reason} rows={3} maxLength={2000} required value={reason} data-testid="postpone-reason" onChange={(e) => setReason(e.target.value)} />
      </div>
    </ActionForm>
  );
}
