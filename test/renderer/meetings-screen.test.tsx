import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/src/App';
import { fakeApi, OKRUG, OKRUG_2, resetWorld } from './fake-api';
import { change, seedPlanned } from './calendar-helpers';
import { renderWithI18n } from './render';

vi.mock('../../renderer/src/api', async () => ({ api: (await import('./fake-api')).fakeApi }));

beforeEach(() => resetWorld({ setUp: true }));
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
    expect(fakeApi.meetings.list).toHaveBeenCalledWith({ from: '2025-01-01', to: '2025-12-31' });
    expect(screen.getByTestId('nav-meetings').getAttribute('aria-current')).toBe('page');
    expect(unitsInOrder()).toEqual(['Қарауыл а.о.', 'Абай ауданы', 'Қарауыл а.о.', 'Кеңгірбай би а.о.']);
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
    expect(unitsInOrder()[0]).toBe('Кеңгірбай би а.о.');

    fireEvent.click(screen.getByTestId('filter-mstatus-held'));
    await waitFor(() => expect(unitsInOrder()).toEqual(['Кеңгірбай би а.о.', 'Қарауыл а.о.']));
    expect(fakeApi.meetings.list).toHaveBeenLastCalledWith({
      from: '2025-01-01',
      to: '2025-12-31',
      statuses: ['planned', 'announced', 'postponed', 'closed', 'cancelled'],
    });
    fireEvent.click(screen.getByTestId('filter-mkind-field'));
    expect(unitsInOrder()).toEqual(['Кеңгірбай би а.о.']);
  });

  it('changes the period, and says when it is the wrong way round', async () => {
    await openMeetings();
    change('meetings-from', '2025-05-01');
    change('meetings-to', '2025-06-30');
    await waitFor(() => expect(unitsInOrder()).toEqual(['Қарауыл а.о.']));
    change('meetings-to', '2025-04-01');
    expect(await screen.findByText('Кезеңнің басы 01.05.2025 оның соңынан 01.04.2025 кейін тұр.')).toBeTruthy();
  });

  it('exports the period to an iCal file in the UI language, downloaded as a file', async () => {
    const createObjectURL = vi.fn((_: Blob) => 'blob:esep-test');
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('esep-2025-01-01-2025-12-31.ics');
      expect(this.href).toBe('blob:esep-test');
    });
    await openMeetings();
    fireEvent.click(screen.getByTestId('ics-export'));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(fakeApi.meetings.exportIcs).toHaveBeenCalledWith({ from: '2025-01-01', to: '2025-12-31', language: 'kk' });
    const blob = createObjectURL.mock.calls[0]![0];
    expect(blob.type).toBe('text/calendar;charset=utf-8');
    expect(await blob.text()).toContain('BEGIN:VCALENDAR');
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
    expect(within(card).getByText('Қарауыл а.о.')).toBeTruthy();
  });
});
