import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createAdminInWizard, e2eSession } from './harness';
import { tempDir } from '../helpers/temp-core';

// Issue 3's acceptance: plan for a rural okrug inside its window, mark it held, see the grid
// cell and the dashboard change; plan one outside any window and see the warning; switch kk/ru.
const TODAY = '2026-04-10';
const OKRUG = '103230000'; // Қараауыл а.о., whose April window is open on TODAY

const session = e2eSession();

async function openSetUp(): Promise<{ page: Page; problems: string[] }> {
  const { page: p, problems } = await session.open(tempDir('esep-e2e-cal-'), TODAY);
  await p.getByTestId('setup-lang-kk').click();
  await p.getByTestId('setup-search').fill('Абай ауданы');
  await p.getByTestId('setup-option-103200000').click();
  await createAdminInWizard(p);
  await p.getByTestId('setup-confirm').click();
  await p.getByTestId('obligations-grid').waitFor();
  return { page: p, problems };
}

const count = async (p: Page, status: string) => (await p.getByTestId(`dashboard-count-${status}`).locator('.count-card-value').innerText()).trim();

describe('meetings calendar in Chromium', () => {
  it('plans a meeting in a rural okrug’s window, announces it, marks it held: the grid and the dashboard follow', async () => {
    const { page: p, problems } = await openSetUp();
    const cell = p.getByTestId(`cell-${OKRUG}-2026-M04`);
    expect(await cell.getAttribute('data-status')).toBe('open');

    await p.getByTestId('view-dashboard').click();
    await p.getByTestId('dashboard-closing-soon').waitFor();
    const heldBefore = Number(await count(p, 'held_on_time'));
    await p.getByTestId('view-year').click();

    await cell.getByRole('button').click();
    await p.getByTestId('plan-panel').waitFor();
    await expect.poll(() => p.getByTestId('plan-obligation').inputValue()).toBe('decree-615|2026-M04');
    expect(await p.getByTestId('plan-window').innerText()).toContain('2026 жылғы 1 сәуір – 2026 жылғы 30 сәуір');
    await p.getByTestId('plan-date').fill('2026-04-21');
    await p.getByTestId('plan-time').fill('15:00');
    await p.getByTestId('plan-venue-name').fill('Ауылдық мәдениет үйі');
    await p.getByTestId('plan-submit').click();
    await p.getByTestId('meeting-card').waitFor();
    expect(await p.getByTestId('meeting-status').innerText()).toBe('Жоспарланды');
    await expect.poll(() => cell.getAttribute('data-planned')).toBe('2026-04-21');

    await p.getByTestId('meeting-action-announce').click();
    await p.getByTestId('announce-channel-website').check();
    await p.getByTestId('announce-submit').click();
    await expect.poll(() => p.getByTestId('meeting-status').innerText()).toBe('Хабарланды');

    await p.getByTestId('meeting-action-markHeld').click();
    await p.getByTestId('held-date').fill(TODAY);
    await p.getByTestId('held-attendance').fill('84');
    await p.getByTestId('held-submit').click();
    await expect.poll(() => p.getByTestId('meeting-status').innerText()).toBe('Өткізілді');
    await expect.poll(() => cell.getAttribute('data-status')).toBe('held_on_time');
    await p.getByTestId('card-close').click();

    await p.getByTestId('view-dashboard').click();
    await expect.poll(() => count(p, 'held_on_time')).toBe(String(heldBefore + 1));
    expect(await p.getByTestId('dashboard-closing-soon').innerText()).not.toContain('Қараауыл');
    expect(problems).toEqual([]);
  });

  it('warns about a date outside every window and requires a reason; switches kk ↔ ru', async () => {
    const { page: p, problems } = await openSetUp();
    // April's meeting is held (the quick path), so a day in May falls in no window at all.
    await p.getByTestId('record-open').click();
    await p.getByTestId('record-unit').selectOption(OKRUG);
    await p.getByTestId('record-date').fill('2026-04-03');
    await p.getByTestId('record-submit').click();
    await p.getByTestId('record-success').waitFor();
    await p.getByTestId('record-close').click();

    await p.getByTestId('plan-open').click();
    await p.getByTestId('plan-unit').selectOption(OKRUG);
    await p.getByTestId('plan-date').fill('2026-05-20');
    await p.getByTestId('plan-warning-outside_window').waitFor();
    expect(await p.getByTestId('plan-obligation').inputValue()).toBe('');
    await p.getByTestId('plan-reason').waitFor();
    await p.getByTestId('plan-submit').click();
    expect(await p.getByTestId('plan-error').innerText()).toContain('себебін көрсетіңіз');
    expect(await p.locator('[data-testid="plan-reason"]:focus').count()).toBe(1);
    await p.getByTestId('plan-close').click();

    await p.getByTestId('view-month').click();
    await p.getByTestId('month-grid').waitFor();
    expect(await p.getByTestId('month-label').innerText()).toBe('2026 жылғы сәуір');
    await p.getByTestId('lang-ru').click();
    await expect.poll(() => p.getByTestId('month-label').innerText()).toBe('Апрель 2026');
    expect(await p.getByTestId('view-month').innerText()).toContain('Месяц');
    const text = await p.locator('body').innerText();
    expect(text.match(/\b[A-Z][a-zA-Z]+\.[a-z][a-zA-Z.]+\b/g) ?? []).toEqual([]);
    await p.getByTestId('lang-kk').click();
    await expect.poll(() => p.getByTestId('view-month').innerText()).toContain('Ай');
    expect(problems).toEqual([]);
  });
});
