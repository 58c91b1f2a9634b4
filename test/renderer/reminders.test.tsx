import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/src/App';
import { REFRESH_MS } from '../../renderer/src/features/reminders/ReminderBell';
import { handler, OKRUG, OKRUG_2, startCore, testCore } from './test-core';
import { change, value } from './calendar-helpers';
import { seedPlanned } from './seed';
import { renderWithI18n } from './render';

beforeEach(() => startCore({ setUp: true }));
afterEach(() => vi.useRealTimers());

const badge = () => screen.queryByTestId('reminders-count')?.textContent ?? null;

describe('notification area', () => {
  it('shows no badge when there is nothing to remind of', async () => {
    renderWithI18n(<App />);
    await waitFor(() => expect(handler('reminders:list')).toHaveBeenCalledTimes(1));
    expect(badge()).toBeNull();
    expect(screen.getByTestId('reminders-bell').getAttribute('aria-label')).toBe('Еске салғыштар: 0');
    fireEvent.click(screen.getByTestId('reminders-bell'));
    expect(screen.getByText('Қазір еске салатын ештеңе жоқ.')).toBeTruthy();
  });

  it('counts the reminders, lists them in words, and each one leads to planning or the meeting', async () => {
    await testCore().api.settings.setReminderDays({ days: 30 });
    const tomorrow = await seedPlanned(OKRUG.kato, '2025-07-11');
    renderWithI18n(<App />);
    // The July windows of the eight okrugs with nothing planned (21 days left), and tomorrow's meeting.
    await waitFor(() => expect(badge()).toBe('9'));
    const bell = screen.getByTestId('reminders-bell');
    expect(bell.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(bell);
    expect(bell.getAttribute('aria-expanded')).toBe('true');
    const list = screen.getByTestId('reminders-list');
    const closing = (kato: string) => `reminder-window_closing:${kato}:decree-615:2025-M07`;
    expect(within(list).getByTestId(closing(OKRUG_2.kato)).textContent).toContain(
      `${OKRUG_2.nameKk}: мерзім 21 күннен кейін жабылады, кездесу жоспарланбаған`,
    );
    // A window with a meeting planned in it needs no reminder: someone is on it.
    expect(within(list).queryByTestId(closing(OKRUG.kato))).toBeNull();
    expect(within(list).getAllByRole('button')[0]).toBe(within(list).getByTestId(`reminder-meeting_tomorrow:${tomorrow.id}:2025-07-11`));
    expect(within(list).getByTestId(`reminder-meeting_tomorrow:${tomorrow.id}:2025-07-11`).textContent).toContain(
      `${OKRUG.nameKk}: есепті кездесу ертең (2025 жылғы 11 шілде)`,
    );

    fireEvent.click(within(list).getByTestId(closing(OKRUG_2.kato)));
    expect(screen.queryByTestId('reminders-list')).toBeNull();
    await screen.findByTestId('plan-panel');
    expect(value('plan-unit')).toBe(OKRUG_2.kato);
    expect(value('plan-date')).toBe('2025-07-10');

    fireEvent.click(screen.getByTestId('reminders-bell'));
    fireEvent.click(screen.getByTestId(`reminder-meeting_tomorrow:${tomorrow.id}:2025-07-11`));
    expect(await screen.findByTestId('meeting-card')).toBeTruthy();
  });

  it('refreshes after every change and every ten minutes', async () => {
    await testCore().api.settings.setReminderDays({ days: 30 });
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setInterval', 'clearInterval'] });
    renderWithI18n(<App />);
    await waitFor(() => expect(badge()).toBe('9'));
    const calls = handler('reminders:list').mock.calls.length;

    fireEvent.click(within(await screen.findByTestId(`cell-${OKRUG_2.kato}-2025-M07`)).getByRole('button'));
    await waitFor(() => expect(value('plan-obligation')).toBe('decree-615|2025-M07'));
    fireEvent.click(screen.getByTestId('plan-submit'));
    await screen.findByTestId('meeting-card');
    await waitFor(() => expect(handler('reminders:list').mock.calls.length).toBe(calls + 1));
    await waitFor(() => expect(badge()).toBe('8'));

    await act(async () => {
      vi.advanceTimersByTime(REFRESH_MS);
    });
    await waitFor(() => expect(handler('reminders:list').mock.calls.length).toBe(calls + 2));
  });

  it('closes the list with Escape, back on the bell', async () => {
    renderWithI18n(<App />);
    const bell = await screen.findByTestId('reminders-bell');
    fireEvent.click(bell);
    fireEvent.keyDown(screen.getByTestId('reminders-list'), { key: 'Escape' });
    expect(screen.queryByTestId('reminders-list')).toBeNull();
    expect(document.activeElement).toBe(bell);
  });

  it('Settings: the number of days before a window closes, saved and applied at once', async () => {
    renderWithI18n(<App />);
    fireEvent.click(await screen.findByTestId('nav-settings'));
    const days = screen.getByTestId('settings-reminder-days') as HTMLInputElement;
    expect(days.value).toBe('7');
    expect(screen.getByLabelText('Мерзім жабылуына неше күн қалғанда еске салу')).toBe(days);
    change('settings-reminder-days', '0');
    fireEvent.click(screen.getByTestId('settings-reminder-save'));
    expect(await screen.findByText('Енгізілген деректерді тексеріңіз: Мерзім жабылуына неше күн қалғанда еске салу.')).toBeTruthy();
    change('settings-reminder-days', '30');
    fireEvent.click(screen.getByTestId('settings-reminder-save'));
    await waitFor(() => expect(handler('settings:setReminderDays')).toHaveBeenCalledWith({ days: 30 }));
    expect(await screen.findByText('Сақталды.')).toBeTruthy();
    await waitFor(() => expect(badge()).toBe('9'));
  });
});
