import type { Screen } from '../../stores/app.store';
import { useT } from '../../i18n';

type LaterScreen = Exclude<Screen, 'calendar' | 'meetings' | 'issues' | 'reports' | 'settings'>;

/** What a section that is not built yet shows: its name, what it will do, and that it is coming. */
export function PlaceholderScreen({ screen }: { screen: LaterScreen }) {
  const { t } = useT();
  return (
    <section className="screen placeholder" aria-labelledby="placeholder-title" data-testid={`placeholder-${screen}`}>
      <h1 id="placeholder-title" className="screen-title">
        {t(`Nav.${screen}`)}
      </h1>
      <div className="placeholder-panel">
        <span className="badge">{t('Placeholder.badge')}</span>
        <p className="placeholder-about">{t(`Placeholder.about.${screen}`)}</p>
        <p className="muted">{t('Placeholder.body')}</p>
      </div>
    </section>
  );
}
