import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { handler, OKRUG, OKRUG_2, ROOT, startCore, testCore } from './test-core';
import { ABAY_OKRUGS } from './calendar-helpers';
import { renderWithI18n } from './render';

beforeEach(() => startCore({ setUp: true }));

async function openFromCell(kato: string, windowKey: string) {
  renderWithI18n(<App />);
  const cell = await screen.findByTestId(`cell-${kato}-${windowKey}`);
  const button = within(cell).getByRole('button');
  button.focus();
  fireEvent.click(button);
  return screen.findByTestId('record-panel');
}

const status = (kato: string, windowKey: string) => screen.getByTestId(`cell-${kato}-${windowKey}`).dataset['status'];

describe('record a held meeting', () => {
  it('opens from a closed window\'s cell with the unit chosen and today as the date, labels bound to the inputs', async () => {
    await openFromCell(OKRUG_2.kato, '2025-M04');
    const unit = screen.getByLabelText('Бірлік') as HTMLSelectElement;
    const date = screen.getByLabelText('Өткізілген күні') as HTMLInputElement;
    expect(unit).toBe(screen.getByTestId('record-unit'));
    expect(unit.value).toBe(OKRUG_2.kato);
    expect(date.type).toBe('date');
    expect(date.value).toBe('2025-07-10');
    expect(document.activeElement).toBe(date);
    expect(screen.getByLabelText('Ескертпе (міндетті емес)')).toBe(screen.getByTestId('record-note'));
    expect(await screen.findByText('Бұл бірлік бойынша әлі бірде-бір кездесу тіркелмеген.')).toBeTruthy();
  });

  it('records a meeting: the grid reloads, the cell changes and a confirmation is shown', async () => {
    await openFromCell(OKRUG_2.kato, '2025-M04');
    expect(status(OKRUG_2.kato, '2025-M07')).toBe('open');
    fireEvent.change(screen.getByTestId('record-date'), { target: { value: '2025-07-08' } });
    fireEvent.change(screen.getByTestId('record-note'), { target: { value: '  Мәдениет үйінде  ' } });
    fireEvent.click(screen.getByTestId('record-submit'));

    expect((await screen.findByTestId('record-success')).textContent).toBe(
      `${OKRUG_2.nameKk}: 08.07.2025 күні өткізілген кездесу тіркелді.`,
    );
    expect(handler('meetings:recordHeld')).toHaveBeenCalledWith({ unitKato: OKRUG_2.kato, heldOn: '2025-07-08', note: 'Мәдениет үйінде' });
    await waitFor(() => expect(status(OKRUG_2.kato, '2025-M07')).toBe('held_on_time'));
    expect(screen.getByTestId(`cell-${OKRUG_2.kato}-2025-M07`).textContent).toBe('08.07');
    const list = screen.getByTestId('meeting-list');
    expect(await within(list).findByText('2025 жылғы 8 шілде күні өткізілді')).toBeTruthy();
    expect(within(list).getByText('Мәдениет үйінде')).toBeTruthy();
    expect((screen.getByTestId('record-note') as HTMLTextAreaElement).value).toBe('');
  });

  it('shows the translated error for a future date and changes nothing', async () => {
    await openFromCell(OKRUG_2.kato, '2025-M04');
    const gridCalls = handler('obligations:grid').mock.calls.length;
    fireEvent.change(screen.getByTestId('record-date'), { target: { value: '2025-08-01' } });
    fireEvent.click(screen.getByTestId('record-submit'));

    expect((await screen.findByTestId('record-error')).textContent).toBe(
      'Өткізілген күні 01.08.2025 әлі келген жоқ (бүгін 10.07.2025).',
    );
    expect(screen.queryByTestId('record-success')).toBeNull();
    // The core refused it: the panel sent the date, nothing was recorded, the grid was not reloaded.
    expect(handler('meetings:recordHeld')).toHaveBeenCalledTimes(1);
    expect(handler('meetings:recordHeld')).toHaveBeenCalledWith(expect.objectContaining({ unitKato: OKRUG_2.kato, heldOn: '2025-08-01' }));
    expect(await testCore().api.meetings.list({ unitKato: OKRUG_2.kato })).toEqual([]);
    expect(handler('obligations:grid').mock.calls.length).toBe(gridCalls);
    expect(status(OKRUG_2.kato, '2025-M07')).toBe('open');
  });

  it('opens from the toolbar with no unit chosen; submit waits for a unit', async () => {
    renderWithI18n(<App />);
    fireEvent.click(await screen.findByTestId('record-open'));
    const unit = screen.getByTestId('record-unit') as HTMLSelectElement;
    expect(unit.value).toBe('');
    expect(document.activeElement).toBe(unit);
    expect((screen.getByTestId('record-submit') as HTMLButtonElement).disabled).toBe(true);
    // The working set in the grid's order: the district, then its nine okrugs.
    expect([...unit.options].map((o) => o.textContent?.trim())).toEqual([
      'Бірлікті таңдаңыз',
      `${ROOT.nameKk} — аудан`,
      ...ABAY_OKRUGS.map((u) => `${u.nameKk} — ауылдық округ`),
    ]);
    fireEvent.change(unit, { target: { value: OKRUG.kato } });
    expect((screen.getByTestId('record-submit') as HTMLButtonElement).disabled).toBe(false);
    expect(await screen.findByText('2 кездесу тіркелген')).toBeTruthy();
  });

  it('lists a unit’s meetings and removes one only after an inline confirmation', async () => {
    await openFromCell(OKRUG.kato, '2025-M04');
    const list = screen.getByTestId('meeting-list');
    await within(list).findByText('2025 жылғы 5 мамыр күні өткізілді');
    const [newest] = within(list).getAllByTestId('meeting-remove');
    fireEvent.click(newest!);
    expect(within(list).getByText('Бұл жазбаны жою керек пе?')).toBeTruthy();
    fireEvent.click(within(list).getByTestId('meeting-remove-no'));
    expect(handler('meetings:remove')).not.toHaveBeenCalled();

    fireEvent.click(within(list).getAllByTestId('meeting-remove')[0]!);
    fireEvent.click(within(list).getByTestId('meeting-remove-yes'));
    await waitFor(() => expect(handler('meetings:remove')).toHaveBeenCalledTimes(1));
    expect(await within(list).findByText('Жазба жойылды.')).toBeTruthy();
    await waitFor(() => expect(status(OKRUG.kato, '2025-M04')).toBe('missed'));
    expect(within(list).queryByText('2025 жылғы 5 мамыр күні өткізілді')).toBeNull();
  });

  it('closes with Escape and gives focus back to the cell it was opened from', async () => {
    await openFromCell(OKRUG.kato, '2025-M01');
    fireEvent.keyDown(screen.getByTestId('record-date'), { key: 'Escape' });
    expect(screen.queryByTestId('record-panel')).toBeNull();
    expect(document.activeElement).toBe(within(screen.getByTestId(`cell-${OKRUG.kato}-2025-M01`)).getByRole('button'));
  });
});
