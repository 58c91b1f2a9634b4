import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UiLanguage } from '../../shared/i18n';
import { change } from './calendar-helpers';
import { openHeldMinutes } from './minutes-helpers';
import { handler, startCore } from './test-core';

beforeEach(() => startCore({ setUp: true }));
afterEach(() => vi.restoreAllMocks());

async function openMinutes(lng: UiLanguage = 'kk') {
  await openHeldMinutes(lng);
  await screen.findByTestId('minutes-editor');
}

async function openPreview() {
  fireEvent.click(screen.getByTestId('minutes-print'));
  const preview = await screen.findByTestId('print-preview');
  const sheet = await within(preview).findByTestId('print-sheet');
  return { preview, sheet };
}

describe('print preview of the minutes', () => {
  it('shows the minutes on a sheet headed by the akim office, typed text included before it is saved', async () => {
    await openMinutes();
    change('minutes-chair', 'Ахметов Бауыржан');
    change('minutes-number', '5');
    const { preview, sheet } = await openPreview();
    expect(handler('minutes:save')).not.toHaveBeenCalled();

    expect(preview.getAttribute('role')).toBe('dialog');
    expect(preview.getAttribute('aria-modal')).toBe('true');
    expect(preview.getAttribute('aria-labelledby')).toBe(screen.getByText('Хаттаманы басып шығару алдында қарау').id);
    expect(sheet.getAttribute('lang')).toBe('kk');
    const paragraphs = [...sheet.querySelectorAll('p')].map((p) => p.textContent);
    expect(paragraphs[0]).toBe('ЖОБА');
    expect(paragraphs[1]).toBe('Абай ауданы әкімінің аппараты');
    expect(paragraphs[2]).toBe('ХАТТАМА № 5');
    expect(paragraphs).toContain('Төраға: Ахметов Бауыржан');
    expect(sheet.textContent).toContain('2025 жылғы 12 ақпан');
    // Laid out as the DOCX: the office name centred in bold.
    const office = sheet.querySelectorAll('p')[1] as HTMLElement;
    expect(office.style.textAlign).toBe('center');
    expect(office.querySelector('.doc-bold')?.textContent).toBe('Абай ауданы әкімінің аппараты');
    // Focus moved into the dialog.
    expect(preview.contains(document.activeElement)).toBe(true);
  });

  it('switches the document language without touching the UI language', async () => {
    await openMinutes();
    change('minutes-secretary', 'Сейітова А.');
    const { preview } = await openPreview();
    expect(screen.getByTestId('print-lang-kk').getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(screen.getByTestId('print-lang-ru'));
    const sheet = within(preview).getByTestId('print-sheet');
    expect(sheet.getAttribute('lang')).toBe('ru');
    expect(screen.getByTestId('print-lang-ru').getAttribute('aria-pressed')).toBe('true');
    expect(sheet.textContent).toContain('Аппарат акима Абайского района');
    expect(sheet.textContent).toContain('ПРОТОКОЛ');
    expect(sheet.textContent).toContain('Секретарь: Сейітова А.');
    expect(sheet.textContent).toContain('12 февраля 2025 г.');
    expect(sheet.textContent).not.toContain('ХАТТАМА');
    // The app around it still speaks Kazakh.
    expect(screen.getByTestId('print-do').textContent).toBe('Басып шығару');
    expect(screen.getByTestId('print-close').textContent).toBe('Жабу');
    expect(screen.getByTestId('minutes-status').textContent).toBe('Жоба');
    expect(document.documentElement.lang).not.toBe('ru');
  });

  it('starts in the UI language', async () => {
    await startCore({ setUp: true, language: 'ru' });
    await openMinutes('ru');
    const { sheet } = await openPreview();
    expect(sheet.getAttribute('lang')).toBe('ru');
    expect(sheet.textContent).toContain('Аппарат акима Абайского района');
    expect(screen.getByTestId('print-do').textContent).toBe('Печать');
  });

  it('Print calls window.print', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    await openMinutes();
    await openPreview();
    fireEvent.click(screen.getByTestId('print-do'));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('Escape closes the preview only, and focus returns to the button that opened it', async () => {
    await openMinutes();
    const { preview } = await openPreview();
    fireEvent.keyDown(screen.getByTestId('print-lang-ru'), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('print-preview')).toBeNull());
    expect(preview.isConnected).toBe(false);
    expect(screen.getByTestId('minutes-panel')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByTestId('minutes-print'));
  });

  it('Close returns too, and Tab stays inside the dialog', async () => {
    await openMinutes();
    const { preview } = await openPreview();
    const close = screen.getByTestId('print-close');
    close.focus();
    fireEvent.keyDown(close, { key: 'Tab' });
    expect(document.activeElement).toBe(screen.getByTestId('print-lang-kk'));
    fireEvent.keyDown(document.activeElement!, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(close);
    expect(preview.contains(document.activeElement)).toBe(true);

    fireEvent.click(close);
    expect(screen.queryByTestId('print-preview')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('minutes-print'));
  });
});
