import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { createAdminInWizard, e2eSession, screenshot } from './harness';
import { documentText } from '../helpers/docx-render';
import { ABAY_DISTRICT, KARAAUYL_OKRUG, openTempCore, tempDir } from '../helpers/temp-core';
import { caller } from '../integration/meeting-fixtures';

// Issue 13, point 9: the first-run search forgives a vowel, and a position typed in Kazakh with
// its Russian counterpart prints in Russian in the Russian minutes.
const TODAY = '2026-04-10';
const session = e2eSession();

async function open(dataDir: string): Promise<{ p: Page; problems: string[] }> {
  const { page: p, problems } = await session.open(dataDir, TODAY);
  await p.setViewportSize({ width: 1366, height: 768 });
  return { p, problems };
}

/** Set up (in `language`) for the Abay district with one meeting held in Қараауыл a.o., through the real core. */
function seedHeldMeeting(dataDir: string, language: 'kk' | 'ru'): string {
  const core = openTempCore({ dataDir, today: TODAY });
  try {
    const { value } = caller(core);
    value('setup:complete', { rootKato: ABAY_DISTRICT, language });
    return value('meetings:recordHeld', { unitKato: KARAAUYL_OKRUG, heldOn: '2026-04-08' }).id as string;
  } finally {
    core.close();
  }
}

async function downloaded(p: Page, testId: string): Promise<Buffer> {
  const [download]: [Download, void] = await Promise.all([p.waitForEvent('download'), p.getByTestId(testId).click()]);
  return fs.readFileSync(await download.path());
}

for (const [language, typed] of [['kk', 'Қарауыл'], ['ru', 'Караул']] as const) {
  describe(`positions and the unit search in ${language}`, () => {
    it(`the first run finds Қараауыл when "${typed}" is typed`, async () => {
      const { p, problems } = await open(tempDir('esep-e2e-search-'));
      await p.getByTestId(`setup-lang-${language}`).click();
      await p.getByTestId('setup-search').fill(typed);
      const option = p.getByTestId(`setup-option-${KARAAUYL_OKRUG}`);
      await option.waitFor();
      await screenshot(p, `positions-setup-search-${language}`);
      await option.click();
      await createAdminInWizard(p);
      await expect.poll(() => p.getByTestId('setup-confirm-name').innerText()).toBe(language === 'kk' ? 'Қараауыл а.о.' : 'Карааульский с.о.');
      await p.getByTestId('setup-confirm').click();
      await p.getByTestId('obligations-grid').waitFor();

      // The okrug's akim, added from the planning form: the Russian position follows the Kazakh one.
      await p.getByTestId('plan-open').click();
      await p.getByTestId('plan-unit').selectOption(KARAAUYL_OKRUG);
      await p.getByTestId('plan-akim-add').click();
      await p.getByTestId('akim-name').fill('Қасымов Бауыржан');
      await p.getByTestId('akim-position-kk').pressSequentially('ауылдық округ әкімі');
      await expect.poll(() => p.getByTestId('akim-position-ru').inputValue()).toBe('аким сельского округа');
      // The term's start is typed (it does not default to the meeting's date).
      await p.getByTestId('akim-from').fill('2025-09-01');
      await p.getByTestId('akim-form').scrollIntoViewIfNeeded();
      await screenshot(p, `positions-akim-form-${language}`);
      await p.getByTestId('akim-save').click();
      await p.getByTestId('akim-form').waitFor({ state: 'detached' });
      expect(problems).toEqual([]);
    });

    it('a position typed in Kazakh gets its Russian one, and the Russian minutes print it', async () => {
      const dataDir = tempDir('esep-e2e-positions-');
      const meetingId = seedHeldMeeting(dataDir, language);
      const { p, problems } = await open(dataDir);
      await p.getByTestId('obligations-grid').waitFor();
      await p.getByTestId('nav-meetings').click();
      await p.getByTestId(`meeting-open-${meetingId}`).click();
      await p.getByTestId('meeting-minutes').click();
      await p.getByTestId('minutes-editor').waitFor();

      await p.getByTestId('officials-edit').click();
      await p.getByTestId('official-0-name').fill('Омаров Дәурен');
      await p.getByTestId('official-0-position-kk').pressSequentially('бөлім басшысы');
      await expect.poll(() => p.getByTestId('official-0-position-ru').inputValue()).toBe('руководитель отдела');
      await p.getByTestId('official-0-body').fill('Білім бөлімі');
      await p.getByTestId('official-0-position-kk').scrollIntoViewIfNeeded();
      await screenshot(p, `positions-officials-form-${language}`);
      await p.getByTestId('officials-save').click();
      await p.getByTestId('minutes-officials-saved').waitFor();
      const shown = await p.getByTestId('minutes-officials').innerText();
      expect(shown).toContain(language === 'kk' ? 'Омаров Дәурен, бөлім басшысы' : 'Омаров Дәурен, руководитель отдела');
      await p.getByTestId('minutes-invited').scrollIntoViewIfNeeded();
      await screenshot(p, `positions-minutes-${language}`);

      const ru = documentText(await downloaded(p, 'minutes-export-ru'));
      expect(ru).toContain('Омаров Дәурен, руководитель отдела');
      expect(ru).not.toContain('бөлім басшысы');
      const kk = documentText(await downloaded(p, 'minutes-export-kk'));
      expect(kk).toContain('Омаров Дәурен, бөлім басшысы');
      expect(problems).toEqual([]);
    });
  });
}
