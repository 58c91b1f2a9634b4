import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { ObligationsGrid } from '../../renderer/src/features/calendar/ObligationsGrid';
import { DECREE_615, assessCompliance } from '../../shared/domain/rules';
import type { GridRow } from '../../shared/contract/types';
import { handler, OKRUG, OKRUG_2, ROOT, startCore } from './test-core';
import { ABAY_OKRUGS } from './calendar-helpers';
import { renderWithI18n } from './render';

beforeEach(() => startCore({ setUp: true }));

async function openCalendar() {
  const view = renderWithI18n(<App />);
  await screen.findByTestId('obligations-grid');
  return view;
}

function cell(kato: string, windowKey: string): HTMLTableCellElement {
  return screen.getByTestId(`cell-${kato}-${windowKey}`) as HTMLTableCellElement;
}

describe('obligations grid', () => {
  it('loads the year of app:info today and shows one row per unit with an akim, indented by depth', async () => {
    await openCalendar();
    expect(handler('obligations:grid')).toHaveBeenCalledWith({ year: 2025 });
    expect(screen.getByTestId('year-label').textContent).toBe('2025 жыл');
    const rows = screen.getAllByTestId(/^row-/);
    expect(rows.map((r) => r.dataset['testid'])).toEqual([ROOT, ...ABAY_OKRUGS].map((u) => `row-${u.kato}`));
    const okrugHeader = within(rows[1]!).getByRole('rowheader');
    expect(okrugHeader.className).toContain('indent-1');
    expect(within(okrugHeader).getByText(OKRUG.nameKk)).toBeTruthy();
    expect(within(okrugHeader).getByText('ауылдық округ')).toBeTruthy();
    expect(within(rows[0]!).getByRole('rowheader').className).toContain('indent-0');
    expect(screen.getByText('Жұмыс жиынында 10 бірлік')).toBeTruthy();
  });

  it('asks the core for the year grid once when the main screen opens', async () => {
    await openCalendar();
    // The side panel host needs the working units too: it must not fetch the grid again.
    await screen.findByTestId(`row-${OKRUG.kato}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(handler('obligations:grid').mock.calls).toEqual([[{ year: 2025 }]]);
  });

  it('has month headers in the language, grouped by quarter', async () => {
    await openCalendar();
    const headers = screen.getAllByRole('columnheader').map((th) => th.textContent);
    expect(headers).toEqual([
      'Бірлік', 'I тоқсан', 'II тоқсан', 'III тоқсан', 'IV тоқсан',
      'Қаңтар', 'Ақпан', 'Наурыз', 'Сәуір', 'Мамыр', 'Маусым', 'Шілде', 'Тамыз', 'Қыркүйек', 'Қазан', 'Қараша', 'Желтоқсан',
    ]);
  });

  it('spans group B windows over three months and group C windows over one, with gaps between', async () => {
    await openCalendar();
    const district = screen.getByTestId(`row-${ROOT.kato}`);
    const districtCells = [...district.querySelectorAll('td')].map((td) => [td.colSpan, td.dataset['status'] ?? 'gap']);
    expect(districtCells).toEqual([[3, 'held_on_time'], [3, 'gap'], [3, 'open'], [3, 'gap']]);

    const okrug = screen.getByTestId(`row-${OKRUG.kato}`);
    const okrugCells = [...okrug.querySelectorAll('td')].map((td) => [td.colSpan, td.dataset['status'] ?? 'gap']);
    expect(okrugCells).toEqual([
      [1, 'held_on_time'], [2, 'gap'], [1, 'held_late'], [2, 'gap'], [1, 'open'], [2, 'gap'], [1, 'upcoming'], [2, 'gap'],
    ]);
    expect(cell(OKRUG_2.kato, '2025-M01').dataset['status']).toBe('missed');
    expect(cell(OKRUG_2.kato, '2025-M04').dataset['status']).toBe('missed');
  });

  it('labels each cell by status (and held date), not by colour alone', async () => {
    await openCalendar();
    const q1 = cell(ROOT.kato, '2025-Q1');
    expect(q1.className).toContain('status-held_on_time');
    expect(q1.textContent).toBe('Мерзімінде өткізілді12.02');
    expect(q1.querySelector('svg')).toBeTruthy();
    // A one-month cell has no room for a name: its icon and held date show, its name is in its
    // accessible label and its tooltip, in the same words as the wide cells and the legend.
    const narrow: Array<[string, string, string, string]> = [
      [OKRUG.kato, '2025-M04', '05.05', 'Кешігіп өткізілді'],
      [OKRUG_2.kato, '2025-M01', '', 'Өткізілмеді'],
      [OKRUG.kato, '2025-M07', '', 'Мерзімі жүріп жатыр'],
    ];
    for (const [kato, windowKey, shown, name] of narrow) {
      const td = cell(kato, windowKey);
      expect(td.textContent).toBe(shown);
      expect(td.querySelector('svg')).toBeTruthy();
      expect(td.title.split('\n')[0]).toBe(name);
      expect(within(td).getByRole('button').getAttribute('aria-label')).toContain(name);
    }
  });

  it('puts the legal window, the covered period and the group in the tooltip, in the official date style', async () => {
    await openCalendar();
    expect(cell(ROOT.kato, '2025-Q1').title.split('\n')).toEqual([
      'Мерзімінде өткізілді',
      'Өткізілген күні: 2025 жылғы 12 ақпан',
      'Жарлық бойынша мерзімі: 2025 жылғы 1 қаңтар – 2025 жылғы 31 наурыз',
      'Есепті кезең: 2024 жылғы 1 шілде – 2024 жылғы 31 желтоқсан',
      'B тобы: жарты жылда бір рет, бірінші және үшінші тоқсандарда',
    ]);
    expect(cell(OKRUG.kato, '2025-M10').title).toContain('Жарлық бойынша мерзімі: 2025 жылғы 1 қазан – 2025 жылғы 31 қазан');
  });

  it('counts the statuses of the year above the grid and has a legend', async () => {
    await openCalendar();
    const count = (status: string) => screen.getByTestId(`count-${status}`).querySelector('.count-value')?.textContent;
    // The district's two windows and four for each of nine okrugs; only Қараауыл has held meetings.
    expect([count('held_on_time'), count('held_late'), count('missed'), count('open'), count('upcoming')]).toEqual(['2', '1', '16', '10', '9']);
    expect(screen.getByText('Шартты белгілер')).toBeTruthy();
  });

  it('pages through years with the buttons', async () => {
    await openCalendar();
    fireEvent.click(screen.getByTestId('year-prev'));
    await waitFor(() => expect(screen.getByTestId('year-label').textContent).toBe('2024 жыл'));
    expect(handler('obligations:grid')).toHaveBeenLastCalledWith({ year: 2024 });
    await waitFor(() => expect(cell(OKRUG.kato, '2024-M10').dataset['status']).toBe('missed'));
    fireEvent.click(screen.getByTestId('year-next'));
    fireEvent.click(screen.getByTestId('year-next'));
    await waitFor(() => expect(cell(OKRUG.kato, '2026-M01').dataset['status']).toBe('upcoming'));
  });

  it('for group A, gives the date by which the Presidential Administration and the Government must be informed', () => {
    const oblast = (kato: string, held: string[]): GridRow => ({
      unit: { kato, kind: 'oblast', nameKk: 'Абай облысы', nameRu: 'область Абай', parent: null },
      depth: 0,
      obligations: assessCompliance([DECREE_615], 'oblast', '2025-01-01', '2025-12-31', held.map((heldOn) => ({ id: null, heldOn })), '2025-07-10').map((o) => ({ ...o, planned: null })),
    });
    renderWithI18n(<ObligationsGrid rows={[oblast('100000000', ['2025-01-31']), oblast('190000000', [])]} year={2025} today="2025-07-10" onPick={() => {}} />, 'ru');
    const held = screen.getByTestId('cell-100000000-2025-Q1') as HTMLTableCellElement;
    expect(held.title).toContain('Группа A: раз в год, в течение первого квартала');
    expect(held.title).toContain('Проинформировать Администрацию Президента и Правительство до 28 февраля 2025 г.');
    expect(screen.getByTestId('cell-190000000-2025-Q1').title).toContain(
      'Проинформировать Администрацию Президента и Правительство не позднее 1 месяца со дня встречи',
    );
    expect(held.colSpan).toBe(3);
  });
});
