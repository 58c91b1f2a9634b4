import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createAdminInWizard, e2eSession, screenshot, signIn } from './harness';
import { tempDir } from '../helpers/temp-core';

const TODAY = '2026-02-15';
const DISTRICT = '103200000'; // Абай ауданы, Абай облысы
const OKRUG = '103230000'; // Қараауыл а.о.

const session = e2eSession();
const open = (dataDir: string) => session.open(dataDir, TODAY);

/** Any i18n key that leaked to the screen looks like "Grid.legend.title". */
async function untranslatedKeys(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return text.match(/\b[A-Z][a-zA-Z]+\.[a-z][a-zA-Z.]+\b/g) ?? [];
}

async function setUpInKazakh(page: Page): Promise<void> {
  await page.getByTestId('setup-lang-kk').click();
  const search = page.getByTestId('setup-search');
  await search.fill('Абай ауданы');
  await page.getByTestId(`setup-option-${DISTRICT}`).waitFor();
  // Keyboard only: walk the list down to the Abai oblast's district and choose it.
  for (let i = 0; i < 5; i++) {
    if ((await page.getByTestId(`setup-option-${DISTRICT}`).getAttribute('aria-selected')) === 'true') break;
    await search.press('ArrowDown');
  }
  await search.press('Enter');
  await createAdminInWizard(page);
  await expect.poll(() => page.getByTestId('setup-confirm-name').innerText()).toContain('Абай ауданы');
  await page.getByTestId('setup-confirm').click();
  await page.getByTestId('obligations-grid').waitFor();
}

const cellStatus = (page: Page, kato: string, windowKey: string) =>
  page.getByTestId(`cell-${kato}-${windowKey}`).getAttribute('data-status');

describe('first run in Kazakh', () => {
  it('sets up, records a meeting, and after a host restart shows the same grid', async () => {
    const dataDir = tempDir('esep-e2e-');
    const first = await open(dataDir);
    const { page } = first;
    await page.getByTestId('setup').waitFor();
    await screenshot(page, 'setup-language');
    await setUpInKazakh(page);

    expect(await page.locator('html').getAttribute('lang')).toBe('kk');
    expect(await page.getByTestId('header-root-name').innerText()).toContain('Абай ауданы');
    expect(await cellStatus(page, OKRUG, '2026-M01')).toBe('missed');
    expect(await cellStatus(page, OKRUG, '2026-M04')).toBe('upcoming');
    expect(await cellStatus(page, DISTRICT, '2026-Q1')).toBe('open');

    await page.getByTestId('record-open').click();
    await page.getByTestId('record-unit').selectOption(OKRUG);
    await page.getByTestId('record-date').fill('2026-02-10');
    await page.getByTestId('record-note').fill('Ауылдық клуб, 84 адам');
    await page.getByTestId('record-submit').click();
    await page.getByTestId('record-success').waitFor();
    await expect.poll(() => cellStatus(page, OKRUG, '2026-M01')).toBe('held_late');
    await screenshot(page, 'grid-kk-after-record');

    const body = await page.locator('body').innerText();
    expect(body).toMatch(/[әғқңөұүһі]/);
    expect(await untranslatedKeys(page)).toEqual([]);
    expect(first.problems).toEqual([]);

    const before = await page.getByTestId('obligations-grid').innerText();
    await first.host.stop();

    const second = await open(dataDir);
    // A restarted host has nobody signed in.
    await signIn(second.page);
    await second.page.getByTestId('obligations-grid').waitFor();
    expect(await second.page.getByTestId('setup').count()).toBe(0);
    expect(await second.page.locator('html').getAttribute('lang')).toBe('kk');
    expect(await cellStatus(second.page, OKRUG, '2026-M01')).toBe('held_late');
    expect(await second.page.getByTestId('obligations-grid').innerText()).toBe(before);
    expect(second.problems).toEqual([]);
  });
});

describe('after setup', () => {
  it('refuses a future date with a Kazakh message and changes nothing; the language switch is remembered', async () => {
    const dataDir = tempDir('esep-e2e-');
    const { page } = await open(dataDir);
    await setUpInKazakh(page);

    await page.getByTestId('record-open').click();
    await page.getByTestId('record-unit').selectOption(OKRUG);
    await page.getByTestId('record-date').fill('2026-03-01');
    await page.getByTestId('record-submit').click();
    await expect.poll(() => page.getByTestId('record-error').innerText()).toContain('әлі келген жоқ');
    expect(await cellStatus(page, OKRUG, '2026-M01')).toBe('missed');
    await page.getByTestId('record-close').click();

    const kazakhTitle = await page.getByTestId('nav-calendar').innerText();
    await page.getByRole('button', { name: 'РУС' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ru');
    const russianTitle = await page.getByTestId('nav-calendar').innerText();
    expect(russianTitle).not.toBe(kazakhTitle);
    expect(russianTitle).toContain('Календарь');
    expect(await untranslatedKeys(page)).toEqual([]);
    await screenshot(page, 'grid-ru');

    await page.reload();
    await page.getByTestId('obligations-grid').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    expect(await page.getByTestId('nav-calendar').innerText()).toContain('Календарь');
  });

  it('serves the page with a strict CSP and refuses the API without the token', async () => {
    const { page, host } = await open(tempDir('esep-e2e-'));
    const response = await page.request.get(new URL('/', host.url).toString());
    expect(response.headers()['content-security-policy']).toContain("script-src 'self'");
    const api = await page.request.post(new URL('/api/settings:get', host.url).toString(), { data: {} });
    expect(api.status()).toBe(401);
  });
});
