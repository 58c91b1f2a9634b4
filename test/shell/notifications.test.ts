import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Reminder } from '../../shared/contract/calendar.contract';
import { createI18n } from '../../shared/i18n';
import { EsepError } from '../../shared/errors';
import { REMINDER_CHECK_MS, reminderText, startReminderNotifications } from '../../electron/main/notifications';

const shown = vi.hoisted(() => [] as Array<{ title: string; body: string }>);

vi.mock('electron', () => ({
  Notification: class {
    static isSupported() {
      return true;
    }
    constructor(private readonly options: { title: string; body: string }) {}
    show() {
      shown.push(this.options);
    }
  },
}));

const unit = { kato: '103230000', kind: 'rural_okrug' as const, nameKk: 'Қараауыл а.о.', nameRu: 'Карааульский с.о.', parent: '103200000' };
const closing = (daysLeft: number, date = '2026-01-31'): Reminder => ({
  id: `window_closing:103230000:decree-615:2026-M01:${daysLeft}`,
  kind: 'window_closing',
  unit,
  date,
  daysLeft,
  meetingId: null,
  windowKey: '2026-M01',
  count: 1,
});
const tomorrow: Reminder = {
  id: 'meeting_tomorrow:7d1f4e2a-0c1b-4d7e-9a51-3b2c1d0e9f88:2026-01-28',
  kind: 'meeting_tomorrow',
  unit,
  date: '2026-01-28',
  daysLeft: 1,
  meetingId: '7d1f4e2a-0c1b-4d7e-9a51-3b2c1d0e9f88',
  windowKey: '2026-M01',
  count: 1,
};

beforeEach(() => {
  shown.length = 0;
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('desktop reminder notifications', () => {
  it('shows each reminder once at start, then new ones at the hourly check, and stops', () => {
    let current: Reminder[] = [closing(4)];
    const stop = startReminderNotifications({ listReminders: () => current, t: createI18n('kk').t, language: 'kk' });
    expect(shown).toEqual([
      { title: 'Есепті кездесу мерзімі аяқталып келеді', body: 'Қараауыл а.о.: мерзімнің соңғы күні — 2026 жылғы 31 қаңтар (4 күн қалды). Кездесу әлі жоспарланбаған.' },
    ]);

    vi.advanceTimersByTime(REMINDER_CHECK_MS - 1);
    expect(shown).toHaveLength(1);
    current = [closing(4), tomorrow];
    vi.advanceTimersByTime(1);
    expect(shown).toHaveLength(2);
    expect(shown[1]).toEqual({ title: 'Ертең — есепті кездесу', body: 'Қараауыл а.о.: есепті кездесу күні — 2026 жылғы 28 қаңтар.' });

    vi.advanceTimersByTime(REMINDER_CHECK_MS * 3);
    expect(shown).toHaveLength(2);

    stop();
    current = [closing(4), tomorrow, closing(3)];
    vi.advanceTimersByTime(REMINDER_CHECK_MS * 2);
    expect(shown).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('words the notifications in Russian with the right plural and the official date style', () => {
    const t = createI18n('ru').t;
    expect(reminderText(closing(1), t, 'ru')).toEqual({
      title: 'Истекает срок отчетной встречи',
      body: 'Карааульский с.о.: последний день срока — 31 января 2026 г. (остался 1 день). Встреча ещё не запланирована.',
    });
    expect(reminderText(closing(3), t, 'ru').body).toContain('(осталось 3 дня)');
    expect(reminderText(closing(7), t, 'ru').body).toContain('(осталось 7 дней)');
    expect(reminderText(closing(0), t, 'ru').body).toBe('Карааульский с.о.: сегодня последний день срока (31 января 2026 г.). Встреча ещё не проведена.');
    expect(reminderText(tomorrow, t, 'ru')).toEqual({ title: 'Завтра отчетная встреча', body: 'Карааульский с.о.: отчетная встреча состоится 28 января 2026 г.' });
  });

  it('words the issue and unmarked-meeting reminders with their counts', () => {
    const root = { ...unit, kato: '103200000', kind: 'district' as const, nameKk: 'Абай ауданы', nameRu: 'Абайский район', parent: '100000000' };
    const issues = (kind: 'issues_overdue' | 'issues_due_soon', count: number): Reminder => ({
      id: `${kind}:103200000:2026-01-27`,
      kind,
      unit: root,
      date: kind === 'issues_overdue' ? '2026-01-27' : '2026-02-03',
      daysLeft: kind === 'issues_overdue' ? 0 : 7,
      meetingId: null,
      windowKey: null,
      count,
    });
    const ru = createI18n('ru').t;
    expect(reminderText(issues('issues_overdue', 21), ru, 'ru')).toEqual({ title: 'Просроченные вопросы', body: '21 вопрос просрочен' });
    expect(reminderText(issues('issues_overdue', 3), ru, 'ru').body).toBe('3 вопроса просрочены');
    expect(reminderText(issues('issues_overdue', 11), ru, 'ru').body).toBe('11 вопросов просрочены');
    expect(reminderText(issues('issues_due_soon', 5), ru, 'ru').body).toBe('У 5 вопросов срок исполнения истекает до 3 февраля 2026 г.');
    expect(reminderText(issues('issues_due_soon', 1), createI18n('kk').t, 'kk').body).toBe('1 сұрақтың орындалу мерзімі жақын: соңғы күні — 2026 жылғы 3 ақпан');
    const unmarked: Reminder = { ...tomorrow, id: 'meeting_unmarked:x:2026-01-20', kind: 'meeting_unmarked', date: '2026-01-20', daysLeft: -7 };
    expect(reminderText(unmarked, ru, 'ru')).toEqual({
      title: 'Встреча не отмечена как проведенная',
      body: 'Карааульский с.о.: встреча, назначенная на 20 января 2026 г., не отмечена как проведенная',
    });
  });

  it('uses the injected show, interval and clear functions', () => {
    const seen: string[] = [];
    const intervals: Array<{ callback: () => void; ms: number }> = [];
    const cleared: unknown[] = [];
    const stop = startReminderNotifications({
      listReminders: () => [closing(2)],
      t: createI18n('kk').t,
      language: 'kk',
      show: (text) => seen.push(text.body),
      intervalMs: 1000,
      setInterval: (callback, ms) => intervals.push({ callback, ms }) - 1,
      clearInterval: (handle) => cleared.push(handle),
    });
    expect(seen).toHaveLength(1);
    expect(intervals.map((i) => i.ms)).toEqual([1000]);
    intervals[0]!.callback();
    expect(seen).toHaveLength(1);
    stop();
    expect(cleared).toEqual([0]);
    expect(shown).toEqual([]);
  });

  it('shows nothing before setup and survives a failing check', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    let fail: Error | null = new EsepError('setup_required');
    const stop = startReminderNotifications({
      listReminders: () => {
        if (fail) throw fail;
        return [tomorrow];
      },
      t: createI18n('kk').t,
      language: 'kk',
    });
    expect(shown).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
    fail = new Error('disk I/O error');
    vi.advanceTimersByTime(REMINDER_CHECK_MS);
    expect(errors).toHaveBeenCalledTimes(1);
    fail = null;
    vi.advanceTimersByTime(REMINDER_CHECK_MS);
    expect(shown).toHaveLength(1);
    stop();
    errors.mockRestore();
  });
});
