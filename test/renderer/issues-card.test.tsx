import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import type { Issue } from '../../shared/contract/issues.contract';
import { blankIssueFields } from '../../shared/contract/issue-defaults';
import { handler, OKRUG, startCore, testCore, TODAY } from './test-core';
import { change } from './calendar-helpers';
import { openLog, seedBodies, withScrollerHeight } from './issues-helpers';
import { renderWithI18n } from './render';

withScrollerHeight();
let bodies: Awaited<ReturnType<typeof seedBodies>>;
beforeEach(async () => {
  await startCore({ setUp: true });
  bodies = await seedBodies();
});

/** An issue of the okrug assigned to the housing department, made through the unspied api. */
async function seedIssue(extra: { author?: boolean; meeting?: boolean } = {}): Promise<Issue> {
  const meeting = extra.meeting ? testCore().seeded.okrugJanuary! : null;
  return testCore().api.issues.create({
    unitKato: OKRUG.kato,
    meetingId: meeting?.id ?? null,
    raisedOn: meeting?.heldOn ?? '2025-07-01',
    fields: { ...blankIssueFields('Қараауыл ауылындағы көше жарығы жанбайды'), categoryId: 'power', bodyId: bodies.housing.id, deadline: '2025-08-01' },
    author: extra.author ? { fullName: 'Серікбаев Асқар', phone: '+7 701 123 45 67', address: 'Абай көшесі, 5' } : null,
  });
}

/** The log, then the issue's card from its row. */
async function openCard(issue: Issue): Promise<HTMLElement> {
  renderWithI18n(<App />);
  await openLog();
  fireEvent.click(await screen.findByTestId(`issue-row-${issue.registryNo}`));
  const card = await screen.findByTestId('issue-card');
  await within(card).findByTestId('issue-facts');
  return card;
}

const fact = (id: string) => screen.getByTestId(`issue-fact-${id}`).querySelector('dd')!.textContent;

describe('issue card', () => {
  it('shows every field of the record beside the list, with the registration in the history', async () => {
    const issue = await seedIssue({ meeting: true });
    const card = await openCard(issue);
    expect(within(card).getByRole('heading', { level: 2 }).textContent).toBe('№ 1 сұрақ');
    // Registered with a body assigned, so in progress from the start (the core's rule).
    expect(within(card).getByTestId('issue-status').textContent).toBe('Орындалуда');
    expect(fact('registry')).toBe('1 (кездесуде № 1)');
    expect(fact('text')).toBe('Қараауыл ауылындағы көше жарығы жанбайды');
    expect(fact('category')).toBe('Электрмен жабдықтау және көше жарығы');
    expect(fact('body')).toBe('Тұрғын үй-коммуналдық шаруашылығы бөлімі');
    expect(fact('deadline')).toBe('01.08.2025');
    expect(within(card).getAllByTestId('issue-history-row')).toHaveLength(1);
    expect(screen.getByTestId('issue-row-1').className).toContain('is-open');

    // The meeting it was raised at opens in the same panel.
    await waitFor(() => expect(screen.getByTestId('issue-meeting-link').textContent).toBe('Қараауыл а.о., 20.01.2025'));
    fireEvent.click(screen.getByTestId('issue-meeting-link'));
    expect(await screen.findByTestId('meeting-card')).toBeTruthy();
  });

  it('edits in place; a refused change shows why in the user’s language and changes nothing', async () => {
    const issue = await seedIssue();
    await openCard(issue);
    fireEvent.click(screen.getByTestId('issue-edit'));
    expect(document.activeElement).toBe(screen.getByTestId('issue-edit-kind'));
    change('issue-edit-eotinish', 'жоқ-нөмір');
    change('issue-edit-text', 'Көше жарығы үш айдан бері жанбайды');
    fireEvent.click(screen.getByTestId('issue-save'));
    await waitFor(() => expect(screen.getByTestId('issue-edit-error').textContent).toBe('Енгізілген деректерді тексеріңіз: e-Otinish тіркеу нөмірі.'));
    // Nothing was changed: the record is as it was, and the form keeps what was typed.
    // The contract refused it on its way in: the service never saw it.
    expect(handler('issues:update')).not.toHaveBeenCalled();
    expect(await testCore().api.issues.get({ id: issue.id })).toMatchObject({ revision: 1, text: issue.text, eotinishNo: '' });
    expect((screen.getByTestId('issue-edit-text') as HTMLTextAreaElement).value).toBe('Көше жарығы үш айдан бері жанбайды');

    change('issue-edit-eotinish', 'жт-2025-00000742');
    fireEvent.click(screen.getByTestId('issue-save'));
    await waitFor(() => expect(screen.getByTestId('issue-notice').textContent).toBe('Өзгерістер сақталды.'));
    // Only what changed travels, with the revision the card saw.
    expect(handler('issues:update')).toHaveBeenLastCalledWith({
      id: issue.id,
      revision: 1,
      fields: { text: 'Көше жарығы үш айдан бері жанбайды', eotinishNo: 'жт-2025-00000742' },
    });
    // The number is kept as typed (the domain's rule); the pattern is checked case-blind.
    expect(fact('eotinish')).toBe('жт-2025-00000742');
    expect(fact('text')).toBe('Көше жарығы үш айдан бері жанбайды');
    await waitFor(() => expect(screen.getByTestId('issue-row-1').textContent).toContain('Көше жарығы үш айдан бері жанбайды'));
  });

  it('shows the error in Russian for a Russian user', async () => {
    const issue = await seedIssue();
    await testCore().api.settings.setLanguage({ language: 'ru' });
    renderWithI18n(<App />, 'ru');
    await openLog();
    fireEvent.click(await screen.findByTestId(`issue-row-${issue.registryNo}`));
    fireEvent.click(await screen.findByTestId('issue-edit'));
    change('issue-edit-eotinish', '12345');
    fireEvent.click(screen.getByTestId('issue-save'));
    await waitFor(() => expect(screen.getByTestId('issue-edit-error').textContent).toBe('Проверьте введенные данные: Рег. номер в e-Otinish.'));
    // Next to the field too, which takes the cursor (zod's refusal names the path, not a reason).
    const eotinish = screen.getByTestId('issue-edit-eotinish');
    expect(screen.getByTestId('issue-edit-eotinish-error').textContent).toBe('Неверное значение');
    expect(eotinish.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(eotinish));
  });

  it('starts each closing status at its outcome, and asks for one when the issue is forwarded', async () => {
    const issue = await seedIssue();
    await openCard(issue);
    fireEvent.click(screen.getByTestId('issue-status-change'));
    const outcome = () => screen.getByTestId('issue-status-outcome') as HTMLSelectElement;
    for (const [status, expected] of [['done', 'satisfied'], ['explained', 'explained'], ['rejected', 'refused'], ['forwarded', '']] as const) {
      fireEvent.change(screen.getByTestId('issue-status-select'), { target: { value: status } });
      expect(outcome().value, status).toBe(expected);
    }
    // Forwarded: nothing is sent until an outcome is chosen; the reason is next to the field.
    fireEvent.click(screen.getByTestId('issue-status-submit'));
    const reason = await screen.findByTestId('issue-status-outcome-error');
    expect(reason.textContent).toBe('Нәтижесін таңдаңыз');
    expect(outcome().getAttribute('aria-invalid')).toBe('true');
    expect(outcome().getAttribute('aria-describedby')).toBe(reason.id);
    await waitFor(() => expect(document.activeElement).toBe(outcome()));
    expect(handler('issues:setStatus')).not.toHaveBeenCalled();
    fireEvent.change(outcome(), { target: { value: 'satisfied' } });
    expect(screen.queryByTestId('issue-status-outcome-error')).toBeNull();
    fireEvent.click(screen.getByTestId('issue-status-submit'));
    await waitFor(() => expect(handler('issues:setStatus')).toHaveBeenCalledTimes(1));
    expect(handler('issues:setStatus').mock.calls[0]![0].change).toMatchObject({ statusId: 'forwarded', outcome: 'satisfied' });
  });

  it('closes with an outcome: the outcome defaults to the status’s own and can be changed', async () => {
    const issue = await seedIssue();
    const card = await openCard(issue);
    fireEvent.click(screen.getByTestId('issue-status-change'));
    fireEvent.change(screen.getByTestId('issue-status-select'), { target: { value: 'done' } });
    expect((screen.getByTestId('issue-status-outcome') as HTMLSelectElement).value).toBe('satisfied');
    fireEvent.change(screen.getByTestId('issue-status-outcome'), { target: { value: 'explained' } });
    change('issue-status-comment', 'Тұрғындарға жөндеу кестесі түсіндірілді');
    change('issue-status-document', '№ 02-15/347');
    fireEvent.click(screen.getByTestId('issue-status-submit'));
    await waitFor(() => expect(within(card).getByTestId('issue-status').textContent).toBe('Орындалды'));
    expect(handler('issues:setStatus')).toHaveBeenCalledWith({
      items: [{ id: issue.id, revision: 1 }],
      change: { statusId: 'done', onDate: TODAY, comment: 'Тұрғындарға жөндеу кестесі түсіндірілді', documentRef: '№ 02-15/347', outcome: 'explained' },
    });
    expect(fact('outcome')).toBe('Түсіндірілді, 10.07.2025');
    const rows = within(card).getAllByTestId('issue-history-row');
    expect(rows).toHaveLength(2);
    expect(rows[1]!.textContent).toContain('Орындалды');
    expect(rows[1]!.textContent).toContain('Түсіндірілді');
    expect(rows[1]!.textContent).toContain('Құжат: № 02-15/347');
    expect(screen.getByTestId('issue-notice').textContent).toBe('Күйі өзгертілді.');
    // A closed issue is not prolonged.
    expect(screen.queryByTestId('issue-prolong')).toBeNull();
  });

  it('prolongs with a new date and a reason, and shows how many times', async () => {
    const issue = await seedIssue();
    await openCard(issue);
    fireEvent.click(screen.getByTestId('issue-prolong'));
    expect((screen.getByTestId('issue-prolong-date') as HTMLInputElement).value).toBe('2025-08-31');
    fireEvent.click(screen.getByTestId('issue-prolong-submit'));
    expect(screen.getByTestId('issue-prolong-error').textContent).toBe('Енгізілген деректерді тексеріңіз: Себебі.');
    expect(handler('issues:prolong')).not.toHaveBeenCalled();
    change('issue-prolong-date', '2025-09-15');
    change('issue-prolong-reason', 'Мердігер ауыстырылды');
    fireEvent.click(screen.getByTestId('issue-prolong-submit'));
    await waitFor(() => expect(fact('deadline')).toBe('15.09.2025 · Мерзімі 1 рет ұзартылды'));
    expect(handler('issues:prolong')).toHaveBeenCalledWith({ id: issue.id, revision: 1, newDeadline: '2025-09-15', reason: 'Мердігер ауыстырылды' });
    expect(screen.getByTestId('issue-prolongations').textContent).toContain('01.08.2025 → 15.09.2025: Мердігер ауыстырылды');
    await waitFor(() => expect(screen.getByTestId('issue-row-1').textContent).toContain('15.09.2025'));
  });

  it('keeps personal data hidden until asked, and edits it apart from the issue', async () => {
    const issue = await seedIssue({ author: true });
    const card = await openCard(issue);
    expect(card.textContent).not.toContain('Серікбаев');
    expect(card.textContent).toContain('Дербес деректер жасырылған.');
    expect(handler('issues:author')).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('issue-author-show'));
    await waitFor(() => expect(screen.getByTestId('issue-author').textContent).toContain('Серікбаев Асқар'));
    expect(handler('issues:author')).toHaveBeenCalledWith({ id: issue.id });

    fireEvent.click(screen.getByTestId('issue-author-edit'));
    change('issue-author-phone', 'жоқ');
    fireEvent.click(screen.getByTestId('issue-author-save'));
    await waitFor(() => expect(screen.getByTestId('issue-author-error').textContent).toBe('Енгізілген деректерді тексеріңіз: Телефоны.'));
    change('issue-author-phone', '+7 777 000 11 22');
    fireEvent.click(screen.getByTestId('issue-author-save'));
    await waitFor(() => expect(screen.getByTestId('issue-author').textContent).toContain('+7 777 000 11 22'));
    expect((await testCore().api.issues.author({ id: issue.id }))?.phone).toBe('+7 777 000 11 22');

    fireEvent.click(screen.getByTestId('issue-author-hide'));
    expect(card.textContent).not.toContain('Серікбаев');
  });

  it('links to the issue it repeats', async () => {
    const earlier = await seedIssue();
    const later = await seedIssue();
    await openCard(later);
    fireEvent.click(screen.getByTestId('issue-edit'));
    change('issue-edit-repeats-search', 'жарығы');
    fireEvent.click(await screen.findByTestId(`issue-edit-repeats-${earlier.registryNo}`));
    fireEvent.click(screen.getByTestId('issue-save'));
    await waitFor(() => expect(screen.getByTestId('issue-repeats-link').textContent).toBe('01.07.2025 күнгі № 1'));
    expect(handler('issues:update')).toHaveBeenLastCalledWith({ id: later.id, revision: 1, fields: { repeatsId: earlier.id } });
    fireEvent.click(screen.getByTestId('issue-repeats-link'));
    await waitFor(() => expect(within(screen.getByTestId('issue-card')).getByRole('heading', { level: 2 }).textContent).toBe('№ 1 сұрақ'));
  });
});
