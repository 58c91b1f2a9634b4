import { useState } from 'react';
import type { ErrorPayload } from '../../../../shared/errors';
import { useT } from '../../i18n';
import { useAppStore } from '../../stores/app.store';
import { useIssuesStore } from '../../stores/issues.store';
import type { IssueNames } from '../../hooks/useIssueNames';
import { StatusChangeForm } from './StatusChangeForm';

/** One change of status for every selected issue; all of them change or none does. */
export function BulkStatus({ names, count, onClose }: { names: IssueNames; count: number; onClose: (changed: number) => void }) {
  const { t } = useT();
  const today = useAppStore((s) => s.info?.today ?? null);
  const setStatus = useIssuesStore((s) => s.setStatus);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  if (today === null) return null;

  return (
    <div className="bulk-status" data-testid="issues-bulk">
      <StatusChangeForm
        names={names}
        title={t('Issues.bulk.title', { count })}
        testId="issues-bulk"
        current={null}
        today={today}
        busy={busy}
        error={error}
        onCancel={() => onClose(0)}
        onSubmit={(change) => {
          setBusy(true);
          setError(null);
          void setStatus(Object.keys(useIssuesStore.getState().selected), change).then((result) => {
            setBusy(false);
            if (result.ok) onClose(result.value.length);
            else setError(result.error);
          });
        }}
      />
    </div>
  );
}
