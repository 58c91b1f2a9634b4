import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { SettingsScreen } from '../../renderer/src/features/settings';
import { useAppStore } from '../../renderer/src/stores/app.store';
import { useAuthStore } from '../../renderer/src/stores/auth.store';
import { STAFF, STAFF_SECRET } from '../helpers/staff';
import { handler, startCore, testCore } from './test-core';
import { renderWithI18n } from './render';
import type { UiLanguage } from '../../shared/i18n';

beforeEach(() => startCore({ setUp: true, staff: 'admin' }));

async function openSettings(lng: UiLanguage = 'kk') {
  await useAppStore.getState().load();
  await useAuthStore.getState().refresh();
  renderWithI18n(<SettingsScreen />, lng);
  return screen.findByTestId('operators-table');
}

const change = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const operatorsNow = () => testCore().api.operators.list({});

function fillNew(login: string, secret: string) {
  fireEvent.click(screen.getByTestId('operator-add'));
  change('operator-login', login);
  change('operator-name', 'Оспанова Дана');
  change('operator-position-kk', 'маман');
  change('operator-position-ru', 'специалист');
  fireEvent.click(screen.getByTestId('operator-form-role-okrug_staff'));
  change('operator-secret', secret);
}

describe('Settings → Operators', () => {
  it('lists the operators with their roles in words and the last sign-in in the official style', async () => {
    await testCore().api.auth.signIn({ login: 'hatshy', secret: STAFF_SECRET });
    await testCore().api.auth.signIn({ login: 'admin', secret: STAFF_SECRET });
    const table = await openSettings('ru');
    expect(within(table).getByTestId('operator-row-hatshy').textContent).toMatch(/Да\d{1,2} [а-я]+ \d{4} г\., \d\d:\d\dИзменить/);
    expect(within(table).getByTestId('operator-role-hatshy').textContent).toBe('Секретарь');
    expect(within(table).getByTestId('operator-role-okrug').textContent).toBe('Сотрудник сельского округа');
    expect(within(table).getByTestId('operator-role-viewer').textContent).toBe('Наблюдатель');
    expect(within(table).getByTestId('operator-row-admin').textContent).toContain('(вы)');
    expect(within(table).getByTestId('operator-row-viewer').textContent).toContain('Не входил');
  });

  it('adds an operator, who is then in the core with the role chosen and can sign in', async () => {
    await openSettings();
    fillNew('dana', '135790');
    expect(screen.getByTestId('operator-form').textContent).toContain('PIN-код кемінде 6 цифр, құпиясөз кемінде 8 таңба.');
    fireEvent.click(screen.getByTestId('operator-save'));
    expect((await screen.findByTestId('operator-saved')).textContent).toBe('dana операторы сақталды.');
    expect(await screen.findByTestId('operator-row-dana')).toBeTruthy();
    expect(screen.getByTestId('operator-role-dana').textContent).toBe('Ауылдық округ қызметкері');
    const dana = (await operatorsNow()).find((o) => o.login === 'dana')!;
    expect(dana).toMatchObject({ name: 'Оспанова Дана', positionKk: 'маман', positionRu: 'специалист', role: 'okrug_staff', active: true });
    const state = await testCore().api.auth.signIn({ login: 'dana', secret: '135790' });
    expect(state.operator?.login).toBe('dana');
  });

  it('changes a role; refuses to demote the last administrator with the message beside the form', async () => {
    await openSettings();
    fireEvent.click(screen.getByTestId('operator-edit-hatshy'));
    fireEvent.click(screen.getByTestId('operator-form-role-viewer'));
    fireEvent.click(screen.getByTestId('operator-save'));
    await screen.findByTestId('operator-saved');
    await waitFor(() => expect(screen.getByTestId('operator-role-hatshy').textContent).toBe('Қараушы'));
    expect((await operatorsNow()).find((o) => o.login === 'hatshy')!.role).toBe('viewer');

    fireEvent.click(screen.getByTestId('operator-edit-admin'));
    fireEvent.click(screen.getByTestId('operator-form-role-secretary'));
    fireEvent.click(screen.getByTestId('operator-save'));
    expect((await screen.findByTestId('operator-error')).textContent).toBe('Бұл — соңғы белсенді әкімші: алдымен басқа операторды әкімші етіңіз. Ештеңе өзгерген жоқ.');
    expect((await operatorsNow()).find((o) => o.login === 'admin')!.role).toBe('admin');
  });

  it('says a login is taken and a secret is weak, and saves nothing', async () => {
    await openSettings('ru');
    fillNew('Okrug', '135790');
    fireEvent.click(screen.getByTestId('operator-save'));
    expect((await screen.findByTestId('operator-error')).textContent).toBe('Логин «okrug» уже занят.');
    change('operator-login', 'dana');
    change('operator-secret', '1357');
    fireEvent.click(screen.getByTestId('operator-save'));
    expect((await screen.findByTestId('operator-error-secret')).textContent).toBe('PIN-код — не меньше 6 цифр, пароль — не меньше 8 символов.');
    // Said once, beside the field it is about.
    expect(screen.queryByTestId('operator-error')).toBeNull();
    expect((await operatorsNow()).map((o) => o.login).sort()).toEqual(['admin', 'hatshy', 'okrug', 'viewer']);
  });

  it('sets a new secret for an operator who forgot theirs', async () => {
    await openSettings();
    fireEvent.click(screen.getByTestId('operator-edit-viewer'));
    change('operator-secret', 'жаңа-құпиясөз');
    fireEvent.click(screen.getByTestId('operator-save'));
    await screen.findByTestId('operator-saved');
    await expect(testCore().api.auth.signIn({ login: 'viewer', secret: STAFF_SECRET })).rejects.toMatchObject({ code: 'auth_failed' });
    expect((await testCore().api.auth.signIn({ login: 'viewer', secret: 'жаңа-құпиясөз' })).operator?.login).toBe('viewer');
  });

  it('saves the idle-lock minutes, 0 for never', async () => {
    await openSettings('ru');
    expect((screen.getByTestId('idle-minutes') as HTMLInputElement).value).toBe('10');
    change('idle-minutes', '0');
    fireEvent.click(screen.getByTestId('idle-save'));
    expect((await screen.findByTestId('idle-saved')).textContent).toBe('Сохранено: экран сам не блокируется.');
    expect((await testCore().api.auth.state({})).idleMinutes).toBe(0);
    expect(useAuthStore.getState().state?.idleMinutes).toBe(0);
    change('idle-minutes', '25');
    fireEvent.click(screen.getByTestId('idle-save'));
    expect((await screen.findByTestId('idle-saved')).textContent).toBe('Сохранено: 25 мин.');
    expect((await testCore().api.auth.state({})).idleMinutes).toBe(25);
  });

  it('issues a new recovery code after the administrator secret, once; the old one is void', async () => {
    await openSettings();
    fireEvent.click(screen.getByTestId('recovery-new'));
    change('recovery-secret', 'wrong-secret');
    fireEvent.click(screen.getByTestId('recovery-confirm'));
    expect((await screen.findByTestId('recovery-error')).textContent).toBeTruthy();
    change('recovery-secret', STAFF_SECRET);
    fireEvent.click(screen.getByTestId('recovery-confirm'));
    const code = (await screen.findByTestId('recovery-code')).textContent!;
    expect(code).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    expect(screen.getByTestId('recovery-shown').textContent).toContain('Бұрынғы код енді жарамсыз');
    fireEvent.click(screen.getByTestId('recovery-done'));
    expect(screen.queryByTestId('recovery-code')).toBeNull();
    // The code shown is the one the core keeps: it recovers the administrator.
    await testCore().api.auth.signOut({});
    const recovered = await testCore().api.auth.recover({ login: 'admin', recoveryCode: code, secret: 'new-secret-1' });
    expect(recovered.state.operator?.login).toBe('admin');
  });
});

describe('Settings → My account', () => {
  it('names the operator and role, and changes their own secret (typed twice)', async () => {
    await openSettings('ru');
    const account = screen.getByTestId('settings-account');
    expect(within(account).getByTestId('account-name').textContent).toContain(STAFF.admin.name);
    expect(within(account).getByTestId('account-role').textContent).toContain('Администратор');
    change('account-current', STAFF_SECRET);
    change('account-secret', 'новый-пароль');
    change('account-repeat', 'новый-парол');
    fireEvent.click(screen.getByTestId('account-save'));
    expect((await screen.findByTestId('account-error-repeat')).textContent).toBe('Два новых значения не совпадают.');
    expect(handler('operators:changeSecret')).not.toHaveBeenCalled();

    change('account-repeat', 'новый-пароль');
    change('account-current', 'not-it-at-all');
    fireEvent.click(screen.getByTestId('account-save'));
    expect((await screen.findByTestId('account-error')).textContent).toBeTruthy();

    change('account-current', STAFF_SECRET);
    fireEvent.click(screen.getByTestId('account-save'));
    expect((await screen.findByTestId('account-saved')).textContent).toBe('Новый PIN-код или пароль установлен.');
    await testCore().api.auth.signOut({});
    await expect(testCore().api.auth.signIn({ login: 'admin', secret: STAFF_SECRET })).rejects.toMatchObject({ code: 'auth_failed' });
    expect((await testCore().api.auth.signIn({ login: 'admin', secret: 'новый-пароль' })).operator?.login).toBe('admin');
  });
});
