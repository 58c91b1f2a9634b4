import { useId, useState } from 'react';
import type { BackupEntry } from '../../../../shared/contract/backups.contract';
import type { ErrorPayload } from '../../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n';
import { useBackupsStore } from '../../stores/backups.store';
import { backupInstant } from './backup-text';

/**
 * "Restore the backup of <date>?", saying what happens before it does: the database is replaced,
 * what was entered since is gone from the app, and the current database is kept first.
 */
export function RestoreConfirm({ entry, onCancel, testIdPrefix }: { entry: BackupEntry; onCancel: () => void; testIdPrefix: string }) {
  const { t, lng } = useT();
  const restore = useBackupsStore((s) => s.restore);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const titleId = useId();
  const date = backupInstant(t, entry.at, lng);

  async function confirm() {
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await restore(entry.file);
    // On success the whole renderer starts again on the restored data; this form is gone.
    if (!result.ok) {
      setBusy(false);
      setError(result.error);
    }
  }

  return (
    <div className="inline-confirm backup-confirm" role="group" aria-labelledby={titleId} data-testid={`${testIdPrefix}-confirm`}>
      <strong id={titleId} className="backup-confirm-title">
        {t('Backups.restore.confirmTitle', { date })}
      </strong>
      <p className="backup-confirm-text" data-testid={`${testIdPrefix}-confirm-text`}>
        {t('Backups.restore.confirmText', { date })}
      </p>
      <button type="button" className="button button--primary" aria-disabled={busy} aria-busy={busy} data-testid={`${testIdPrefix}-confirm-restore`} onClick={() => void confirm()}>
        {busy ? t('Backups.restore.busy') : t('Backups.restore.confirm')}
      </button>
      <button type="button" className="button" disabled={busy} data-testid={`${testIdPrefix}-confirm-cancel`} onClick={onCancel}>
        {t('Backups.restore.cancel')}
      </button>
      <ErrorMessage error={error} testId={`${testIdPrefix}-restore-error`} />
    </div>
  );
}
