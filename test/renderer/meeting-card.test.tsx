import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { actionsFor, type MeetingStatus } from '../../shared/domain/meetings/meeting';
import { handler, holdNext, OKRUG, startCore, testCore } from './test-core';
import { change } from './calendar-helpers';
import { seedPlanned } from './seed';
import { renderWithI18n } from './render';
import type { Meeting } from '../../shared/contract/types';

beforeEach(() => startCore({ setUp: true }));

/** The card of a meeting, opened from its planned cell in the year grid. */
async function openCard(meeting: Meeting, windowKey = '2025-M07') {
  renderWithI18n(<App />);
  fireEvent.click(within(await screen.findByTestId(`cell-${meeting.unitKato}-${windowKey}`)).getByRole('button'));
  const card = await screen.findByTestId('meeting-card');
  await within(card).findByTestId('meeting-status');
  return card;
}

const shownActions = () => screen.queryAllByTestId(/^meeting-action-/).map((b) => b.dataset['testid']!.replace('meeting-action-', ''));
const status = () => screen.getByTestId('meeting-status').textContent;

describe('meeting card', () => {
  it('shows the planned meeting’s details and exactly the actions its status allows', async () => {
    const m = await seedPlanned(OKRUG.kato, '2025-07-24', { plannedTime: '11:00', venueName: 'Мәдениет үйі', format: 'online', broadcastLinks: ['https://example.kz/live'] });
    const card = await openCard(m);
    expect(status()).toBe('Жоспарланды');
    expect(shownActions()).toEqual(actionsFor('planned'));
    expect(within(card).getByText('2025 жылғы 24 шілде, сағат 11:00')).toBeTruthy();
    await waitFor(() => expect(within(card).getByTestId('fact-window').textContent).toContain('2025 жылғы 1 шілде – 2025 жылғы 31 шілде'));
    expect(within(card).getByTestId('fact-window').textContent).toContain('Мерзімі жүріп жатыр');
    expect(within(card).getByRole('link', { name: 'https://example.kz/live' })).toBeTruthy();
  });

  it.each<[MeetingStatus, (m: Meeting) => Promise<unknown>]>([
    ['announced', (m) => testCore().api.meetings.announce({ id: m.id, revision: 1, announcedOn: '2025-07-01', channels: ['website'] })],
    ['postponed', (m) => testCore().api.meetings.postpone({ id: m.id, revision: 1, reason: 'Су тасқыны', newDate: '2025-07-28' })],
    ['held', (m) => testCore().api.meetings.markHeld({ id: m.id, revision: 1, heldOn: '2025-07-08', attendance: 40, onlineViewers: null })],
    ['cancelled', (m) => testCore().api.meetings.cancel({ id: m.id, revision: 1, reason: 'Карантин' })],
  ])('offers only what %s allows', async (target, move) => {
    const m = await seedPlanned(OKRUG.kato, '2025-07-24');
    await move(m);
    renderWithI18n(<App />);
    fireEvent.click(await screen.findByTestId('nav-meetings'));
    fireEvent.click(await screen.findByTestId(`meeting-open-${m.id}`));
    await screen.findByTestId('meeting-status');
    expect(shownActions()).toEqual(actionsFor(target));
  });

  it('announces with a date and channels (at least one)', async () => {
    const m = await seedPlanned(OKRUG.kato, '2025-07-24');
    await openCard(m);
    fireEvent.click(screen.getByTestId('meeting-action-announce'));
    expect((screen.getByTestId('announce-date') as HTMLInputElement).value).toBe('2025-07-10');
    fireEvent.click(screen.getByTestId('announce-submit'));
    expect((await screen.findByTestId('announce-error')).textContent).toBe('Енгізілген деректерді тексеріңіз: Хабарлау арналары.');
    expect(handler('meetings:announce')).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('announce-channel-website'));
    fireEvent.click(screen.getByTestId('announce-channel-social_media'));
    fireEvent.click(screen.getByTestId('announce-submit'));
    await waitFor(() => expect(status()).toBe('Хабарланды'));
    expect(handler('meetings:announce')).toHaveBeenCalledWith({ id: m.id, revision: 1, announcedOn: '2025-07-10', channels: ['website', 'social_media'] });
    expect(screen.getByTestId('card-notice').textContent).toBe('Кездесу хабарланды.');
    expect(screen.getByTestId('fact-announced').textContent).toContain('2025 жылғы 10 шілде (ресми сайт, әлеуметтік желілер)');
    expect(shownActions()).toEqual(actionsFor('announced'));
  });

  it('keeps the next action’s form open when the previous action’s answer arrives after it was opened', async () => {
    const m = await seedPlanned(OKRUG.kato, '2025-07-24');
    await openCard(m);
    fireEvent.click(screen.getByTestId('meeting-action-announce'));
    fireEvent.click(screen.getByTestId('announce-channel-website'));
    // The card shows the new status at once; the grid and the dashboard refresh after it.
    const release = holdNext('obligations:grid');
    fireEvent.click(screen.getByTestId('announce-submit'));
    await waitFor(() => expect(status()).toBe('Хабарланды'));
    fireEvent.click(screen.getByTestId('meeting-action-markHeld'));
    change('held-attendance', '84');
    release();
    expect(await screen.findByTestId('card-notice')).toBeTruthy();
    expect((screen.getByTestId('held-attendance') as HTMLInputElement).value).toBe('84');
    fireEvent.click(screen.getByTestId('held-submit'));
    await waitFor(() => expect(status()).toBe('Өткізілді'));
  });

  it('marks held: refuses a future date (translated) and a bad count, then the grid cell turns held', async () => {
    const m = await seedPlanned(OKRUG.kato, '2025-07-24');
    await openCard(m);
    fireEvent.click(screen.getByTestId('meeting-action-markHeld'));
    expect((screen.getByTestId('held-date') as HTMLInputElement).value).toBe('2025-07-10');
    change('held-attendance', '-3');
    fireEvent.click(screen.getByTestId('held-submit'));
    expect((await screen.findByTestId('held-error')).textContent).toBe('Енгізілген деректерді тексеріңіз: Қатысушылар саны.');
    change('held-attendance', '84');
    change('held-date', '2025-07-24');
    fireEvent.click(screen.getByTestId('held-submit'));
    await waitFor(() => expect(screen.getByTestId('held-error').textContent).toBe('Өткізілген күні 24.07.2025 әлі келген жоқ (бүгін 10.07.2025).'));
    change('held-date', '2025-07-09');
    change('held-viewers', '1200');
    fireEvent.click(screen.getByTestId('held-submit'));
    await waitFor(() => expect(status()).toBe('Өткізілді'));
    expect(handler('meetings:markHeld')).toHaveBeenLastCalledWith({ id: m.id, revision: 1, heldOn: '2025-07-09', attendance: 84, onlineViewers: 1200 });
    expect(screen.getByTestId('fact-attendance').textContent).toContain('84 адам; онлайн көрермендер: 1200');
    await waitFor(() => expect(screen.getByTestId(`cell-${OKRUG.kato}-2025-M07`).dataset['status']).toBe('held_on_time'));
    expect(document.activeElement?.className).toBe('card-notice');
  });

  it('cancels only with a reason, and shows it', async () => {
    const m = await seedPlanned(OKRUG.kato, '2025-07-24');
    await openCard(m);
    fireEvent.click(screen.getByTestId('meeting-action-cancel'));
    fireEvent.click(screen.getByTestId('cancel-submit'));
    expect((await screen.findByTestId('cancel-error')).textContent).toBe('Енгізілген деректерді тексеріңіз: Себебі.');
    change('cancel-reason', 'Карантин');
    fireEvent.click(screen.getByTestId('cancel-submit'));
    await waitFor(() => expect(status()).toBe('Күші жойылды'));
    expect(screen.getByTestId('fact-cancelled').textContent).toContain('Карантин');
    expect(shownActions()).toEqual([]);
  });

  it('postpones with a reason and a new date, warns about a date outside the windows, and keeps the old date', async () => {
    const m = await seedPlanned(OKRUG.kato, '2025-07-24');
    await openCard(m);
    fireEvent.click(screen.getByTestId('meeting-action-postpone'));
    change('postpone-date', '2025-08-12');
    await screen.findByTestId('postpone-warning-late_for_window');
    change('postpone-date', '2025-07-30');
    change('postpone-reason', 'Әкім іссапарда');
    await waitFor(() => expect(screen.queryByTestId('postpone-warning-late_for_window')).toBeNull());
    fireEvent.click(screen.getByTestId('postpone-submit'));
    await waitFor(() => expect(status()).toBe('Кейінге қалдырылды'));
    expect(screen.getByTestId('fact-postponed').textContent).toContain('бастапқы күні: 2025 жылғы 24 шілде. Себебі: Әкім іссапарда');
  });

  it('records the officials present with the decree’s two marks', async () => {
    const m = await seedPlanned(OKRUG.kato, '2025-07-24');
    await openCard(m);
    fireEvent.click(screen.getByTestId('meeting-action-setOfficials'));
    change('official-0-name', 'Ахметов Б.');
    change('official-0-position-kk', 'Ұлттық экономика вице-министрі');
    change('official-0-position-ru', 'вице-министр национальной экономики');
    change('official-0-body', 'Ұлттық экономика министрлігі');
    fireEvent.click(screen.getByTestId('official-0-government'));
    fireEvent.click(screen.getByTestId('official-add'));
    change('official-1-name', 'Сейітов Д.');
    fireEvent.click(screen.getByTestId('official-1-oblast'));
    fireEvent.click(screen.getByTestId('officials-submit'));
    await screen.findByTestId('fact-officials');
    expect(handler('meetings:setOfficials')).toHaveBeenCalledWith({
      id: m.id,
      revision: 1,
      officials: [
        { fullName: 'Ахметов Б.', positionKk: 'Ұлттық экономика вице-министрі', positionRu: 'вице-министр национальной экономики', body: 'Ұлттық экономика министрлігі', isGovernment: true, isOblastLeadership: false },
        { fullName: 'Сейітов Д.', positionKk: '', positionRu: '', body: '', isGovernment: false, isOblastLeadership: true },
      ],
    });
    const facts = screen.getByTestId('fact-officials').textContent;
    expect(facts).toContain('Ахметов Б., Ұлттық экономика вице-министрі, Ұлттық экономика министрлігі4.1-тармақ');
    expect(facts).toContain('Сейітов Д.5-тармақ');
  });

  it('sends the revision it showed; a conflict reloads the meeting and says so', async () => {
    const m = await seedPlanned(OKRUG.kato, '2025-07-24');
    await openCard(m);
    // Someone else announces it meanwhile (another window).
    await testCore().api.meetings.announce({ id: m.id, revision: 1, announcedOn: '2025-07-05', channels: ['radio'] });
    fireEvent.click(screen.getByTestId('meeting-action-cancel'));
    change('cancel-reason', 'Қате');
    fireEvent.click(screen.getByTestId('cancel-submit'));
    const conflict = await screen.findByTestId('card-conflict');
    expect(conflict.textContent).toContain('Жазба әлдеқашан өзгертілген');
    expect(conflict.textContent).toContain('Кездесудің соңғы нұсқасы жүктелді');
    await waitFor(() => expect(status()).toBe('Хабарланды'));
    expect(handler('meetings:cancel')).toHaveBeenLastCalledWith({ id: m.id, revision: 1, reason: 'Қате' });
    expect(screen.queryByTestId('cancel-form')).toBeNull();
  });

  it('closes a held meeting, after which nothing can be changed', async () => {
    const m = await seedPlanned(OKRUG.kato, '2025-07-24');
    await testCore().api.meetings.markHeld({ id: m.id, revision: 1, heldOn: '2025-07-08', attendance: 50, onlineViewers: null });
    renderWithI18n(<App />);
    fireEvent.click(within(await screen.findByTestId(`cell-${OKRUG.kato}-2025-M07`)).getByRole('button'));
    // A held window's cell opens the record panel; the meeting list of the Meetings screen opens the card.
    fireEvent.click(await screen.findByTestId('record-close'));
    fireEvent.click(screen.getByTestId('nav-meetings'));
    fireEvent.click(await screen.findByTestId(`meeting-open-${m.id}`));
    fireEvent.click(await screen.findByTestId('meeting-action-close'));
    expect(screen.getByText('Жабу хаттама толық дайын екенін білдіреді: жабылған кездесуді бұдан әрі өзгертуге болмайды.')).toBeTruthy();
    fireEvent.click(screen.getByTestId('close-submit'));
    await waitFor(() => expect(status()).toBe('Жабылды'));
    expect(shownActions()).toEqual([]);
  });
});
