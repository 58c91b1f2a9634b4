import { useEffect, useId, useState, type FormEvent } from 'react';
import type { BackupEntry } from '../../../../shared/contract/backups.contract';
import type { ErrorPayload } from '../../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n';
import { useBackupsStore } from '../../stores/backups.store';
import { FolderField } from '../../components/FolderField';
import { fileSize } from '../../format/bytes';
import { backupInstant } from './backup-text';
import { RestoreConfirm } from './RestoreConfirm';

/**
 * Settings → Backups: the copies in the backups folder (when, what kind, how big), a copy now
 * (into that folder, or a folder such as a USB stick), and a restore of any of them.
 */
export function BackupsSection() {
  const { t, lng } = useT();
  const list = useBackupsStore((s) => s.list);
  const listError = useBackupsStore((s) => s.listError);
  const loadList = useBackupsStore((s) => s.loadList);
  const restored = useBackupsStore((s) => s.restored);
  const [restoring, setRestoring] = useState<string | null>(null);
  const titleId = useId();

  useEffect(() => {
    void loadList();
  }, [loadList]);

  return (
    <section className="card backups" aria-labelledby={titleId} data-testid="settings-backups">
      <h2 id={titleId} className="section-title">
        {t('Backups.title')}
      </h2>
      <p className="muted">{t('Backups.intro')}</p>
      <div role="status">
        {restored && (
          <p className="message message--success" data-testid="backups-restored">
            {t('Backups.restore.done', { date: backupInstant(t, restored.restored.at, lng), kept: restored.keptAs ?? '—' })}
          </p>
        )}
      </div>
      <BackupNowForm />
      <ErrorMessage error={listError} testId="backups-list-error" />
      {list !== null && list.length === 0 && (
        <p className="muted" data-testid="backups-empty">
          {t('Backups.empty')}
        </p>
      )}
      {list !== null && list.length > 0 && (
        <div className="table-scroll">
          <table className="table" aria-labelledby={titleId} data-testid="backups-list">
            <thead>
              <tr>
                <th scope="col">{t('Backups.columns.at')}</th>
                <th scope="col">{t('Backups.columns.kind')}</th>
                <th scope="col">{t('Backups.columns.size')}</th>
                <th scope="col">{t('Backups.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((b) => (
                <BackupRow key={b.file} entry={b} confirming={restoring === b.file} onRestore={(file) => setRestoring(file)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function BackupRow({ entry, confirming, onRestore }: { entry: BackupEntry; confirming: boolean; onRestore: (file: string | null) => void }) {
  const { t, lng } = useT();
  return (
    <tr data-testid={`backup-${entry.name}`}>
      <th scope="row">
        {backupInstant(t, entry.at, lng)}
        <code className="table-sub muted">{entry.name}</code>
      </th>
      <td>{t(`Backups.kind.${entry.kind}`)}</td>
      <td className="numeric">{fileSize(entry.bytes, t, lng)}</td>
      <td>
        {confirming ? (
          <RestoreConfirm entry={entry} onCancel={() => onRestore(null)} testIdPrefix="backups" />
        ) : (
          <button type="button" className="button button--small" data-testid={`backup-restore-${entry.name}`} onClick={() => onRestore(entry.file)}>
            {t('Backups.restore.action')}
          </button>
        )}
      </td>
    </tr>
  );
}

/** "Back up now": the copy is made online, checked in full, and only then given its name. */
function BackupNowForm() {
  const { t } = useT();
  const backupNow = useBackupsStore((s) => s.backupNow);
  const titleId = useId();
  const [toFolder, setToFolder] = useState(false);
  const [folder, setFolder] = useState('');
  const [folderMissing, setFolderMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [made, setMade] = useState<BackupEntry | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const target = toFolder ? folder.trim() : null;
    if (target === '') return setFolderMissing(true);
    setBusy(true);
    setError(null);
    setMade(null);
    const result = await backupNow(target);
    setBusy(false);
    if (result.ok) setMade(result.value);
    else setError(result.error);
  }

  return (
    <form className="form backup-now" noValidate aria-labelledby={titleId} onSubmit={(e) => void submit(e)}>
      <h3 id={titleId} className="subsection-title">
        {t('Backups.now.title')}
      </h3>
      <div className="choice-row" role="radiogroup" aria-labelledby={titleId}>
        <label className="choice">
          <input type="radio" name="backup-target" checked={!toFolder} data-testid="backup-to-backups" onChange={() => setToFolder(false)} />
          {t('Backups.now.toBackups')}
        </label>
        <label className="choice">
          <input type="radio" name="backup-target" checked={toFolder} data-testid="backup-to-folder" onChange={() => setToFolder(true)} />
          {t('Backups.now.toFolder')}
        </label>
      </div>
      {toFolder && (
        <FolderField
          value={folder}
          onChange={(chosen) => {
            setFolder(chosen);
            setFolderMissing(false);
          }}
          missing={folderMissing}
          text={{ label: t('Backups.now.folder'), hint: t('Backups.now.folderHint'), choose: t('Backups.now.chooseFolder'), missing: t('Backups.now.folderMissing') }}
          testIdPrefix="backup"
        />
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" aria-disabled={busy} aria-busy={busy} data-testid="backup-now">
          {busy ? t('Backups.now.busy') : t('Backups.now.submit')}
        </button>
      </div>
      <ErrorMessage error={error} testId="backup-now-error" />
      <div role="status">
        {made && !busy && (
          <p className="message message--success" data-testid="backup-now-done">
            {t('Backups.now.done', { file: made.file })}
          </p>
        )}
      </div>
    </form>
  );
}
