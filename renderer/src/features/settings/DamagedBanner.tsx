import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import { useBackupsStore } from '../../stores/backups.store';
import { backupInstant } from './backup-text';
import { RestoreConfirm } from './RestoreConfirm';

/**
 * App-wide, above every screen: the database is damaged, nothing is written to it any more, and
 * the newest good backup is offered. It asks the core at mount, and again whenever an answer
 * says `db_damaged` (api.ts).
 */
export function DamagedBanner() {
  const { t, lng } = useT();
  const health = useBackupsStore((s) => s.health);
  const loadHealth = useBackupsStore((s) => s.loadHealth);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    void loadHealth();
  }, [loadHealth]);

  if (health?.state !== 'damaged') return null;
  const { newestGood } = health;
  return (
    <section className="damaged-banner message message--error" role="alert" aria-labelledby="damaged-title" data-testid="damaged-banner">
      <h2 id="damaged-title" className="damaged-title">
        {t('Backups.damaged.title')}
      </h2>
      <p>{t('Backups.damaged.text', { date: backupInstant(t, health.since, lng) })}</p>
      {newestGood ? (
        <>
          <p data-testid="damaged-offer">{t('Backups.damaged.offer', { date: backupInstant(t, newestGood.at, lng) })}</p>
          {confirming ? (
            <RestoreConfirm entry={newestGood} onCancel={() => setConfirming(false)} testIdPrefix="damaged" />
          ) : (
            <button type="button" className="button button--primary" data-testid="damaged-restore" onClick={() => setConfirming(true)}>
              {t('Backups.damaged.restore')}
            </button>
          )}
        </>
      ) : (
        <p data-testid="damaged-no-backup">{t('Backups.damaged.noBackup')}</p>
      )}
    </section>
  );
}
