import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { dayAfterKey } from '../../renderer/src/features/calendar/month/MonthGrid';
import { monthWeeks } from '../../renderer/src/format/day-math';
import { handler, OKRUG, OKRUG_2, ROOT, startCore } from './test-core';
import { seedPlanned } from './seed';
import { renderWithI18n } from './render';

beforeEach(() => startCore({ setUp: true }));

async function openMonth() {
  renderWithI18n(<App />);
  fireEvent.click(await screen.findByTestId('view-month'));
  await screen.findByTestId('month-grid');
  // The grid (for shading) and the month's meetings arrive asynchronously.
  await waitFor(() => expect(screen.getByTestId('month-day-2025-07-10').dataset['windows']).toBeDefined());
}

const day = (iso: string) => screen.getByTestId(`month-day-${iso}`);

describe('month layout', () => {
  it('shows weeks Monday to Sunday, covering the whole month', () => {
    const weeks = monthWeeks({ year: 2025, month: 7 });
    expect(weeks).toHaveLength(5);
    expect(weeks[0]![0]).toBe('2025-06-30');
    expect(weeks.at(-1)![6]).toBe('2025-08-03');
    expect(monthWeeks({ year: 2021, month: 2 })).toHaveLength(4); // 1 February 2021 was a Monday
  });

  it('moves by day, week, week end and month (clamped to the month’s length)', () => {
    expect(dayAfterKey('ArrowRight', '2025-07-31')).toBe('2025-08-01');
    expect(dayAfterKey('ArrowUp', '2025-07-03')).toBe('2025-06-26');
    expect(dayAfterKey('Home', '2025-07-10')).toBe('2025-07-07');
    expect(dayAfterKey('End', '2025-07-10')).toBe('2025-07-13');
    expect(dayAfterKey('PageDown', '2025-01-31')).toBe('2025-02-28');
    expect(dayAfterKey('PageUp', '2025-03-31')).toBe('2025-02-28');
    expect(dayAfterKey('x', '2025-07-10')).toBeNull();
  });
});

describe('month view', () => {
  it('opens on today’s month with Kazakh weekday heads, today marked', async () => {
    await openMonth();
    expect(screen.getByTestId('month-label').textContent).toBe('2025 жылғы шілде');
    const heads = within(screen.getByTestId('month-grid')).getAllByRole('columnheader').map((th) => th.textContent);
    expect(heads).toEqual(['Дс', 'Сс', 'Ср', 'Бс', 'Жм', 'Сб', 'Жс']);
    const today = day('2025-07-10');
    expect(today.getAttribute('aria-current')).toBe('date');
    expect(today.tabIndex).toBe(0);
    expect(day('2025-07-11').tabIndex).toBe(-1);
    expect(today.getAttribute('aria-label')).toContain('2025 жылғы 10 шілде, бейсенбі');
  });

  it('puts each meeting on its day: planned on the planned date, held on the held date', async () => {
    const planned = await seedPlanned(OKRUG_2.kato, '2025-07-22', { plannedTime: '10:30' });
    await openMonth();
    const event = await within(day('2025-07-22')).findByTestId(`event-${planned.id}`);
    expect(event.textContent).toContain('10:30');
    expect(event.textContent).toContain(OKRUG_2.nameKk);
    expect(event.textContent).toContain('Жоспарланды');
    expect(event.className).toContain('mstatus-planned');
    expect(handler('meetings:list')).toHaveBeenCalledWith({ from: '2025-06-30', to: '2025-08-03' });

    fireEvent.click(screen.getByTestId('month-prev'));
    fireEvent.click(screen.getByTestId('month-prev'));
    expect(screen.getByTestId('month-label').textContent).toBe('2025 жылғы мамыр');
    const held = await within(day('2025-05-05')).findByText(OKRUG.nameKk);
    expect(held.closest('button')!.className).toContain('mstatus-held');
  });

  it('shades the days of the filtered units’ legal windows, with a legend', async () => {
    await openMonth();
    // July: the district's Q3 window and the July windows of its nine okrugs.
    expect(day('2025-07-01').dataset['windows']).toBe('10');
    expect(day('2025-07-01').className).toContain('in-window');
    expect(day('2025-07-01').getAttribute('aria-label')).toContain('заңды мерзім: 10 бірлік');
    expect(screen.getByText('Заңды мерзім жүретін күн')).toBeTruthy();

    fireEvent.click(screen.getByTestId('month-next'));
    await waitFor(() => expect(day('2025-08-14').dataset['windows']).toBe('1'));
    // Only the district has a window in August: hiding districts leaves August unshaded.
    fireEvent.click(screen.getByTestId('filter-kind-district'));
    expect(day('2025-08-14').className).not.toContain('in-window');
    fireEvent.click(screen.getByTestId('filter-kind-district'));
    // Hiding open windows hides them all in August too.
    fireEvent.click(screen.getByTestId('filter-status-open'));
    expect(day('2025-08-14').dataset['windows']).toBeUndefined();
  });

  it('filters events by unit kind and by status', async () => {
    const planned = await seedPlanned(OKRUG.kato, '2025-07-15');
    await openMonth();
    await screen.findByTestId(`event-${planned.id}`);
    fireEvent.click(screen.getByTestId('filter-status-planned'));
    expect(screen.queryByTestId(`event-${planned.id}`)).toBeNull();
    fireEvent.click(screen.getByTestId('filter-status-planned'));
    fireEvent.click(screen.getByTestId('filter-kind-rural_okrug'));
    expect(screen.queryByTestId(`event-${planned.id}`)).toBeNull();
    // Filters are the session's: the year view keeps them.
    fireEvent.click(screen.getByTestId('view-year'));
    expect(screen.queryByTestId(`row-${OKRUG.kato}`)).toBeNull();
    expect(screen.getByTestId(`row-${ROOT.kato}`)).toBeTruthy();
  });

  it('moves between days with the keyboard and plans a meeting on the day with Enter', async () => {
    await openMonth();
    day('2025-07-10').focus();
    fireEvent.keyDown(day('2025-07-10'), { key: 'ArrowRight' });
    await waitFor(() => expect(document.activeElement).toBe(day('2025-07-11')));
    fireEvent.keyDown(day('2025-07-11'), { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(day('2025-07-18')));
    fireEvent.keyDown(day('2025-07-18'), { key: 'PageDown' });
    await waitFor(() => expect(document.activeElement).toBe(day('2025-08-18')));
    expect(screen.getByTestId('month-label').textContent).toBe('2025 жылғы тамыз');
    fireEvent.keyDown(day('2025-08-18'), { key: 'End' });
    await waitFor(() => expect(document.activeElement).toBe(day('2025-08-24')));
    expect(day('2025-08-24').tabIndex).toBe(0);

    fireEvent.keyDown(day('2025-08-24'), { key: 'Enter' });
    const panel = await screen.findByTestId('plan-panel');
    expect((within(panel).getByTestId('plan-date') as HTMLInputElement).value).toBe('2025-08-24');
    expect(screen.getByText('Пернетақта')).toBeTruthy();
  });

  it('opens a meeting’s card from its event, and goes back to today', async () => {
    const planned = await seedPlanned(OKRUG.kato, '2025-07-15');
    await openMonth();
    fireEvent.click(screen.getByTestId('month-next'));
    fireEvent.click(screen.getByTestId('month-today'));
    fireEvent.click(await screen.findByTestId(`event-${planned.id}`));
    const card = await screen.findByTestId('meeting-card');
    expect(within(card).getByText(OKRUG.nameKk)).toBeTruthy();
    expect(within(card).getByTestId('meeting-status').textContent).toBe('Жоспарланды');
  });

  it('switches views with Alt+1, Alt+2 and Alt+3, and shows the keys on the switch', async () => {
    renderWithI18n(<App />);
    await screen.findByTestId('obligations-grid');
    expect(screen.getByTestId('view-month').textContent).toContain('Alt+1');
    fireEvent.keyDown(window, { key: '1', code: 'Digit1', altKey: true });
    expect(await screen.findByTestId('month-grid')).toBeTruthy();
    expect(screen.getByTestId('view-month').getAttribute('aria-pressed')).toBe('true');
    fireEvent.keyDown(window, { key: '3', code: 'Digit3', altKey: true });
    expect(await screen.findByTestId('dashboard')).toBeTruthy();
    fireEvent.keyDown(window, { key: '2', code: 'Digit2', altKey: true });
    expect(await screen.findByTestId('obligations-grid')).toBeTruthy();
  });
});
