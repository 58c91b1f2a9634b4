import { Notification } from 'electron';
import type { TFunction } from 'i18next';
import type { Reminder } from '../../shared/contract/calendar.contract';
import type { Language } from '../../shared/contract/schemas';
import { formatOfficialDate } from '../../shared/format/dates';
import { EsepError } from '../../shared/errors';

export const REMINDER_CHECK_MS = 60 * 60 * 1000;

export interface NotificationText {
  title: string;
  body: string;
}

/** The desktop notification of one reminder, in the app's language. */
export function reminderText(reminder: Reminder, t: TFunction, language: Language): NotificationText {
  const unit = language === 'kk' ? reminder.unit.nameKk : reminder.unit.nameRu;
  const date = formatOfficialDate(reminder.date, language);
  switch (reminder.kind) {
    case 'meeting_tomorrow':
      return { title: t('Notify.meetingTomorrow.title'), body: t('Notify.meetingTomorrow.body', { unit, date }) };
    case 'meeting_unmarked':
      return { title: t('Notify.meetingUnmarked.title'), body: t('Reminders.meetingUnmarked', { unit, date }) };
    case 'issues_overdue':
      return { title: t('Notify.issuesOverdue.title'), body: t('Reminders.issuesOverdue', { count: reminder.count }) };
    case 'issues_due_soon':
      return { title: t('Notify.issuesDueSoon.title'), body: t('Reminders.issuesDueSoon', { count: reminder.count, date }) };
    case 'window_closing':
      break;
  }
  return {
    title: t('Notify.windowClosing.title'),
    body:
      reminder.daysLeft === 0
        ? t('Notify.windowClosing.bodyToday', { unit, date })
        : t('Notify.windowClosing.body', { unit, date, count: reminder.daysLeft }),
  };
}

export function showDesktopNotification(text: NotificationText): void {
  new Notification({ title: text.title, body: text.body }).show();
}

export interface ReminderNotificationOptions {
  /** From the core's workers in the app (a promise), or in line. */
  listReminders: () => Reminder[] | Promise<Reminder[]>;
  t: TFunction;
  language: Language;
  show?: (text: NotificationText) => void;
  intervalMs?: number;
  setInterval?: (callback: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

/**
 * Shows each reminder as a desktop notification once per run of the app: now, and then at
 * every check (hourly by default) for the ones that have appeared since. Returns a stop
 * function. Before setup there is no working set and so nothing to remind of.
 */
export function startReminderNotifications(options: ReminderNotificationOptions): () => void {
  const show = options.show ?? showDesktopNotification;
  const every = options.setInterval ?? ((callback: () => void, ms: number) => setInterval(callback, ms));
  const cancel = options.clearInterval ?? ((handle: unknown) => clearInterval(handle as ReturnType<typeof setInterval>));
  const shown = new Set<string>();

  // A failed check must not take the app down from a timer; the next one tries again.
  const failed = (error: unknown) => {
    if (!(error instanceof EsepError && error.code === 'setup_required')) console.error(error);
  };
  const notify = (reminders: Reminder[]) => {
    for (const reminder of reminders) {
      if (shown.has(reminder.id)) continue;
      shown.add(reminder.id);
      show(reminderText(reminder, options.t, options.language));
    }
  };
  const check = () => {
    try {
      const reminders = options.listReminders();
      if (reminders instanceof Promise) reminders.then(notify, failed);
      else notify(reminders);
    } catch (error) {
      failed(error);
    }
  };

  check();
  const handle = every(check, options.intervalMs ?? REMINDER_CHECK_MS);
  return () => cancel(handle);
}
