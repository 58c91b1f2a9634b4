import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import type { IssueRow } from '../../shared/contract/issues.contract';
import { SEED_STATUS_CODES } from '../../shared/domain/issues/issue';
import { handler, ROOT, startCore, testCore, TODAY } from './test-core';
import { change } from './calendar-helpers';
import { allIssues, countOf, issueRows, openLog, registryNos, scrollLogTo, scroller, seedIssues, withScrollerHeight } from './issues-helpers';
import { HEAD_HEIGHT, ROW_HEIGHT } from '../../renderer/src/features/issues/IssueTable';
import { PAGE_SIZE } from '../../renderer/src/stores/issues.store';
import { renderWithI18n } from './render';

withScrollerHeight();
beforeEach(() => startCore({ setUp: true }));

const total = () => screen.getByTestId('issues-total').textContent;
const lastListInput = () => handler('issues:list').mock.calls.at(-1)![0];

/**
 * Three windows of 200: enough to show that only the window in view is fetched and rendered,
 * and that a scroll to the last one skips the one between. Each issue goes through the real
 * issue service (about a millisecond apiece here), so the fake's 10,000 would spend ten seconds
 * seeding to prove nothing more; the E2E runs the log over 100,000.
 */
const MANY = 3 * PAGE_SIZE;
const seedMany = () => seedIssues(MANY, ROOT.kato, (n) => ({ raisedOn: '2025-03-01', text: `Сұрақ ${n}` }));

describe('issue log: a virtualised window over many issues', () => {
  it('renders only the rows in view of many issues and fetches one window of 200', async () => {
    seedMany();
    renderWithI18n(<App />);
    await openLog();
    await waitFor(() => expect(issueRows().length).toBeGreaterThan(10));
    expect(total()).toBe(`${MANY} сұрақ табылды`);
    // 600 px of 42 px rows plus the overscan: a few dozen rows in the DOM, never hundreds.
    expect(issueRows().length).toBeLessThan(40);
    expect(registryNos()[0]).toBe(MANY);
    expect(handler('issues:list')).toHaveBeenCalledTimes(1);
    expect(lastListInput()).toEqual({ filter: {}, sort: { key: 'registryNo', dir: 'desc' }, offset: 0, limit: 200 });
  });

  it('fetches the window a scroll reaches, and only that one', async () => {
    seedMany();
    renderWithI18n(<App />);
    await openLog();
    await waitFor(() => expect(issueRows().length).toBeGreaterThan(10));
    // Row 500 is well inside the window 400..599 (newest first: registry No. 100), past 200..399.
    scrollLogTo(500 * ROW_HEIGHT);
    await waitFor(() => expect(screen.getByTestId('issue-row-100')).toBeTruthy());
    expect(lastListInput()).toMatchObject({ offset: 400, limit: 200 });
    expect(handler('issues:list')).toHaveBeenCalledTimes(2);
    expect(issueRows().length).toBeLessThan(40);
    expect(screen.queryByTestId(`issue-row-${MANY}`)).toBeNull();
    // The rows are placed where the scroll is: the first one rendered sits just above the view.
    const first = issueRows()[0]!;
    expect(Number(first.getAttribute('aria-rowindex'))).toBeGreaterThan(480);
  });
});

const TEXTS = [
  'Ауылдағы жолды жөндеу қашан басталады?',
  'Ремонт дороги на улице Абая',
  'Көше жарығы жанбайды',
  'Нет питьевой воды летом',
  'Мектепке жаңа автобус керек',
  'Жолаушылар автобусы сирек жүреді',
];
const pad = (n: number) => String(n).padStart(2, '0');

describe('issue log: filters, search and counts', () => {
  let seeded: IssueRow[];
  beforeEach(async () => {
    // 14 issues: statuses rotate through the seven seed statuses, so two of each; raised from
    // January to June, due a month to four months later, so some open ones are overdue.
    seedIssues(14, ROOT.kato, (n) => {
      const month = 1 + (n % 6);
      return {
        raisedOn: `2025-${pad(month)}-${pad(1 + (n % 28))}`,
        text: TEXTS[n % TEXTS.length]!,
        statusId: SEED_STATUS_CODES[n % SEED_STATUS_CODES.length]!,
        fields: { categoryId: ['roads', 'water', 'power'][n % 3]!, deadline: `2025-${pad(month + 1 + (n % 4))}-15`, onControl: n % 5 === 0 },
      };
    });
    seeded = await allIssues();
  });

  it('shows counts by status, overdue and on control, and keeps them over the status filter', async () => {
    renderWithI18n(<App />);
    await openLog();
    await waitFor(() => expect(countOf('done')).toBe('2'));
    expect(countOf('new')).toBe('2');
    expect(countOf('total')).toBe('14');
    const overdue = seeded.filter((i) => i.overdue).length;
    expect(overdue).toBeGreaterThan(0);
    expect(countOf('overdue')).toBe(String(overdue));
    expect(countOf('control')).toBe(String(seeded.filter((i) => i.onControl).length));

    fireEvent.change(screen.getByTestId('issues-filter-status'), { target: { value: 'done' } });
    await waitFor(() => expect(total()).toBe('2 сұрақ табылды'));
    expect(lastListInput().filter).toEqual({ statusIds: ['done'] });
    expect(issueRows()).toHaveLength(2);
    // Counts are over the filter without its status part: still every status.
    expect(countOf('new')).toBe('2');
    expect(screen.getByTestId('issues-count-done').getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(screen.getByTestId('issues-filter-overdue'));
    await waitFor(() => expect(lastListInput().filter).toEqual({ statusIds: ['done'], overdue: true }));
    // A closed issue is never overdue.
    await waitFor(() => expect(total()).toBe('0 сұрақ табылды'));
    expect(screen.getByTestId('issues-empty')).toBeTruthy();
  });

  it('searches as the user pauses typing (Kazakh prefixes, any case), counts included', async () => {
    renderWithI18n(<App />);
    await openLog();
    await waitFor(() => expect(issueRows()).toHaveLength(14));
    fireEvent.change(screen.getByTestId('issues-search'), { target: { value: 'ЖОЛ' } });
    // Debounced: nothing is asked for each keystroke.
    expect(lastListInput().filter).toEqual({});
    await waitFor(() => expect(lastListInput().filter).toEqual({ search: 'ЖОЛ' }));
    // A word that starts with the query, whatever follows it: 'жолды', 'Жолаушылар', not 'дороги'.
    const expected = seeded.filter((i) => /(^|\s)жол/i.test(i.text)).length;
    expect(expected).toBe(4);
    await waitFor(() => expect(issueRows()).toHaveLength(expected));
    expect(handler('issues:counts')).toHaveBeenLastCalledWith({ filter: { search: 'ЖОЛ' } });
    await waitFor(() => expect(countOf('total')).toBe(String(expected)));
    for (const row of issueRows()) expect(row.textContent!.toLowerCase()).toContain('жол');
  });

  it('filters by category (with its sub-categories), unit and date range', async () => {
    const child = await testCore().api.issueCategories.save({ parentId: 'roads', nameKk: 'Көпірлер', nameRu: 'Мосты', archived: false });
    seedIssues(1, ROOT.kato, () => ({ raisedOn: '2025-03-10', text: 'Көпір құлап тұр', fields: { categoryId: child.id } }));
    renderWithI18n(<App />);
    await openLog();
    expect(screen.queryByTestId('issues-filter-category')).toBeNull();
    fireEvent.click(screen.getByTestId('issues-filters-more'));
    fireEvent.change(screen.getByTestId('issues-filter-category'), { target: { value: 'roads' } });
    await waitFor(() => expect(lastListInput().filter).toEqual({ categoryId: 'roads' }));
    const roads = (await allIssues()).filter((i) => i.categoryId === 'roads' || i.categoryId === child.id).length;
    expect(roads).toBe(5);
    await waitFor(() => expect(issueRows()).toHaveLength(roads));
    expect(screen.getByText('Көпір құлап тұр')).toBeTruthy();

    change('issues-filter-from', '2025-03-01');
    change('issues-filter-to', '2025-03-31');
    await waitFor(() => expect(lastListInput().filter).toEqual({ categoryId: 'roads', from: '2025-03-01', to: '2025-03-31' }));
    const inMarch = (await allIssues()).filter((i) => (i.categoryId === 'roads' || i.categoryId === child.id) && i.raisedOn.startsWith('2025-03')).length;
    await waitFor(() => expect(issueRows()).toHaveLength(inMarch));
    fireEvent.click(await screen.findByTestId('issues-filter-clear'));
    await waitFor(() => expect(lastListInput().filter).toEqual({}));
    expect((screen.getByTestId('issues-filter-category') as HTMLSelectElement).value).toBe('');
  });

  it('saves the filter under a name, picks it again later and removes it', async () => {
    renderWithI18n(<App />);
    await openLog();
    fireEvent.change(screen.getByTestId('issues-filter-status'), { target: { value: 'open' } });
    fireEvent.click(screen.getByTestId('issues-filter-control'));
    await waitFor(() => expect(lastListInput().filter).toEqual({ open: true, onControl: true }));

    fireEvent.click(screen.getByTestId('issues-filter-save'));
    const name = screen.getByTestId('issues-filter-name');
    expect(document.activeElement).toBe(name);
    fireEvent.change(name, { target: { value: 'Бақылаудағы ашық сұрақтар' } });
    fireEvent.submit(name.closest('form')!);
    await waitFor(() => expect(handler('savedFilters:save')).toHaveBeenCalledWith({ name: 'Бақылаудағы ашық сұрақтар', filter: { open: true, onControl: true } }));
    const pick = (await screen.findByTestId('issues-saved-select')) as HTMLSelectElement;
    await waitFor(() => expect(pick.selectedOptions[0]!.textContent).toBe('Бақылаудағы ашық сұрақтар'));

    fireEvent.click(screen.getByTestId('issues-filter-clear'));
    await waitFor(() => expect(lastListInput().filter).toEqual({}));
    expect(pick.value).toBe('');

    fireEvent.change(pick, { target: { value: pick.options[1]!.value } });
    await waitFor(() => expect(lastListInput().filter).toEqual({ open: true, onControl: true }));
    expect((screen.getByTestId('issues-filter-status') as HTMLSelectElement).value).toBe('open');
    expect((screen.getByTestId('issues-filter-control') as HTMLInputElement).checked).toBe(true);

    fireEvent.click(screen.getByTestId('issues-saved-remove'));
    await waitFor(() => expect(screen.queryByTestId('issues-saved-select')).toBeNull());
    expect(handler('savedFilters:remove')).toHaveBeenCalledTimes(1);
    expect(await testCore().api.savedFilters.list({})).toEqual([]);
  });

  it('sorts by a column, both ways', async () => {
    renderWithI18n(<App />);
    await openLog();
    await waitFor(() => expect(registryNos()[0]).toBe(14));
    fireEvent.click(screen.getByTestId('issues-sort-registryNo'));
    await waitFor(() => expect(registryNos()[0]).toBe(1));
    expect(lastListInput().sort).toEqual({ key: 'registryNo', dir: 'asc' });
    fireEvent.click(screen.getByTestId('issues-sort-deadline'));
    await waitFor(() => expect(lastListInput().sort).toEqual({ key: 'deadline', dir: 'asc' }));
    const deadlines = seeded.map((i) => i.deadline!).sort();
    await waitFor(() => expect(issueRows()[0]!.textContent).toContain(deadlines[0]!.split('-').reverse().join('.')));
    expect(screen.getByTestId('issues-sort-deadline').closest('[role="columnheader"]')!.getAttribute('aria-sort')).toBe('ascending');
  });
});

describe('issue log: keyboard, selection and bulk changes', () => {
  beforeEach(() => {
    seedIssues(20, ROOT.kato, (n) => ({ raisedOn: '2025-06-02', text: `Сұрақ ${n}`, fields: { deadline: '2025-12-31' } }));
  });

  it('moves the active row with the arrows, selects with Space and opens the card with Enter', async () => {
    renderWithI18n(<App />);
    const grid = await openLog();
    await waitFor(() => expect(issueRows()).toHaveLength(20));
    grid.focus();
    expect(grid.getAttribute('aria-activedescendant')).toBe('issue-row-at-0');
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowUp' });
    expect(grid.getAttribute('aria-activedescendant')).toBe('issue-row-at-1');
    expect(screen.getByTestId('issue-row-19').className).toContain('is-active');

    fireEvent.keyDown(grid, { key: ' ' });
    expect(screen.getByTestId('issue-row-19').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('issues-bulk-status').textContent).toBe('Күйін өзгерту (1)');
    fireEvent.keyDown(grid, { key: ' ' });
    expect(screen.getByTestId('issue-row-19').getAttribute('aria-selected')).toBe('false');

    fireEvent.keyDown(grid, { key: 'End' });
    expect(grid.getAttribute('aria-activedescendant')).toBe('issue-row-at-19');
    // The last row is scrolled into view below the sticky header.
    expect(grid.scrollTop).toBe(HEAD_HEIGHT + 20 * ROW_HEIGHT - 600);
    fireEvent.keyDown(grid, { key: 'Enter' });
    const card = await screen.findByTestId('issue-card');
    expect(within(card).getByRole('heading', { level: 2 }).textContent).toBe('№ 1 сұрақ');
    fireEvent.keyDown(card, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('issue-card')).toBeNull());
    expect(document.activeElement).toBe(scroller());
  });

  it('selects the rows in view and changes their status at once, with comment and document', async () => {
    renderWithI18n(<App />);
    await openLog();
    await waitFor(() => expect(issueRows()).toHaveLength(20));
    fireEvent.click(screen.getByTestId('issue-select-20'));
    fireEvent.click(screen.getByTestId('issue-select-18'));
    fireEvent.click(screen.getByTestId('issues-bulk-status'));
    fireEvent.change(screen.getByTestId('issues-bulk-select'), { target: { value: 'in_progress' } });
    expect(screen.queryByTestId('issues-bulk-outcome')).toBeNull();
    change('issues-bulk-comment', 'Жауапты бөлімге жіберілді');
    change('issues-bulk-document', '№ 02-15/347');
    fireEvent.click(screen.getByTestId('issues-bulk-submit'));
    await waitFor(() => expect(screen.getByTestId('issues-bulk-done').textContent).toBe('2 сұрақтың күйі өзгертілді.'));
    const call = handler('issues:setStatus').mock.calls[0]![0];
    expect(call.items).toHaveLength(2);
    expect(call.change).toEqual({ statusId: 'in_progress', onDate: TODAY, comment: 'Жауапты бөлімге жіберілді', documentRef: '№ 02-15/347', outcome: null });
    await waitFor(() => expect(within(screen.getByTestId('issue-row-20')).getByText('Орындалуда')).toBeTruthy());
    expect(within(screen.getByTestId('issue-row-19')).getByText('Тіркелді')).toBeTruthy();
    expect(screen.queryByTestId('issues-bulk-status')).toBeNull();
    await waitFor(() => expect(countOf('in_progress')).toBe('2'));

    // Select all in view, then close them all as explained: the outcome is asked for.
    fireEvent.click(screen.getByTestId('issues-select-visible'));
    // In view: the rows under the header (the overscan rendered beyond them is not "visible").
    const selected = issueRows().filter((r) => r.getAttribute('aria-selected') === 'true');
    expect(selected.length).toBeGreaterThanOrEqual(Math.floor((600 - HEAD_HEIGHT) / ROW_HEIGHT));
    expect(selected.length).toBeLessThan(issueRows().length);
    expect(screen.getByTestId('issues-bulk-status').textContent).toBe(`Күйін өзгерту (${selected.length})`);
    fireEvent.click(screen.getByTestId('issues-bulk-status'));
    fireEvent.change(screen.getByTestId('issues-bulk-select'), { target: { value: 'explained' } });
    expect((screen.getByTestId('issues-bulk-outcome') as HTMLSelectElement).value).toBe('explained');
    fireEvent.click(screen.getByTestId('issues-bulk-submit'));
    await waitFor(() => expect(countOf('explained')).toBe(String(selected.length)));
    expect(handler('issues:setStatus').mock.calls[1]![0].change.outcome).toBe('explained');
  });

  it('highlights overdue rows and says so in words', async () => {
    seedIssues(1, ROOT.kato, () => ({ raisedOn: '2025-06-02', text: 'Мерзімі өткен сұрақ', statusId: 'in_progress', fields: { deadline: '2025-07-01' } }));
    renderWithI18n(<App />);
    await openLog();
    const row = await screen.findByTestId('issue-row-21');
    expect(row.className).toContain('is-overdue');
    expect(within(row).getByText('Мерзімі өткен')).toBeTruthy();
    expect(screen.getByTestId('issue-row-20').className).not.toContain('is-overdue');
  });
});
