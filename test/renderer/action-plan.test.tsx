import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ActionPlanView } from '../../renderer/src/features/issues/plan/ActionPlanView';
import { DocumentSheet } from '../../renderer/src/features/minutes/PrintPreview';
import { actionPlanDocument } from '../../shared/documents/action-plan.document';
import { createI18n } from '../../shared/i18n';
import { useAppStore } from '../../renderer/src/stores/app.store';
import type { ActionPlanLine, PlanScope } from '../../shared/contract/action-plan.contract';
import type { UiLanguage } from '../../shared/i18n';
import { fieldsOf } from '../../renderer/src/features/issues/plan/usePlan';
import { handler, OKRUG, ROOT, startCore, testCore, VILLAGE } from './test-core';
import { seedIssues } from './issues-helpers';
import { renderWithI18n } from './render';

/** The okrug's meeting held on 20 January, recorded by startCore({ setUp: true }). */
let MEETING_ID: string;

beforeEach(async () => {
  await startCore({ setUp: true });
  await useAppStore.getState().load();
  MEETING_ID = testCore().seeded.okrugJanuary!.id;
  seedIssues(3, OKRUG.kato, (n) => ({
    meetingId: MEETING_ID,
    raisedOn: '2025-01-20',
    text: ['Көше жарығы жанбайды', 'Нет питьевой воды летом', 'Мектепке жаңа автобус керек'][n - 1]!,
    fields: {
      answer: n === 3 ? 'Автобус 2025 жылғы бюджетке енгізілді' : '',
      deadline: n === 1 ? '2025-03-01' : null,
      localityKato: n === 1 ? VILLAGE.kato : null,
    },
  }));
});

/** The meeting's plan rows as the core has them now (read through the unspied api). */
async function lines(): Promise<ActionPlanLine[]> {
  return (await testCore().api.actionPlan.list({ scope: { meetingId: MEETING_ID } })).lines;
}

async function renderPlan(scope: PlanScope = { meetingId: MEETING_ID }, lng: UiLanguage = 'kk') {
  renderWithI18n(<ActionPlanView scope={scope} />, lng);
  await screen.findByTestId('plan-view');
  await waitFor(() => expect(handler('actionPlan:list')).toHaveBeenCalled());
}

async function filled() {
  await renderPlan();
  fireEvent.click(await screen.findByTestId('plan-fill'));
  await screen.findByTestId('plan-row-2-measure');
}

const control = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;

describe('the action plan view', () => {
  it('fills a row for every issue in the meeting, from its answer and deadline', async () => {
    await renderPlan();
    expect(screen.getByTestId('plan-empty').textContent).toContain('Жоспар әлі бос');
    expect(screen.getByTestId('plan-view').textContent).toContain('3 сұраққа әлі іс-шара жоқ');
    fireEvent.click(screen.getByTestId('plan-fill'));
    await screen.findByTestId('plan-row-2-measure');
    expect(handler('actionPlan:fill')).toHaveBeenCalledWith({ scope: { meetingId: MEETING_ID } });
    expect(control('plan-row-0-deadline').value).toBe('2025-03-01');
    expect(control('plan-row-2-measure').value).toBe('Автобус 2025 жылғы бюджетке енгізілді');
    expect(control('plan-row-0-mark').value).toBe('not_started');
    const first = screen.getByTestId('plan-row-0');
    expect(first.textContent).toContain('Көше жарығы жанбайды');
    expect(first.textContent).toContain('тіркеу № 1');
    // Nothing is left to fill.
    expect((screen.getByTestId('plan-fill') as HTMLButtonElement).disabled).toBe(true);
  });

  it('saves a row once focus leaves it, with the revision it was read at', async () => {
    await filled();
    fireEvent.change(control('plan-row-0-measure'), { target: { value: 'Шамдарды ауыстыру' } });
    fireEvent.change(control('plan-row-0-executor'), { target: { value: 'ТКШ бөлімі' } });
    // Moving within the row saves nothing.
    fireEvent.blur(control('plan-row-0-measure'), { relatedTarget: control('plan-row-0-executor') });
    expect(handler('actionPlan:saveRow')).not.toHaveBeenCalled();
    fireEvent.blur(control('plan-row-0-executor'), { relatedTarget: control('plan-row-1-measure') });
    await waitFor(() => expect(handler('actionPlan:saveRow')).toHaveBeenCalledTimes(1));
    const [input] = handler('actionPlan:saveRow').mock.calls[0]!;
    expect(input).toMatchObject({ revision: 1, fields: { measure: 'Шамдарды ауыстыру', executor: 'ТКШ бөлімі', deadline: '2025-03-01' } });
    await waitFor(() => expect(within(screen.getByTestId('plan-row-0')).getByText('Сақталды')).toBeTruthy());
    expect((await lines())[0]).toMatchObject({ revision: 2, measure: 'Шамдарды ауыстыру', executor: 'ТКШ бөлімі' });
    // Leaving again without a change saves nothing more.
    fireEvent.blur(control('plan-row-0-executor'));
    await act(async () => {});
    expect(handler('actionPlan:saveRow')).toHaveBeenCalledTimes(1);
  });

  it('marks a row done, dated today unless a date is given', async () => {
    await filled();
    fireEvent.change(control('plan-row-1-mark'), { target: { value: 'done' } });
    expect(control('plan-row-1-mark-date').value).toBe('2025-07-10');
    fireEvent.change(control('plan-row-1-mark-note'), { target: { value: 'Су тасымалданды' } });
    fireEvent.blur(control('plan-row-1-mark-note'));
    await waitFor(async () => expect((await lines())[1]).toMatchObject({ mark: 'done', markDate: '2025-07-10', markNote: 'Су тасымалданды', revision: 2 }));
  });

  it('keeps a refused amount typed in its row and says why', async () => {
    await filled();
    fireEvent.change(control('plan-row-0-funding-amount'), { target: { value: '12,5,0' } });
    fireEvent.blur(control('plan-row-0-funding-amount'));
    expect(await screen.findByText('Соманы цифрмен жазыңыз, мысалы: 1 250 000 немесе 1 250 000,50.')).toBeTruthy();
    expect(control('plan-row-0-funding-amount').getAttribute('aria-invalid')).toBe('true');
    expect(control('plan-row-0-funding-amount').value).toBe('12,5,0');
    fireEvent.change(control('plan-row-0-funding-amount'), { target: { value: '1 250 000,50' } });
    fireEvent.blur(control('plan-row-0-funding-amount'));
    await waitFor(async () => expect((await lines())[0]!.fundingAmount).toBe('1 250 000,50'));
    expect(control('plan-row-0-funding-amount').getAttribute('aria-invalid')).toBeNull();
  });

  it('reloads the plan when another window changed the row, and says so', async () => {
    await filled();
    // Another window saves the row meanwhile: its revision moves on behind the view's back.
    const [row] = await lines();
    await testCore().api.actionPlan.saveRow({ id: row!.id, revision: row!.revision, issueId: row!.issueId, fields: { ...fieldsOf(row!), measure: 'Басқа терезеде жазылды' } });
    fireEvent.change(control('plan-row-0-measure'), { target: { value: 'Менің нұсқам' } });
    fireEvent.blur(control('plan-row-0-measure'));
    expect(await screen.findByText(/басқа терезеде өзгертті/)).toBeTruthy();
    await waitFor(() => expect(control('plan-row-0-measure').value).toBe('Басқа терезеде жазылды'));
    expect((await lines())[0]).toMatchObject({ revision: 2, measure: 'Басқа терезеде жазылды' });
  });

  it('moves down a column with Enter and adds a measure to the issue with Ctrl+Enter', async () => {
    await filled();
    const firstIssue = (await lines())[0]!.issueId;
    control('plan-row-0-executor').focus();
    fireEvent.keyDown(control('plan-row-0-executor'), { key: 'Enter' });
    expect(document.activeElement).toBe(control('plan-row-1-executor'));
    fireEvent.keyDown(control('plan-row-1-executor'), { key: 'Enter', shiftKey: true });
    expect(document.activeElement).toBe(control('plan-row-0-executor'));

    fireEvent.keyDown(control('plan-row-0-measure'), { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(handler('actionPlan:saveRow')).toHaveBeenCalledWith(expect.objectContaining({ issueId: firstIssue })));
    // The new measure sits under the first issue, which now spans two rows, and has focus.
    await waitFor(() => expect(document.activeElement).toBe(control('plan-row-1-measure')));
    expect(control('plan-row-1-deadline').value).toBe('2025-03-01');
    expect(screen.getByTestId('plan-row-0').querySelector('th')!.getAttribute('rowspan')).toBe('2');
    expect(control('plan-row-3-measure').value).toBe('Автобус 2025 жылғы бюджетке енгізілді');

    fireEvent.click(screen.getByTestId('plan-row-1-remove'));
    await waitFor(() => expect(screen.queryByTestId('plan-row-3-measure')).toBeNull());
    expect((await lines()).map((l) => l.issueId)).toHaveLength(3);
  });

  it('exports to Excel and Word in Kazakh and Russian', async () => {
    const createObjectURL = vi.fn((_: Blob) => 'blob:plan');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    await filled();
    fireEvent.change(control('plan-row-0-measure'), { target: { value: 'Экспорт алдында жазылды' } });
    for (const [format, language] of [['xlsx', 'kk'], ['xlsx', 'ru'], ['docx', 'kk'], ['docx', 'ru']] as const) {
      const button = screen.getByTestId(`plan-export-${format}-${language}`);
      expect(button.textContent).toBe(`${format === 'xlsx' ? 'Excel' : 'Word'}, ${language === 'kk' ? 'Қазақша' : 'Русский'}`);
      fireEvent.click(button);
      await screen.findByText(`Файл сақталды: ${language === 'kk' ? `Іс-шаралар жоспары — ${OKRUG.nameKk}` : `План мероприятий — ${OKRUG.nameRu}`} — 2025-01-20.${format}`);
      expect(handler('actionPlan:export')).toHaveBeenLastCalledWith({ scope: { meetingId: MEETING_ID }, language, format });
    }
    // What was typed is saved before the first export.
    expect(handler('actionPlan:saveRow').mock.invocationCallOrder[0]!).toBeLessThan(handler('actionPlan:export').mock.invocationCallOrder[0]!);
    expect((await lines())[0]!.measure).toBe('Экспорт алдында жазылды');
    expect(createObjectURL).toHaveBeenCalledTimes(4);
    expect(createObjectURL.mock.calls[0]![0].type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('exports right after an edit without a conflict: the save focus started is awaited, not sent again', async () => {
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:plan'), revokeObjectURL: vi.fn() });
    await filled();
    fireEvent.change(control('plan-row-0-measure'), { target: { value: 'Бірден экспортталды' } });
    const button = screen.getByTestId('plan-export-xlsx-ru');
    // As a click does it: focus leaves the row for the button (its save starts), then the click.
    fireEvent.blur(control('plan-row-0-measure'), { relatedTarget: button });
    fireEvent.click(button);
    await screen.findByText(`Файл сақталды: План мероприятий — ${OKRUG.nameRu} — 2025-01-20.xlsx`);
    expect(handler('actionPlan:saveRow')).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(/басқа терезеде/)).toBeNull();
    expect(screen.getByTestId('plan-view').querySelector('.message--warning, .message--error')).toBeNull();
    expect((await lines())[0]).toMatchObject({ measure: 'Бірден экспортталды', revision: 2 });
    // A second edit of the same row saves at the revision the first save returned.
    fireEvent.change(control('plan-row-0-measure'), { target: { value: 'Тағы бір өзгеріс' } });
    fireEvent.blur(control('plan-row-0-measure'), { relatedTarget: button });
    fireEvent.click(button);
    await waitFor(() => expect(handler('actionPlan:export')).toHaveBeenCalledTimes(2));
    expect(handler('actionPlan:saveRow')).toHaveBeenCalledTimes(2);
    expect((await lines())[0]).toMatchObject({ measure: 'Тағы бір өзгеріс', revision: 3 });
  });

  it('picks a unit and a quarter, half-year or year for a period’s plan (Russian UI)', async () => {
    await renderPlan({ unitKato: ROOT.kato, from: '2025-01-01', to: '2025-12-31' }, 'ru');
    expect((screen.getByTestId('plan-scope-kind') as HTMLSelectElement).value).toBe('year');
    await waitFor(() => expect(screen.getByTestId('plan-view').textContent).toContain('3 вопроса ещё без мероприятий'));
    fireEvent.change(screen.getByTestId('plan-scope-kind'), { target: { value: 'quarter' } });
    await waitFor(() => expect(handler('actionPlan:list')).toHaveBeenLastCalledWith({ scope: { unitKato: ROOT.kato, from: '2025-01-01', to: '2025-03-31' } }));
    fireEvent.change(screen.getByTestId('plan-scope-n'), { target: { value: '2' } });
    await waitFor(() => expect(handler('actionPlan:list')).toHaveBeenLastCalledWith({ scope: { unitKato: ROOT.kato, from: '2025-04-01', to: '2025-06-30' } }));
    expect(await screen.findByText('На выбранной встрече или за выбранный период вопросов нет.')).toBeTruthy();
    fireEvent.change(screen.getByTestId('plan-scope-kind'), { target: { value: 'half' } });
    await waitFor(() => expect(handler('actionPlan:list')).toHaveBeenLastCalledWith({ scope: { unitKato: ROOT.kato, from: '2025-01-01', to: '2025-06-30' } }));
    fireEvent.change(screen.getByTestId('plan-scope-from'), { target: { value: '2025-01-15' } });
    await waitFor(() => expect(handler('actionPlan:list')).toHaveBeenLastCalledWith({ scope: { unitKato: ROOT.kato, from: '2025-01-15', to: '2025-06-30' } }));
    expect((screen.getByTestId('plan-scope-kind') as HTMLSelectElement).value).toBe('custom');
    await waitFor(() => expect((screen.getByTestId('plan-scope-unit') as HTMLSelectElement).options.length).toBeGreaterThan(1));
    fireEvent.change(screen.getByTestId('plan-scope-unit'), { target: { value: OKRUG.kato } });
    await waitFor(() => expect(handler('actionPlan:list')).toHaveBeenLastCalledWith({ scope: { unitKato: OKRUG.kato, from: '2025-01-15', to: '2025-06-30' } }));
    fireEvent.click(await screen.findByTestId('plan-fill'));
    await screen.findByTestId('plan-row-2-measure');
    expect(screen.getByRole('columnheader', { name: 'Мероприятие' })).toBeTruthy();
  });

  it('shows no picker for a meeting’s plan', async () => {
    await renderPlan();
    expect(screen.queryByTestId('plan-scope')).toBeNull();
  });
});

describe('the plan as a print preview sheet', () => {
  it('lays the table out on a landscape sheet, an issue’s number and text over its measures', async () => {
    const { api } = testCore();
    const [first] = (await api.actionPlan.fill({ scope: { meetingId: MEETING_ID } })).lines;
    await api.actionPlan.saveRow({ issueId: first!.issueId, fields: { ...fieldsOf(first!), measure: 'Екінші іс-шара', fundingAmount: '1250000' } });
    const unit = await api.units.get({ kato: OKRUG.kato });
    const model = actionPlanDocument(
      { lines: await lines(), unit, meetingDate: '2025-01-20', period: null, language: 'ru', places: [] },
      createI18n('ru').t,
    );
    renderWithI18n(<DocumentSheet model={model} />, 'ru');
    const sheet = screen.getByTestId('print-sheet');
    expect(sheet.getAttribute('style')).toContain('--sheet-width: 297mm');
    const table = sheet.querySelector('table.doc-table')!;
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      '№ п/п', 'Поднятый вопрос, населённый пункт', 'Мероприятие', 'Форма завершения', 'Ответственный исполнитель', 'Срок исполнения',
      'Источник финансирования, сумма (тенге)', 'Отметка об исполнении',
    ]);
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(4);
    expect(rows[0]!.querySelector('td')!.getAttribute('rowspan')).toBe('2');
    expect(rows[1]!.querySelectorAll('td')).toHaveLength(6);
    expect(rows[1]!.textContent).toContain('1\u00a0250\u00a0000');
    expect(sheet.textContent).toContain('План мероприятий по решению вопросов, поднятых на встрече акима Карааульского сельского округа с населением');
  });
});
