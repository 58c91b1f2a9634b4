import { useEffect, useRef, useState } from 'react';
import type { Issue } from '../../../../../shared/contract/issues.contract';
import type { IsoDate } from '../../../../../shared/domain/dates';
import type { ErrorPayload } from '../../../../../shared/errors';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { ReceivedMark } from '../../../components/ReceivedMark';
import { SidePanel } from '../../../components/SidePanel';
import { useReceived } from '../../../hooks/useReceived';
import { useT } from '../../../i18n';
import { useIssuesStore } from '../../../stores/issues.store';
import { errorOf, type Result } from '../../../stores/result';
import { withFieldLabels } from '../field-errors';
import { IssueStatusBadge } from '../../../components/IssueStatusBadge';
import { useIssueNames } from '../../../hooks/useIssueNames';
import { StatusChangeForm } from '../StatusChangeForm';
import { AuthorSection } from './AuthorSection';
import { usePermitted } from '../../../hooks/usePermitted';
import { IssueEditForm } from './IssueEditForm';
import { IssueFacts } from './IssueFacts';
import { IssueHistory } from './IssueHistory';
import { ProlongForm } from './ProlongForm';

type Mode = 'view' | 'edit' | 'status' | 'prolong';
type Done = 'updated' | 'status' | 'prolonged';

/**
 * Everything recorded about an issue, its history, and what can be done with it; nothing, for
 * an issue received from another installation (marked with its source).
 */
export function IssueCard({ issueId, today, onClose }: { issueId: string; today: IsoDate; onClose: () => void }) {
  const { t } = useT();
  const names = useIssueNames();
  const issue = useIssuesStore((s) => s.byId[issueId] ?? null);
  const loadIssue = useIssuesStore((s) => s.loadIssue);
  const update = useIssuesStore((s) => s.update);
  const setStatus = useIssuesStore((s) => s.setStatus);
  const prolong = useIssuesStore((s) => s.prolong);
  const [loadError, setLoadError] = useState<ErrorPayload | null>(null);
  const [mode, setMode] = useState<Mode>('view');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const notice = useRef<HTMLDivElement>(null);
  const received = useReceived();
  const canWrite = usePermitted('records.write');
  const canReadAuthor = usePermitted('personal.read');
  const canWriteAuthor = usePermitted('personal.write');

  useEffect(() => {
    void loadIssue(issueId).then((r) => setLoadError(errorOf(r)));
  }, [issueId, loadIssue]);

  // After an action the form that had focus is gone: the outcome takes it (and is read out).
  useEffect(() => {
    if (done) notice.current?.focus();
  }, [done]);

  const title = issue ? t('Issues.card.title', { no: issue.registryNo }) : t('Issues.card.loading');
  if (!issue) {
    return (
      <SidePanel title={title} onClose={onClose} testId="issue-card" closeTestId="issue-card-close">
        {loadError ? <ErrorMessage error={loadError} /> : <p className="muted">{t('Issues.loading')}</p>}
      </SidePanel>
    );
  }

  const from = received(issue);

  function pick(next: Mode) {
    setError(null);
    setDone(null);
    setMode(mode === next ? 'view' : next);
  }

  async function run(call: () => Promise<Result<Issue | Issue[]>>, outcome: Done) {
    setBusy(true);
    setError(null);
    const result = await call();
    setBusy(false);
    if (!result.ok) {
      // Someone else changed it meanwhile: show theirs, keep the form for another try.
      if (result.error.code === 'conflict') void loadIssue(issueId);
      return setError(withFieldLabels(t, result.error));
    }
    setMode('view');
    setDone(outcome);
  }

  return (
    <SidePanel
      title={title}
      subtitle={
        <div className="card-status">
          <IssueStatusBadge name={names.status(issue.statusId)} closed={issue.closed} overdue={issue.overdue} testId="issue-status" />
          <span className="muted">{t(`Minutes.issueKinds.${issue.kind}`)}</span>
        </div>
      }
      onClose={onClose}
      testId="issue-card"
      closeTestId="issue-card-close"
    >
      <div ref={notice} tabIndex={-1} className="card-notice">
        {done && (
          <p className="message message--success" role="status" data-testid="issue-notice">
            {t(`Issues.card.done.${done}`)}
          </p>
        )}
      </div>
      {from && <ReceivedMark received={from} testId="issue-received" />}
      {canWrite && mode === 'edit' ? (
        <IssueEditForm
          issue={issue}
          names={names}
          busy={busy}
          error={error}
          onCancel={() => pick('view')}
          onSave={(fields) =>
            Object.keys(fields).length === 0 ? setMode('view') : void run(() => update({ id: issue.id, revision: issue.revision, fields }), 'updated')
          }
        />
      ) : (
        <>
          <IssueFacts issue={issue} names={names} />
          {!from && canWrite && (
            <div className="card-actions" role="group" aria-label={t('Issues.card.actions')}>
              <button type="button" className="button button--small" data-testid="issue-edit" onClick={() => pick('edit')}>
                {t('Issues.card.edit')}
              </button>
              <button type="button" className={mode === 'status' ? 'button button--small is-active' : 'button button--small'} aria-expanded={mode === 'status'} data-testid="issue-status-change" onClick={() => pick('status')}>
                {t('Issues.card.changeStatus')}
              </button>
              {!issue.closed && (
                <button type="button" className={mode === 'prolong' ? 'button button--small is-active' : 'button button--small'} aria-expanded={mode === 'prolong'} data-testid="issue-prolong" onClick={() => pick('prolong')}>
                  {t('Issues.card.prolong')}
                </button>
              )}
            </div>
          )}
          {canWrite && mode === 'status' && (
            <StatusChangeForm
              names={names}
              title={t('Issues.card.changeStatus')}
              testId="issue-status"
              current={issue.statusId}
              today={today}
              busy={busy}
              error={error}
              onCancel={() => pick('view')}
              onSubmit={(change) => void run(() => setStatus([issue.id], change), 'status')}
            />
          )}
          {canWrite && mode === 'prolong' && (
            <ProlongForm
              issue={issue}
              today={today}
              busy={busy}
              error={error}
              onCancel={() => pick('view')}
              onSubmit={(newDeadline, reason) => void run(() => prolong({ id: issue.id, revision: issue.revision, newDeadline, reason }), 'prolonged')}
            />
          )}
          {canReadAuthor && <AuthorSection issue={issue} readOnly={from !== null || !canWriteAuthor} />}
          <IssueHistory issue={issue} names={names} />
        </>
      )}
    </SidePanel>
  );
}
