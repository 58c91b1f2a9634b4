import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ImportWizard } from '../../renderer/src/features/issues/import/ImportWizard';
import { useAppStore } from '../../renderer/src/stores/app.store';
import { handler, OKRUG_2, startCore, testCore, VILLAGE } from './test-core';
import { allIssues, xlsxFile } from './issues-helpers';
import { renderWithI18n } from './render';

/*
 * The value-mapping step of the Excel import (issue 13, point 3) on the real core: a fresh
 * installation has no bodies, and the file names its categories otherwise than the seed.
 */
beforeEach(() => startCore({ setUp: true }));

const log = () =>
  xlsxFile('журнал-2024.xlsx', {
    name: 'Журнал',
    headers: ['Дата', 'Вопрос', 'Категория', 'Ответственный', 'Статус', 'Населённый пункт'],
    rows: [
      ['2025-01-15', 'Жолды жөндеу', 'Дороги', 'Аппарат акима', 'Выполнен', 'Карауыл'],
      ['2025-01-16', 'Мектеп шатыры', 'Образование', 'Отдел образования', '', ''],
      ['2025-01-17', 'Көше жарығы', 'Свет', 'аппарат  АКИМА', '', ''],
    ],
  });

async function open(language: 'kk' | 'ru') {
  await testCore().api.settings.setLanguage({ language });
  await useAppStore.getState().load();
  renderWithI18n(<ImportWizard onDone={vi.fn()} />, language);
  await waitFor(() => expect(handler('units:subtree')).toHaveBeenCalled());
  fireEvent.change(screen.getByTestId('import-file'), { target: { files: [await log()] } });
  await screen.findByTestId('import-map-0');
}

const select = (testId: string) => screen.getByTestId(testId) as HTMLSelectElement;
const summary = () => screen.getByTestId('import-report-summary').textContent;
/** The summary once the recount after the last answer is in. */
async function recounted(text: string) {
  await waitFor(() => {
    expect(screen.queryByTestId('import-recounting')).toBeNull();
    expect(summary()).toBe(text);
  });
}

describe('the value mapping of the Excel import', () => {
  it('lists the unknown values with their rows, preselects the close ones, recounts after each answer, and imports every row (ru)', async () => {
    await open('ru');
    expect(screen.getByTestId('import-file-name').textContent).toBe('Файл: журнал-2024.xlsx');
    fireEvent.click(screen.getByTestId('import-check'));
    await screen.findByTestId('import-values');
    await screen.findByTestId('import-report');

    const bodies = screen.getByTestId('import-values-body');
    expect(within(bodies).getByRole('heading').textContent).toBe('Ответственный орган: 2 значения не найдены в справочнике');
    expect(screen.getByTestId('import-value-body-0').textContent).toContain('Аппарат акима');
    expect(screen.getByTestId('import-value-body-0').textContent).toContain('2 строки');
    expect(screen.getByTestId('import-value-body-1').textContent).toContain('1 строка');
    // No body exists yet: "create" or "leave empty" only.
    expect([...select('import-value-select-body-0').options].map((o) => o.value)).toEqual(['', 'create', 'empty']);
    // The close ones are preselected, and say so; the others wait for the user.
    expect(select('import-value-select-category-0').value).toBe('id:roads');
    expect(screen.getByTestId('import-value-category-0').textContent).toContain('предложено по сходству названия');
    expect(select('import-value-select-category-1').value).toBe('id:education');
    expect(select('import-value-select-category-2').value).toBe('');
    expect(select('import-value-select-locality-0').value).toBe(`id:${VILLAGE.kato}`);
    // A status maps to an existing one; a locality to a place of the unit: never "create".
    expect([...select('import-value-select-status-0').options].map((o) => o.value)).not.toContain('create');
    expect([...select('import-value-select-locality-0').options].map((o) => o.value)).not.toContain('create');
    expect(screen.queryByTestId('import-create-all-status')).toBeNull();
    expect(summary()).toBe('В файле 3 строки: верных — 0, с ошибками — 3.');

    fireEvent.click(screen.getByTestId('import-create-all-body'));
    await recounted('В файле 3 строки: верных — 1, с ошибками — 2.');
    expect(select('import-value-select-body-0').value).toBe('create');
    expect(select('import-value-select-body-1').value).toBe('create');

    fireEvent.change(select('import-value-select-status-0'), { target: { value: 'id:done' } });
    await recounted('В файле 3 строки: верных — 2, с ошибками — 1.');
    fireEvent.change(select('import-value-select-category-2'), { target: { value: 'create' } });
    await recounted('В файле 3 строки: верных — 3, с ошибками — 0.');
    expect(within(screen.getByTestId('import-report-created')).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Ответственный орган «Аппарат акима» — 2 строки',
      'Ответственный орган «Отдел образования» — 1 строка',
      'Категория «Свет» — 1 строка',
    ]);
    expect(handler('issuesImport:check')).toHaveBeenLastCalledWith(
      expect.objectContaining({
        values: expect.arrayContaining([
          { field: 'body', value: 'Аппарат акима', to: { kind: 'create' } },
          { field: 'status', value: 'Выполнен', to: { kind: 'existing', id: 'done' } },
          { field: 'category', value: 'Свет', to: { kind: 'create' } },
        ]),
      }),
    );

    fireEvent.click(screen.getByTestId('import-all'));
    const done = await screen.findByTestId('import-done');
    expect(within(done).getByTestId('import-done-summary').textContent).toBe('Импорт завершён: импортировано — 3, не импортировано — 0.');
    expect(within(done).getByTestId('import-done-created').textContent).toContain('Созданы в справочниках:');
    expect(screen.getByTestId('import-file-name').textContent).toBe('Файл: журнал-2024.xlsx');

    const bodiesNow = await testCore().api.bodies.list({});
    expect(bodiesNow.map((b) => b.nameRu).sort()).toEqual(['Аппарат акима', 'Отдел образования']);
    const categories = await testCore().api.issueCategories.list({});
    const light = categories.find((c) => c.nameRu === 'Свет')!;
    expect(categories.filter((c) => c.nameRu === 'Свет')).toHaveLength(1);
    const byName = new Map(bodiesNow.map((b) => [b.id, b.nameRu]));
    expect((await allIssues()).map((r) => [r.text, r.categoryId, r.bodyId && byName.get(r.bodyId), r.statusId])).toEqual([
      ['Жолды жөндеу', 'roads', 'Аппарат акима', 'done'],
      ['Мектеп шатыры', 'education', 'Отдел образования', 'in_progress'],
      ['Көше жарығы', light.id, 'Аппарат акима', 'in_progress'],
    ]);
  });

  it('speaks Kazakh, keeps the user’s "—" on a recount, and names the file on every step (kk)', async () => {
    await open('kk');
    fireEvent.click(screen.getByTestId('import-check'));
    await screen.findByTestId('import-report');
    expect(within(screen.getByTestId('import-values-category')).getByRole('heading').textContent).toBe('Санат: анықтамалықта жоқ 3 мән');
    expect(screen.getByTestId('import-value-category-0').textContent).toContain('1 жол');
    expect(summary()).toBe('Барлық жол: 3; дұрысы: 0; қатесі барлары: 3.');
    // The user takes the guess back: the next check does not guess over it.
    fireEvent.change(select('import-value-select-category-0'), { target: { value: '' } });
    await recounted('Барлық жол: 3; дұрысы: 0; қатесі барлары: 3.');
    fireEvent.change(select('import-value-select-locality-0'), { target: { value: 'empty' } });
    await recounted('Барлық жол: 3; дұрысы: 0; қатесі барлары: 3.');
    expect(select('import-value-select-category-0').value).toBe('');
    expect(screen.getByTestId('import-file-name').textContent).toBe('Файл: журнал-2024.xlsx');
  });

  it('another unit drops the locality answers made for the last one, and offers its own places only (ru)', async () => {
    await open('ru');
    fireEvent.click(screen.getByTestId('import-check'));
    await screen.findByTestId('import-report');
    expect(select('import-value-select-locality-0').value).toBe(`id:${VILLAGE.kato}`);
    fireEvent.change(select('import-value-select-body-0'), { target: { value: 'create' } });
    await waitFor(() => expect(screen.queryByTestId('import-recounting')).toBeNull());

    fireEvent.change(select('import-unit'), { target: { value: OKRUG_2.kato } });
    expect(screen.queryByTestId('import-values')).toBeNull();
    fireEvent.click(screen.getByTestId('import-check'));
    await screen.findByTestId('import-report');
    expect(screen.queryByTestId('import-error')).toBeNull();
    const places = [...select('import-value-select-locality-0').options].map((o) => o.value);
    expect(places).not.toContain(`id:${VILLAGE.kato}`);
    expect(places.length).toBeGreaterThan(3);
    expect(select('import-value-select-locality-0').value).toBe('');
    // The other answers stay.
    expect(select('import-value-select-body-0').value).toBe('create');
  });
});
