import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/src/App';
import { generateDemo } from '../../electron/core/demo/generate';
import { REPORT_SECTIONS, type ReportExportInput } from '../../shared/contract/reports.contract';
import type { Language } from '../../shared/contract/schemas';
import type { ReportPeriod } from '../../shared/domain/reports/period';
import { EsepError } from '../../shared/errors';
import { handler, holdNext, ROOT, startCore } from './test-core';
import { change } from './calendar-helpers';
import { renderWithI18n } from './render';

// Issue 10, the export of a report from the Reports screen: what the panel sends is exactly what
// was chosen, and what the core answers (a file or a refusal) is said in words.
const YEAR_2025: ReportPeriod = { start: '2025-01-01', end: '2025-12-31' };
const YEAR_2024: ReportPeriod = { start: '2024-01-01', end: '2024-12-31' };
/** The capital: a city of republican significance's peer, Decree 615 group A. */
const ASTANA = '710000000';
/** The capital's names as the classifier writes them: the exported files are named by them. */
const ASTANA_NAME = { kk: 'Астана қ.', ru: 'г.Астана' } as const;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Saving goes through a Blob URL, which jsdom does not have. */
function catchDownloads() {
  const createObjectURL = vi.fn((_: Blob) => 'blob:report');
  Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
  return createObjectURL;
}

async function openExport() {
  renderWithI18n(<App />);
  fireEvent.click(await screen.findByTestId('nav-reports'));
  await screen.findByTestId('report-body');
  await waitFor(() => expect(screen.getByTestId('report-body').getAttribute('aria-busy')).toBe('false'));
  // As a real click would: the button has focus, and the panel gives it back.
  screen.getByTestId('report-export-open').focus();
  fireEvent.click(screen.getByTestId('report-export-open'));
  return screen.findByTestId('report-export-panel');
}

const checkbox = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;
const submit = () => screen.getByTestId('report-export-submit') as HTMLButtonElement;
/** Refused, but still focusable (a disabled button would drop focus). */
const blocked = () => submit().getAttribute('aria-disabled') === 'true';
const lastExport = () => handler('reports:export').mock.lastCall?.[0];

async function exported(): Promise<string> {
  const calls = handler('reports:export').mock.calls.length;
  fireEvent.click(submit());
  await waitFor(() => expect(handler('reports:export').mock.calls.length).toBe(calls + 1));
  return (await screen.findByTestId('report-export-done')).textContent!;
}

const input = (over: Partial<ReportExportInput>): ReportExportInput => ({
  unitKato: ROOT.kato,
  period: YEAR_2025,
  document: 'period',
  format: 'docx',
  language: 'kk',
  sections: [...REPORT_SECTIONS],
  personalData: false,
  ...over,
});

describe('Exporting a district’s report', () => {
  beforeEach(async () => {
    const { api, core } = await startCore({ setUp: false });
    await api.setup.complete({ rootKato: ROOT.kato, language: 'kk' });
    generateDemo(core.ctx, { unitKato: ROOT.kato, fromYear: 2024, toYear: 2025, seed: 7 });
  });

  it('sends exactly what was chosen: every section and no personal data unless ticked, in the UI’s language', async () => {
    const downloads = catchDownloads();
    const panel = await openExport();
    expect(within(panel).getByRole('heading', { name: 'Есепті экспорттау' })).toBe(document.activeElement);
    expect(screen.getByTestId('report-export-subject').textContent).toBe('Абай ауданы · 2025 жыл');
    // A district is in group B: it owes no point 3 note, so none is offered.
    expect(screen.queryByTestId('report-export-doc-point3')).toBeNull();
    expect(checkbox('report-export-format-docx').checked).toBe(true);
    expect(checkbox('report-export-lang-kk').checked).toBe(true);
    for (const s of REPORT_SECTIONS) expect(checkbox(`report-export-section-${s}`).checked, s).toBe(true);
    expect(checkbox('report-export-personal').checked).toBe(false);
    expect(screen.getByTestId('report-export-personal-warning').textContent).toBe('Авторлардың аты-жөні мен телефондары файлға түседі; әр экспорт аудит журналына жазылады.');
    expect(submit().textContent).toBe('DOCX түрінде экспорттау');

    expect(await exported()).toBe(`Файл сақталды: Есеп — ${ROOT.nameKk} — 2025.docx`);
    expect(lastExport()).toEqual(input({}));
    expect(downloads).toHaveBeenCalledTimes(1);
    expect(downloads.mock.calls[0]![0].type).toBe(DOCX);
    expect(downloads.mock.calls[0]![0].size).toBeGreaterThan(1000);

    // Excel, in Russian, three sections, the authors named: the warning stands out once ticked.
    fireEvent.click(screen.getByTestId('report-export-format-xlsx'));
    fireEvent.click(screen.getByTestId('report-export-lang-ru'));
    fireEvent.click(screen.getByTestId('report-export-section-charts'));
    fireEvent.click(screen.getByTestId('report-export-section-categories'));
    fireEvent.click(screen.getByTestId('report-export-personal'));
    expect(screen.getByTestId('report-export-personal-warning').className).toContain('message--warning');
    expect(await exported()).toBe(`Файл сақталды: Отчет — ${ROOT.nameRu} — 2025.xlsx`);
    expect(lastExport()).toEqual(input({ format: 'xlsx', language: 'ru', sections: ['summary', 'units', 'unresolved'], personalData: true }));

    // Without the annex there is nowhere for names to go: the box is off and says why.
    fireEvent.click(screen.getByTestId('report-export-section-unresolved'));
    expect(checkbox('report-export-personal').disabled).toBe(true);
    expect(checkbox('report-export-personal').checked).toBe(false);
    expect(screen.getByTestId('report-export-personal-warning').textContent).toContain('тек шешілмеген сұрақтар қосымшасында');
    expect(await exported()).toBe(`Файл сақталды: Отчет — ${ROOT.nameRu} — 2025.xlsx`);
    expect(lastExport()).toEqual(input({ format: 'xlsx', language: 'ru', sections: ['summary', 'units'], personalData: false }));
  });

  it('exports the period the screen shows, once it has arrived', async () => {
    catchDownloads();
    await openExport();
    fireEvent.click(screen.getByTestId('report-quick-lastQuarter'));
    await waitFor(() => expect(screen.getByTestId('report-export-subject').textContent).toBe('Абай ауданы · 2025 жылдың II тоқсаны'));
    await waitFor(() => expect(blocked()).toBe(false));
    expect(await exported()).toBe(`Файл сақталды: Есеп — ${ROOT.nameKk} — 2025-Q2.docx`);
    expect(lastExport()).toEqual(input({ period: { start: '2025-04-01', end: '2025-06-30' } }));
  });

  it('asks for at least one section, and sends nothing without one', async () => {
    await openExport();
    expect(screen.getByRole('group', { name: 'Бөлімдер (кемінде біреуі)' }).getAttribute('aria-invalid')).toBeNull();
    for (const s of REPORT_SECTIONS) fireEvent.click(screen.getByTestId(`report-export-section-${s}`));
    expect(screen.getByTestId('report-export-no-sections').textContent).toBe('Кемінде бір бөлімді таңдаңыз: құжат бос болмауы керек.');
    expect(screen.getByRole('group', { name: 'Бөлімдер (кемінде біреуі)' }).getAttribute('aria-invalid')).toBe('true');
    expect(blocked()).toBe(true);
    // A click, or Enter in the form: still nothing goes out.
    fireEvent.click(submit());
    fireEvent.submit(screen.getByTestId('report-export-form'));
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(handler('reports:export')).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId('report-export-section-charts'));
    expect(screen.queryByTestId('report-export-no-sections')).toBeNull();
    expect(blocked()).toBe(false);
  });

  it('shows progress while the file is made and cannot be pressed twice', async () => {
    catchDownloads();
    await openExport();
    const release = holdNext('reports:export');
    fireEvent.click(submit());
    fireEvent.click(submit());
    fireEvent.submit(screen.getByTestId('report-export-form'));
    await waitFor(() => expect(submit().textContent).toBe('Файл дайындалуда…'));
    expect(blocked()).toBe(true);
    expect(screen.getByTestId('report-export-progress')).toBeTruthy();
    await act(async () => release());
    expect((await screen.findByTestId('report-export-done')).textContent).toBe(`Файл сақталды: Есеп — ${ROOT.nameKk} — 2025.docx`);
    expect(handler('reports:export')).toHaveBeenCalledTimes(1);
    expect(blocked()).toBe(false);
    expect(screen.queryByTestId('report-export-progress')).toBeNull();
  });

  it('says a refused export in words', async () => {
    catchDownloads();
    await openExport();
    handler('reports:export').mockImplementationOnce(() => {
      throw new EsepError('unit_outside_working_set', { kato: ROOT.kato });
    });
    fireEvent.click(submit());
    expect((await screen.findByTestId('report-export-error')).textContent).toBe(`${ROOT.kato} бірлігі осы орнатудың жұмыс жиынына кірмейді.`);
    expect(screen.queryByTestId('report-export-done')).toBeNull();
    // The next try that works replaces the error with the file's name.
    expect(await exported()).toBe(`Файл сақталды: Есеп — ${ROOT.nameKk} — 2025.docx`);
    expect(screen.queryByTestId('report-export-error')).toBeNull();
  });

  it('Escape closes the panel and gives focus back to the button that opened it', async () => {
    const panel = await openExport();
    fireEvent.keyDown(within(panel).getByTestId('report-export-format-pdf'), { key: 'Escape' });
    expect(screen.queryByTestId('report-export-panel')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('report-export-open'));
  });
});

describe('The point 3 note of a group A unit', () => {
  async function capital(language: Language) {
    const { api } = await startCore({ setUp: false });
    await api.setup.complete({ rootKato: ASTANA, language });
    // The Q1 meeting of 2025: it reports on 2024, and its note was due on 28 February.
    await api.meetings.recordHeld({ unitKato: ASTANA, heldOn: '2025-01-31' });
  }

  it('offers the note for the capital, on the year before the period’s, and sends that year', async () => {
    catchDownloads();
    await capital('ru');
    await openExport();
    expect(checkbox('report-export-doc-period').checked).toBe(true);
    expect(screen.getByTestId('report-export-doc-period').closest('label')!.textContent).toBe('Отчет за период: 2025 год');
    // The document's language follows the UI's (Russian here).
    expect(checkbox('report-export-lang-ru').checked).toBe(true);
    expect(screen.queryByTestId('report-export-note-year')).toBeNull();

    fireEvent.click(screen.getByTestId('report-export-doc-point3'));
    expect((screen.getByTestId('report-export-note-year') as HTMLSelectElement).value).toBe('2024');
    expect(screen.getByTestId('report-export-subject').textContent).toBe('г.Астана · информация за 2024 год');
    expect(await exported()).toBe(`Файл сохранен: Информация (п. 3) — ${ASTANA_NAME.ru} — 2024.docx`);
    expect(lastExport()).toEqual(input({ unitKato: ASTANA, period: YEAR_2024, document: 'point3', language: 'ru' }));
    // The first export is the day point 3 counts the note as sent: the row on screen says so.
    await waitFor(() => expect(screen.getByTestId('report-point3').textContent).toContain('Проинформировано 10 июля 2025 г.'));

    // PDF is left to the E2E test: pdfmake's fonts do not load under jsdom.
    change('report-export-note-year', '2023');
    fireEvent.click(screen.getByTestId('report-export-format-xlsx'));
    fireEvent.click(screen.getByTestId('report-export-doc-period'));
    fireEvent.click(screen.getByTestId('report-export-doc-point3'));
    expect(await exported()).toBe(`Файл сохранен: Информация (п. 3) — ${ASTANA_NAME.ru} — 2023.xlsx`);
    expect(lastExport()).toEqual(input({ unitKato: ASTANA, period: { start: '2023-01-01', end: '2023-12-31' }, document: 'point3', language: 'ru', format: 'xlsx' }));
  });

  it('a point 3 row prepares its note: the panel opens on the note and its year', async () => {
    catchDownloads();
    await capital('kk');
    renderWithI18n(<App />);
    fireEvent.click(await screen.findByTestId('nav-reports'));
    const prepare = await screen.findByTestId('point3-prepare-2025-Q1');
    expect(prepare.textContent).toBe('Ақпаратты дайындау');
    prepare.focus();
    fireEvent.click(prepare);
    await screen.findByTestId('report-export-panel');
    expect(checkbox('report-export-doc-point3').checked).toBe(true);
    expect((screen.getByTestId('report-export-note-year') as HTMLSelectElement).value).toBe('2024');
    expect(await exported()).toBe(`Файл сақталды: Ақпарат (3-тармақ) — ${ASTANA_NAME.kk} — 2024.docx`);
    expect(lastExport()).toEqual(input({ unitKato: ASTANA, period: YEAR_2024, document: 'point3' }));
    fireEvent.click(screen.getByTestId('report-export-close'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('point3-prepare-2025-Q1')));
  });

  it('says the core’s refusal of a note in words', async () => {
    catchDownloads();
    await capital('kk');
    await openExport();
    fireEvent.click(screen.getByTestId('report-export-doc-point3'));
    handler('reports:export').mockImplementationOnce(() => {
      throw new EsepError('report_point3_not_group_a', { kato: ASTANA });
    });
    fireEvent.click(submit());
    expect((await screen.findByTestId('report-export-error')).textContent).toBe(
      `Жарлықтың 3-тармағы бойынша ақпаратты облыс, республикалық маңызы бар қала немесе астана әкімі ұсынады (№ 615 Жарлықтың A тобы); ${ASTANA} бірлігі оларға жатпайды.`,
    );
  });
});
