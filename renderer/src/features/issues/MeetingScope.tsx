import { useEffect, useState } from 'react';
import type { ErrorPayload } from '../../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatUiDate } from '../../format/dates';
import { useT } from '../../i18n';
import { useIssuesStore } from '../../stores/issues.store';
import { meetingDate, useMeetingsStore } from '../../stores/meetings.store';
import { usePanelStore } from '../../stores/panel.store';
import type { IssueNames } from '../../hooks/useIssueNames';

/**
 * When the log shows one meeting's issues: which meeting, a way back to its card, and the
 * questions its minutes captured registered in one go.
 */
export function MeetingScope({ names }: { names: IssueNames }) {
  const { t, lng } = useT();
  const meetingId = useIssuesStore((s) => s.filter.meetingId ?? null);
  const setFilter = useIssuesStore((s) => s.setFilter);
  const fromMinutes = useIssuesStore((s) => s.fromMinutes);
  const meeting = useMeetingsStore((s) => (meetingId ? (s.byId[meetingId] ?? null) : null));
  const loadMeeting = useMeetingsStore((s) => s.loadMeeting);
  const openPanel = usePanelStore((s) => s.open);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ count: number } | { error: ErrorPayload } | null>(null);

  useEffect(() => {
    setResult(null);
    if (meetingId && !useMeetingsStore.getState().byId[meetingId]) void loadMeeting(meetingId);
  }, [meetingId, loadMeeting]);

  if (!meetingId) return null;
  const date = meeting ? meetingDate(meeting) : null;

  async function register() {
    if (!meetingId) return;
    setBusy(true);
    const r = await fromMinutes(meetingId);
    setBusy(false);
    setResult(r.ok ? { count: r.value.length } : { error: r.error });
  }

  return (
    <div className="meeting-scope" data-testid="issues-meeting-scope">
      <span className="meeting-scope-label">
        {meeting
          ? t('Issues.meeting.scope', { unit: names.unit(meeting.unitKato), date: date ? formatUiDate(date, lng) : '—' })
          : t('Issues.meeting.loading')}
      </span>
      <button type="button" className="button button--small button--quiet" data-testid="issues-meeting-open" onClick={() => openPanel({ kind: 'card', meetingId })}>
        {t('Issues.meeting.openCard')}
      </button>
      <button type="button" className="button button--small" disabled={busy} data-testid="issues-from-minutes" onClick={() => void register()}>
        {t('Issues.meeting.fromMinutes')}
      </button>
      <button type="button" className="button button--small button--quiet" data-testid="issues-meeting-clear" onClick={() => setFilter({ meetingId: undefined })}>
        {t('Issues.meeting.clear')}
      </button>
      {result && 'count' in result && (
        <p className="message message--success" role="status" data-testid="issues-from-minutes-result">
          {result.count > 0 ? t('Issues.meeting.registered', { count: result.count }) : t('Issues.meeting.nothingNew')}
        </p>
      )}
      {result && 'error' in result && <ErrorMessage error={result.error} testId="issues-from-minutes-error" />}
    </div>
  );
}
