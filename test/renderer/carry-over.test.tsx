import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { blankIssueFields } from '../../shared/contract/issue-defaults';
import type { IsoDate } from '../../shared/domain/dates';
import { handler, OKRUG, ROOT, startCore, testCore } from './test-core';
import { seedPlanned } from './seed';
import { heldId, openHeldMinutes } from './minutes-helpers';
import { renderWithI18n } from './render';

beforeEach(() => startCore({ setUp: true }));

/** An issue registered through the core, then moved to `status` on `statusOn` if given. */
async function seedIssue(issue: { unitKato: string; meetingId: string | null; raisedOn: IsoDate; text: string; deadline: IsoDate | null; status?: string; statusOn?: IsoDate }) {
  const { api } = testCore();
  const created = await api.issues.create({
    unitKato: issue.unitKato,
    meetingId: issue.meetingId,
    raisedOn: issue.raisedOn,
    fields: { ...blankIssueFields(issue.text), deadline: issue.deadline },
    author: null,
  });
  if (!issue.status) return created;
  const [moved] = await api.issues.setStatus({
    items: [{ id: created.id, revision: created.revision }],
    change: { statusId: issue.status, onDate: issue.statusOn ?? issue.raisedOn, comment: '', documentRef: '', outcome: null },
  });
  return moved!;
}

/** At the okrug's January meeting: two issues still open (one overdue), one done. */
async function seedJanuaryIssues() {
  const january = testCore().seeded.okrugJanuary!.id;
  const raised = { unitKato: OKRUG.kato, meetingId: january, raisedOn: '2025-01-20' } as const;
  await seedIssue({ ...raised, text: 'Көше жарығы жанбайды', deadline: '2025-12-01', status: 'in_progress' });
  await seedIssue({ ...raised, text: 'Нет питьевой воды летом', deadline: '2025-03-01', status: 'in_progress' });
  await seedIssue({ ...raised, text: 'Мектепке автобус керек', deadline: '2025-12-01', status: 'done', statusOn: '2025-03-01' });
}

/** The district's own open issue, raised before its held meeting (12 February), not at a meeting. */
const districtIssue = (deadline: IsoDate | null) =>
  seedIssue({ unitKato: ROOT.kato, meetingId: null, raisedOn: '2025-01-10', text: 'Аудандық жол жөнделмеген', deadline });

describe('carry-over: the issues raised last time', () => {
  it('lists the open ones on the card of the unit’s next meeting', async () => {
    await seedJanuaryIssues();
    const next = await seedPlanned(OKRUG.kato, '2025-07-24');
    renderWithI18n(<App />);
    fireEvent.click(within(await screen.findByTestId(`cell-${OKRUG.kato}-2025-M07`)).getByRole('button'));
    const section = await screen.findByTestId('carry-over');
    expect(within(section).getByText('Өткен жолы көтерілген мәселелер')).toBeTruthy();
    await waitFor(() => expect(within(section).getAllByRole('listitem')).toHaveLength(2));
    expect(handler('issues:carryOver')).toHaveBeenCalledWith({ meetingId: next.id });
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
    const january = testCore().seeded.okrugJanuary!.id;
    await seedIssue({ unitKato: OKRUG.kato, meetingId: january, raisedOn: '2025-01-20', text: 'Мектепке автобус керек', deadline: null, status: 'done', statusOn: '2025-03-01' });
    const next = await seedPlanned(OKRUG.kato, '2025-07-24');
    renderWithI18n(<App />);
    fireEvent.click(await screen.findByTestId('nav-meetings'));
    fireEvent.click(await screen.findByTestId(`meeting-open-${next.id}`));
    const section = await screen.findByTestId('carry-over');
    expect(await within(section).findByText('Бұрынғы кездесулерден шешілмеген мәселе жоқ.')).toBeTruthy();
    fireEvent.click(screen.getByTestId('card-close'));
    fireEvent.click(await screen.findByTestId(`meeting-open-${heldId()}`));
    await screen.findByTestId('meeting-status');
    expect(screen.queryByTestId('carry-over')).toBeNull();
  });

  it('offers the open issues as a checklist, all chosen; what is chosen becomes the agenda item', async () => {
    // The district's held meeting reports on the district's open issues, not on its okrugs' ones.
    await seedJanuaryIssues();
    await districtIssue(null);
    await seedIssue({ unitKato: ROOT.kato, meetingId: null, raisedOn: '2025-01-11', text: 'Аурухана жөнделмеген', deadline: null });
    await seedIssue({ unitKato: ROOT.kato, meetingId: null, raisedOn: '2025-01-12', text: 'Көпір құлаған', deadline: null });
    await openHeldMinutes();
    const add = await screen.findByTestId('carry-over-add');
    expect(add.textContent).toBe('Күн тәртібіне қосу: өткен жолы көтерілген мәселелер туралы есеп (3)');
    fireEvent.click(add);
    const pick = await screen.findByTestId('carry-over-pick');
    const boxes = () => within(pick).getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes().map((b) => b.checked)).toEqual([true, true, true]);
    await waitFor(() => expect(document.activeElement).toBe(boxes()[0]));
    expect(within(pick).getByTestId('carry-over-count').textContent).toBe('3 мәселенің 3 таңдалды');
    // Nothing is in the minutes until the secretary says which.
    expect(screen.queryByTestId('item-0-title')).toBeNull();

    fireEvent.click(within(pick).getByTestId('carry-over-none'));
    expect(boxes().map((b) => b.checked)).toEqual([false, false, false]);
    expect((within(pick).getByTestId('carry-over-confirm') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(pick).getByTestId('carry-over-all'));
    fireEvent.click(boxes()[1]!);
    expect(within(pick).getByTestId('carry-over-count').textContent).toBe('3 мәселенің 2 таңдалды');
    expect(within(pick).getByTestId('carry-over-confirm').textContent).toBe('Күн тәртібіне қосу (2 мәселе)');
    fireEvent.click(within(pick).getByTestId('carry-over-confirm'));

    const title = (await screen.findByTestId('item-0-title')) as HTMLInputElement;
    expect(title.value).toBe('Өткен кездесуде көтерілген мәселелердің шешілу барысы туралы есеп');
    const heard = (screen.getByTestId('item-0-heard') as HTMLTextAreaElement).value.split('\n');
    expect(heard).toEqual(['Өткен кездесулерде көтерілген, әлі шешілмеген мәселелер:', '1. тіркеу № 1: Аудандық жол жөнделмеген — Тіркелді', '2. тіркеу № 3: Көпір құлаған — Тіркелді']);
    await waitFor(() => expect(document.activeElement).toBe(title));
    // Offered once: the item is there now.
    expect(screen.queryByTestId('carry-over-add')).toBeNull();
    expect(screen.queryByTestId('carry-over-pick')).toBeNull();
  });

  it('Alt+Shift+R while typing opens the checklist; Cancel adds nothing; the Russian count agrees', async () => {
    await testCore().api.settings.setLanguage({ language: 'ru' });
    await districtIssue('2025-03-01');
    await openHeldMinutes('ru');
    await screen.findByTestId('carry-over-add');
    const chair = screen.getByTestId('minutes-chair');
    chair.focus();
    fireEvent.keyDown(chair, { key: 'R', code: 'KeyR', altKey: true, shiftKey: true });
    const pick = await screen.findByTestId('carry-over-pick');
    expect(within(pick).getByTestId('carry-over-count').textContent).toBe('Выбран 1 из 1');
    expect(within(pick).getByTestId('carry-over-confirm').textContent).toBe('Добавить в повестку (1 вопрос)');
    expect(pick.textContent).toMatch(/Аудандық жол жөнделмеген — .+, просрочено/);
    fireEvent.click(within(pick).getByTestId('carry-over-cancel'));
    expect(screen.queryByTestId('carry-over-pick')).toBeNull();
    expect(screen.queryByTestId('item-0-title')).toBeNull();
    fireEvent.keyDown(screen.getByTestId('minutes-chair'), { key: 'R', code: 'KeyR', altKey: true, shiftKey: true });
    fireEvent.click(within(await screen.findByTestId('carry-over-pick')).getByTestId('carry-over-confirm'));
    const heard = (await screen.findByTestId('item-0-heard')) as HTMLTextAreaElement;
    expect(heard.value).toContain('Аудандық жол жөнделмеген');
    // Pressed again, nothing is added twice.
    fireEvent.keyDown(screen.getByTestId('item-0-heard'), { key: 'R', code: 'KeyR', altKey: true, shiftKey: true });
    expect(screen.queryByTestId('carry-over-pick')).toBeNull();
    expect(screen.queryByTestId('item-1-title')).toBeNull();
  });
});
