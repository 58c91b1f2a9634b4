import { useEffect } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n';
import { useMailStore } from '../../stores/mail.store';
import { OutboxList } from './OutboxList';
import { SendPackageForm } from './SendPackageForm';
import { usePermitted } from '../../hooks/usePermitted';
import { useOutboxPolling } from './useOutboxPolling';

/** The E-mail screen (issue 11, part 3): send a package, and the outbox with what became of each message. */
export function OutboxScreen() {
  const { t } = useT();
  const settings = useMailStore((s) => s.settings);
  const settingsError = useMailStore((s) => s.settingsError);
  const loadSettings = useMailStore((s) => s.loadSettings);
  useOutboxPolling();
  const canSend = usePermitted('exchange.send');

  useEffect(() => {
    void loadSettings();
  }, [loadSettings]);

  return (
    <section className="screen outbox-screen" aria-labelledby="outbox-title" data-testid="outbox-screen">
      <h1 id="outbox-title" className="screen-title">
        {t('Outbox.title')}
      </h1>
      <p className="muted outbox-intro">{t('Outbox.intro')}</p>
      <div className="outbox-columns">
        {!canSend ? null : settings === undefined && !settingsError ? (
          <p className="muted">{t('MailSettings.loading')}</p>
        ) : (
          <div className="outbox-column">
            <ErrorMessage error={settings === undefined ? settingsError : null} />
            <SendPackageForm settings={settings} />
          </div>
        )}
        <OutboxList />
      </div>
    </section>
  );
}
