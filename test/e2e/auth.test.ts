import { describe, expect, it } from 'vitest';
import { createAdminInWizard, E2E_ADMIN, e2eSession, screenshot, signIn } from './harness';
import { tempDir } from '../helpers/temp-core';

const TODAY = '2026-02-15';
const DISTRICT = '103200000'; // Абай ауданы, Абай облысы

const session = e2eSession();

const WORDS = {
  kk: { failed: 'Логин немесе PIN-код/құпиясөз қате.', role: 'әкімші' },
  ru: { failed: 'Неверный логин или PIN-код/пароль.', role: 'администратор' },
} as const;

for (const language of ['kk', 'ru'] as const) {
  describe(`operators in Chromium, ${language}`, () => {
    it('fresh install → wizard → administrator → recovery code → shell; lock and unlock; sign out, a wrong secret; recovery', async () => {
      const { page, problems } = await session.open(tempDir('esep-e2e-auth-'), TODAY);
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.getByTestId(`setup-lang-${language}`).click();
      await page.getByTestId('setup-search').fill('Абай ауданы');
      await page.getByTestId(`setup-option-${DISTRICT}`).click();
      const code = await createAdminInWizard(page, E2E_ADMIN, `auth-${language}`);
      expect(code).toMatch(/^[0-9A-Z]{20}$/);
      await page.getByTestId('setup-confirm').click();
      await page.getByTestId('obligations-grid').waitFor();
      expect(await page.getByTestId('header-operator-name').innerText()).toBe(E2E_ADMIN.name);
      expect(await page.getByTestId('header-operator-role').innerText()).toBe(WORDS[language].role);
      await screenshot(page, `auth-${language}-shell`);

      await page.getByTestId('header-lock').click();
      await page.getByTestId('lock-screen').waitFor();
      expect(await page.getByTestId('lock-operator').innerText()).toContain(E2E_ADMIN.name);
      await screenshot(page, `auth-${language}-lock`);
      await page.getByTestId('lock-secret').fill(E2E_ADMIN.secret);
      await page.getByTestId('lock-submit').click();
      await page.getByTestId('lock-screen').waitFor({ state: 'detached' });
      await page.getByTestId('obligations-grid').waitFor();

      await page.getByTestId('header-sign-out').click();
      await page.getByTestId('signin-screen').waitFor();
      await page.getByTestId('signin-login').fill(E2E_ADMIN.login);
      await page.getByTestId('signin-secret').fill('not-the-secret');
      await page.getByTestId('signin-submit').click();
      expect(await page.getByTestId('signin-error').innerText()).toBe(WORDS[language].failed);
      await screenshot(page, `auth-${language}-signin`);

      await page.getByTestId('signin-forgot').click();
      await page.getByTestId('recovery-login').fill(E2E_ADMIN.login);
      await page.getByTestId('recovery-code-input').fill(code.toLowerCase());
      await page.getByTestId('recovery-secret').fill('246813579');
      await page.getByTestId('recovery-again').fill('246813579');
      await screenshot(page, `auth-${language}-recovery`);
      await page.getByTestId('recovery-submit').click();
      await page.getByTestId('recovery-code-screen').waitFor();
      const fresh = (await page.getByTestId('recovery-code').innerText()).replace(/\W/g, '');
      expect(fresh).toMatch(/^[0-9A-Z]{20}$/);
      expect(fresh).not.toBe(code);
      await screenshot(page, `auth-${language}-new-code`);
      await page.getByTestId('recovery-code-kept').check();
      await page.getByTestId('recovery-code-continue').click();
      expect(await page.getByTestId('header-operator-name').innerText()).toBe(E2E_ADMIN.name);

      // The new password is the one now.
      await page.getByTestId('header-sign-out').click();
      await signIn(page, { login: E2E_ADMIN.login, secret: '246813579' });
      await page.getByTestId('obligations-grid').waitFor();
      expect(problems).toEqual([]);
    });
  });
}
