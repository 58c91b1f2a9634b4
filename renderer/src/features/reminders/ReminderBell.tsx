import { useEffect, useId } from 'react';
import type { Reminder } from '../../../../shared/contract/calendar.contract';
import { usePopover } from '../../hooks/usePopover';
import { useT } from '../../i18n';
import { useAppStore } from '../../stores/app.store';
import { useIssuesStore } from '../../stores/issues.store';
import { usePanelStore } from '../../stores/panel.store';
import { useRemindersStore } from '../../stores/reminders.store';
import { useReminderText } from './useReminderText';
import { usePermitted } from '../../hooks/usePermitted';

/** Reminders are fetched on load, after every change (stores/changes.ts) and every ten minutes. */
export const REFRESH_MS = 10 * 60 * 1000;

/** The header's bell: how many reminders there are, and a list of them, each a way to act. */
export function ReminderBell() {
  const { t } = useT();
  const reminders = useRemindersStore((s) => s.reminders);
  const load = useRemindersStore((s) => s.load);
  const today = useAppStore((s) => s.info?.today ?? null);
  const openPanel = usePanelStore((s) => s.open);
  const openLog = useIssuesStore((s) => s.openLog);
  const text = useReminderText();
  const { open, setOpen, root, button, onKeyDown } = usePopover();
  const listId = useId();
  const count = reminders?.length ?? 0;
  const canWrite = usePermitted('records.write');

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [load]);

  /** A reminder whose action is to plan a meeting (no meeting yet, not about issues). */
  const plansOnly = (r: Reminder) => r.kind !== 'issues_overdue' && r.kind !== 'issues_due_soon' && !r.meetingId;

  function act(r: Reminder) {
    setOpen(false);
    // Focus returns to the bell when the panel closes.
    button.current?.focus();
    if (r.kind === 'issues_overdue') openLog({ overdue: true });
    else if (r.kind === 'issues_due_soon') openLog({ dueBy: r.date });
    else if (r.meetingId) openPanel({ kind: 'card', meetingId: r.meetingId });
    else openPanel({ kind: 'plan', prefill: { unitKato: r.unit.kato, ...(today ? { date: today } : {}) } });
  }

  function actionOf(r: Reminder): string {
    if (r.kind === 'issues_overdue' || r.kind === 'issues_due_soon') return t('Reminders.showIssues');
    return r.meetingId ? t('Reminders.openMeeting') : t('Reminders.plan');
  }

  return (
    <div className="bell" ref={root} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className="icon-button bell-button"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-label={t('Reminders.bell', { count })}
        title={t('Reminders.bell', { count })}
        data-testid="reminders-bell"
        onClick={() => setOpen(!open)}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path
            d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15zM10 20.5a2 2 0 0 0 4 0"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        {count > 0 && (
          <span className="bell-badge" data-testid="reminders-count" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        )}
      </button>
      {open && (
        <section id={listId} className="bell-popover" aria-label={t('Reminders.title')} data-testid="reminders-list">
          <h2 className="subsection-title">{t('Reminders.title')}</h2>
          {count === 0 ? (
            <p className="muted">{t('Reminders.empty')}</p>
          ) : (
            <ul className="reminders">
              {reminders?.map((r) => (
                <li key={r.id}>
                  {plansOnly(r) && !canWrite ? (
                    // Its one action is planning, which this role may not do: the reminder only informs.
                    <p className={`reminder reminder--${r.kind}`} data-testid={`reminder-${r.id}`}>
                      <span className="reminder-text">{text(r)}</span>
                    </p>
                  ) : (
                    <button type="button" className={`reminder reminder--${r.kind}`} data-testid={`reminder-${r.id}`} onClick={() => act(r)}>
                      <span className="reminder-text">{text(r)}</span>
                      <span className="reminder-action">{actionOf(r)}</span>
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
