import { useCallback } from 'react';
import type { Reminder } from '../../../../shared/contract/calendar.contract';
import { formatOfficialDate } from '../../format/dates';
import { unitName } from '../../format/units';
import { useT } from '../../i18n';

/** A reminder in words: "Қарауыл а.о.: мерзім 3 күннен кейін жабылады, кездесу жоспарланбаған". */
export function useReminderText(): (r: Reminder) => string {
  const { t, lng } = useT();
  return useCallback(
    (r: Reminder) => {
      const unit = unitName(r.unit, lng);
      const date = formatOfficialDate(r.date, lng);
      switch (r.kind) {
        case 'meeting_tomorrow':
          return r.daysLeft <= 0 ? t('Reminders.meetingToday', { unit, date }) : t('Reminders.meetingTomorrow', { unit, date });
        case 'meeting_unmarked':
          return t('Reminders.meetingUnmarked', { unit, date });
        case 'issues_overdue':
          return t('Reminders.issuesOverdue', { count: r.count });
        case 'issues_due_soon':
          return t('Reminders.issuesDueSoon', { count: r.count, date });
        case 'window_closing':
          // A window is reminded of only while nothing is planned in it (a planned meeting means someone is on it).
          if (r.daysLeft <= 0) return t('Reminders.closingToday', { unit, date });
          return t('Reminders.closing', { unit, date, count: r.daysLeft });
      }
    },
    [t, lng],
  );
}
