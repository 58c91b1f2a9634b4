import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/src/App';
import { REFRESH_MS } from '../../renderer/src/features/reminders/ReminderBell';
import { fakeApi, OKRUG, OKRUG_2, resetWorld } from './fake-api';
import { change, seedPlanned, value } from './calendar-helpers';
import { renderWithI18n } from './render';

vi.mock('../../renderer/src/api', async () => ({ api: (await import('./fake-api')).fakeApi }));

beforeEach(() => resetWorld({ setUp: true }));
afterEach(() => vi.useRealTimers());

const badge = () => screen.queryByTestId('reminders-count')?.textContent ?? null;

describe('notification area', () => {
  it('shows no badge when there is nothing to remind of', async () => {
    renderWithI18n(<App />);
    await waitFor(() => expect(fakeApi.reminders.list).toHaveBeenCalledTimes(1));
    expect(badge()).toBeNull();
    expect(screen.getByTestId('reminders-bell').getAttribute('aria-label')).toBe('Еске салғыштар: 0');
    fireEvent.click(screen.getByTestId('reminders-bell'));
    expect(screen.getByText('Қазір еске салатын ештеңе жоқ.')).toBeTruthy();
  });

  it('counts the reminders, lists them in words, and each one leads to planning or the meeting', async () => {
    await fakeApi.settings.setReminderDays({ days: 30 });
    const tomorrow = await seedPlanned(OKRUG.kato, '2025-07-11');
    renderWithI18n(<App />);
    await waitFor(() => expect(badge()).toBe('3'));
    const bell = screen.getByTestId('reminders-bell');
    expect(bell.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(bell);
    expect(bell.getAttribute('aria-expanded')).toBe('true');
    const list = screen.getByTestId('reminders-list');
    expect(within(list).getByTestId(`reminder-w-${OKRUG_2.kato}-2025-M07`).textContent).toContain(
      'Кеңгірбай би а.о.: мерзім 21 күннен кейін жабылады, кездесу жоспарланбаған',
    );
    expect(within(list).getByTestId(`reminder-w-${OKRUG.kato}-2025-M07`).textContent).toContain(
      'Қарауыл а.о.: мерзім 21 күннен кейін жабылады, жоспарланған кездесу әлі өткізілмеген',
    );
    expect(within(list).getByTestId(`reminder-m-${tomorrow.id}`).textContent).toContain('Қарауыл а.о.: есепті кездесу ертең (2025 жылғы 11 шілде)');

    fireEvent.click(within(list).getByTestId(`reminder-w-${OKRUG_2.kato}-2025-M07`));
    expect(screen.queryByTestId('reminders-list')).toBeNull();
    await screen.findByTestId('plan-panel');
    expect(value('plan-unit')).toBe(OKRUG_2.kato);
    expect(value('plan-date')).toBe('2025-07-10');

    fireEvent.click(screen.getByTestId('reminders-bell'));
    fireEvent.click(screen.getByTestId(`reminder-m-${tomorrow.id}`));
    expect(await screen.findByTestId('meeting-card')).toBeTruthy();
  });

  it('refreshes after every change and every ten minutes', async () => {
    await fakeApi.settings.setReminderDays({ days: 30 });
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setInterval', 'clearInterval'] });
    renderWithI18n(<App />);
    await waitFor(() => expect(badge()).toBe('2'));
    const calls = fakeApi.reminders.list.mock.calls.length;

    fireEvent.click(within(await screen.findByTestId(`cell-${OKRUG_2.kato}-2025-M07`)).getByRole('button'));
    await waitFor(() => expect(value('plan-obligation')).toBe('decree-615|2025-M07'));
    fireEvent.click(screen.getByTestId('plan-submit'));
    await screen.findByTestId('meeting-card');
    await waitFor(() => expect(fakeApi.reminders.list.mock.calls.length).toBe(calls + 1));

    await act(async () => {
      vi.advanceTimersByTime(REFRESH_MS);
    });
    await waitFor(() => expect(fakeApi.reminders.list.mock.calls.length).toBe(calls + 2));
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
    await waitFor(() => expect(fakeApi.settings.setReminderDays).toHaveBeenCalledWith({ days: 30 }));
    expect(await screen.findByText('Сақталды.')).toBeTruthy();
    await waitFor(() => expect(badge()).toBe('2'));
  });
});
