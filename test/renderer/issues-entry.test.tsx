import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import type { IssueKind } from '../../shared/domain/issues/issue';
import { bodyOf } from '../../renderer/src/stores/minutes.store';
import { handler, OKRUG, startCore, testCore, VILLAGE } from './test-core';
import { change } from './calendar-helpers';
import { allIssues, countOf, issueRows, registryNos, seedBodies, withScrollerHeight } from './issues-helpers';
import { renderWithI18n } from './render';

withScrollerHeight();
beforeEach(() => startCore({ setUp: true }));

/** Okrug's meeting held on 20 January (startCore), opened from the meetings screen, then its issues. */
async function openMeetingIssues() {
  const meeting = testCore().seeded.okrugJanuary!;
  renderWithI18n(<App />);
  fireEvent.click(await screen.findByTestId('nav-meetings'));
  fireEvent.click(await screen.findByTestId(`meeting-open-${meeting.id}`));
  fireEvent.click(await screen.findByTestId('meeting-issues'));
  await screen.findByTestId('issues-screen');
  await screen.findByTestId('issue-new');
  await waitFor(() => expect(screen.getByTestId('issues-meeting-scope').textContent).toContain('Кездесу: Қараауыл а.о., 20.01.2025'));
  return meeting;
}

const text = () => screen.getByTestId('issue-new-text') as HTMLTextAreaElement;

/** Types one issue the way a secretary does: fields, text, Ctrl+Enter in the text. */
async function typeIssue(n: number, kind: IssueKind, words: string) {
  fireEvent.change(screen.getByTestId('issue-new-kind'), { target: { value: kind } });
  change('issue-new-text', words);
  fireEvent.keyDown(text(), { key: 'Enter', ctrlKey: true });
  await waitFor(() => expect(handler('issues:create')).toHaveBeenCalledTimes(n));
  await waitFor(() => expect(text().value).toBe(''));
  expect(document.activeElement).toBe(text());
}

describe('adding issues by keyboard', () => {
  it('from a held meeting: five issues in a row, the form staying open, focus back in the text', async () => {
    const { roads } = await seedBodies();
    const meeting = await openMeetingIssues();
    expect(screen.getByTestId('nav-issues').getAttribute('aria-current')).toBe('page');
    expect(document.activeElement).toBe(text());
    expect(screen.getByTestId('issues-total').textContent).toBe('0 сұрақ табылды');

    // The first one in full: category, village, body, deadline, answered on the spot, author.
    fireEvent.change(screen.getByTestId('issue-new-category'), { target: { value: 'roads' } });
    fireEvent.change(screen.getByTestId('issue-new-locality'), { target: { value: VILLAGE.kato } });
    fireEvent.change(screen.getByTestId('issue-new-body'), { target: { value: roads.id } });
    change('issue-new-deadline', '2025-09-30');
    fireEvent.click(screen.getByTestId('issue-new-answered'));
    change('issue-new-answer', 'Жөндеу тамызда басталады');
    change('issue-new-author-name', 'Серікбаев Асқар');
    await typeIssue(1, 'question', 'Орталық көшедегі жолды жөндеу қашан басталады?');
    expect(handler('issues:create')).toHaveBeenLastCalledWith({
      unitKato: OKRUG.kato,
      meetingId: meeting.id,
      raisedOn: '2025-01-20',
      fields: expect.objectContaining({
        kind: 'question',
        receivedVia: 'oral',
        text: 'Орталық көшедегі жолды жөндеу қашан басталады?',
        categoryId: 'roads',
        localityKato: VILLAGE.kato,
        bodyId: roads.id,
        deadline: '2025-09-30',
        answeredOnSpot: true,
        answer: 'Жөндеу тамызда басталады',
      }),
      author: { fullName: 'Серікбаев Асқар', phone: '', address: '' },
    });
    // The kind carries over; the village and the deadline only when asked (they are not, by default).
    expect((screen.getByTestId('issue-new-kind') as HTMLSelectElement).value).toBe('question');
    expect((screen.getByTestId('issue-new-locality') as HTMLSelectElement).value).toBe('');
    expect((screen.getByTestId('issue-new-deadline') as HTMLInputElement).value).toBe('');
    expect((screen.getByTestId('issue-new-category') as HTMLSelectElement).value).toBe('');
    expect((screen.getByTestId('issue-new-author-name') as HTMLInputElement).value).toBe('');
    const keep = screen.getByTestId('issue-new-keep') as HTMLInputElement;
    expect(keep.checked).toBe(false);
    expect(keep.closest('label')!.textContent).toBe('Елді мекен мен орындау мерзімін келесі сұраққа қалдыру');
    // Asked: the next ones keep them.
    fireEvent.click(keep);
    fireEvent.change(screen.getByTestId('issue-new-locality'), { target: { value: VILLAGE.kato } });
    change('issue-new-deadline', '2025-10-15');

    await typeIssue(2, 'proposal', 'Мектеп жанына балалар алаңын салу');
    await typeIssue(3, 'complaint', 'Су құбыры жиі бұзылады');
    await typeIssue(4, 'remark', 'Көше жарығы кешке жанбайды');
    await typeIssue(5, 'request', 'Клубқа жаңа орындықтар керек');
    expect(screen.getByTestId('issue-new-saved').textContent).toBe('Сақталды: 5 (соңғысы № 5)');
    expect((screen.getByTestId('issue-new-locality') as HTMLSelectElement).value).toBe(VILLAGE.kato);
    expect((screen.getByTestId('issue-new-deadline') as HTMLInputElement).value).toBe('2025-10-15');
    expect(handler('issues:create').mock.calls.slice(1).map(([input]) => [input.fields.localityKato, input.fields.deadline])).toEqual(
      Array(4).fill([VILLAGE.kato, '2025-10-15']),
    );

    // The log of the meeting shows them, newest first, with meeting numbers 1..5.
    await waitFor(() => expect(registryNos()).toEqual([5, 4, 3, 2, 1]));
    expect(screen.getByTestId('issues-total').textContent).toBe('5 сұрақ табылды');
    // The first was answered on the spot, so the core closed it as explained; the rest are registered.
    await waitFor(() => expect(countOf('new')).toBe('4'));
    expect(countOf('explained')).toBe('1');
    expect((await allIssues()).map((i) => [i.meetingNo, i.statusId])).toEqual([[1, 'explained'], [2, 'new'], [3, 'new'], [4, 'new'], [5, 'new']]);
    expect(within(screen.getByTestId('issue-row-1')).getByText('Сұрақ')).toBeTruthy();
    expect(screen.getByTestId('issue-row-1').textContent).toContain(VILLAGE.nameKk);
  });

  it('refuses an empty text before sending anything, and Escape closes the form', async () => {
    await openMeetingIssues();
    fireEvent.keyDown(text(), { key: 'Enter', ctrlKey: true });
    expect((await screen.findByTestId('issue-new-error')).textContent).toBe('Енгізілген деректерді тексеріңіз: Мәтіні.');
    expect(handler('issues:create')).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(text());
    const reason = screen.getByTestId('issue-new-text-error');
    expect(reason.textContent).toBe('Бұл өрісті толтырыңыз');
    expect(text().getAttribute('aria-invalid')).toBe('true');
    expect(text().getAttribute('aria-describedby')).toBe(reason.id);
    fireEvent.keyDown(text(), { key: 'Escape' });
    expect(screen.queryByTestId('issue-new')).toBeNull();
    fireEvent.click(screen.getByTestId('issue-new-open'));
    expect(await screen.findByTestId('issue-new')).toBeTruthy();
  });

  it('says next to the deadline that it is before the date received, and puts the cursor there', async () => {
    await openMeetingIssues();
    change('issue-new-deadline', '2025-01-10');
    change('issue-new-text', 'Көпірді жөндеу');
    fireEvent.click(screen.getByTestId('issue-new-save'));
    const reason = await screen.findByTestId('issue-new-deadline-error');
    expect(reason.textContent).toBe('Мерзімі түскен күнінен бұрын');
    const deadline = screen.getByTestId('issue-new-deadline');
    expect(deadline.getAttribute('aria-invalid')).toBe('true');
    expect(deadline.getAttribute('aria-describedby')).toBe(reason.id);
    await waitFor(() => expect(document.activeElement).toBe(deadline));
    // Only the refused field is marked; the summary names it too.
    expect(text().getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByTestId('issue-new-error').textContent).toBe('Енгізілген деректерді тексеріңіз: Орындау мерзімі.');
    // Fixed, it saves, and the marks go.
    change('issue-new-deadline', '2025-02-10');
    fireEvent.click(screen.getByTestId('issue-new-save'));
    await waitFor(() => expect(screen.getByTestId('issue-new-saved').textContent).toBe('Сақталды: 1 (соңғысы № 1)'));
    expect(screen.queryByTestId('issue-new-deadline-error')).toBeNull();
    expect(deadline.getAttribute('aria-invalid')).toBeNull();
  });

  it('registers the questions captured in the meeting’s minutes, and says how many', async () => {
    const { api, seeded } = testCore();
    const minutes = await api.minutes.open({ meetingId: seeded.okrugJanuary!.id });
    const speech = (issueKind: IssueKind | null, issueText: string) => ({
      id: crypto.randomUUID(),
      speaker: 'Тұрғын',
      localityKato: null,
      gist: issueText || 'Алғыс айтты',
      issueKind,
      issueText,
    });
    await api.minutes.save({
      minutesId: minutes.id,
      revision: minutes.revision,
      body: {
        ...bodyOf(minutes),
        items: [
          {
            id: crypto.randomUUID(),
            title: 'Әкімнің есебі',
            speaker: 'Әкім',
            heard: '',
            speeches: [speech('question', 'Ауылдағы жолды жөндеу'), speech(null, ''), speech('complaint', 'Су жоқ')],
            decisions: [],
          },
        ],
      },
    });
    await openMeetingIssues();
    fireEvent.click(screen.getByTestId('issues-from-minutes'));
    await waitFor(() => expect(screen.getByTestId('issues-from-minutes-result').textContent).toBe('Хаттамадан 2 сұрақ тіркелді.'));
    await waitFor(() => expect(issueRows()).toHaveLength(2));
    // Again: the questions are in the log already.
    fireEvent.click(screen.getByTestId('issues-from-minutes'));
    await waitFor(() => expect(screen.getByTestId('issues-from-minutes-result').textContent).toBe('Хаттамада журналға әлі енгізілмеген сұрақ жоқ.'));
    expect(handler('issues:fromMinutes')).toHaveBeenCalledTimes(2);
    expect((await allIssues()).map((i) => i.text)).toEqual(['Ауылдағы жолды жөндеу', 'Су жоқ']);
  });

  it('adds an issue outside any meeting (a personal reception), choosing the unit and date', async () => {
    renderWithI18n(<App />);
    fireEvent.click(await screen.findByTestId('nav-issues'));
    fireEvent.click(await screen.findByTestId('issue-new-open'));
    await waitFor(() => expect(screen.getByTestId('issue-new-unit').querySelectorAll('option').length).toBeGreaterThan(1));
    fireEvent.change(screen.getByTestId('issue-new-unit'), { target: { value: OKRUG.kato } });
    change('issue-new-date', '2025-07-08');
    fireEvent.change(screen.getByTestId('issue-new-via'), { target: { value: 'personal_reception' } });
    change('issue-new-text', 'Жер телімін беру мерзімі');
    fireEvent.click(screen.getByTestId('issue-new-save'));
    await waitFor(() => expect(handler('issues:create')).toHaveBeenCalledTimes(1));
    expect(handler('issues:create').mock.calls[0]![0]).toMatchObject({ unitKato: OKRUG.kato, meetingId: null, raisedOn: '2025-07-08', fields: { receivedVia: 'personal_reception' } });
    await waitFor(() => expect(issueRows()).toHaveLength(1));
  });
});
