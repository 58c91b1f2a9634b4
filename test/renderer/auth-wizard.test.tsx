import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { renderWithI18n } from './render';
import { handler, ROOT, startCore } from './test-core';

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('the setup wizard on a fresh installation', () => {
  it('creates the administrator, shows the recovery code once, and ends set up with them signed in', async () => {
    const { api } = await startCore({ setUp: false });
    renderWithI18n(<App />);
    fireEvent.click(await screen.findByTestId('setup-lang-ru'));
    const search = await screen.findByTestId('setup-search');
    fireEvent.change(search, { target: { value: ROOT.kato } });
    await screen.findAllByRole('option');
    fireEvent.keyDown(search, { key: 'Enter' });

    await screen.findByTestId('setup-step-admin');
    expect(screen.getByText('Шаг 3 из 5')).toBeTruthy();
    expect(screen.getByText('PIN-код — не меньше 6 цифр, пароль — не меньше 8 символов.')).toBeTruthy();
    type('admin-login', 'aliya');
    type('admin-name', 'Сейтқали Әлия Маратқызы');
    type('admin-position-kk', 'аппарат басшысы');
    type('admin-position-ru', 'руководитель аппарата');
    type('admin-secret', '12345');
    type('admin-again', '12345');
    fireEvent.click(screen.getByTestId('admin-submit'));
    expect((await screen.findByTestId('admin-error')).textContent).toBe('PIN-код — не меньше 6 цифр, пароль — не меньше 8 символов.');
    type('admin-secret', 'kokterek-7');
    type('admin-again', 'kokterek-8');
    fireEvent.click(screen.getByTestId('admin-submit'));
    expect((await screen.findByTestId('admin-error')).textContent).toBe('Записи не совпадают: введите один и тот же PIN-код или пароль дважды.');
    expect(handler('operators:createFirst')).not.toHaveBeenCalled();
    type('admin-again', 'kokterek-7');
    fireEvent.click(screen.getByTestId('admin-submit'));

    await screen.findByTestId('setup-step-code', {}, { timeout: 5000 });
    expect(screen.getByTestId('recovery-code').textContent).toMatch(/^[0-9A-Z]{20}$/);
    expect(screen.getAllByText(/^[0-9A-Z]{5}$/)).toHaveLength(4);
    const next = screen.getByTestId('recovery-code-continue') as HTMLButtonElement;
    expect(next.disabled).toBe(true);
    fireEvent.click(screen.getByTestId('recovery-code-kept'));
    fireEvent.click(next);

    fireEvent.click(await screen.findByTestId('setup-confirm'));
    expect((await screen.findByTestId('header-operator-name')).textContent).toBe('Сейтқали Әлия Маратқызы');
    expect(screen.getByTestId('header-operator-role').textContent).toBe('администратор');
    expect(screen.getByTestId('header-root-name').textContent).toBe(ROOT.nameRu);
    expect(screen.queryByTestId('first-admin-banner')).toBeNull();

    // Read back through the core: set up, one administrator, signed in, and the setup saved as them.
    const state = await api.auth.state({});
    expect(state).toMatchObject({ operatorsExist: true, locked: false, operator: { login: 'aliya', role: 'admin' } });
    expect(await api.operators.list({})).toHaveLength(1);
    expect((await api.settings.get({})).workingRoot?.kato).toBe(ROOT.kato);
    await waitFor(() => expect(handler('setup:complete')).toHaveBeenCalledWith({ rootKato: ROOT.kato, language: 'ru' }));
  });

  it('after leaving with the administrator created, asks them to sign in and goes on without the administrator steps', async () => {
    const { api } = await startCore({ setUp: false });
    await api.operators.createFirst({ login: 'aliya', name: 'Әлия', positionKk: 'әкім', positionRu: 'аким', secret: '135792' });
    await api.auth.signOut({});
    renderWithI18n(<App />);
    await screen.findByTestId('signin-screen');
    type('signin-login', 'aliya');
    type('signin-secret', '135792');
    fireEvent.click(screen.getByTestId('signin-submit'));
    fireEvent.click(await screen.findByTestId('setup-lang-kk'));
    expect(screen.getByText('2-қадам, барлығы 3')).toBeTruthy();
    const search = screen.getByTestId('setup-search');
    fireEvent.change(search, { target: { value: ROOT.kato } });
    await screen.findAllByRole('option');
    fireEvent.keyDown(search, { key: 'Enter' });
    fireEvent.click(await screen.findByTestId('setup-confirm'));
    expect((await screen.findByTestId('header-operator-name')).textContent).toBe('Әлия');
  });
});
