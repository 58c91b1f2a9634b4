import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { useIssuesStore } from '../../renderer/src/stores/issues.store';
import { useMeetingListStore } from '../../renderer/src/stores/meeting-list.store';
import { generateDemo } from '../../electron/core/demo/generate';
import type { IssueFilter } from '../../shared/contract/issues.contract';
import type { PeriodReport } from '../../shared/contract/reports.contract';
import type { ReportPeriod } from '../../shared/domain/reports/period';
import { EsepError } from '../../shared/errors';
import { handler, holdNext, OKRUG, OKRUG_2, ROOT, startCore, testCore } from './test-core';
import { ABAY_OKRUGS, change } from './calendar-helpers';
import { renderWithI18n } from './render';

const YEAR_2025: ReportPeriod = { start: '2025-01-01', end: '2025-12-31' };

/** Abay district set up in Kazakh with two years of generated meetings and issues (TODAY is 10 July 2025). */
async function generated() {
  const { api, core } = await startCore({ setUp: false });
  await api.setup.complete({ rootKato: ROOT.kato, language: 'kk' });
  generateDemo(core.ctx, { unitKato: ROOT.kato, fromYear: 2024, toYear: 2025, seed: 7 });
}

/** The report as the core gives it, asked for behind the screen's back (the spies do not see it). */
const coreReport = (period: ReportPeriod, unitKato: string = ROOT.kato): Promise<PeriodReport> => testCore().api.reports.get({ unitKato, period });

async function openReports() {
  renderWithI18n(<App />);
  fireEvent.click(await screen.findByTestId('nav-reports'));
  return screen.findByTestId('report-body');
}

/** Back on the Reports screen after a drill-down: it asks again, and shows the same report. */
async function backToReports() {
  const asked = handler('reports:get').mock.calls.length;
  fireEvent.click(screen.getByTestId('nav-reports'));
  await waitFor(() => expect(handler('reports:get').mock.calls.length).toBe(asked + 1));
  await waitFor(() => expect(screen.getByTestId('report-body').getAttribute('aria-busy')).toBe('false'));
}

const text = (testId: string) => screen.getByTestId(testId).textContent;
const lastAsked = () => handler('reports:get').mock.lastCall?.[0];
/** Numbers as Kazakh writes them: a no-break space between thousands. */
const kk = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');

/** Clicks a number and waits for the issue log to list what it filtered: its total, as the log counts it. */
async function drillToLog(testId: string): Promise<{ filter: IssueFilter; total: number }> {
  fireEvent.click(screen.getByTestId(testId));
  await screen.findByTestId('issues-screen');
  await waitFor(() => expect(useIssuesStore.getState().total).not.toBeNull());
  const { filter, total } = useIssuesStore.getState();
  expect(text('issues-total')).toBe(`${total} сұрақ табылды`);
  return { filter, total: total! };
}

describe('Reports screen', () => {
  beforeEach(generated);

  it('opens on the working root over this year, and every total shown is the core’s report', async () => {
    await openReports();
    expect(handler('reports:get')).toHaveBeenCalledTimes(1);
    expect(lastAsked()).toEqual({ unitKato: ROOT.kato, period: YEAR_2025 });
    expect(screen.getByTestId('nav-reports').getAttribute('aria-current')).toBe('page');
    const r = await coreReport(YEAR_2025);
    expect(text('report-title')).toBe('Абай ауданы2025 жыл');
    expect(screen.getByText('2025 жылғы 10 шілде жағдай бойынша')).toBeTruthy();
    const cards: Record<string, number> = {
      required: r.meetings.required,
      heldOnTime: r.meetings.heldOnTime,
      heldLate: r.meetings.heldLate,
      missed: r.meetings.missed,
      open: r.meetings.open,
      upcoming: r.meetings.upcoming,
      planned: r.meetings.planned,
      held: r.meetings.held,
      people: r.attendance.people,
      online: r.attendance.onlineViewers,
      issues: r.issues.total,
      closed: r.issues.closed,
      overdue: r.issues.overdue,
      prolonged: r.issues.prolonged,
      onControl: r.issues.onControl,
    };
    for (const [card, value] of Object.entries(cards)) expect(text(`report-card-${card}-value`), card).toBe(kk(value));
    // The generator's year is not empty: these comparisons mean something.
    expect(r.issues.total).toBeGreaterThan(20);
    expect(r.attendance.people).toBeGreaterThan(999);
    expect(text('report-card-people-value')).toContain('\u00a0');
    expect(text('report-card-resolved-value')).toBe(`${(Math.round((r.issues.closed / r.issues.total) * 1000) / 10).toString().replace('.', ',')}%`);

    // The table: the district's own row, its nine okrugs, and the totals row that is the report's.
    const table = screen.getByTestId('report-table');
    expect(within(table).getAllByTestId(/^row-\d+$/).map((tr) => tr.dataset['testid'])).toEqual([`row-${ROOT.kato}`, ...ABAY_OKRUGS.map((u) => `row-${u.kato}`)]);
    for (const u of r.units) {
      expect(text(`row-${u.kato}-required`)).toBe(kk(u.meetings.required));
      expect(text(`row-${u.kato}-issues`)).toBe(kk(u.issues.total));
    }
    expect(text('total-required')).toBe(kk(r.meetings.required));
    expect(text('total-held')).toBe(kk(r.meetings.held));
    expect(text('total-issues')).toBe(kk(r.issues.total));
    expect(text('total-overdue')).toBe(kk(r.issues.overdue));
    // The district's own row is not its subtree: there is no filter for it alone, so it is text.
    expect(screen.getByTestId(`row-${ROOT.kato}-issues`).tagName).toBe('SPAN');
    expect(screen.getByTestId(`row-${OKRUG.kato}-issues`).tagName).toBe('BUTTON');
  });

  it('shows the unit and the period picked, as the core reports them', async () => {
    await openReports();
    fireEvent.change(screen.getByTestId('report-unit'), { target: { value: OKRUG.kato } });
    await waitFor(() => expect(lastAsked()).toEqual({ unitKato: OKRUG.kato, period: YEAR_2025 }));
    change('report-period-kind', 'quarter');
    change('report-period-year', '2024');
    change('report-period-quarter', '4');
    const q4 = { start: '2024-10-01', end: '2024-12-31' };
    await waitFor(() => expect(lastAsked()).toEqual({ unitKato: OKRUG.kato, period: q4 }));
    await waitFor(() => expect(text('report-title')).toBe('Қараауыл а.о.2024 жылдың IV тоқсаны'));
    const r = await coreReport(q4, OKRUG.kato);
    expect(text('report-card-required-value')).toBe(kk(r.meetings.required));
    expect(text('report-card-held-value')).toBe(kk(r.meetings.held));
    expect(text('report-card-issues-value')).toBe(kk(r.issues.total));
    expect(text('report-card-closed-value')).toBe(kk(r.issues.closed));
    expect(text('total-issues')).toBe(kk(r.issues.total));
    // An okrug's report is its own row: no one else's.
    expect(screen.getAllByTestId(/^row-\d+$/)).toHaveLength(1);

    change('report-period-kind', 'half');
    await waitFor(() => expect(lastAsked()!.period).toEqual({ start: '2024-07-01', end: '2024-12-31' }));
    await waitFor(() => expect(text('report-title')).toBe('Қараауыл а.о.2024 жылдың екінші жартыжылдығы'));
  });

  it('quick picks are the periods around today (10 July 2025)', async () => {
    await openReports();
    const picks: Record<string, [ReportPeriod, string]> = {
      thisQuarter: [{ start: '2025-07-01', end: '2025-09-30' }, '2025 жылдың III тоқсаны'],
      lastQuarter: [{ start: '2025-04-01', end: '2025-06-30' }, '2025 жылдың II тоқсаны'],
      thisHalf: [{ start: '2025-07-01', end: '2025-12-31' }, '2025 жылдың екінші жартыжылдығы'],
      lastYear: [{ start: '2024-01-01', end: '2024-12-31' }, '2024 жыл'],
      thisYear: [YEAR_2025, '2025 жыл'],
    };
    expect(screen.getByTestId('report-quick-thisYear').getAttribute('aria-pressed')).toBe('true');
    for (const [pick, [period, name]] of Object.entries(picks)) {
      fireEvent.click(screen.getByTestId(`report-quick-${pick}`));
      expect(lastAsked()).toEqual({ unitKato: ROOT.kato, period });
      expect(screen.getByTestId(`report-quick-${pick}`).getAttribute('aria-pressed')).toBe('true');
      expect(screen.getAllByRole('button', { pressed: true }).filter((b) => b.classList.contains('quick-pick'))).toHaveLength(1);
      await waitFor(() => expect(text('report-title')).toBe(`Абай ауданы${name}`));
    }
  });

  it('typed dates ask once the typing pauses; a range the wrong way round is said in words and not asked for', async () => {
    await openReports();
    change('report-period-kind', 'range');
    const asked = handler('reports:get').mock.calls.length;
    change('report-period-from', '2024-03-15');
    change('report-period-to', '2025-02-28');
    expect(handler('reports:get').mock.calls.length).toBe(asked);
    await waitFor(() => expect(lastAsked()).toEqual({ unitKato: ROOT.kato, period: { start: '2024-03-15', end: '2025-02-28' } }));
    expect(handler('reports:get').mock.calls.length).toBe(asked + 1);
    await waitFor(() => expect(text('report-title')).toBe('Абай ауданы2024 жылғы 15 наурыз – 2025 жылғы 28 ақпан'));

    change('report-period-to', '2024-01-31');
    expect(text('report-period-error')).toBe('Кезеңнің басы 15.03.2024 оның соңынан 31.01.2024 кейін тұр.');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(handler('reports:get').mock.calls.length).toBe(asked + 1);
  });

  it('an issue count opens the log on exactly its filter, and the log’s total is the number clicked', async () => {
    await openReports();
    const r = await coreReport(YEAR_2025);
    const scope = { unitKato: ROOT.kato, from: '2025-01-01', to: '2025-12-31' };

    expect(await drillToLog('report-drill-issues')).toEqual({ filter: scope, total: r.issues.total });
    expect(screen.getByTestId('issues-tab-log').getAttribute('aria-selected')).toBe('true');
    expect((screen.getByTestId('issues-filter-from') as HTMLInputElement).value).toBe('2025-01-01');
    await backToReports();
    expect(await drillToLog('report-drill-closed')).toEqual({ filter: { ...scope, open: false }, total: r.issues.closed });
    await backToReports();
    expect(await drillToLog('report-drill-overdue')).toEqual({ filter: { ...scope, overdue: true }, total: r.issues.overdue });
    await backToReports();
    expect(await drillToLog('report-drill-onControl')).toEqual({ filter: { ...scope, onControl: true }, total: r.issues.onControl });

    // A status's bar and a category's bar.
    const status = r.statuses.find((s) => (r.issues.byStatus[s.id] ?? 0) > 0)!;
    await backToReports();
    expect(await drillToLog(`chart-status-${status.id}-count`)).toEqual({ filter: { ...scope, statusIds: [status.id] }, total: r.issues.byStatus[status.id] });
    const category = r.categories.find((c) => (r.issues.byCategory[c.id] ?? 0) > 0)!;
    await backToReports();
    expect(await drillToLog(`chart-category-${category.id}-count`)).toEqual({ filter: { ...scope, categoryId: category.id }, total: r.issues.byCategory[category.id] });

    // An okrug's row: its overdue issues, and everything under it (its villages' issues count there).
    const okrug = r.units.find((u) => u.issues.total > 0 && u.kato !== ROOT.kato)!;
    await backToReports();
    expect(await drillToLog(`row-${okrug.kato}-issues`)).toEqual({ filter: { ...scope, unitKato: okrug.kato }, total: okrug.issues.total });
  });

  it('“meetings held” opens the meetings screen on the unit, the period and the held statuses; it lists that many', async () => {
    await openReports();
    const r = await coreReport(YEAR_2025);
    const okrug = r.units.find((u) => u.kato === OKRUG.kato)!;
    expect(okrug.meetings.held).toBeGreaterThan(0);
    fireEvent.click(screen.getByTestId(`row-${OKRUG.kato}-held`));
    await screen.findByTestId('meetings-table');
    expect(useMeetingListStore.getState()).toMatchObject({ unitKato: OKRUG.kato, from: '2025-01-01', to: '2025-12-31', hiddenKinds: ['field', 'unscheduled'] });
    expect(screen.getByTestId('meetings-unit-filter').textContent).toContain(OKRUG.nameKk);
    expect(screen.getByText(`${okrug.meetings.held} кездесу`)).toBeTruthy();
    expect(screen.getAllByTestId(/^meeting-open-/).map((b) => b.textContent)).toEqual(Array(okrug.meetings.held).fill(OKRUG.nameKk));

    await backToReports();
    fireEvent.click(screen.getByTestId('report-drill-held'));
    await waitFor(() => expect(screen.getByText(`${r.meetings.held} кездесу`)).toBeTruthy());
    expect(screen.getByTestId('meetings-unit-filter').textContent).toContain(ROOT.nameKk);
  });

  it('keeps the last report on screen, dimmed, while the next loads; a later request wins over an earlier one', async () => {
    await openReports();
    const release = holdNext('reports:get');
    fireEvent.click(screen.getByTestId('report-quick-lastYear'));
    expect(await screen.findByTestId('report-loading')).toBeTruthy();
    expect(text('report-loading')).toBe('Есеп жаңартылуда…');
    expect(screen.getByTestId('report-body').getAttribute('aria-busy')).toBe('true');
    expect(text('report-title')).toBe('Абай ауданы2025 жыл');

    // Asked later, answered first: it is shown, and the earlier answer arriving after it is not.
    fireEvent.click(screen.getByTestId('report-quick-thisQuarter'));
    await waitFor(() => expect(text('report-title')).toBe('Абай ауданы2025 жылдың III тоқсаны'));
    await waitFor(() => expect(screen.queryByTestId('report-loading')).toBeNull());
    await act(async () => release());
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(handler('reports:get')).toHaveBeenCalledTimes(3);
    expect(text('report-title')).toBe('Абай ауданы2025 жылдың III тоқсаны');
    expect(screen.getByTestId('report-body').getAttribute('aria-busy')).toBe('false');
    expect(screen.getByTestId('report-quick-thisQuarter').getAttribute('aria-pressed')).toBe('true');
  });

  it('says in words what went wrong, and shows the next report that comes', async () => {
    await openReports();
    handler('reports:get').mockImplementationOnce(() => {
      throw new EsepError('unit_outside_working_set', { kato: OKRUG_2.kato });
    });
    fireEvent.click(screen.getByTestId('report-quick-lastYear'));
    expect((await screen.findByTestId('report-error')).textContent).toBe(`${OKRUG_2.kato} бірлігі осы орнатудың жұмыс жиынына кірмейді.`);
    expect(screen.queryByTestId('report-body')).toBeNull();
    fireEvent.click(screen.getByTestId('report-quick-thisYear'));
    await screen.findByTestId('report-body');
    expect(screen.queryByTestId('report-error')).toBeNull();
  });

  it('draws compliance by unit, the trend and the issues as charts with a title and a description', async () => {
    await openReports();
    const r = await coreReport(YEAR_2025);
    const compliance = screen.getByRole('img', { name: 'Бірліктер бойынша міндеттер' });
    const okrug = r.units.find((u) => u.kato === OKRUG.kato)!;
    const description = document.getElementById(compliance.getAttribute('aria-describedby')!)!.textContent!;
    expect(description).toContain(`Абай ауданы (өзі): Мерзімінде өткізілді: ${r.units[0]!.meetings.heldOnTime}; Кешігіп өткізілді: ${r.units[0]!.meetings.heldLate}`);
    expect(description).toContain(`${OKRUG.nameKk}: Мерзімінде өткізілді: ${okrug.meetings.heldOnTime}; Кешігіп өткізілді: ${okrug.meetings.heldLate}; Өткізілмеді: ${okrug.meetings.missed}`);
    // The district's own windows and one bar per okrug, each segment in its status's colour.
    expect(within(compliance).getAllByTestId(/^chart-compliance-/)).toHaveLength(10);
    const missed = screen.getByTestId(`chart-compliance-${OKRUG.kato}`).querySelector('.status-missed');
    expect(missed?.getAttribute('data-count') ?? '0').toBe(String(okrug.meetings.missed));

    const trend = screen.getByRole('img', { name: /^Тоқсандар бойынша: өткізілуі тиіс және өткізілген/ });
    expect(trend.querySelector('title')!.textContent).toBe('Тоқсандар бойынша: өткізілуі тиіс және өткізілген');
    const q = r.trend.at(-1)!;
    expect(q.key).toBe('2025-Q4');
    expect(trend.querySelector('desc')!.textContent).toContain(
      `2025 жылдың IV тоқсаны: өткізілуі тиіс ${q.meetings.required}, өткізілді ${q.meetings.heldOnTime + q.meetings.heldLate}`,
    );
    expect(screen.getAllByTestId(/^chart-meetings-trend-\d{4}-Q\d$/)).toHaveLength(8);
    const issuesTrend = screen.getByRole('img', { name: /^Тоқсандар бойынша: көтерілген және жабылған сұрақтар/ });
    const q2 = r.trend.find((t) => t.key === '2025-Q2')!;
    expect(issuesTrend.querySelector('desc')!.textContent).toContain(`2025 жылдың II тоқсаны: көтерілді ${q2.issuesRaised}, жабылды ${q2.issuesClosed}`);

    const byCategory = within(screen.getByTestId('chart-category')).getAllByRole('listitem');
    const counts = byCategory.map((li) => Number(li.querySelector('.hbar-total')!.textContent));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts.reduce((s, n) => s + n, 0)).toBe(r.issues.total);
  });

  it('sorts the okrugs by a column over their figures, and back to the classifier’s order', async () => {
    await openReports();
    const r = await coreReport(YEAR_2025);
    const okrugs = () => screen.getAllByTestId(/^row-\d+$/).slice(1).map((tr) => tr.dataset['testid']!.slice(4));
    fireEvent.click(screen.getByTestId('report-sort-issues'));
    const byIssues = r.units.slice(1).map((u, i) => ({ kato: u.kato, n: u.issues.total, i })).sort((a, b) => b.n - a.n || a.i - b.i);
    expect(okrugs()).toEqual(byIssues.map((u) => u.kato));
    expect(screen.getByTestId('report-sort-issues').closest('th')!.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(screen.getByTestId('report-sort-issues'));
    expect(screen.getByTestId('report-sort-issues').closest('th')!.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(screen.getByTestId('report-sort-unit'));
    expect(okrugs()).toEqual(ABAY_OKRUGS.map((u) => u.kato));
  });

  it('is Russian with Russian numbers and dates when the UI is', async () => {
    await openReports();
    const r = await coreReport(YEAR_2025);
    fireEvent.click(screen.getByTestId('lang-ru'));
    await waitFor(() => expect(text('report-title')).toBe('Абайский район2025 год'));
    expect(screen.getByText('По состоянию на 10 июля 2025 г.')).toBeTruthy();
    expect(text('report-card-people-value')).toBe(kk(r.attendance.people));
    expect(text('report-card-resolved-value')).toMatch(/^\d+(,\d)?\u00a0%$/);
    fireEvent.click(screen.getByTestId('report-quick-lastQuarter'));
    await waitFor(() => expect(text('report-title')).toBe('Абайский районII квартал 2025 г.'));
    expect(screen.getByRole('img', { name: 'Обязательства по единицам' })).toBeTruthy();
  });
});

describe('Reports of an oblast and of group A', () => {
  it('an oblast’s districts have subtotals over their okrugs, which drill down; the totals row is their sum', async () => {
    const { api } = await startCore({ setUp: false });
    await api.setup.complete({ rootKato: '100000000', language: 'kk' });
    await openReports();
    const r = await coreReport(YEAR_2025, '100000000');
    const subtotal = screen.getByTestId(`subtotal-${ROOT.kato}`);
    expect(subtotal.querySelector('th')!.textContent).toBe('Барлығы: Абай ауданы');
    // The district's two windows and four for each of its nine okrugs.
    expect(text(`subtotal-${ROOT.kato}-required`)).toBe('38');
    expect(screen.getByTestId(`subtotal-${ROOT.kato}-issues`).tagName).toBe('BUTTON');
    expect(text(`row-${ROOT.kato}-required`)).toBe('2');
    expect(screen.getByTestId(`row-${ROOT.kato}-issues`).tagName).toBe('SPAN');
    expect(text('total-required')).toBe(kk(r.meetings.required));
    // The subtotal follows the district's last okrug.
    const rows = screen.getAllByTestId(/^(row|subtotal)-\d+$/).map((tr) => tr.dataset['testid']);
    expect(rows.indexOf(`subtotal-${ROOT.kato}`)).toBe(rows.indexOf(`row-${ABAY_OKRUGS.at(-1)!.kato}`) + 1);
    // The chart: the oblast's own window and one bar per district or city.
    const districts = r.units.filter((u) => u.parent === '100000000');
    expect(screen.getAllByTestId(/^chart-compliance-/)).toHaveLength(districts.length + 1);
    expect(screen.getByTestId(`chart-compliance-${ROOT.kato}`).textContent).toContain('38');
  });

  it('lists point 3 rows and point 4.1 warnings for a group A unit, each opening its meeting', async () => {
    const { api } = await startCore({ setUp: false });
    await api.setup.complete({ rootKato: '710000000', language: 'kk' });
    const held = await api.meetings.recordHeld({ unitKato: '710000000', heldOn: '2025-01-31' });
    await openReports();
    const point3 = screen.getByTestId('report-point3');
    expect(point3.textContent).toContain('Өткізілді: 2025 жылғы 31 қаңтар · хабарлау мерзімі: 2025 жылғы 28 ақпан');
    expect(point3.textContent).toContain('Кешіктірілді');
    fireEvent.click(within(point3).getByTestId(`point3-open-${held.id}`));
    const card = await screen.findByTestId('meeting-card');
    expect(within(card).getByTestId('meeting-status').textContent).toBe('Өткізілді');
    expect(screen.getByTestId('report-participation').textContent).toContain('4.1-тармақ');
    expect(screen.getByTestId(`participation-${held.id}-4.1`)).toBeTruthy();
  });
});
