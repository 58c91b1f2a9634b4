/// <reference lib="dom" />
// (page.evaluate callbacks run in Chromium: they use the DOM's types.)
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { runCli } from '../../electron/cli/cli';
import { e2eSession, screenshot } from './harness';
import { ABAY_DISTRICT, tempDir } from '../helpers/temp-core';

// Issue 13, point 9: on the akimats' usual 1366×768 laptop the year grid, the meetings table and
// the action plan never widen the page; a table wider than its box scrolls inside it, and its
// first column stays in view while it does.
const TODAY = '2026-04-10';
const session = e2eSession();

function generate(): string {
  const dataDir = tempDir('esep-e2e-layout-');
  let stderr = '';
  const code = runCli(['generate', '--data-dir', dataDir, '--unit', ABAY_DISTRICT, '--from', '2025', '--to', '2026', '--seed', '3', '--issues', '300', '--today', TODAY], {
    stdout: () => {},
    stderr: (t) => (stderr += t),
    env: {},
  });
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return dataDir;
}

/** How far the page itself is wider than the window (0: no horizontal scroll bar on the page). */
const pageOverflow = (p: Page) =>
  p.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth);

interface Scrolled {
  /** The table is wider than its box (else there is nothing to keep in view). */
  scrolls: boolean;
  scrolledBy: number;
  /** The table's width and its box's, for the log. */
  widths: [table: number, box: number];
  /** Where the first column's cells are against the box's left edge, after scrolling to the far right. */
  offsets: number[];
  /** The box itself stays inside the window. */
  boxRight: number;
}

/** Scrolls the table's box to its right end and measures where the first column's cells went. */
function scrollToEnd(box: Locator, firstColumn: string): Promise<Scrolled> {
  return box.evaluate((el: HTMLElement, selector: string) => {
    el.scrollLeft = el.scrollWidth;
    const left = el.getBoundingClientRect().left + el.clientLeft;
    const cells = [...el.querySelectorAll<HTMLElement>(selector)].slice(0, 8);
    return {
      scrolls: el.scrollWidth > el.clientWidth,
      scrolledBy: el.scrollLeft,
      widths: [el.scrollWidth, el.clientWidth] as [number, number],
      offsets: cells.map((c) => Math.round(c.getBoundingClientRect().left - left)),
      boxRight: el.getBoundingClientRect().right,
    };
  }, firstColumn);
}

function expectStickyFirstColumn(measured: Scrolled, what: string): void {
  console.log(`${what}: table ${measured.widths[0]} px in a ${measured.widths[1]} px box, scrolled ${measured.scrolledBy} px, first column at ${measured.offsets.join(', ')}`);
  expect(measured.offsets.length, `${what}: first-column cells`).toBeGreaterThan(1);
  expect(measured.boxRight, `${what}: the box ends inside the window`).toBeLessThanOrEqual(1366);
  if (measured.scrolls) expect(measured.scrolledBy, `${what}: scrolled`).toBeGreaterThan(0);
  // Sticky: after scrolling the first column's cells are still at the box's left edge.
  for (const offset of measured.offsets) expect(Math.abs(offset), `${what}: first column at ${offset}px`).toBeLessThanOrEqual(1);
}

/** The screens in one language; the first pass fills the plan from the issues (the second finds it filled). */
async function checkScreens(p: Page, lng: 'kk' | 'ru', fillPlan: boolean): Promise<void> {
  await p.getByTestId('nav-calendar').click();
  const grid = p.getByTestId('obligations-grid');
  await grid.waitFor();
  expect(await pageOverflow(p), `${lng}: year grid`).toBeLessThanOrEqual(0);
  await screenshot(p, `layout-1366-grid-${lng}`);
  // Nothing a cell says runs out of it into the next month (a one-month cell is 80 px).
  const overflowing = await grid.evaluate((table: HTMLElement) =>
    [...table.querySelectorAll<HTMLElement>('.cell-button')].filter((b) => b.scrollWidth > b.clientWidth).map((b) => b.textContent),
  );
  expect(overflowing, `${lng}: cells whose text overflows`).toEqual([]);
  const gridBox = p.locator('.grid-scroll');
  const gridScroll = await scrollToEnd(gridBox, 'tbody th.grid-unit');
  expectStickyFirstColumn(gridScroll, `${lng}: year grid`);
  expect(await pageOverflow(p), `${lng}: year grid scrolled`).toBeLessThanOrEqual(0);
  await screenshot(p, `layout-1366-grid-${lng}-scrolled`);

  await p.getByTestId('nav-meetings').click();
  await p.locator('[data-testid^="meeting-row-"]').first().waitFor();
  expect(await pageOverflow(p), `${lng}: meetings table`).toBeLessThanOrEqual(0);
  await screenshot(p, `layout-1366-meetings-${lng}`);
  const meetings = await scrollToEnd(p.getByTestId('meetings-table').locator('xpath=..'), 'tbody tr td:first-child');
  expectStickyFirstColumn(meetings, `${lng}: meetings table`);
  // With a meeting's card open the table has less room: it scrolls in its box, the date in view.
  await p.locator('[data-testid^="meeting-open-"]').nth(3).click();
  await p.getByTestId('meeting-card').waitFor();
  expect(await pageOverflow(p), `${lng}: meetings table beside the card`).toBeLessThanOrEqual(0);
  const beside = await scrollToEnd(p.getByTestId('meetings-table').locator('xpath=..'), 'tbody tr td:first-child');
  expect(beside.scrolls, `${lng}: the table scrolls beside the card`).toBe(true);
  expectStickyFirstColumn(beside, `${lng}: meetings table beside the card`);
  await screenshot(p, `layout-1366-meetings-card-${lng}`);
  await p.getByTestId('card-close').click();

  await p.getByTestId('nav-issues').click();
  await p.getByTestId('issues-tab-plan').click();
  await p.getByTestId('plan-view').waitFor();
  if (fillPlan) await p.getByTestId('plan-fill').click();
  await p.getByTestId('plan-row-0').waitFor();
  expect(await pageOverflow(p), `${lng}: action plan`).toBeLessThanOrEqual(0);
  await screenshot(p, `layout-1366-plan-${lng}`);
  const planBox = p.locator('.plan-table').locator('xpath=..');
  const plan = await scrollToEnd(planBox, 'tbody td.plan-no');
  expect(plan.scrolls, `${lng}: the plan is wider than 1366 px and scrolls in its box`).toBe(true);
  expectStickyFirstColumn(plan, `${lng}: action plan`);
  // The issue's text is the second column, kept in view beside the number.
  const issue = await planBox.evaluate((el: HTMLElement) => {
    const no = el.querySelector<HTMLElement>('tbody td.plan-no')!.getBoundingClientRect();
    const text = el.querySelector<HTMLElement>('tbody th.plan-issue')!.getBoundingClientRect();
    return { gap: Math.round(text.left - no.right), left: text.left - el.getBoundingClientRect().left };
  });
  expect(Math.abs(issue.gap), `${lng}: the issue sits beside its number`).toBeLessThanOrEqual(1);
  expect(await pageOverflow(p), `${lng}: action plan scrolled`).toBeLessThanOrEqual(0);
  await screenshot(p, `layout-1366-plan-${lng}-scrolled`);
}

describe('the daily screens at 1366×768', () => {
  it('fit the window in kk and ru: the grid, the meetings and the plan scroll inside their boxes with the first column fixed', async () => {
    const dataDir = generate();
    const { page: p, problems } = await session.open(dataDir, TODAY);
    await p.setViewportSize({ width: 1366, height: 768 });
    await p.getByTestId('obligations-grid').waitFor();
    await checkScreens(p, 'kk', true);

    await p.getByTestId('lang-ru').click();
    await expect.poll(() => p.locator('html').getAttribute('lang')).toBe('ru');
    await checkScreens(p, 'ru', false);
    expect(problems).toEqual([]);
  });
});
