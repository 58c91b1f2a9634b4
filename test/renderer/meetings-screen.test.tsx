import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/src/App';
import { useMeetingListStore } from '../../renderer/src/stores/meeting-list.store';
import { handler, OKRUG, OKRUG_2, ROOT, startCore } from './test-core';
import { change } from './calendar-helpers';
import { seedPlanned } from './seed';
import { renderWithI18n } from './render';

beforeEach(() => startCore({ setUp: true }));
afterEach(() => vi.restoreAllMocks());

async function openMeetings() {
  renderWithI18n(<App />);
  fireEvent.click(await screen.findByTestId('nav-meetings'));
  return screen.findByTestId('meetings-table');
}

const unitsInOrder = () => screen.getAllByTestId(/^meeting-open-/).map((b) => b.textContent);

describe('meetings screen', () => {
  it('lists this year’s meetings of the working set, oldest first, with status, venue and window', async () => {
    await seedPlanned(OKRUG_2.kato, '2025-07-22', { venueName: 'Мектеп', venueAddress: 'Орталық көше, 3' });
    const table = await openMeetings();
    expect(handler('meetings:list')).toHaveBeenCalledWith({ from: '2025-01-01', to: '2025-12-31' });
    expect(screen.getByTestId('nav-meetings').getAttribute('aria-current')).toBe('page');
    expect(unitsInOrder()).toEqual([OKRUG.nameKk, ROOT.nameKk, OKRUG.nameKk, OKRUG_2.nameKk]);
    const last = within(table).getAllByRole('row').at(-1)!;
    expect(last.textContent).toContain('22.07.2025');
    expect(last.textContent).toContain('Жоспарланды');
    expect(last.textContent).toContain('Мектеп, Орталық көше, 3');
    await waitFor(() => expect(last.textContent).toContain('01.07.2025 – 31.07.2025'));
    expect(screen.getByText('4 кездесу')).toBeTruthy();
  });

  it('sorts by date both ways and filters by status and kind', async () => {
    await seedPlanned(OKRUG_2.kato, '2025-07-22');
    await seedPlanned(OKRUG.kato, '2025-06-12', { kind: 'field' });
    await openMeetings();
    const dateHead = screen.getByTestId('meetings-sort').closest('th')!;
    expect(dateHead.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(screen.getByTestId('meetings-sort'));
    expect(dateHead.getAttribute('aria-sort')).toBe('descending');
    expect(unitsInOrder()[0]).toBe(OKRUG_2.nameKk);

    fireEvent.click(screen.getByTestId('filter-mstatus-held'));
    await waitFor(() => expect(unitsInOrder()).toEqual([OKRUG_2.nameKk, OKRUG.nameKk]));
    expect(handler('meetings:list')).toHaveBeenLastCalledWith({
      from: '2025-01-01',
      to: '2025-12-31',
      statuses: ['planned', 'announced', 'postponed', 'closed', 'cancelled'],
    });
    fireEvent.click(screen.getByTestId('filter-mkind-field'));
    expect(unitsInOrder()).toEqual([OKRUG_2.nameKk]);
  });

  it('changes the period, and says when it is the wrong way round', async () => {
    await openMeetings();
    change('meetings-from', '2025-05-01');
    change('meetings-to', '2025-06-30');
    await waitFor(() => expect(unitsInOrder()).toEqual([OKRUG.nameKk]));
    change('meetings-to', '2025-04-01');
    expect(await screen.findByText('Кезеңнің басы 01.05.2025 оның соңынан 01.04.2025 кейін тұр.')).toBeTruthy();
  });

  it('exports the period to an iCal file in the UI language, downloaded as a file', async () => {
    const createObjectURL = vi.fn((_: Blob) => 'blob:esep-test');
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('esep-meetings-2025-01-01-2025-12-31.ics');
      expect(this.href).toBe('blob:esep-test');
    });
    const planned = await seedPlanned(OKRUG_2.kato, '2025-07-22');
    await openMeetings();
    fireEvent.click(screen.getByTestId('ics-export'));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(handler('meetings:exportIcs')).toHaveBeenCalledWith({ from: '2025-01-01', to: '2025-12-31', language: 'kk' });
    const blob = createObjectURL.mock.calls[0]![0];
    expect(blob.type).toBe('text/calendar;charset=utf-8');
    const ics = await blob.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    // The core's file: the planned meeting is in it, the held ones are not.
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toContain(`UID:${planned.id}@esep`);
  });

  it('plans a meeting from the screen and opens a meeting’s card from its row', async () => {
    await openMeetings();
    fireEvent.click(screen.getByTestId('meetings-plan'));
    expect(await screen.findByTestId('plan-panel')).toBeTruthy();
    fireEvent.click(screen.getByTestId('plan-cancel'));
    const [first] = screen.getAllByTestId(/^meeting-open-/);
    fireEvent.click(first!);
    const card = await screen.findByTestId('meeting-card');
    expect(within(card).getByTestId('meeting-status').textContent).toBe('Өткізілді');
    expect(within(card).getByText(OKRUG.nameKk)).toBeTruthy();
  });

  it('shows a unit’s meetings and those under it behind a chip that takes the filter off', async () => {
    await seedPlanned(OKRUG_2.kato, '2025-07-22');
    await seedPlanned(OKRUG.kato, '2025-06-12', { kind: 'field' });
    await openMeetings();
    expect(screen.queryByTestId('meetings-unit-filter')).toBeNull();

    act(() => useMeetingListStore.getState().show({ unitKato: OKRUG.kato, from: '2025-01-01', to: '2025-12-31' }));
    await waitFor(() => expect(unitsInOrder()).toEqual([OKRUG.nameKk, OKRUG.nameKk, OKRUG.nameKk]));
    expect(screen.getByTestId('meetings-unit-filter').textContent).toContain(OKRUG.nameKk);
    expect(screen.getByText('3 кездесу')).toBeTruthy();

    // The district's filter takes its okrugs too; statuses and kinds narrow it as their boxes do.
    act(() => useMeetingListStore.getState().show({ unitKato: ROOT.kato, from: '2025-01-01', to: '2025-06-30', statuses: ['held', 'closed'], kinds: ['reporting'] }));
    await waitFor(() => expect(unitsInOrder()).toEqual([OKRUG.nameKk, ROOT.nameKk, OKRUG.nameKk]));
    expect((screen.getByTestId('filter-mstatus-planned') as HTMLInputElement).checked).toBe(false);
    expect((screen.getByTestId('filter-mkind-field') as HTMLInputElement).checked).toBe(false);
    expect((screen.getByTestId('meetings-from') as HTMLInputElement).value).toBe('2025-01-01');
    expect((screen.getByTestId('meetings-to') as HTMLInputElement).value).toBe('2025-06-30');

    act(() => useMeetingListStore.getState().show({ unitKato: OKRUG_2.kato, from: '2025-01-01', to: '2025-12-31' }));
    await waitFor(() => expect(unitsInOrder()).toEqual([OKRUG_2.nameKk]));
    fireEvent.click(screen.getByRole('button', { name: `Барлық бірліктің кездесулерін көрсету (${OKRUG_2.nameKk} сүзгісін алып тастау)` }));
    expect(screen.queryByTestId('meetings-unit-filter')).toBeNull();
    expect(unitsInOrder()).toEqual([OKRUG.nameKk, ROOT.nameKk, OKRUG.nameKk, OKRUG.nameKk, OKRUG_2.nameKk]);
  });
});
