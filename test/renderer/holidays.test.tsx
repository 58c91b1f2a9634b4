import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/src/App';
import { handler, OKRUG, startCore, testCore } from './test-core';
import { change, value } from './calendar-helpers';
import { issueRows, seedIssues, withScrollerHeight } from './issues-helpers';
import { seedPlanned } from './seed';
import { renderWithI18n } from './render';

beforeEach(() => startCore({ setUp: true }));

const day = (iso: string) => screen.getByTestId(`month-day-${iso}`);

describe('the month view knows the year', () => {
  it('marks Capital Day and its moved day off, named in the cell and in its label; the legend says what the tint means', async () => {
    renderWithI18n(<App />);
    fireEvent.click(await screen.findByTestId('view-month'));
    await screen.findByTestId('month-grid');
    // 6 July 2025 is a Sunday: the day off moves to Monday 7 July (seeded by the rule).
    expect((await screen.findByTestId('month-holiday-2025-07-06')).textContent).toBe('Астана күні');
    // A moved day off says what it became in the cell, and for which holiday in its title.
    expect(screen.getByTestId('month-holiday-2025-07-07').textContent).toBe('Демалыс (ауыстыру)');
    expect(screen.getByTestId('month-holiday-2025-07-07').getAttribute('title')).toBe('Астана күні: демалыс күні, 2025 жылғы 6 шілде орнына');
    expect(day('2025-07-06').dataset['holiday']).toBe('holiday');
    expect(day('2025-07-07').dataset['holiday']).toBe('day_off');
    expect(day('2025-07-07').className).toContain('is-holiday');
    expect(day('2025-07-07').getAttribute('aria-label')).toContain('Астана күні: демалыс күні');
    expect(day('2025-07-08').dataset['holiday']).toBeUndefined();
    expect(screen.getByText('Мереке немесе демалыс күні')).toBeTruthy();

    // March 2026, in Russian: Nauryz on 21–23 March, its weekend days moved to 24 and 25.
    fireEvent.click(screen.getByTestId('lang-ru'));
    for (let i = 0; i < 8; i++) fireEvent.click(screen.getByTestId('month-next'));
    expect(await screen.findByTestId('month-holiday-2026-03-22')).toBeTruthy();
    expect(screen.getByTestId('month-holiday-2026-03-22').textContent).toBe('Наурыз мейрамы');
    expect(screen.getByTestId('month-holiday-2026-03-25').getAttribute('title')).toBe('Наурыз мейрамы: выходной день вместо 22 марта 2026 г.');
    expect(screen.getByTestId('month-holiday-2026-03-09').textContent).toBe('Выходной (перенос)');
    expect(screen.getByTestId('month-holiday-2026-03-09').getAttribute('title')).toBe('Международный женский день: выходной день вместо 8 марта 2026 г.');
  });

  it('warns, without refusing, when a meeting is planned on a holiday', async () => {
    renderWithI18n(<App />);
    fireEvent.click(await screen.findByTestId('view-month'));
    await screen.findByTestId('month-holiday-2025-07-07');
    fireEvent.doubleClick(day('2025-07-07'));
    await screen.findByTestId('plan-panel');
    expect(value('plan-date')).toBe('2025-07-07');
    expect((await screen.findByTestId('plan-holiday-warning')).textContent).toBe(
      '2025 жылғы 7 шілде — Астана күні: демалыс күні, 2025 жылғы 6 шілде орнына. Тұрғындар келмеуі мүмкін; кездесуді дәл осы күні өткізу керек екенін тексеріңіз.',
    );
    change('plan-date', '2025-07-08');
    await waitFor(() => expect(screen.queryByTestId('plan-holiday-warning')).toBeNull());
    change('plan-date', '2025-07-06');
    expect((await screen.findByTestId('plan-holiday-warning')).textContent).toMatch(/^2025 жылғы 6 шілде — мереке күні: Астана күні\. /);
    fireEvent.change(screen.getByTestId('plan-unit'), { target: { value: OKRUG.kato } });
    await waitFor(() => expect(value('plan-obligation')).toBe('decree-615|2025-M07'));
    fireEvent.click(screen.getByTestId('plan-submit'));
    expect(await screen.findByTestId('meeting-card')).toBeTruthy();
    expect(handler('meetings:plan')).toHaveBeenCalledTimes(1);
  });
});

describe('Settings: holidays and days off', () => {
  async function openSection() {
    renderWithI18n(<App />);
    fireEvent.click(await screen.findByTestId('nav-settings'));
    return within(await screen.findByTestId('settings-holidays'));
  }

  it('lists the year, adds a decree’s working Saturday, edits and removes a day', async () => {
    const section = await openSection();
    await section.findByTestId('holidays-table');
    expect(section.getByTestId('holidays-count').textContent).toBe('23 күн');
    expect(section.getByTestId('holiday-row-2025-03-24').textContent).toContain('Ауыстырылған демалыс күні');
    expect(section.getByTestId('holiday-row-2025-03-24').textContent).toContain('ереже бойынша');

    fireEvent.click(section.getByTestId('holidays-add'));
    fireEvent.change(section.getByTestId('holiday-date'), { target: { value: '2025-11-08' } });
    fireEvent.change(section.getByTestId('holiday-kind'), { target: { value: 'holiday' } });
    fireEvent.click(section.getByTestId('holiday-save'));
    // A holiday needs both names: said next to the form, nothing sent.
    expect(await section.findByText('Енгізілген деректерді тексеріңіз: Атауы (қазақша), Атауы (орысша).')).toBeTruthy();
    expect(handler('holidays:save')).not.toHaveBeenCalled();
    fireEvent.change(section.getByTestId('holiday-kind'), { target: { value: 'working_day' } });
    fireEvent.click(section.getByTestId('holiday-save'));
    expect(await section.findByTestId('holiday-row-2025-11-08')).toBeTruthy();
    expect(section.getByTestId('holiday-row-2025-11-08').textContent).toContain('Жұмыс күні (Үкімет қаулысы бойынша)');
    expect(section.getByTestId('holidays-count').textContent).toBe('24 күн');

    fireEvent.click(section.getByTestId('holiday-edit-2025-06-06'));
    fireEvent.change(section.getByTestId('holiday-date'), { target: { value: '2025-06-07' } });
    fireEvent.click(section.getByTestId('holiday-save'));
    await section.findByTestId('holiday-row-2025-06-07');
    expect(section.queryByTestId('holiday-row-2025-06-06')).toBeNull();
    expect(handler('holidays:save')).toHaveBeenLastCalledWith({
      day: { date: '2025-06-07', kind: 'holiday', nameKk: 'Құрбан айт', nameRu: 'Курбан айт', movedFrom: null },
      previousDate: '2025-06-06',
    });

    fireEvent.click(section.getByTestId('holiday-remove-2025-11-08'));
    fireEvent.click(section.getByTestId('holiday-remove-yes-2025-11-08'));
    await waitFor(() => expect(section.queryByTestId('holiday-row-2025-11-08')).toBeNull());
    const stored = await testCore().api.holidays.list({ from: '2025-01-01', to: '2025-12-31' });
    expect(stored.map((d) => d.date)).toContain('2025-06-07');
    expect(stored.map((d) => d.date)).not.toContain('2025-11-08');
  });

  it('imports a CSV file and says how many days it added; a wrong file is refused with its line', async () => {
    const section = await openSection();
    await section.findByTestId('holidays-table');
    const file = (text: string, name: string) => new File([text], name, { type: 'text/csv' });
    fireEvent.change(section.getByTestId('holidays-file'), { target: { files: [file('date,kind,name_kk,name_ru\n2025-12-31,day_off,,\n', 'decree.csv')] } });
    expect(await section.findByText('Импортталды: жаңа күндер – 1, жаңартылғаны – 0.')).toBeTruthy();
    expect(await section.findByTestId('holiday-row-2025-12-31')).toBeTruthy();
    fireEvent.change(section.getByTestId('holidays-file'), { target: { files: [file('date,kind,name_kk,name_ru\n2025-12-30,festival,,\n', 'bad.csv')] } });
    expect(await section.findByText('Файл импортталмады: 2-жол, kind бағаны дұрыс емес. Ештеңе өзгертілмеді.')).toBeTruthy();
  });

  it('exports the year as CSV and JSON files', async () => {
    const createObjectURL = vi.fn((_: Blob) => 'blob:holidays');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const section = await openSection();
    await section.findByTestId('holidays-table');
    fireEvent.click(section.getByTestId('holidays-export-csv'));
    await waitFor(() => expect(createObjectURL).toHaveBeenCalledTimes(1));
    const csv = await createObjectURL.mock.calls[0]![0].text();
    expect(csv.split('\r\n')[0]).toBe('date,kind,name_kk,name_ru,moved_from');
    expect(csv).toContain('2025-07-07,day_off,Астана күні,День столицы,2025-07-06');
    fireEvent.click(section.getByTestId('holidays-export-json'));
    await waitFor(() => expect(createObjectURL).toHaveBeenCalledTimes(2));
    expect(handler('holidays:export')).toHaveBeenLastCalledWith({ year: 2025, format: 'json' });
  });
});

describe('the bell counts issues and unmarked meetings', () => {
  withScrollerHeight();

  it('counts overdue and due-soon issues with their plurals, and each entry opens the log filtered to them', async () => {
    // Today is 10 July 2025; reminder days 7: due soon is 10–17 July.
    seedIssues(21, OKRUG.kato, (n) => ({ raisedOn: '2025-06-01', text: `Жол ${n}`, fields: { deadline: '2025-07-01' } }));
    seedIssues(3, OKRUG.kato, (n) => ({ raisedOn: '2025-06-01', text: `Су ${n}`, fields: { deadline: n === 1 ? '2025-07-10' : '2025-07-17' } }));
    seedIssues(2, OKRUG.kato, (n) => ({ raisedOn: '2025-06-01', text: `Мектеп ${n}`, fields: { deadline: '2025-07-18' } }));
    renderWithI18n(<App />);
    fireEvent.click(await screen.findByTestId('reminders-bell'));
    const list = await screen.findByTestId('reminders-list');
    const overdue = await within(list).findByTestId(`reminder-issues_overdue:${'103200000'}:2025-07-10`);
    expect(overdue.textContent).toBe('21 сұрақтың мерзімі өттіКөрсету');
    const soon = within(list).getByTestId('reminder-issues_due_soon:103200000:2025-07-10');
    expect(soon.textContent).toBe('3 сұрақтың орындалу мерзімі жақын: соңғы күні — 2025 жылғы 17 шілдеКөрсету');

    fireEvent.click(overdue);
    await waitFor(() => expect(handler('issues:list')).toHaveBeenCalledWith(expect.objectContaining({ filter: { overdue: true } })));
    expect((await screen.findByTestId('issues-filter-overdue') as HTMLInputElement).checked).toBe(true);

    fireEvent.click(screen.getByTestId('lang-ru'));
    fireEvent.click(screen.getByTestId('reminders-bell'));
    expect(screen.getByTestId('reminder-issues_overdue:103200000:2025-07-10').textContent).toBe('21 вопрос просроченПоказать');
    fireEvent.click(screen.getByTestId('reminder-issues_due_soon:103200000:2025-07-10'));
    await waitFor(() => expect(handler('issues:list')).toHaveBeenLastCalledWith(expect.objectContaining({ filter: { dueBy: '2025-07-17' } })));
    const dueBy = await screen.findByTestId('issues-filter-due-by');
    expect(dueBy.parentElement!.textContent).toBe('Срок до 17 июля 2025 г.');
    await waitFor(() => expect(issueRows()).toHaveLength(3));
    fireEvent.click(dueBy);
    await waitFor(() => expect(screen.queryByTestId('issues-filter-due-by')).toBeNull());
  });

  it('lists a meeting whose day has passed without being marked held, and opens its card', async () => {
    const past = await seedPlanned(OKRUG.kato, '2025-07-08');
    renderWithI18n(<App />);
    fireEvent.click(await screen.findByTestId('reminders-bell'));
    const entry = await screen.findByTestId(`reminder-meeting_unmarked:${past.id}:2025-07-08`);
    expect(entry.textContent).toBe(`${OKRUG.nameKk}: кездесу күні — 2025 жылғы 8 шілде, бірақ ол өткізілді деп белгіленбегенАшу`);
    fireEvent.click(entry);
    expect(await screen.findByTestId('meeting-card')).toBeTruthy();
  });
});
