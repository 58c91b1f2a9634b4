import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { useAppStore } from '../../renderer/src/stores/app.store';
import { signInAs, STAFF, STAFF_SECRET } from '../helpers/staff';
import { renderWithI18n } from './render';
import { startCore } from './test-core';

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

async function signIn(login: string, secret: string) {
  type('signin-login', login);
  type('signin-secret', secret);
  fireEvent.click(screen.getByTestId('signin-submit'));
}

describe('the sign-in gate', () => {
  it('shows only the sign-in while nobody is signed in; a wrong secret gets the core’s message, the right one the app with the operator in the header', async () => {
    const { core } = await startCore({ setUp: true, staff: 'admin' });
    signInAs(core, null);
    renderWithI18n(<App />);
    await screen.findByTestId('signin-screen');
    expect(screen.queryByTestId('header-root-name')).toBeNull();
    await signIn('hatshy', 'wrong-secret');
    expect((await screen.findByTestId('signin-error')).textContent).toBe('Логин немесе PIN-код/құпиясөз қате.');
    await signIn('HATSHY', STAFF_SECRET);
    expect((await screen.findByTestId('header-operator-name')).textContent).toBe(STAFF.secretary.name);
    expect(screen.getByTestId('header-operator-role').textContent).toBe('хатшы');
    expect(screen.getByTestId('header-root-name')).toBeTruthy();
  });

  it('after five wrong tries shows the wait and keeps the button disabled', async () => {
    const { core } = await startCore({ setUp: true, staff: 'admin', language: 'ru' });
    signInAs(core, null);
    renderWithI18n(<App />, 'ru');
    await screen.findByTestId('signin-screen');
    for (let i = 0; i < 5; i++) {
      await signIn('admin', `wrong-${i}-secret`);
      await screen.findByTestId('signin-error');
      await waitFor(() => expect(screen.getByTestId('signin-submit').textContent).toBe('Войти'));
    }
    expect(screen.getByTestId('signin-error').textContent).toMatch(/^Слишком много неудачных попыток\. Повторите через (30|29) с\.$/);
    type('signin-secret', STAFF_SECRET);
    expect((screen.getByTestId('signin-submit') as HTMLButtonElement).disabled).toBe(true);
  });

  it('locks from the header over an inert shell, unlocks with the same secret, and “another operator” signs out to a clean sign-in', async () => {
    const { api } = await startCore({ setUp: true, staff: 'admin' });
    renderWithI18n(<App />);
    expect((await screen.findByTestId('header-operator-name')).textContent).toBe(STAFF.admin.name);
    fireEvent.click(screen.getByTestId('header-lock'));
    const lock = await screen.findByTestId('lock-screen');
    expect(within(lock).getByTestId('lock-operator').textContent).toContain(STAFF.admin.name);
    const shell = document.querySelector('.lockable')!;
    expect(shell.hasAttribute('inert')).toBe(true);
    expect(shell.getAttribute('aria-hidden')).toBe('true');
    expect((await api.auth.state({})).locked).toBe(true);

    type('lock-secret', 'not-the-secret');
    fireEvent.click(screen.getByTestId('lock-submit'));
    expect((await screen.findByTestId('lock-error')).textContent).toBe('Логин немесе PIN-код/құпиясөз қате.');
    type('lock-secret', STAFF_SECRET);
    fireEvent.click(screen.getByTestId('lock-submit'));
    await waitFor(() => expect(screen.queryByTestId('lock-screen')).toBeNull());
    expect(document.querySelector('.lockable')!.hasAttribute('inert')).toBe(false);

    useAppStore.getState().navigate('issues');
    fireEvent.click(screen.getByTestId('header-lock'));
    fireEvent.click(await screen.findByTestId('lock-other'));
    await screen.findByTestId('signin-screen');
    expect((await api.auth.state({})).operator).toBeNull();
    await signIn('viewer', STAFF_SECRET);
    expect((await screen.findByTestId('header-operator-name')).textContent).toBe(STAFF.viewer.name);
    expect(screen.getByTestId('header-operator-role').textContent).toBe('қараушы');
    // The previous operator's screen and data went with the reset: the new one starts at the calendar.
    expect(useAppStore.getState().screen).toBe('calendar');
  });

  it('follows the core: a refused request shows the sign-in, focus shows a lock made elsewhere', async () => {
    const { core, api } = await startCore({ setUp: true, staff: 'admin' });
    renderWithI18n(<App />);
    await screen.findByTestId('header-operator-name');
    await api.auth.lock({});
    fireEvent.focus(window);
    await screen.findByTestId('lock-screen');

    signInAs(core, 'admin');
    fireEvent.focus(window);
    await waitFor(() => expect(screen.queryByTestId('lock-screen')).toBeNull());
    // Signed out behind the screen's back (another door): the next request is refused, and the gate follows.
    signInAs(core, null);
    const result = await useAppStore.getState().setReminderDays(3);
    expect(!result.ok && result.error.code).toBe('auth_required');
    await screen.findByTestId('signin-screen');
  });

  it('recovers a forgotten administrator secret with the code from the safe and shows a new code once', async () => {
    const { api } = await startCore({ setUp: true, language: 'ru' });
    const { recoveryCode: old } = await api.operators.createFirst({ login: 'aliya', name: STAFF.admin.name, positionKk: 'әкім', positionRu: 'аким', secret: '13572468' });
    await api.auth.signOut({});
    renderWithI18n(<App />, 'ru');
    await screen.findByTestId('signin-screen');
    fireEvent.click(screen.getByTestId('signin-forgot'));
    await screen.findByTestId('recovery-screen');
    type('recovery-login', 'aliya');
    type('recovery-code-input', 'AAAAA-BBBBB-CCCCC-DDDDD');
    type('recovery-secret', '24682468');
    type('recovery-again', '24682468');
    fireEvent.click(screen.getByTestId('recovery-submit'));
    expect((await screen.findByTestId('recovery-error')).textContent).toBe('Неверный код восстановления или логин администратора. Ничего не изменено.');

    // As typed from paper: lower case, spaces instead of dashes.
    type('recovery-code-input', old.toLowerCase().replace(/-/g, ' '));
    fireEvent.click(screen.getByTestId('recovery-submit'));
    const shown = await screen.findByTestId('recovery-code', {}, { timeout: 5000 });
    const fresh = shown.textContent!;
    expect(fresh).toMatch(/^[0-9A-Z]{20}$/);
    expect(fresh).not.toBe(old.replace(/-/g, ''));
    const next = screen.getByTestId('recovery-code-continue') as HTMLButtonElement;
    expect(next.disabled).toBe(true);
    fireEvent.click(screen.getByTestId('recovery-code-kept'));
    fireEvent.click(next);
    expect((await screen.findByTestId('header-operator-name')).textContent).toBe(STAFF.admin.name);

    // The old code is void, the new password is the one.
    await api.auth.signOut({});
    await expect(api.auth.recover({ login: 'aliya', recoveryCode: old, secret: '99999999' })).rejects.toMatchObject({ code: 'recovery_invalid' });
    expect((await api.auth.signIn({ login: 'aliya', secret: '24682468' })).operator?.login).toBe('aliya');
  });

  it('puts the banner away for this start with "Not now", on every screen, and nothing is created', async () => {
    const { api } = await startCore({ setUp: true });
    renderWithI18n(<App />);
    fireEvent.click(await screen.findByTestId('first-admin-later'));
    expect(screen.queryByTestId('first-admin-banner')).toBeNull();
    act(() => useAppStore.getState().navigate('issues'));
    expect(await screen.findByTestId('issues-screen')).toBeTruthy();
    expect(screen.queryByTestId('first-admin-banner')).toBeNull();
    expect((await api.auth.state({})).operatorsExist).toBe(false);
  });

  it('offers to create the administrator on an installation set up without operators', async () => {
    const { api } = await startCore({ setUp: true });
    renderWithI18n(<App />);
    fireEvent.click(await screen.findByTestId('first-admin-open'));
    type('admin-login', 'Aliya');
    type('admin-name', STAFF.admin.name);
    type('admin-position-kk', 'аппарат басшысы');
    type('admin-position-ru', 'руководитель аппарата');
    type('admin-secret', '135791');
    type('admin-again', '135791');
    fireEvent.click(screen.getByTestId('admin-submit'));
    await screen.findByTestId('recovery-code-screen', {}, { timeout: 5000 });
    fireEvent.click(screen.getByTestId('recovery-code-kept'));
    fireEvent.click(screen.getByTestId('recovery-code-continue'));
    expect((await screen.findByTestId('header-operator-name')).textContent).toBe(STAFF.admin.name);
    expect(screen.queryByTestId('first-admin-banner')).toBeNull();
    const [admin, ...others] = await api.operators.list({});
    expect(others).toEqual([]);
    expect(admin).toMatchObject({ login: 'aliya', role: 'admin', positionKk: 'аппарат басшысы', positionRu: 'руководитель аппарата' });
  });
});
