import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/src/App';
import { fakeApi, fakeIssues, ROOT, resetWorld, TODAY } from './fake-api';
import { change } from './calendar-helpers';
import { countOf, issueRows, openLog, registryNos, scrollLogTo, scroller, withScrollerHeight } from './issues-helpers';
import { ROW_HEIGHT } from '../../renderer/src/features/issues/IssueTable';
import { renderWithI18n } from './render';

vi.mock('../../renderer/src/api', async () => ({ api: (await import('./fake-api')).fakeApi }));

withScrollerHeight();
beforeEach(() => resetWorld({ setUp: true }));

const total = () => screen.getByTestId('issues-total').textContent;
const lastListInput = () => fakeApi.issues.list.mock.calls.at(-1)![0];

describe('issue log: a virtualised window over many issues', () => {
  it('renders only the rows in view of 10,000 issues and fetches one window of 200', async () => {
    fakeIssues.seed(10_000, ROOT.kato);
    renderWithI18n(<App />);
    await openLog();
    await waitFor(() => expect(issueRows().length).toBeGreaterThan(10));
    expect(total()).toBe('10000 сұрақ табылды');
    // 600 px of 40 px rows plus the overscan: a few dozen rows in the DOM, never thousands.
    expect(issueRows().length).toBeLessThan(40);
    expect(registryNos()[0]).toBe(10_000);
    expect(fakeApi.issues.list).toHaveBeenCalledTimes(1);
    expect(lastListInput()).toEqual({ filter: {}, sort: { key: 'registryNo', dir: 'desc' }, offset: 0, limit: 200 });
  });

  it('fetches the window a scroll reaches, and only that one', async () => {
    fakeIssues.seed(10_000, ROOT.kato);
    renderWithI18n(<App />);
    await openLog();
    await waitFor(() => expect(issueRows().length).toBeGreaterThan(10));
    // Row 5,100 is well inside the window 5,000..5,199 (newest first: registry No. 4,900).
    scrollLogTo(5_100 * ROW_HEIGHT);
    await waitFor(() => expect(screen.getByTestId('issue-row-4900')).toBeTruthy());
    expect(lastListInput()).toMatchObject({ offset: 5_000, limit: 200 });
    expect(fakeApi.issues.list).toHaveBeenCalledTimes(2);
    expect(issueRows().length).toBeLessThan(40);
    expect(screen.queryByTestId('issue-row-10000')).toBeNull();
    // The rows are placed where the scroll is: the first one rendered sits just above the view.
    const first = issueRows()[0]!;
    expect(Number(first.getAttribute('aria-rowindex'))).toBeGreaterThan(5_080);
  });
});

describe('issue log: filters, search and counts', () => {
  beforeEach(() => {
    // 14 issues: statuses rotate through the seven seed statuses, so two of each.
    fakeIssues.seed(14, ROOT.kato);
  });

  it('shows counts by status, overdue and on control, and keeps them over the status filter', async () => {
    renderWithI18n(<App />);
    await openLog();
    await waitFor(() => expect(countOf('done')).toBe('2'));
    expect(countOf('new')).toBe('2');
    expect(countOf('total')).toBe('14');
    const overdue = fakeIssues.all().filter((i) => i.overdue).length;
    expect(countOf('overdue')).toBe(String(overdue));

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
    const expected = fakeIssues.all().filter((i) => /жол/i.test(i.text)).length;
    await waitFor(() => expect(issueRows()).toHaveLength(expected));
    expect(fakeApi.issues.counts).toHaveBeenLastCalledWith({ filter: { search: 'ЖОЛ' } });
    await waitFor(() => expect(countOf('total')).toBe(String(expected)));
    for (const row of issueRows()) expect(row.textContent!.toLowerCase()).toContain('жол');
  });

  it('filters by category (with its sub-categories), unit and date range', async () => {
    const child = await fakeApi.issueCategories.save({ parentId: 'roads', nameKk: 'Көпірлер', nameRu: 'Мосты', archived: false });
    fakeIssues.seed(1, ROOT.kato, () => ({ categoryId: child.id, text: 'Көпір құлап тұр' }));
    renderWithI18n(<App />);
    await openLog();
    expect(screen.queryByTestId('issues-filter-category')).toBeNull();
    fireEvent.click(screen.getByTestId('issues-filters-more'));
    fireEvent.change(screen.getByTestId('issues-filter-category'), { target: { value: 'roads' } });
    await waitFor(() => expect(lastListInput().filter).toEqual({ categoryId: 'roads' }));
    const roads = fakeIssues.all().filter((i) => i.categoryId === 'roads' || i.categoryId === child.id).length;
    await waitFor(() => expect(issueRows()).toHaveLength(roads));
    expect(screen.getByText('Көпір құлап тұр')).toBeTruthy();

    change('issues-filter-from', '2025-03-01');
    change('issues-filter-to', '2025-03-31');
    await waitFor(() => expect(lastListInput().filter).toEqual({ categoryId: 'roads', from: '2025-03-01', to: '2025-03-31' }));
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
    await waitFor(() => expect(fakeApi.savedFilters.save).toHaveBeenCalledWith({ name: 'Бақылаудағы ашық сұрақтар', filter: { open: true, onControl: true } }));
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
    expect(fakeApi.savedFilters.remove).toHaveBeenCalledTimes(1);
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
    const deadlines = fakeIssues.all().map((i) => i.deadline!).sort();
    await waitFor(() => expect(issueRows()[0]!.textContent).toContain(deadlines[0]!.split('-').reverse().join('.')));
    expect(screen.getByTestId('issues-sort-deadline').closest('[role="columnheader"]')!.getAttribute('aria-sort')).toBe('ascending');
  });
});

describe('issue log: keyboard, selection and bulk changes', () => {
  beforeEach(() => {
    fakeIssues.seed(20, ROOT.kato, () => ({ statusId: 'new', closed: false, outcome: null, closedOn: null, deadline: '2025-12-31' }));
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
    expect(grid.scrollTop).toBe(40 + 20 * ROW_HEIGHT - 600);
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
    const call = fakeApi.issues.setStatus.mock.calls[0]![0];
    expect(call.items).toHaveLength(2);
    expect(call.change).toEqual({ statusId: 'in_progress', onDate: TODAY, comment: 'Жауапты бөлімге жіберілді', documentRef: '№ 02-15/347', outcome: null });
    await waitFor(() => expect(within(screen.getByTestId('issue-row-20')).getByText('Орындалуда')).toBeTruthy());
    expect(within(screen.getByTestId('issue-row-19')).getByText('Тіркелді')).toBeTruthy();
    expect(screen.queryByTestId('issues-bulk-status')).toBeNull();
    await waitFor(() => expect(countOf('in_progress')).toBe('2'));

    // Select all in view, then close them all as explained: the outcome is asked for.
    fireEvent.click(screen.getByTestId('issues-select-visible'));
    // In view: 560 px of rows under the header, 14 rows (the overscan rendered beyond it is not "visible").
    const selected = issueRows().filter((r) => r.getAttribute('aria-selected') === 'true');
    expect(selected.length).toBeGreaterThanOrEqual(14);
    expect(selected.length).toBeLessThan(issueRows().length);
    expect(screen.getByTestId('issues-bulk-status').textContent).toBe(`Күйін өзгерту (${selected.length})`);
    fireEvent.click(screen.getByTestId('issues-bulk-status'));
    fireEvent.change(screen.getByTestId('issues-bulk-select'), { target: { value: 'explained' } });
    expect((screen.getByTestId('issues-bulk-outcome') as HTMLSelectElement).value).toBe('explained');
    fireEvent.click(screen.getByTestId('issues-bulk-submit'));
    await waitFor(() => expect(countOf('explained')).toBe(String(selected.length)));
    expect(fakeApi.issues.setStatus.mock.calls[1]![0].change.outcome).toBe('explained');
  });

  it('highlights overdue rows and says so in words', async () => {
    fakeIssues.seed(1, ROOT.kato, () => ({ statusId: 'in_progress', closed: false, outcome: null, deadline: '2025-07-01', text: 'Мерзімі өткен сұрақ' }));
    renderWithI18n(<App />);
    await openLog();
    const row = await screen.findByTestId('issue-row-21');
    expect(row.className).toContain('is-overdue');
    expect(within(row).getByText('Мерзімі өткен')).toBeTruthy();
    expect(screen.getByTestId('issue-row-20').className).not.toContain('is-overdue');
  });
});
