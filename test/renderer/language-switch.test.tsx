import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { EsepError } from '../../shared/errors';
import { App } from '../../renderer/src/App';
import { handler, ROOT, startCore, testCore } from './test-core';
import { renderWithI18n } from './render';

beforeEach(() => startCore({ setUp: true, language: 'kk' }));

describe('language', () => {
  it('switches the whole UI from Kazakh to Russian at once and saves the choice', async () => {
    renderWithI18n(<App />);
    expect(await screen.findByText('Есепті кездесулер күнтізбесі')).toBeTruthy();
    expect(screen.getByTestId('nav-calendar').textContent).toBe('Күнтізбе');
    expect(screen.getByTestId('header-root-name').textContent).toBe(ROOT.nameKk);
    expect(document.documentElement.lang).toBe('kk');

    fireEvent.click(screen.getByTestId('lang-ru'));

    expect(screen.getByTestId('nav-calendar').textContent).toBe('Календарь');
    expect(screen.getByText('Календарь отчетных встреч')).toBeTruthy();
    expect(screen.getByTestId('header-root-name').textContent).toBe(ROOT.nameRu);
    expect(screen.getByRole('columnheader', { name: 'Январь' })).toBeTruthy();
    expect(screen.getByText('В рабочем наборе 10 единиц')).toBeTruthy();
    expect(document.documentElement.lang).toBe('ru');
    await waitFor(() => expect(handler('settings:setLanguage')).toHaveBeenCalledWith({ language: 'ru' }));
  });

  it('starts in the saved language', async () => {
    await testCore().api.settings.setLanguage({ language: 'ru' });
    renderWithI18n(<App />);
    expect(await screen.findByText('Календарь отчетных встреч')).toBeTruthy();
    expect(screen.getByTestId('lang-ru').getAttribute('aria-pressed')).toBe('true');
  });

  it('goes back and says why when the choice cannot be saved', async () => {
    // A failed write (a full or read-only disk) cannot be produced on demand: forced.
    handler('settings:setLanguage').mockImplementationOnce(() => {
      throw new EsepError('internal');
    });
    renderWithI18n(<App />);
    await screen.findByText('Есепті кездесулер күнтізбесі');
    fireEvent.click(screen.getByTestId('lang-ru'));
    expect(await screen.findByText('Ішкі қате. Деректер өзгертілмеді.')).toBeTruthy();
    expect(screen.getByTestId('nav-calendar').textContent).toBe('Күнтізбе');
  });

  it('offers the switch, the working root and the app info under Settings', async () => {
    renderWithI18n(<App />);
    fireEvent.click(await screen.findByTestId('nav-settings'));
    expect(screen.getByRole('heading', { level: 1, name: 'Баптаулар' })).toBeTruthy();
    expect(screen.getByTestId('settings-kato').textContent).toContain(ROOT.kato);
    expect(screen.getByText('NK RK 11-2025')).toBeTruthy();
    // This installation's own identity, made when its database was first opened.
    expect(await screen.findByText(testCore().core.ctx.installationId)).toBeTruthy();
    fireEvent.click(screen.getByTestId('settings-lang-ru'));
    expect(screen.getByRole('heading', { level: 1, name: 'Настройки' })).toBeTruthy();
  });
});
