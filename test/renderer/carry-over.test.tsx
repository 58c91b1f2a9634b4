import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/src/App';
import { fakeApi, fakeIssues, OKRUG, resetWorld, ROOT } from './fake-api';
import { seedPlanned } from './calendar-helpers';
import { HELD_ID, openHeldMinutes } from './minutes-helpers';
import { renderWithI18n } from './render';

vi.mock('../../renderer/src/api', async () => ({ api: (await import('./fake-api')).fakeApi }));

/** The okrug's January meeting (seeded by resetWorld): two issues still open, one done. */
const JANUARY = '00000000-0000-4000-8000-000000000002';

beforeEach(() => {
  resetWorld({ setUp: true });
  const open = { statusId: 'in_progress', closed: false, outcome: null, closedOn: null };
  fakeIssues.seed(3, OKRUG.kato, (n) => ({
    meetingId: JANUARY,
    meetingNo: n,
    raisedOn: '2025-01-20',
    text: ['Көше жарығы жанбайды', 'Нет питьевой воды летом', 'Мектепке автобус керек'][n - 1]!,
    deadline: n === 2 ? '2025-03-01' : '2025-12-01',
    ...(n === 3 ? { statusId: 'done', closed: true, outcome: 'satisfied', closedOn: '2025-03-01' } : open),
  }));
});

describe('carry-over: the issues raised last time', () => {
  it('lists the open ones on the card of the unit’s next meeting', async () => {
    const next = await seedPlanned(OKRUG.kato, '2025-07-24');
    renderWithI18n(<App />);
    fireEvent.click(within(await screen.findByTestId(`cell-${OKRUG.kato}-2025-M07`)).getByRole('button'));
    const section = await screen.findByTestId('carry-over');
    expect(within(section).getByText('Өткен жолы көтерілген мәселелер')).toBeTruthy();
    await waitFor(() => expect(within(section).getAllByRole('listitem')).toHaveLength(2));
    expect(fakeApi.issues.carryOver).toHaveBeenCalledWith({ meetingId: next.id });
    const first = within(section).getByTestId('carry-over-1');
    expect(first.textContent).toContain('тіркеу № 1');
    expect(first.textContent).toContain('Көше жарығы жанбайды');
    expect(first.textContent).toContain('Орындалуда');
    // Overdue is said in words.
    expect(within(section).getByTestId('carry-over-2').textContent).toMatch(/Мерзімі өткен/i);
    expect(section.textContent).not.toContain('Мектепке автобус керек');
    expect(section.textContent).toContain('2 мәселе әлі шешілмеген');
  });

  it('says so when nothing is left open, and is not on a held meeting’s card', async () => {
    fakeIssues.reset();
    const next = await seedPlanned(OKRUG.kato, '2025-07-24');
    renderWithI18n(<App />);
    fireEvent.click(await screen.findByTestId('nav-meetings'));
    fireEvent.click(await screen.findByTestId(`meeting-open-${next.id}`));
    const section = await screen.findByTestId('carry-over');
    expect(await within(section).findByText('Бұрынғы кездесулерден шешілмеген мәселе жоқ.')).toBeTruthy();
    fireEvent.click(screen.getByTestId('card-close'));
    fireEvent.click(await screen.findByTestId(`meeting-open-${HELD_ID}`));
    await screen.findByTestId('meeting-status');
    expect(screen.queryByTestId('carry-over')).toBeNull();
  });

  it('adds the agenda item with the open issues to the next meeting’s minutes in one click', async () => {
    // The district's held meeting reports on the district's open issue.
    fakeIssues.seed(1, ROOT.kato, () => ({ text: 'Аудандық жол жөнделмеген', raisedOn: '2025-01-10', statusId: 'new', closed: false, outcome: null, closedOn: null, deadline: null }));
    await openHeldMinutes('kk', HELD_ID);
    const add = await screen.findByTestId('carry-over-add');
    expect(add.textContent).toBe('Күн тәртібіне қосу: өткен жолы көтерілген мәселелер туралы есеп (1)');
    fireEvent.click(add);
    const title = (await screen.findByTestId('item-0-title')) as HTMLInputElement;
    expect(title.value).toBe('Өткен кездесуде көтерілген мәселелердің шешілу барысы туралы есеп');
    const heard = (screen.getByTestId('item-0-heard') as HTMLTextAreaElement).value.split('\n');
    expect(heard).toEqual(['Өткен кездесулерде көтерілген, әлі шешілмеген мәселелер:', '1. тіркеу № 1: Аудандық жол жөнделмеген — Тіркелді']);
    await waitFor(() => expect(document.activeElement).toBe(title));
    // Offered once: the item is there now.
    expect(screen.queryByTestId('carry-over-add')).toBeNull();
  });

  it('adds it with Alt+Shift+R while typing in the minutes', async () => {
    fakeIssues.seed(1, ROOT.kato, () => ({ text: 'Аудандық жол жөнделмеген', statusId: 'new', closed: false, outcome: null, closedOn: null, deadline: '2025-03-01' }));
    await openHeldMinutes('kk', HELD_ID);
    await screen.findByTestId('carry-over-add');
    const chair = screen.getByTestId('minutes-chair');
    chair.focus();
    fireEvent.keyDown(chair, { key: 'R', code: 'KeyR', altKey: true, shiftKey: true });
    const heard = (await screen.findByTestId('item-0-heard')) as HTMLTextAreaElement;
    expect(heard.value).toContain('тіркеу № 1: Аудандық жол жөнделмеген — Тіркелді, мерзімі өткен');
    // Pressed again, nothing is added twice.
    fireEvent.keyDown(screen.getByTestId('item-0-heard'), { key: 'R', code: 'KeyR', altKey: true, shiftKey: true });
    expect(screen.queryByTestId('item-1-title')).toBeNull();
  });
});
