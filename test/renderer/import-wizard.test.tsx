import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ImportWizard } from '../../renderer/src/features/issues/import/ImportWizard';
import { columnLetter, mapColumn } from '../../renderer/src/features/issues/import/MappingTable';
import { useAppStore } from '../../renderer/src/stores/app.store';
import { IMPORT_FIELDS, IMPORT_PROBLEM_CODES } from '../../shared/contract/issues-import.contract';
import { blankIssueFields } from '../../shared/contract/issue-defaults';
import { catalogs, LANGUAGES } from '../../shared/i18n';
import { handler, OKRUG, ROOT, startCore, testCore } from './test-core';
import { allIssues, xlsxFile } from './issues-helpers';
import { excelDate } from '../helpers/legacy-xlsx';
import { renderWithI18n } from './render';

beforeEach(() => startCore({ setUp: true }));

const RU_COLUMNS = ['№', 'Дата', 'Содержание вопроса', 'Категория', 'Телефон', 'Примечание'];

/** A Russian log: header on row 3 (a title above it), two good rows (a date cell, a date typed), then three bad ones. */
const mixedLog = () =>
  xlsxFile('журнал.xlsx', {
    name: 'Журнал',
    title: 'Журнал учёта вопросов',
    headers: RU_COLUMNS,
    rows: [
      [1, excelDate('2025-01-15'), 'Ремонт дороги по улице Абая', 'Дороги и мосты', '8 701 123 45 67'],
      [2, '15 января 2025 г.', 'Открыть спортивную секцию', 'Культура и спорт'],
      [3, '32.01.2025', 'Ремонт моста'],
      [4, '2025-02-01', null, 'Космос'],
      [5, '2025-02-03', 'Остановка автобуса', null, 'нет'],
    ],
  });

const goodLog = () => xlsxFile('таза.xlsx', { name: 'Парақ1', headers: ['Күні', 'Сұрақ', 'Санат'], rows: [['2025 жылғы 15 қаңтар', 'Жолды жөндеу', 'Жолдар мен көпірлер']] });

async function open(language: 'kk' | 'ru' = 'kk') {
  await testCore().api.settings.setLanguage({ language });
  await useAppStore.getState().load();
  const onDone = vi.fn();
  renderWithI18n(<ImportWizard onDone={onDone} />, language);
  await waitFor(() => expect(handler('units:subtree')).toHaveBeenCalled());
  return onDone;
}

async function pick(file: File | Promise<File>) {
  fireEvent.change(screen.getByTestId('import-file'), { target: { files: [await file] } });
  await screen.findByTestId('import-map-0');
}

const select = (testId: string) => screen.getByTestId(testId) as HTMLSelectElement;
const button = (testId: string) => screen.getByTestId(testId) as HTMLButtonElement;
const row = (n: number) => screen.getByTestId(`import-row-${n}`);

describe('the legacy Excel import', () => {
  it('previews the file with a field chosen above each column, from the suggestion (kk)', async () => {
    await open('kk');
    await pick(mixedLog());
    expect(handler('issuesImport:preview')).toHaveBeenCalledWith({ source: expect.objectContaining({ fileName: 'журнал.xlsx' }) });
    expect(screen.getByTestId('import-found').textContent).toBe('Тақырып жолы – 3-жол, оның астында деректері бар 5 жол.');
    expect(RU_COLUMNS.map((_, c) => select(`import-map-${c}`).value)).toEqual(['', 'raisedOn', 'text', 'category', 'authorPhone', '']);
    expect(select('import-map-1').selectedOptions[0]!.textContent).toBe('Күні');
    expect(screen.getByText('Ремонт дороги по улице Абая')).toBeTruthy();
    // A field is read from one column: choosing it elsewhere moves it.
    fireEvent.change(select('import-map-5'), { target: { value: 'text' } });
    expect(select('import-map-2').value).toBe('');
    expect(select('import-map-5').value).toBe('text');
  });

  it('cannot check without the date and text columns', async () => {
    await open('ru');
    await pick(mixedLog());
    fireEvent.change(select('import-map-1'), { target: { value: '' } });
    expect(button('import-check').disabled).toBe(true);
    expect(screen.getByTestId('import-missing').textContent).toBe('Не выбраны столбцы для полей: Дата.');
    fireEvent.change(select('import-map-1'), { target: { value: 'raisedOn' } });
    expect(button('import-check').disabled).toBe(false);
    expect(screen.queryByTestId('import-missing')).toBeNull();
  });

  it('checks row by row in the reader’s language; only the valid rows go in, after a confirmation (kk)', async () => {
    const onDone = await open('kk');
    await pick(mixedLog());
    fireEvent.click(button('import-check'));
    const report = await screen.findByTestId('import-report');
    expect(within(report).getByTestId('import-report-summary').textContent).toBe('Барлық жол: 5; дұрысы: 2; қатесі барлары: 3.');
    expect(row(4).textContent).toContain('✓');
    expect(row(4).textContent).toContain('дұрыс');
    expect(within(row(6)).getByRole('listitem').textContent).toBe('Күні: «32.01.2025» күн ретінде танылмады');
    // Checking imports nothing: a bad row has errors, it is not yet "not imported".
    expect(row(6).textContent).toContain('қатесі бар');
    expect(row(6).textContent).not.toContain('импортталмады');
    expect(within(row(7)).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Мәселенің мазмұны: толтырылмаған',
      'Санат: «Космос» анықтамалықтан табылмады',
    ]);
    expect(within(row(8)).getByRole('listitem').textContent).toBe('Телефон: «нет» телефон нөміріне ұқсамайды');

    expect(button('import-all').disabled).toBe(true);
    expect(button('import-valid-only').textContent).toBe('Тек дұрыс жолдарды импорттау (2)');
    fireEvent.click(button('import-valid-only'));
    expect(screen.getByText('Қатесі бар жолдар (3) импортталмайды. Дұрыс жолдарды (2) импорттау керек пе?')).toBeTruthy();
    expect(handler('issuesImport:commit')).not.toHaveBeenCalled();
    fireEvent.click(button('import-confirm'));

    const done = await screen.findByTestId('import-done');
    expect(handler('issuesImport:commit')).toHaveBeenCalledWith(expect.objectContaining({ onlyValid: true, unitKato: ROOT.kato }));
    expect(within(done).getByTestId('import-done-summary').textContent).toBe('Импорт аяқталды: импортталғаны – 2, импортталмағаны – 3.');
    expect(row(4).textContent).toContain('№ 1 болып импортталды');
    expect(row(5).textContent).toContain('№ 2 болып импортталды');
    expect(row(6).textContent).toContain('импортталмады');
    expect(onDone).toHaveBeenCalledTimes(1);
    expect((await allIssues()).map((r) => [r.unitKato, r.registryNo, r.raisedOn, r.text, r.categoryId])).toEqual([
      [ROOT.kato, 1, '2025-01-15', 'Ремонт дороги по улице Абая', 'roads'],
      [ROOT.kato, 2, '2025-01-15', 'Открыть спортивную секцию', 'culture'],
    ]);

    fireEvent.click(button('import-again'));
    expect(screen.queryByTestId('import-done')).toBeNull();
    expect(screen.getByTestId('import-file')).toBeTruthy();
  });

  it('imports a file without errors whole, into the unit chosen (ru)', async () => {
    const onDone = await open('ru');
    fireEvent.change(select('import-unit'), { target: { value: OKRUG.kato } });
    await pick(goodLog());
    fireEvent.click(button('import-check'));
    await screen.findByTestId('import-report');
    expect(screen.queryByTestId('import-valid-only')).toBeNull();
    expect(button('import-all').disabled).toBe(false);
    fireEvent.click(button('import-all'));
    await screen.findByTestId('import-done');
    expect(handler('issuesImport:commit')).toHaveBeenCalledWith(expect.objectContaining({ onlyValid: false, unitKato: OKRUG.kato }));
    expect(row(2).textContent).toContain('импортирована под № 1');
    expect((await allIssues()).map((r) => [r.unitKato, r.registryNo, r.raisedOn, r.text, r.categoryId])).toEqual([[OKRUG.kato, 1, '2025-01-15', 'Жолды жөндеу', 'roads']]);
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('a mapping changed after the check needs a new check', async () => {
    await open('ru');
    await pick(goodLog());
    fireEvent.click(button('import-check'));
    await screen.findByTestId('import-report');
    fireEvent.change(select('import-map-2'), { target: { value: '' } });
    expect(screen.queryByTestId('import-report')).toBeNull();
    expect(screen.queryByTestId('import-all')).toBeNull();
  });

  it('when the log changed since the check, the refusal shows the new report; nothing is imported', async () => {
    await open('ru');
    await pick(goodLog());
    fireEvent.click(button('import-check'));
    await screen.findByTestId('import-report');
    // Another window registers the same question meanwhile.
    await testCore().api.issues.create({ unitKato: ROOT.kato, meetingId: null, raisedOn: '2025-01-15', author: null, fields: blankIssueFields('Жолды жөндеу') });
    fireEvent.click(button('import-all'));
    expect((await screen.findByTestId('import-error')).textContent).toBe(
      'Ничего не импортировано: строк с ошибками — 1. Исправьте их в файле или импортируйте только верные строки.',
    );
    expect(within(row(2)).getByRole('listitem').textContent).toBe('Этот вопрос уже есть в журнале (№ 1)');
    expect(button('import-all').disabled).toBe(true);
    expect(screen.queryByTestId('import-done')).toBeNull();
    expect((await allIssues()).map((r) => r.text)).toEqual(['Жолды жөндеу']);
  });

  it('a file that cannot be read says so', async () => {
    await open('ru');
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [new File(['not a workbook'], 'фото.xlsx')] } });
    expect((await screen.findByTestId('import-error')).textContent).toContain('Файл «фото.xlsx» не читается как книга Excel (.xlsx)');
    expect(screen.queryByTestId('import-map-0')).toBeNull();

    const huge = new File(['x'], 'огромный.xlsx');
    Object.defineProperty(huge, 'size', { value: 30 * 1024 * 1024 });
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [huge] } });
    expect((await screen.findByTestId('import-error')).textContent).toBe('Файл «огромный.xlsx» слишком большой (30 МБ; не более 25 МБ).');
    expect(handler('issuesImport:preview')).toHaveBeenCalledTimes(1);
  });

  it('offers the sheets of a workbook with several', async () => {
    await open('ru');
    await pick(
      xlsxFile(
        'две.xlsx',
        { name: 'Первый', headers: ['Дата', 'Вопрос', 'Ответ'], rows: [['2025-01-10', 'А']] },
        { name: 'Второй', headers: ['Күні', 'Сұрақ', 'Жауап', 'Санат'], rows: [['2025-01-11', 'Б']] },
      ),
    );
    expect(select('import-sheet').value).toBe('Первый');
    fireEvent.change(select('import-sheet'), { target: { value: 'Второй' } });
    await waitFor(() => expect(screen.getByTestId('import-map-3')).toBeTruthy());
    expect(handler('issuesImport:preview')).toHaveBeenLastCalledWith({ source: expect.objectContaining({ sheet: 'Второй' }) });
  });
});

describe('the import’s helpers and texts', () => {
  it('names columns as Excel does, and keeps a field on one column', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 200].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'GS']);
    expect(mapColumn({ raisedOn: 0, text: 1 }, 1, 'raisedOn')).toEqual({ raisedOn: 1 });
    expect(mapColumn({ raisedOn: 0, text: 1 }, 0, null)).toEqual({ text: 1 });
  });

  it('has a name for every field and a text for every problem, in every language', () => {
    for (const lng of LANGUAGES) {
      const Import = (catalogs[lng] as unknown as { Import: { fields: Record<string, string>; problems: Record<string, string> } }).Import;
      for (const f of IMPORT_FIELDS) expect(Import.fields[f], `${lng}: ${f}`).toBeTruthy();
      for (const c of IMPORT_PROBLEM_CODES) expect(Import.problems[c], `${lng}: ${c}`).toBeTruthy();
    }
  });
});
