import { describe, expect, it } from 'vitest';
import { e2eSession, screenshot } from './harness';
import { ABAY_DISTRICT, KARAAUYL_OKRUG, openTempCore, tempDir } from '../helpers/temp-core';
import { caller, planInput } from '../integration/meeting-fixtures';
import { issueFields } from '../integration/issue-fixtures';

// Issue 13, points 7 and 8, in Chromium at the akimats' 1366×768: the bell counts overdue issues
// and links to them, and a meeting left unmarked; the month view names Nauryz on 22 March;
// planning on a holiday warns and still plans.
const TODAY = '2026-03-16';

/** Abay district in `language`: 12 overdue issues, 2 due this week, the district's meeting of 12 March never marked held. */
function seed(dataDir: string, language: 'kk' | 'ru'): { unmarkedId: string } {
  const core = openTempCore({ dataDir, today: TODAY });
  try {
    const { value } = caller(core);
    value('setup:complete', { rootKato: ABAY_DISTRICT, language });
    const issue = (n: number, deadline: string) =>
      value('issues:create', { unitKato: KARAAUYL_OKRUG, meetingId: null, raisedOn: '2026-02-02', fields: issueFields({ text: `Көше жарығы жоқ ${n}`, deadline }), author: null });
    for (let n = 1; n <= 12; n++) issue(n, '2026-03-02');
    issue(13, '2026-03-18');
    issue(14, '2026-03-20');
    const unmarked = value('meetings:plan', planInput(ABAY_DISTRICT, '2026-03-12', '2026-Q1'));
    return { unmarkedId: unmarked.id as string };
  } finally {
    core.close();
  }
}

const session = e2eSession();

const WORDS = {
  kk: { overdue: '12 сұрақтың мерзімі өтті', nauryz: 'Наурыз мейрамы', warning: '2026 жылғы 23 наурыз — мереке күні: Наурыз мейрамы.', unmarked: 'кездесу күні — 2026 жылғы 12 наурыз' },
  ru: { overdue: '12 вопросов просрочены', nauryz: 'Наурыз мейрамы', warning: '23 марта 2026 г. — праздничный день: Наурыз мейрамы.', unmarked: 'встреча, назначенная на 12 марта 2026 г., не отмечена как проведенная' },
} as const;

describe('reminders and holidays in Chromium', () => {
  for (const language of ['kk', 'ru'] as const) {
    it(`${language}: the bell counts and links; the month names Nauryz; planning on it warns`, async () => {
      const dataDir = tempDir(`esep-e2e-remind-${language}-`);
      const { unmarkedId } = seed(dataDir, language);
      const { page: p, problems } = await session.open(dataDir, TODAY);
      await p.setViewportSize({ width: 1366, height: 768 });
      const words = WORDS[language];

      // The bell: the district's meeting left unmarked, the overdue and the due-soon issues.
      await expect.poll(() => p.getByTestId('reminders-count').innerText(), { timeout: 10_000 }).toMatch(/^\d+$/);
      await p.getByTestId('reminders-bell').click();
      const list = p.getByTestId('reminders-list');
      const overdue = list.getByTestId(`reminder-issues_overdue:${ABAY_DISTRICT}:${TODAY}`);
      expect(await overdue.innerText()).toContain(words.overdue);
      expect(await list.getByTestId(`reminder-meeting_unmarked:${unmarkedId}:2026-03-12`).innerText()).toContain(words.unmarked);
      expect(await list.getByTestId(`reminder-issues_due_soon:${ABAY_DISTRICT}:${TODAY}`).innerText()).toMatch(language === 'kk' ? /^2 сұрақтың/ : /^У 2 вопросов/);
      await screenshot(p, `remind-bell-${language}`);

      await overdue.click();
      await expect.poll(() => p.getByTestId('issues-count-overdue').locator('.issue-count-value').innerText(), { timeout: 10_000 }).toBe('12');
      expect(await p.getByTestId('issues-filter-overdue').isChecked()).toBe(true);
      await expect.poll(() => p.locator('[data-testid^="issue-row-"]').count()).toBe(12);
      await screenshot(p, `remind-overdue-log-${language}`);

      // The month view on March 2026.
      await p.getByTestId('nav-calendar').click();
      await p.getByTestId('view-month').click();
      const nauryz = p.getByTestId('month-holiday-2026-03-22');
      await nauryz.waitFor();
      expect(await nauryz.innerText()).toBe(words.nauryz);
      expect(await p.getByTestId('month-day-2026-03-22').getAttribute('data-holiday')).toBe('holiday');
      expect(await p.getByTestId('month-day-2026-03-25').getAttribute('data-holiday')).toBe('day_off');
      await p.getByTestId('month-day-2026-03-29').scrollIntoViewIfNeeded();
      await screenshot(p, `remind-month-${language}`);

      // Planning on 23 March: a warning, not a refusal.
      await p.getByTestId('month-day-2026-03-23').dblclick();
      await p.getByTestId('plan-panel').waitFor();
      expect(await p.getByTestId('plan-date').inputValue()).toBe('2026-03-23');
      const warning = p.getByTestId('plan-holiday-warning');
      expect(await warning.innerText()).toContain(words.warning);
      await screenshot(p, `remind-plan-warning-${language}`);
      // The district's Q1 window is open; its meeting of 12 March is still only planned.
      await p.getByTestId('plan-unit').selectOption(ABAY_DISTRICT);
      await expect.poll(() => p.getByTestId('plan-obligation').inputValue()).toBe('decree-615|2026-Q1');
      await p.getByTestId('plan-submit').click();
      await p.getByTestId('meeting-card').waitFor();
      await p.getByTestId('card-close').click();

      // Settings: the year's days, Nauryz among them, the rule's transfers marked.
      await p.getByTestId('nav-settings').click();
      const section = p.getByTestId('settings-holidays');
      await section.getByTestId('holiday-row-2026-03-22').waitFor();
      expect(await section.getByTestId('holidays-count').innerText()).toBe(language === 'kk' ? '21 күн' : '21 день');
      await section.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await screenshot(p, `remind-settings-${language}`);
      expect(problems).toEqual([]);
    });
  }
});
