import { useT } from '../../i18n';
import { useAppStore } from '../../stores/app.store';
import { ExportSection } from './ExportSection';
import { ImportSection } from './ImportSection';
import { usePermitted } from '../../hooks/usePermitted';

/**
 * Packages between installations (issue 11): this installation's records for a period out to
 * a USB stick, and a package from below in, previewed and confirmed before anything changes.
 */
export function ExchangeScreen() {
  const { t } = useT();
  const today = useAppStore((s) => s.info?.today ?? null);
  const canSend = usePermitted('exchange.send');
  const canReceive = usePermitted('exchange.receive');
  if (today === null) return null;
  return (
    <section className="screen exchange-screen" aria-labelledby="exchange-title" data-testid="exchange-screen">
      <div className="toolbar">
        <h1 id="exchange-title" className="screen-title">
          {t('Exchange.title')}
        </h1>
      </div>
      <p className="muted exchange-intro">{t('Exchange.intro')}</p>
      {!canSend && !canReceive && (
        <p className="message" data-testid="exchange-read-only">
          {t('Access.readOnly')}
        </p>
      )}
      <div className="exchange-columns">
        {canSend && <ExportSection today={today} />}
        {canReceive && <ImportSection />}
      </div>
    </section>
  );
}
