import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { handler, startCore, testCore } from './test-core';
import { change } from './calendar-helpers';
import { renderWithI18n } from './render';

beforeEach(() => startCore({ setUp: true }));

async function openSettings() {
  renderWithI18n(<App />);
  fireEvent.click(await screen.findByTestId('nav-settings'));
  await within(await screen.findByTestId('settings-issues')).findByTestId('category-roads');
}

describe('issue reference data in Settings', () => {
  it('adds a sub-category under a category, renames and archives it', async () => {
    await openSettings();
    fireEvent.click(screen.getByTestId('category-child-roads'));
    expect(document.activeElement).toBe(screen.getByTestId('category-kk'));
    change('category-kk', 'Көпірлер');
    fireEvent.click(screen.getByTestId('category-submit'));
    expect(screen.getByTestId('category-error').textContent).toBe('Енгізілген деректерді тексеріңіз: Орысша атауы.');
    // Refused on the form: nothing was sent.
    expect(handler('issueCategories:save')).not.toHaveBeenCalled();
    change('category-ru', 'Мосты');
    fireEvent.click(screen.getByTestId('category-submit'));
    await waitFor(() => expect(screen.queryByTestId('category-form')).toBeNull());
    expect(handler('issueCategories:save')).toHaveBeenCalledWith({ parentId: 'roads', nameKk: 'Көпірлер', nameRu: 'Мосты', archived: false });
    const child = (await testCore().api.issueCategories.list({})).find((c) => c.nameKk === 'Көпірлер')!;
    expect(child.parentId).toBe('roads');
    // In the tree, right under its parent.
    const rows = [...screen.getByTestId('ref-categories').querySelectorAll<HTMLElement>('li.ref-row')];
    expect(rows.map((r) => r.dataset['testid']).slice(0, 3)).toEqual(['category-roads', `category-${child.id}`, 'category-water']);

    fireEvent.click(screen.getByTestId(`category-rename-${child.id}`));
    expect((screen.getByTestId('category-kk') as HTMLInputElement).value).toBe('Көпірлер');
    change('category-kk', 'Көпірлер мен өткелдер');
    fireEvent.submit(screen.getByTestId('category-form'));
    await waitFor(() => expect(screen.getByTestId(`category-${child.id}`).textContent).toContain('Көпірлер мен өткелдер'));

    fireEvent.click(screen.getByTestId(`category-archive-${child.id}`));
    await waitFor(() => expect(screen.getByTestId(`category-${child.id}`).textContent).toContain('Мұрағатта'));
    expect(screen.getByTestId(`category-archive-${child.id}`).textContent).toBe('Мұрағаттан қайтару');
    expect((await testCore().api.issueCategories.list({})).find((c) => c.id === child.id)).toMatchObject({ nameKk: 'Көпірлер мен өткелдер', archived: true, revision: 3 });
  });

  it('adds a custom closed status with its default outcome, then archives it', async () => {
    await openSettings();
    fireEvent.click(screen.getByTestId('status-add'));
    change('status-kk', 'Бюджетке енгізуден бас тартылды');
    change('status-ru', 'Отказано во включении в бюджет');
    fireEvent.change(screen.getByTestId('status-type'), { target: { value: 'closed' } });
    fireEvent.change(screen.getByTestId('status-outcome'), { target: { value: 'refused' } });
    fireEvent.click(screen.getByTestId('status-submit'));
    await waitFor(() => expect(handler('issueStatuses:save')).toHaveBeenCalledTimes(1));
    expect(handler('issueStatuses:save')).toHaveBeenCalledWith({ nameKk: 'Бюджетке енгізуден бас тартылды', nameRu: 'Отказано во включении в бюджет', closed: true, outcome: 'refused', archived: false });
    const added = (await testCore().api.issueStatuses.list({})).find((s) => s.code === null)!;
    const row = await screen.findByTestId(`status-${added.id}`);
    expect(row.textContent).toContain('Жабық');
    expect(row.textContent).toContain('Бас тартылды');
    fireEvent.click(screen.getByTestId(`status-archive-${added.id}`));
    await waitFor(() => expect(screen.getByTestId(`status-${added.id}`).textContent).toContain('Мұрағатта'));
  });

  it('adds a body and a person in it', async () => {
    await openSettings();
    fireEvent.click(screen.getByTestId('body-add'));
    change('body-kk', 'Білім бөлімі');
    change('body-ru', 'Отдел образования');
    fireEvent.click(screen.getByTestId('body-submit'));
    const body = await waitFor(async () => {
      const found = (await testCore().api.bodies.list({})).find((b) => b.nameKk === 'Білім бөлімі');
      expect(found).toBeTruthy();
      return found!;
    });
    fireEvent.click(await screen.findByTestId(`body-person-add-${body.id}`));
    change('person-name', 'Жақсыбекова Гүлнар');
    change('person-position-kk', 'бөлім басшысы');
    expect((screen.getByTestId('person-position-ru') as HTMLInputElement).value).toBe('руководитель отдела');
    fireEvent.click(screen.getByTestId('person-submit'));
    await waitFor(() => expect(screen.getByTestId(`body-${body.id}`).textContent).toContain('Жақсыбекова Гүлнар'));
    expect(handler('bodies:savePerson')).toHaveBeenCalledWith({ bodyId: body.id, fullName: 'Жақсыбекова Гүлнар', positionKk: 'бөлім басшысы', positionRu: 'руководитель отдела', archived: false });
  });
});
