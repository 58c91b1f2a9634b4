import { useState } from 'react';
import type { Meeting } from '../../../../shared/contract/types';
import type { ErrorPayload } from '../../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ReceivedBadge } from '../../components/ReceivedMark';
import { useReceived } from '../../hooks/useReceived';
import { formatOfficialDate } from '../../format/dates';
import { useT } from '../../i18n';
import { useMeetingsStore } from '../../stores/meetings.store';
import { errorOf } from '../../stores/result';
import { usePermitted } from '../../hooks/usePermitted';

const NONE: readonly Meeting[] = [];

/**
 * A unit's recorded meetings, newest first, each removable after an inline confirmation; one
 * received from another installation is marked, and only its origin removes it.
 */
export function MeetingList({ unitKato }: { unitKato: string }) {
  const { t, lng } = useT();
  const loaded = useMeetingsStore((s) => s.byUnit[unitKato]);
  const listError = useMeetingsStore((s) => s.listError);
  const remove = useMeetingsStore((s) => s.remove);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [removed, setRemoved] = useState(false);
  const received = useReceived();
  const canWrite = usePermitted('records.write');
  const meetings = [...(loaded ?? NONE)].reverse();

  async function confirmRemove(meeting: Meeting) {
    setBusy(true);
    setError(null);
    const result = await remove(meeting);
    setBusy(false);
    setConfirming(null);
    setError(errorOf(result));
    setRemoved(result.ok);
  }

  return (
    <section className="meeting-list" aria-labelledby="meeting-list-title" data-testid="meeting-list">
      <h3 id="meeting-list-title" className="subsection-title">
        {t('Record.list.title')}
      </h3>
      <ErrorMessage error={listError ?? error} />
      {removed && (
        <p className="message message--success" role="status">
          {t('Record.list.removed')}
        </p>
      )}
      {loaded && meetings.length === 0 && <p className="muted">{t('Record.list.empty')}</p>}
      {meetings.length > 0 && (
        <>
          <p className="muted">{t('Record.list.count', { count: meetings.length })}</p>
          <ul className="meetings">
            {meetings.map((m) => {
              const from = received(m);
              return (
                <li key={m.id} className="meeting" data-testid={`meeting-${m.id}`}>
                  <div className="meeting-main">
                    <span className="meeting-date">
                      {m.heldOn
                        ? t('Record.list.held', { date: formatOfficialDate(m.heldOn, lng) })
                        : m.plannedOn && t('Record.list.planned', { date: formatOfficialDate(m.plannedOn, lng) })}
                    </span>
                    {m.note && <span className="meeting-note">{m.note}</span>}
                  </div>
                  {from ? (
                    <ReceivedBadge received={from} testId={`meeting-received-${m.id}`} />
                  ) : !canWrite ? null : confirming === m.id ? (
                    <div className="inline-confirm" role="group" aria-label={t('Record.list.confirm')}>
                      <span className="inline-confirm-text">{t('Record.list.confirm')}</span>
                      <button
                        type="button"
                        className="button button--danger button--small"
                        disabled={busy}
                        data-testid="meeting-remove-yes"
                        onClick={() => void confirmRemove(m)}
                      >
                        {t('Record.list.confirmYes')}
                      </button>
                      <button type="button" className="button button--small" data-testid="meeting-remove-no" onClick={() => setConfirming(null)} autoFocus>
                        {t('Record.list.confirmNo')}
                      </button>
                    </div>
                  ) : (
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      data-testid="meeting-remove"
                      onClick={() => {
                        setRemoved(false);
                        setConfirming(m.id);
                      }}
                    >
                      {t('Record.list.remove')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
