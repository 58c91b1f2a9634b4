import { useEffect } from 'react';
import { CALENDAR_VIEWS, useCalendarStore, type CalendarView } from '../stores/calendar.store';
import { useT } from '../i18n';

/** Alt+digit: the same physical key in every keyboard layout (Kazakh, Russian, Latin). */
const SHORTCUT_CODES: Record<string, CalendarView> = { Digit1: 'month', Digit2: 'year', Digit3: 'dashboard' };
export const VIEW_SHORTCUTS: Record<CalendarView, string> = { month: 'Alt+1', year: 'Alt+2', dashboard: 'Alt+3' };

/** Month, year and dashboard: three looks at the same obligations. */
export function ViewSwitch() {
  const { t } = useT();
  const view = useCalendarStore((s) => s.view);
  const setView = useCalendarStore((s) => s.setView);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const target = SHORTCUT_CODES[event.code];
      if (!target) return;
      event.preventDefault();
      setView(target);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setView]);

  return (
    <div className="view-switch" role="group" aria-label={t('Calendar.views.label')}>
      {CALENDAR_VIEWS.map((v) => (
        <button
          key={v}
          type="button"
          className="view-switch-option"
          aria-pressed={view === v}
          aria-keyshortcuts={VIEW_SHORTCUTS[v]}
          title={t('Calendar.views.hint', { keys: VIEW_SHORTCUTS[v] })}
          data-testid={`view-${v}`}
          onClick={() => setView(v)}
        >
          {t(`Calendar.views.${v}`)}
          <kbd className="view-switch-key">{VIEW_SHORTCUTS[v]}</kbd>
        </button>
      ))}
    </div>
  );
}
