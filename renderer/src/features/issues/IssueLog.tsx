import { useEffect, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n';
import { useIssuesStore } from '../../stores/issues.store';
import { BulkStatus } from './BulkStatus';
import { IssueComposer } from './IssueComposer';
import { IssueCountsBar } from './IssueCountsBar';
import { IssueFilters } from './IssueFilters';
import { IssueColumnChooser } from './IssueColumnChooser';
import { IssueTable } from './IssueTable';
import { useIssueColumns } from './useIssueColumns';
import { MeetingScope } from './MeetingScope';
import { useIssueNames } from '../../hooks/useIssueNames';
import { usePermitted } from '../../hooks/usePermitted';

/** The log: counts always in view, filters, the new-issue form, bulk changes, the virtualised table. */
export function IssueLog() {
  const { t } = useT();
  const names = useIssueNames();
  const queryId = useIssuesStore((s) => s.queryId);
  const query = useIssuesStore((s) => s.query);
  const composing = useIssuesStore((s) => s.composing);
  const setComposing = useIssuesStore((s) => s.setComposing);
  const listError = useIssuesStore((s) => s.listError);
  const total = useIssuesStore((s) => s.total);
  const suggestion = useIssuesStore((s) => s.suggestion);
  const search = useIssuesStore((s) => s.filter.search);
  const setFilter = useIssuesStore((s) => s.setFilter);
  const selectedCount = useIssuesStore((s) => Object.keys(s.selected).length);
  const [bulk, setBulk] = useState(false);
  const [bulkDone, setBulkDone] = useState(0);
  const { gaveWay } = useIssueColumns();
  const canWrite = usePermitted('records.write');

  // The first visit lists everything; later visits keep the filter, sort and scroll of before.
  useEffect(() => {
    if (queryId === 0) query();
  }, [queryId, query]);

  return (
    <div className="issue-log">
      <IssueCountsBar names={names} />
      <IssueFilters names={names} />
      <MeetingScope names={names} />
      <div className="toolbar issue-toolbar">
        <p className="muted" role="status" data-testid="issues-total">
          {total === null ? t('Issues.loading') : t('Issues.found', { count: total })}
        </p>
        <div className="toolbar-end issue-toolbar-actions">
          <IssueColumnChooser gaveWay={gaveWay} />
          {canWrite && selectedCount > 0 && (
            <button type="button" className="button" aria-expanded={bulk} data-testid="issues-bulk-status" onClick={() => {
                setBulk(!bulk);
                setBulkDone(0);
              }}>
              {t('Issues.bulk.open', { count: selectedCount })}
            </button>
          )}
          {canWrite && !composing && (
            <button type="button" className="button button--primary" data-testid="issue-new-open" onClick={() => setComposing(true)}>
              {t('Issues.new.open')}
            </button>
          )}
        </div>
      </div>
      {canWrite && bulk && selectedCount > 0 && (
        <BulkStatus
          names={names}
          count={selectedCount}
          onClose={(changed) => {
            setBulk(false);
            setBulkDone(changed);
          }}
        />
      )}
      {bulkDone > 0 && (
        <p className="message message--success" role="status" data-testid="issues-bulk-done">
          {t('Issues.bulk.done', { count: bulkDone })}
        </p>
      )}
      {canWrite && composing && <IssueComposer names={names} onClose={() => setComposing(false)} />}
      {total === 0 && suggestion !== null && search !== undefined && (
        <p className="message issue-suggestion" role="status" data-testid="issues-suggestion">
          {t('Issues.suggest.none', { search })}{' '}
          <button type="button" className="link-button" data-testid="issues-suggestion-apply" onClick={() => setFilter({ search: suggestion })}>
            {t('Issues.suggest.try', { suggestion })}
          </button>
        </p>
      )}
      <ErrorMessage error={listError} testId="issues-error" />
      <IssueTable names={names} />
    </div>
  );
}
