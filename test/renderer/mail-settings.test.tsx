import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { useMailStore } from '../../renderer/src/stores/mail.store';
import type { Language } from '../../shared/contract/schemas';
import { startCore, handler, testCore } from './test-core';
import { change, value } from './calendar-helpers';
import { renderWithI18n } from './render';

// Issue 11, part 3: Settings → E-mail (SMTP). What the form sends is what was typed; what comes
// back never carries the password; the core's refusals are shown by the fields they name.
const PASSWORD = 'құпия-сөз-7Q!';

beforeEach(() => startCore({ setUp: true }));

async function openSettings(language: Language = 'kk') {
  if (language !== 'kk') await testCore().api.settings.setLanguage({ language });
  renderWithI18n(<App />, language);
  fireEvent.click(await screen.findByTestId('nav-settings'));
  const section = await screen.findByTestId('mail-settings');
  await within(section).findByTestId('mail-settings-form');
  return section;
}

function fillAccount() {
  change('mail-host', 'smtp.akimat.kz');
  change('mail-user', 'karaauyl');
  change('mail-password', PASSWORD);
  change('mail-from', 'karaauyl@akimat.kz');
  change('mail-default-recipient', 'abay@akimat.kz');
}

/** Saves, and waits for the core's answer: "saved", or what it refused (a refusal by the contract never reaches the handler). */
async function save() {
  fireEvent.click(screen.getByTestId('mail-save'));
  await waitFor(() => expect(screen.queryByTestId('mail-saved') ?? screen.queryByTestId('mail-error')).not.toBeNull());
}

/** Everything every handler answered the renderer in this test, as the renderer received it. */
async function everythingAnswered(): Promise<string> {
  const answers: unknown[] = [];
  for (const spy of Object.values(testCore().handlers)) {
    for (const result of spy.mock.results) answers.push(result.type === 'return' ? await result.value : String(result.value));
  }
  expect(answers.length).toBeGreaterThan(5);
  return JSON.stringify(answers);
}

const describedBy = (testId: string) => (screen.getByTestId(testId).getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);

describe('Settings → E-mail (SMTP)', () => {
  it('saves the settings with the password, which no answer to the renderer ever carries back', async () => {
    await openSettings();
    expect(screen.getByLabelText('Пошта сервері (SMTP)')).toBe(screen.getByTestId('mail-host'));
    expect(screen.getByLabelText('Құпиясөз')).toBe(screen.getByTestId('mail-password'));
    expect(screen.getByTestId('mail-password').getAttribute('type')).toBe('password');
    // Nothing saved yet: STARTTLS on 587, no password to keep.
    expect((screen.getByTestId('mail-security-starttls') as HTMLInputElement).checked).toBe(true);
    expect(value('mail-port')).toBe('587');
    expect(screen.queryByTestId('mail-password-saved')).toBeNull();
    // Each security setting is explained in one line.
    expect(screen.getByTestId('mail-security-none').closest('label')!.textContent).toBe(
      'ШифрлаусызТек осы компьютердегі пошта сервері үшін (localhost): құпиясөз желіге ашық шықпайды.',
    );

    fillAccount();
    // TLS from the first byte: the untouched port follows it.
    fireEvent.click(screen.getByTestId('mail-security-tls'));
    expect(value('mail-port')).toBe('465');
    fireEvent.click(screen.getByTestId('mail-accept-self-signed'));
    expect(screen.getByTestId('mail-self-signed-warning').className).toContain('message--warning');
    await save();

    expect(handler('mail:saveSettings')).toHaveBeenLastCalledWith({
      host: 'smtp.akimat.kz',
      port: 465,
      security: 'tls',
      user: 'karaauyl',
      password: PASSWORD,
      from: 'karaauyl@akimat.kz',
      defaultRecipient: 'abay@akimat.kz',
      acceptSelfSigned: true,
    });
    expect((await screen.findByTestId('mail-saved')).textContent).toBe('Сақталды.');
    expect(value('mail-password')).toBe('');
    expect(screen.getByTestId('mail-password-saved').textContent).toBe('Құпиясөз сақталған: бос өріс оны өзгертпейді.');
    expect(useMailStore.getState().settings).toEqual({
      host: 'smtp.akimat.kz',
      port: 465,
      security: 'tls',
      user: 'karaauyl',
      from: 'karaauyl@akimat.kz',
      defaultRecipient: 'abay@akimat.kz',
      acceptSelfSigned: true,
      hasPassword: true,
    });

    // Saved again without typing it: the password is not sent, and the saved one stays.
    change('mail-port', '2465');
    await save();
    expect(handler('mail:saveSettings').mock.lastCall![0]).not.toHaveProperty('password');
    expect((await testCore().api.mail.settings({}))!).toMatchObject({ port: 2465, hasPassword: true });

    const answered = await everythingAnswered();
    expect(answered).toContain('smtp.akimat.kz');
    expect(answered).not.toContain(PASSWORD);
    expect(document.body.innerHTML).not.toContain(PASSWORD);
  });

  it('opens on what is saved, and forgets the password only when asked and saved', async () => {
    await testCore().api.mail.saveSettings({
      host: '127.0.0.1',
      port: 2525,
      security: 'none',
      user: '',
      password: PASSWORD,
      from: 'karaauyl@akimat.kz',
      defaultRecipient: null,
      acceptSelfSigned: false,
    });
    await openSettings();
    expect(value('mail-host')).toBe('127.0.0.1');
    expect(value('mail-port')).toBe('2525');
    expect((screen.getByTestId('mail-security-none') as HTMLInputElement).checked).toBe(true);
    expect(value('mail-from')).toBe('karaauyl@akimat.kz');
    expect(value('mail-default-recipient')).toBe('');
    expect(value('mail-password')).toBe('');
    expect(screen.getByTestId('mail-password-saved')).toBeTruthy();

    fireEvent.click(screen.getByTestId('mail-password-forget'));
    expect(screen.getByTestId('mail-password-will-forget').textContent).toBe('Сақталған құпиясөз «Сақтау» басылғанда жойылады.');
    expect((screen.getByTestId('mail-password') as HTMLInputElement).disabled).toBe(true);
    // Changed one's mind: nothing is forgotten.
    fireEvent.click(screen.getByTestId('mail-password-keep'));
    expect(screen.getByTestId('mail-password-saved')).toBeTruthy();
    fireEvent.click(screen.getByTestId('mail-password-forget'));
    await save();
    expect(handler('mail:saveSettings').mock.lastCall![0]).toMatchObject({ password: null, defaultRecipient: null });
    expect(await screen.findByTestId('mail-saved')).toBeTruthy();
    expect(screen.queryByTestId('mail-password-saved')).toBeNull();
    expect(screen.queryByTestId('mail-password-will-forget')).toBeNull();
    expect((await testCore().api.mail.settings({}))!.hasPassword).toBe(false);
  });

  it('shows each field the core refused next to it, marked and described, with the cursor on the first', async () => {
    await openSettings();
    fillAccount();
    change('mail-host', 'smtp akimat');
    change('mail-port', '70000');
    change('mail-from', 'karaauyl-at-akimat');
    await save();

    // Refused by the contract: the service never saw it.
    expect(handler('mail:saveSettings')).not.toHaveBeenCalled();
    for (const field of ['host', 'port', 'from']) {
      const input = screen.getByTestId(field === 'from' ? 'mail-from' : `mail-${field}`);
      expect(input.getAttribute('aria-invalid'), field).toBe('true');
      expect(describedBy(input.dataset['testid']!)).toContain(screen.getByTestId(`mail-error-${field}`).id);
    }
    expect(screen.getByTestId('mail-error-host').textContent).toBe('Сервердің атын (мысалы smtp.mail.kz) немесе IP мекенжайын енгізіңіз.');
    expect(screen.getByTestId('mail-error-port').textContent).toBe('Порт — 1-ден 65535-ке дейінгі бүтін сан.');
    expect(screen.getByTestId('mail-error-from').textContent).toBe('Электрондық пошта мекенжайын енгізіңіз, мысалы okrug@akimat.kz.');
    // The field right next to one refused is not marked.
    expect(screen.getByTestId('mail-user').getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByTestId('mail-error-user')).toBeNull();
    expect(screen.getByTestId('mail-error').textContent).toBe(
      'Енгізілген деректерді тексеріңіз: Пошта сервері (SMTP), Порт, Жіберушінің мекенжайы (From).',
    );
    expect(document.activeElement).toBe(screen.getByTestId('mail-host'));
    expect(useMailStore.getState().settings).toBeNull();

    // Fixed, but no encryption to a server elsewhere: refused for the security setting alone.
    change('mail-host', 'smtp.akimat.kz');
    change('mail-port', '25');
    change('mail-from', 'karaauyl@akimat.kz');
    fireEvent.click(screen.getByTestId('mail-security-none'));
    await save();
    expect(screen.queryByTestId('mail-error-host')).toBeNull();
    expect(screen.getByTestId('mail-error-security').textContent).toBe(
      'Шифрлаусыз Esep тек осы компьютердегі серверге (localhost немесе 127.0.0.1) жібереді: TLS немесе STARTTLS таңдаңыз.',
    );
    expect(document.activeElement).toBe(screen.getByTestId('mail-security-none'));

    // A login with no password given or saved: the core names the password.
    fireEvent.click(screen.getByTestId('mail-security-starttls'));
    change('mail-password', '');
    await save();
    expect(screen.getByTestId('mail-error-password').textContent).toBe('Бұл пайдаланушы атына сервер құпиясөз сұрайды: оны енгізіңіз.');
    expect(screen.getByTestId('mail-password').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(screen.getByTestId('mail-password'));
    expect(await testCore().api.mail.settings({})).toBeNull();
  });

  it('reads in Russian', async () => {
    const section = await openSettings('ru');
    expect(within(section).getByRole('heading', { level: 2 }).textContent).toBe('Электронная почта (SMTP)');
    expect(screen.getByTestId('mail-security-tls').closest('label')!.textContent).toBe('TLSШифрование с первого байта соединения; обычно порт 465.');
    expect(screen.getByLabelText('Принимать самоподписанный сертификат этого сервера')).toBe(screen.getByTestId('mail-accept-self-signed'));
    change('mail-from', 'нет');
    await save();
    expect(screen.getByTestId('mail-error-host').textContent).toBe('Укажите имя сервера (например, smtp.mail.kz) или его IP-адрес.');
    expect(screen.getByTestId('mail-error').textContent).toBe('Проверьте введенные данные: Почтовый сервер (SMTP), Адрес отправителя (From).');
  });
});
