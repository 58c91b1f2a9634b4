import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { handler, OKRUG, OKRUG_2, startCore, testCore } from './test-core';
import { ABAY_OKRUGS, value } from './calendar-helpers';
import { seedPlanned } from './seed';
import { renderWithI18n } from './render';

async function openDashboard() {
  renderWithI18n(<App />);
  fireEvent.click(await screen.findByTestId('view-dashboard'));
  return screen.findByTestId('dashboard-closing-soon');
}

const count = (status: string) => screen.getByTestId(`dashboard-count-${status}`).querySelector('.count-card-value')!.textContent;

const unitNames = (list: HTMLElement) => within(list).queryAllByRole('listitem').map((li) => li.querySelector('.dash-unit-name')!.textContent);

describe('compliance dashboard', () => {
  beforeEach(() => startCore({ setUp: true }));

  it('counts this year’s obligations by status as cards and as a donut', async () => {
    await openDashboard();
    expect(handler('dashboard:get')).toHaveBeenCalledWith({ year: 2025 });
    // The district's two windows and four for each of its nine okrugs; only Қараауыл has held meetings.
    expect(['open', 'upcoming', 'planned', 'held_on_time', 'held_late', 'missed'].map(count)).toEqual(['10', '9', '0', '2', '1', '16']);
    expect(screen.getByTestId('dashboard-count-planned').textContent).toContain('Жоспарланды');
    const chart = screen.getByTestId('dashboard-chart');
    expect(within(chart).getByText('38')).toBeTruthy();
    expect(chart.querySelector('title')!.textContent).toBe('Міндеттер күйлері бойынша, барлығы 38');
    expect(chart.querySelector('desc')!.textContent).toContain('Өткізілмеді: 16');
    expect(screen.getByTestId('chart-segment-open').getAttribute('data-count')).toBe('10');
    expect(screen.queryByTestId('chart-segment-planned')).toBeNull();
  });

  it('lists windows closing within 30 days with nothing planned; "Plan" opens the form on the window', async () => {
    const list = await openDashboard();
    // Every okrug's July window (the district's Q3 window closes in more than 30 days): the first
    // eight, the count, and the rest on request.
    const names = ABAY_OKRUGS.map((u) => u.nameKk);
    expect(unitNames(list)).toEqual(names.slice(0, 8));
    expect(list.querySelector('.dash-list-count')!.textContent).toBe('9');
    fireEvent.click(within(list).getByRole('button', { name: 'Барлығын көрсету (9)' }));
    expect(unitNames(list)).toEqual(names);
    const items = within(list).getAllByRole('listitem');
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
    // Every okrug but one gets its July meeting planned behind the screen…
    for (const okrug of ABAY_OKRUGS.filter((u) => u.kato !== OKRUG_2.kato)) await seedPlanned(okrug.kato, '2025-07-20');
    // …and the last through the app: any change made through the app reloads the dashboard; here the card's save does it.
    fireEvent.click(within(screen.getByTestId('dashboard-closing-soon')).getByTestId(`closing-plan-${OKRUG_2.kato}-2025-M07`));
    await waitFor(() => expect((screen.getByTestId('plan-obligation') as HTMLSelectElement).value).not.toBe(''));
    fireEvent.click(screen.getByTestId('plan-submit'));
    await screen.findByTestId('meeting-card');
    await waitFor(() => expect(count('planned')).toBe('9'));
    // Only the district's Q3 window is still open with nothing planned.
    expect(count('open')).toBe('1');
    expect(within(screen.getByTestId('dashboard-closing-soon')).getByText('Алдағы 30 күнде жоспарсыз жабылатын мерзім жоқ.')).toBeTruthy();
  });

  it('lists missed windows and meetings held late', async () => {
    await openDashboard();
    // January and April, for every okrug but Қараауыл (which held both, April's late).
    const missed = screen.getByTestId('dashboard-missed');
    const names = ABAY_OKRUGS.filter((u) => u.kato !== OKRUG.kato).flatMap((u) => [u.nameKk, u.nameKk]);
    expect(unitNames(missed)).toEqual(names.slice(0, 8));
    fireEvent.click(within(missed).getByRole('button', { name: 'Барлығын көрсету (16)' }));
    expect(unitNames(missed)).toEqual(names);
    const late = screen.getByTestId('dashboard-held-late');
    expect(unitNames(late)).toEqual([OKRUG.nameKk]);
    expect(within(late).getByRole('button', { name: 'Өткізілген күні: 2025 жылғы 5 мамыр' })).toBeTruthy();
  });

  it('warns on point 5 for the district’s Q1 meeting held without the oblast’s leadership', async () => {
    await openDashboard();
    const participation = screen.getByTestId('dashboard-participation');
    expect(within(participation).getAllByRole('listitem')).toHaveLength(1);
    expect(participation.textContent).toContain('5-тармақ: облыс әкімінің немесе оның орынбасарының қатысуы белгіленбеген');
    expect(within(participation).getByText('Өткізілді')).toBeTruthy();
    expect(screen.getByTestId(`participation-${testCore().seeded.districtHeld!.id}-5`)).toBeTruthy();
    // Report deadlines are group A's alone: none in a district's working set.
    expect(within(screen.getByTestId('dashboard-report-deadlines')).queryAllByRole('listitem')).toEqual([]);
  });

  it('pages through years and says when a list is empty', async () => {
    await openDashboard();
    fireEvent.click(screen.getByTestId('year-next'));
    await waitFor(() => expect(handler('dashboard:get')).toHaveBeenLastCalledWith({ year: 2026 }));
    await waitFor(() => expect(count('upcoming')).toBe('38'));
    expect(within(screen.getByTestId('dashboard-missed')).getByText('Өткізілмеген мерзім жоқ.')).toBeTruthy();
  });
});

describe('compliance dashboard of a group A working set', () => {
  /** Astana: the capital (group A) and its six city districts (group B), in mid-February. */
  const CAPITAL = { kato: '710000000', nameKk: 'Астана қ.' };
  const CITY_DISTRICT = { kato: '711210000', nameKk: 'Есіл ауданы' };

  beforeEach(async () => {
    const { api } = await startCore({ setUp: false, today: '2025-02-18' });
    await api.setup.complete({ rootKato: CAPITAL.kato, language: 'kk' });
  });

  it('shows points 4.1 and 5 participation warnings linking to the meeting, and group A report deadlines', async () => {
    const held = await testCore().api.meetings.recordHeld({ unitKato: CAPITAL.kato, heldOn: '2025-01-31' });
    const planned = await seedPlanned(CITY_DISTRICT.kato, '2025-03-05');
    await openDashboard();
    const participation = screen.getByTestId('dashboard-participation');
    expect(unitNames(participation)).toEqual([CAPITAL.nameKk, CITY_DISTRICT.nameKk]);
    expect(participation.textContent).toContain('4.1-тармақ: Үкімет мүшелерінің немесе орталық органдар басшыларының қатысуы белгіленбеген');
    expect(participation.textContent).toContain('5-тармақ: облыс әкімінің немесе оның орынбасарының қатысуы белгіленбеген');
    expect(within(participation).getByText('Өткізілді')).toBeTruthy();
    expect(within(participation).getByText('Жоспарланды')).toBeTruthy();
    expect(screen.getByTestId(`participation-${held.id}-4.1`)).toBeTruthy();
    // Point 3: the capital's akim informs the Presidential Administration within a month of the meeting.
    const reports = screen.getByTestId('dashboard-report-deadlines');
    expect(reports.textContent).toContain('Өткізілді: 2025 жылғы 31 қаңтар; хабарлау мерзімі: 2025 жылғы 28 ақпан');
    expect(reports.textContent).toContain('10 күн қалды');
    fireEvent.click(within(participation).getByTestId(`participation-${planned.id}-5`));
    const card = await screen.findByTestId('meeting-card');
    expect(within(card).getByText(CITY_DISTRICT.nameKk)).toBeTruthy();
  });
});
