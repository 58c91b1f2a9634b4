import { useEffect, useRef, useState } from 'react';
import type { Akim } from '../../../../../shared/contract/types';
import type { IsoDate } from '../../../../../shared/domain/dates';
import { actionsFor, isHeldStatus, isUpcomingStatus, type MeetingAction } from '../../../../../shared/domain/meetings/meeting';
import type { ErrorPayload } from '../../../../../shared/errors';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { MeetingStatusBadge } from '../../../components/MeetingStatusBadge';
import { ReceivedMark } from '../../../components/ReceivedMark';
import { useReceived } from '../../../hooks/useReceived';
import { SidePanel } from '../../../components/SidePanel';
import { unitName } from '../../../format/units';
import { useT } from '../../../i18n';
import { useAkimsStore } from '../../../stores/akims.store';
import { findCell, useGridStore, windowYear } from '../../../stores/grid.store';
import { useMeetingsStore, type ActionInputs, type CardAction } from '../../../stores/meetings.store';
import { useIssuesStore } from '../../../stores/issues.store';
import type { WorkingUnit } from '../../../hooks/useWorkingUnits';
import { AnnounceForm, CancelForm, CloseForm, HeldForm, PostponeForm, type ActionFormProps } from './action-forms';
import { MeetingFacts } from './MeetingFacts';
import { CarryOverSection } from './CarryOverSection';
import { OfficialsForm } from './OfficialsForm';
import { errorOf } from '../../../stores/result';
import { usePermitted } from '../../../hooks/usePermitted';

const NO_AKIMS: readonly Akim[] = [];

const FORMS: Record<CardAction, (props: ActionFormProps) => React.JSX.Element> = {
  announce: AnnounceForm,
  markHeld: HeldForm,
  close: CloseForm,
  cancel: CancelForm,
  postpone: PostponeForm,
  setOfficials: OfficialsForm,
};

type Notice = { kind: 'done'; text: string } | { kind: 'error'; error: ErrorPayload; reloaded: boolean } | null;

interface Props {
  meetingId: string;
  saved: 'planned' | 'updated' | null;
  units: readonly WorkingUnit[];
  today: IsoDate;
  onClose: () => void;
  onEdit: () => void;
  /** Opens the minutes (held or closed meetings only). */
  onMinutes?: () => void;
}

/**
 * A meeting's details and the actions its status allows (actionsFor: the core accepts exactly
 * these). A meeting received from another installation is marked with its source and offers
 * none: only its origin changes it.
 */
export function MeetingCard({ meetingId, saved, units, today, onClose, onEdit, onMinutes }: Props) {
  const { t, lng } = useT();
  const meeting = useMeetingsStore((s) => s.byId[meetingId] ?? null);
  const loadMeeting = useMeetingsStore((s) => s.loadMeeting);
  const act = useMeetingsStore((s) => s.act);
  const openIssues = useIssuesStore((s) => s.openForMeeting);
  const byYear = useGridStore((s) => s.byYear);
  const ensureYear = useGridStore((s) => s.ensure);
  const akims = useAkimsStore((s) => (meeting ? (s.byUnit[meeting.unitKato] ?? NO_AKIMS) : NO_AKIMS));
  const loadAkims = useAkimsStore((s) => s.load);
  const [loadError, setLoadError] = useState<ErrorPayload | null>(null);
  const [active, setActive] = useState<CardAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<ErrorPayload | null>(null);
  const [notice, setNotice] = useState<Notice>(saved ? { kind: 'done', text: t(`Meeting.saved.${saved}`) } : null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const [actionsDone, setActionsDone] = useState(0);
  const received = useReceived();

  // After an action the form that had focus is gone: the outcome takes it (and is read out).
  useEffect(() => {
    if (actionsDone > 0) noticeRef.current?.focus();
  }, [actionsDone]);

  useEffect(() => {
    void loadMeeting(meetingId).then((r) => setLoadError(errorOf(r)));
  }, [meetingId, loadMeeting]);

  const unitKato = meeting?.unitKato ?? null;
  useEffect(() => {
    if (unitKato) void loadAkims(unitKato);
  }, [unitKato, loadAkims]);

  const canWrite = usePermitted('records.write');
  const year = meeting?.obligation ? windowYear(meeting.obligation) : null;
  useEffect(() => {
    if (year !== null) void ensureYear(year);
  }, [year, ensureYear, byYear]);

  const unit = units.find((u) => u.unit.kato === unitKato)?.unit ?? null;
  const title = unit ? unitName(unit, lng) : t('Meeting.title');

  if (!meeting) {
    return (
      <SidePanel title={title} onClose={onClose} testId="meeting-card" closeTestId="card-close">
        {loadError ? <ErrorMessage error={loadError} /> : <p className="muted">{t('Meeting.loading')}</p>}
      </SidePanel>
    );
  }

  const cell = meeting.obligation ? findCell(byYear, meeting.unitKato, meeting.obligation) : null;
  const akim = akims.find((a) => a.id === meeting.akimId) ?? null;
  const from = received(meeting);
  const actions = from || !canWrite ? [] : actionsFor(meeting.status);

  function pick(action: MeetingAction) {
    setNotice(null);
    setFormError(null);
    if (action === 'update') return onEdit();
    setActive(action);
  }

  function run<A extends CardAction>(action: A, input: ActionInputs[A]) {
    setBusy(true);
    setFormError(null);
    void act(action, input).then((result) => {
      setBusy(false);
      if (result.ok || result.error.code === 'conflict') setActionsDone((n) => n + 1);
      // The store shows the new status before this answer arrives, so the user may already have
      // opened the next action's form: only the form of this action closes.
      const closeThis = (current: CardAction | null) => (current === action ? null : current);
      if (result.ok) {
        setActive(closeThis);
        setNotice({ kind: 'done', text: t(`Meeting.done.${action as CardAction}`) });
      } else if (result.error.code === 'conflict') {
        setActive(closeThis);
        setNotice({ kind: 'error', error: result.error, reloaded: result.reloaded });
      } else {
        setFormError(result.error);
      }
    });
  }

  const Form = active ? FORMS[active] : null;

  return (
    <SidePanel
      title={title}
      subtitle={
        <div className="card-status">
          <MeetingStatusBadge status={meeting.status} testId="meeting-status" />
          {unit && <span className="muted">{t(`Kind.${unit.kind}`)}</span>}
        </div>
      }
      onClose={onClose}
      testId="meeting-card"
      closeTestId="card-close"
    >
      <div ref={noticeRef} tabIndex={-1} className="card-notice">
        {notice?.kind === 'done' && (
          <p className="message message--success" role="status" data-testid="card-notice">
            {notice.text}
          </p>
        )}
        {notice?.kind === 'error' && (
          <div data-testid="card-conflict">
            <ErrorMessage error={notice.error} />
            {notice.reloaded && <p className="hint">{t('Meeting.reloaded')}</p>}
          </div>
        )}
      </div>
      {from && <ReceivedMark received={from} testId="meeting-received" />}
      <MeetingFacts meeting={meeting} cell={cell} akim={akim} />
      {canWrite && isUpcomingStatus(meeting.status) && <CarryOverSection meetingId={meeting.id} />}
      {actions.length > 0 && (
        <div className="card-actions" role="group" aria-label={t('Meeting.actions.label')}>
          {actions.map((a) => (
            <button
              key={a}
              type="button"
              className={a === active ? 'button button--small is-active' : 'button button--small'}
              aria-expanded={a === 'update' ? undefined : a === active}
              data-testid={`meeting-action-${a}`}
              onClick={() => pick(a)}
            >
              {t(`Meeting.actions.${a}`)}
            </button>
          ))}
        </div>
      )}
      {isHeldStatus(meeting.status) && (
        <div className="card-actions">
          {onMinutes && (
            <button type="button" className="button button--small" data-testid="meeting-minutes" onClick={onMinutes}>
              {t('Minutes.open')}
            </button>
          )}
          <button
            type="button"
            className="button button--small"
            data-testid="meeting-issues"
            onClick={() => {
              openIssues(meeting.id);
              onClose();
            }}
          >
            {t('Issues.meeting.open')}
          </button>
        </div>
      )}
      {Form && (
        <Form
          key={active}
          meeting={meeting}
          today={today}
          busy={busy}
          error={formError}
          run={run}
          refuse={setFormError}
          onCancel={() => {
            setActive(null);
            setFormError(null);
          }}
        />
      )}
    </SidePanel>
  );
}
