import { useEffect, useId, useMemo, useState } from 'react';
import type { Language } from '../../../../shared/contract/schemas';
import { minutesGaps, type MinutesGap } from '../../../../shared/domain/minutes/gaps';
import { completenessProblems, type MinutesProblem } from '../../../../shared/domain/minutes/minutes';
import type { ErrorPayload } from '../../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SidePanel } from '../../components/SidePanel';
import { saveBase64File } from '../../download';
import { useT } from '../../i18n';
import { useMeetingsStore } from '../../stores/meetings.store';
import { useMinutesStore } from '../../stores/minutes.store';
import { ReceivedMark } from '../../components/ReceivedMark';
import { useReceived } from '../../hooks/useReceived';
import { useSubtree } from '../../hooks/useSubtree';
import { Attachments } from './Attachments';
import { FinalizeConfirm, gapTarget, PROBLEM_TARGET } from './FinalizeConfirm';
import { MinutesEditor } from './MinutesEditor';
import { MinutesOfficials } from './MinutesOfficials';
import { MinutesView } from './MinutesView';
import { usePermitted } from '../../hooks/usePermitted';
import { formatTime } from '../../format/dates';
import { PrintPreviewButton } from './PrintPreview';
import { useResume } from './useResume';

function SaveIndicator() {
  const { t } = useT();
  const state = useMinutesStore((s) => s.saveState);
  const savedAt = useMinutesStore((s) => s.savedAt);
  const text =
    state === 'saving'
      ? t('Minutes.save.saving')
      : state === 'saved' && savedAt !== null
        ? t('Minutes.save.saved', { time: formatTime(savedAt) })
        : state === 'error'
          ? t('Minutes.save.error')
          : t('Minutes.save.idle');
  return (
    <span className={`minutes-saved minutes-saved--${state}`} role="status" data-testid="minutes-saved" data-state={state}>
      {text}
    </span>
  );
}

/** The minutes as a Word document in either language. */
function ExportButtons({ onExport }: { onExport: (language: Language) => void }) {
  const { t } = useT();
  return (
    <>
      <button type="button" className="button button--small" data-testid="minutes-export-kk" onClick={() => onExport('kk')}>
        {t('Minutes.exportKk')}
      </button>
      <button type="button" className="button button--small" data-testid="minutes-export-ru" onClick={() => onExport('ru')}>
        {t('Minutes.exportRu')}
      </button>
    </>
  );
}

/** The core's refusal of an amendment whose body equals the final minutes (amendMinutes). */
function isNothingChanged(error: ErrorPayload): boolean {
  const fields = error.details?.['fields'];
  return error.code === 'validation' && Array.isArray(fields) && fields.length === 1 && fields[0] === 'body';
}

/**
 * The minutes of a held meeting: live capture with autosave, finalise, amend, export, attachments.
 * A received meeting's minutes (and files) are only read, exported and printed here.
 */
export function MinutesPanel({ meetingId, onClose }: { meetingId: string; onClose: () => void }) {
  const { t } = useT();
  const reasonId = useId();
  const meeting = useMeetingsStore((s) => s.byId[meetingId] ?? null);
  const loadMeeting = useMeetingsStore((s) => s.loadMeeting);
  const { minutes, body, loadError, saveError, reloaded, amending } = useMinutesStore();
  const { open, edit, flush, finalize, startAmend, cancelAmend, amend, exportDocx } = useMinutesStore.getState();
  const subtree = useSubtree(meeting?.unitKato ?? '');
  const received = useReceived();
  const from = meeting ? received(meeting) : null;
  // A viewer reads and prints the minutes; writing them is records.write (access.ts).
  const canWrite = usePermitted('records.write');
  const readOnly = !canWrite || from !== null || (minutes !== null && received(minutes) !== null);
  // A received meeting has the minutes it came with, or none: none are started here.
  const noneReceived = loadError?.code === 'record_foreign';
  const localities = useMemo(() => subtree.filter((u) => u.depth > 0), [subtree]);
  const [problems, setProblems] = useState<MinutesProblem[] | null>(null);
  /** What finalising asks about before it goes on (null: not asking). */
  const [gaps, setGaps] = useState<MinutesGap[] | null>(null);
  const [actionError, setActionError] = useState<ErrorPayload | null>(null);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  /** The core refused an amendment that changes nothing: said in words, not as a field path. */
  const [unchanged, setUnchanged] = useState(false);
  const [busy, setBusy] = useState(false);
  /** Someone typed into the final minutes: say why nothing changed and offer the amendment. */
  const [refused, setRefused] = useState(false);
  /** Finalising or amending replaces the editor (and its focused button) with the view: focus goes there. */
  const [focusView, setFocusView] = useState(false);
  // Starting an amendment replaces the Amend button: the reason it asks for first gets the focus.
  useEffect(() => {
    if (amending) document.getElementById(reasonId)?.focus();
  }, [amending, reasonId]);
  useEffect(() => {
    if (!focusView) return;
    document.querySelector<HTMLElement>('[data-testid="minutes-view"]')?.focus();
    setFocusView(false);
  }, [focusView, minutes]);

  useEffect(() => {
    void open(meetingId);
    if (!useMeetingsStore.getState().byId[meetingId]) void loadMeeting(meetingId);
    // Closing the panel must not lose the last words typed.
    return () => void useMinutesStore.getState().flush();
  }, [meetingId, open, loadMeeting]);

  function close() {
    void flush();
    onClose();
  }

  /**
   * Gaps are asked about first; minutes missing what finalising requires go straight to the
   * core, whose refusal lists that.
   */
  function askFinalize() {
    const found = body && completenessProblems(body).length === 0 ? minutesGaps(body) : [];
    if (found.length > 0) setGaps(found);
    else void onFinalize();
  }

  function backToGap() {
    const first = gaps?.[0];
    setGaps(null);
    if (first) document.querySelector<HTMLElement>(`[data-testid="${gapTarget(first)}"]`)?.focus();
  }

  async function onFinalize() {
    setGaps(null);
    setBusy(true);
    setProblems(null);
    setActionError(null);
    const result = await finalize();
    setBusy(false);
    if (result.ok) return setFocusView(true);
    const { error } = result;
    if (error.code === 'minutes_incomplete' && Array.isArray(error.details?.['problems'])) {
      const refused = error.details['problems'] as MinutesProblem[];
      setProblems(refused);
      // The cursor goes where the first missing thing is typed.
      if (refused[0]) document.querySelector<HTMLElement>(`[data-testid="${PROBLEM_TARGET[refused[0]]}"]`)?.focus();
    } else setActionError(error);
  }

  async function onAmend() {
    if (reason.trim() === '') {
      setReasonMissing(true);
      document.getElementById(reasonId)?.focus();
      return;
    }
    setBusy(true);
    setActionError(null);
    setUnchanged(false);
    const result = await amend(reason);
    setBusy(false);
    if (!result.ok && isNothingChanged(result.error)) setUnchanged(true);
    else if (!result.ok) setActionError(result.error);
    else {
      setReason('');
      setFocusView(true);
    }
  }

  async function onExport(language: Language) {
    if (!minutes) return;
    setActionError(null);
    const result = await exportDocx(minutes.id, language);
    if (result.ok) saveBase64File(result.value.fileName, result.value.dataBase64, result.value.mime);
    else setActionError(result.error);
  }

  const final = minutes?.status === 'final';
  // Only a draft is worth returning to: an amendment is not kept until it is sent with its reason.
  const onEditorFocus = useResume(meetingId, minutes?.status === 'draft' && body !== null && !readOnly);
  return (
    <SidePanel
      title={t('Minutes.title')}
      subtitle={
        minutes && (
          <div className="card-status">
            <span className={`badge minutes-status--${minutes.status}`} data-testid="minutes-status">
              {t(`Minutes.status.${minutes.status}`)}
            </span>
            {!final && !readOnly && <SaveIndicator />}
          </div>
        )
      }
      onClose={close}
      testId="minutes-panel"
      closeTestId="minutes-close"
    >
      {from && <ReceivedMark received={from} testId="minutes-received" />}
      {!minutes || !body ? (
        noneReceived ? (
          <p className="muted" data-testid="minutes-none-received">
            {t('Received.noMinutes')}
          </p>
        ) : loadError ? (
          <ErrorMessage error={loadError} testId="minutes-load-error" />
        ) : (
          <p className="muted">{t('Minutes.loading')}</p>
        )
      ) : readOnly ? (
        <div className="minutes">
          <MinutesView minutes={minutes} localities={localities} />
          {meeting && <MinutesOfficials meeting={meeting} readOnly />}
          <ErrorMessage error={actionError} testId="minutes-error" />
          <div className="card-actions">
            <ExportButtons onExport={(l) => void onExport(l)} />
            <PrintPreviewButton meetingId={meetingId} />
          </div>
          <Attachments meetingId={meetingId} readOnly />
        </div>
      ) : (
        <div className="minutes">
          {reloaded && (
            <p className="message message--warning" role="alert" data-testid="minutes-reloaded">
              {t('Minutes.reloaded')}
            </p>
          )}
          {saveError && !reloaded && <ErrorMessage error={saveError} testId="minutes-save-error" />}
          {final && !amending ? (
            <MinutesView
              minutes={minutes}
              localities={localities}
              onTryEdit={() => {
                setRefused(true);
                document.querySelector<HTMLElement>('[data-testid="minutes-amend"]')?.focus();
              }}
            />
          ) : (
            <>
              {amending && (
                <div className="field">
                  <p className="message message--warning">{t('Minutes.amendHint')}</p>
                  <label htmlFor={reasonId}>{t('Minutes.amendReason')}</label>
                  <input
                    id={reasonId}
                    type="text"
                    value={reason}
                    required
                    aria-invalid={reasonMissing || undefined}
                    data-testid="amend-reason"
                    onChange={(e) => {
                      setReason(e.target.value);
                      setReasonMissing(false);
                    }}
                  />
                  {reasonMissing && <ErrorMessage error={{ code: 'validation', details: { fields: [t('Minutes.amendReason')] } }} testId="amend-reason-error" />}
                  {unchanged && (
                    <p className="message message--error" role="alert" data-testid="amend-unchanged">
                      {t('Minutes.amendUnchanged')}
                    </p>
                  )}
                </div>
              )}
              <MinutesEditor body={body} localities={localities} edit={edit} onBlur={() => void flush()} onFocus={minutes.status === 'draft' ? onEditorFocus : undefined} />
            </>
          )}
          {refused && final && !amending && (
            <p className="message message--warning" role="alert" data-testid="minutes-refused">
              {t('Minutes.refused')}
            </p>
          )}
          {meeting && <MinutesOfficials meeting={meeting} readOnly={final} />}
          {problems && (
            <div className="message message--error" role="alert" data-testid="minutes-problems">
              <p>{t('Minutes.problemsTitle')}</p>
              <ul>
                {problems.map((p) => (
                  <li key={p}>{t(`Minutes.problems.${p}`)}</li>
                ))}
              </ul>
            </div>
          )}
          <ErrorMessage error={actionError} testId="minutes-error" />
          <div className="card-actions">
            {!final && (
              <button type="button" className="button button--small button--primary" disabled={busy} data-testid="minutes-finalize" onClick={askFinalize}>
                {t('Minutes.finalize')}
              </button>
            )}
            {final && !amending && (
              <button
                type="button"
                className="button button--small"
                data-testid="minutes-amend"
                onClick={() => {
                  setRefused(false);
                  startAmend();
                }}
              >
                {t('Minutes.amend')}
              </button>
            )}
            {amending && (
              <>
                <button type="button" className="button button--small button--primary" disabled={busy} data-testid="amend-submit" onClick={() => void onAmend()}>
                  {t('Minutes.amendSubmit')}
                </button>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => {
                    cancelAmend();
                    setReason('');
                    setUnchanged(false);
                    setReasonMissing(false);
                  }}
                >
                  {t('Minutes.amendCancel')}
                </button>
              </>
            )}
            <ExportButtons onExport={(l) => void onExport(l)} />
            <PrintPreviewButton meetingId={meetingId} />
          </div>
          <Attachments meetingId={meetingId} readOnly={false} />
          {gaps && <FinalizeConfirm gaps={gaps} busy={busy} onAnyway={() => void onFinalize()} onBack={backToGap} />}
        </div>
      )}
    </SidePanel>
  );
}
