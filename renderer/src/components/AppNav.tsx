import { SCREENS, useAppStore, type Screen } from '../stores/app.store';
import { useT } from '../i18n';

export function AppNav() {
  const { t } = useT();
  const screen = useAppStore((s) => s.screen);
  const navigate = useAppStore((s) => s.navigate);
  return (
    <nav className="app-nav" aria-label={t('Nav.label')}>
      <ul>
        {SCREENS.map((s) => (
          <li key={s}>
            <button
              type="button"
              className="nav-item"
              aria-current={screen === s ? 'page' : undefined}
              data-testid={`nav-${s}`}
              onClick={() => navigate(s)}
            >
              <NavIcon screen={s} />
              <span className="nav-label">{t(`Nav.${s}`)}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const ICONS: Record<Screen, string> = {
  calendar: 'M4 6h16v14H4zM4 10h16M8 3v5M16 3v5',
  meetings: 'M8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2.5 20c.6-3.4 2.8-5.5 5.5-5.5s4.9 2.1 5.5 5.5M16 11a2.5 2.5 0 1 0 0-5M17 14.5c2.3.3 3.9 2.2 4.5 5.5',
  issues: 'M4 5h16v11H9l-5 4zM8 9h8M8 12h5',
  reports: 'M6 3h9l4 4v14H6zM15 3v4h4M9 12h7M9 16h7',
  exchange: 'M4 8h13l-3-3M20 16H7l3 3',
  outbox: 'M3 6h18v12H3zM3 7l9 6 9-6',
  settings: 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM12 2.5v3M12 18.5v3M2.5 12h3M18.5 12h3M5.3 5.3l2.1 2.1M16.6 16.6l2.1 2.1M5.3 18.7l2.1-2.1M16.6 7.4l2.1-2.1',
};

function NavIcon({ screen }: { screen: Screen }) {
  return (
    <svg className="nav-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={ICONS[screen]} fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
