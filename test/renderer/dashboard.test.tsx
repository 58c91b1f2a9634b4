import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/src/App';
import { fakeApi, OKRUG, OKRUG_2, resetWorld, ROOT } from './fake-api';
import { seedPlanned, value } from './calendar-helpers';
import { renderWithI18n } from './render';

vi.mock('../../renderer/src/api', async () => ({ api: (await import('./fake-api')).fakeApi }));

beforeEach(() => resetWorld({ setUp: true }));

async function openDashboard() {
  renderWithI18n(<App />);
  fireEvent.click(await screen.findByTestId('view-dashboard'));
  return screen.findByTestId('dashboard-closing-soon');
}

const count = (status: string) => screen.getByTestId(`dashboard-count-${status}`).querySelector('.count-card-value')!.textContent;

describe('compliance dashboard', () => {
  it('counts this year’s obligations by status as cards and as a donut', async () => {
    await openDashboard();
    expect(fakeApi.dashboard.get).toHaveBeenCalledWith({ year: 2025 });
    expect(['open', 'upcoming', 'planned', 'held_on_time', 'held_late', 'missed'].map(count)).toEqual(['3', '2', '0', '2', '1', '2']);
    expect(screen.getByTestId('dashboard-count-planned').textContent).toContain('Жоспарланған');
    const chart = screen.getByTestId('dashboard-chart');
    expect(within(chart).getByText('10')).toBeTruthy();
    expect(chart.querySelector('title')!.textContent).toBe('Міндеттер күйлері бойынша, барлығы 10');
    expect(chart.querySelector('desc')!.textContent).toContain('Өткізілмеді: 2');
    expect(screen.getByTestId('chart-segment-open').getAttribute('data-count')).toBe('3');
    expect(screen.queryByTestId('chart-segment-planned')).toBeNull();
  });

  it('lists windows closing within 30 days with nothing planned; "Plan" opens the form on the window', async () => {
    const list = await openDashboard();
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.dash-unit-name')!.textContent)).toEqual(['Қарауыл а.о.', 'Кеңгірбай би а.о.']);
    expect(items[0]!.textContent).toContain('2025 жылғы 1 шілде – 2025 жылғы 31 шілде');
    expect(items[0]!.textContent).toContain('21 күн қалды');

    fireEvent.click(within(items[1]!).getByTestId(`closing-plan-${OKRUG_2.kato}-2025-M07`));
    await screen.findByTestId('plan-panel');
    expect(value('plan-unit')).toBe(OKRUG_2.kato);
    expect(value('plan-date')).toBe('2025-07-10');
    await waitFor(() => expect(value('plan-obligation')).toBe('decree-615|2025-M07'));
  });

  it('changes when a meeting is planned: the window leaves "closing soon" and counts as planned', async () => {
    await openDashboard();
    await seedPlanned(OKRUG.kato, '2025-07-20');
    // Any change made through the app reloads the dashboard; here the card's save does it.
    fireEvent.click(within(screen.getByTestId('dashboard-closing-soon')).getByTestId(`closing-plan-${OKRUG_2.kato}-2025-M07`));
    await waitFor(() => expect((screen.getByTestId('plan-obligation') as HTMLSelectElement).value).not.toBe(''));
    fireEvent.click(screen.getByTestId('plan-submit'));
    await screen.findByTestId('meeting-card');
    await waitFor(() => expect(count('planned')).toBe('2'));
    expect(count('open')).toBe('1');
    expect(within(screen.getByTestId('dashboard-closing-soon')).getByText('Алдағы 30 күнде жоспарсыз жабылатын мерзім жоқ.')).toBeTruthy();
  });

  it('lists missed windows and meetings held late', async () => {
    await openDashboard();
    const missed = screen.getByTestId('dashboard-missed');
    expect(within(missed).getAllByRole('listitem').map((li) => li.querySelector('.dash-unit-name')!.textContent)).toEqual([
      'Кеңгірбай би а.о.',
      'Кеңгірбай би а.о.',
    ]);
    const late = screen.getByTestId('dashboard-held-late');
    expect(within(late).getByText('Қарауыл а.о.')).toBeTruthy();
    expect(within(late).getByRole('button', { name: 'Өткізілген күні: 2025 жылғы 5 мамыр' })).toBeTruthy();
  });

  it('shows points 4.1 and 5 participation warnings linking to the meeting, and group A report deadlines', async () => {
    const m = await seedPlanned(ROOT.kato, '2025-08-05');
    const base = await fakeApi.dashboard.get({ year: 2025 });
    fakeApi.dashboard.get.mockResolvedValue({
      ...base,
      participation: [{ unit: ROOT, meetingId: m.id, date: '2025-08-05', status: 'planned', point: '5' }],
      reportDeadlines: [{ unit: ROOT, meetingId: m.id, heldOn: '2025-06-20', reportDue: '2025-07-20', daysLeft: 10 }],
    });
    await openDashboard();
    const participation = screen.getByTestId('dashboard-participation');
    expect(participation.textContent).toContain('5-тармақ: облыс әкімінің немесе оның орынбасарының қатысуы белгіленбеген');
    expect(within(participation).getByText('Жоспарланды')).toBeTruthy();
    const reports = screen.getByTestId('dashboard-report-deadlines');
    expect(reports.textContent).toContain('Өткізілді: 2025 жылғы 20 маусым; хабарлау мерзімі: 2025 жылғы 20 шілде');
    expect(reports.textContent).toContain('10 күн қалды');
    fireEvent.click(within(participation).getByTestId(`participation-${m.id}-5`));
    const card = await screen.findByTestId('meeting-card');
    expect(within(card).getByText('Абай ауданы')).toBeTruthy();
    fakeApi.dashboard.get.mockReset();
  });

  it('pages through years and says when a list is empty', async () => {
    await openDashboard();
    fireEvent.click(screen.getByTestId('year-next'));
    await waitFor(() => expect(fakeApi.dashboard.get).toHaveBeenLastCalledWith({ year: 2026 }));
    await waitFor(() => expect(count('upcoming')).toBe('10'));
    expect(within(screen.getByTestId('dashboard-missed')).getByText('Өткізілмеген мерзім жоқ.')).toBeTruthy();
  });
});
