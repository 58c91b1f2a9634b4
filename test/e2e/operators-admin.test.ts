import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eSession, screenshot } from './harness';
import { ABAY_DISTRICT, KARAAUYL_OKRUG, openTempCore, tempDir } from '../helpers/temp-core';
import { caller } from '../integration/meeting-fixtures';
import { addStaff, STAFF_SECRET } from '../helpers/staff';

// Issue 14, point 1: the administrator adds an operator in Settings → Operators; a viewer's
// issue log offers no write action. The sign-in screen belongs to another part of the work: the
// test signs in through the host's API, with the page's own token, and reloads.
const TODAY = '2026-04-10';

/** A set-up district with one issue and one operator of each role; nobody signed in. */
async function seed(dataDir: string, language: 'kk' | 'ru'): Promise<void> {
  const core = openTempCore({ dataDir, today: TODAY });
  try {
    const { value } = caller(core);
    value('setup:complete', { rootKato: ABAY_DISTRICT, language });
    const held = value('meetings:recordHeld', { unitKato: KARAAUYL_OKRUG, heldOn: '2026-04-08' }).id as string;
    value('issues:create', {
      unitKato: KARAAUYL_OKRUG,
      meetingId: held,
      raisedOn: '2026-04-08',
      fields: { kind: 'question', receivedVia: 'oral', collective: false, text: 'Көше жарығы жоқ', categoryId: null, localityKato: null, answeredOnSpot: false, answer: '', bodyId: null, personId: null, deadline: '2026-06-01', onControl: false, controller: '', eotinishNo: '', repeatsId: null },
      author: { fullName: 'Сәрсенбаев Ғалым', phone: '+7 701 000 00 00', address: '' },
    });
    await addStaff(core, null);
  } finally {
    core.close();
  }
}

/** Signs in as the sign-in screen would, over the page's own token, and reloads the page. */
async function signIn(p: Page, login: string): Promise<void> {
  const answer = await p.evaluate(
    async ({ login, secret }) => {
      const response = await fetch('/api/auth:signIn', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Esep-Token': sessionStorage.getItem('esep.hostToken') ?? '' },
        body: JSON.stringify({ login, secret }),
      });
      return (await response.json()) as { ok: boolean };
    },
    { login, secret: STAFF_SECRET },
  );
  expect(answer.ok).toBe(true);
  await p.reload();
}

/** Scrolls the main area (not the window: the shell's header stays) to put an element at its top. */
async function scrollTo(p: Page, testId: string): Promise<void> {
  await p.evaluate((id) => {
    const main = document.getElementById('main')!;
    const el = document.querySelector(`[data-testid="${id}"]`)!;
    main.scrollTop += el.getBoundingClientRect().top - main.getBoundingClientRect().top - 8;
  }, testId);
}

const session = e2eSession();

describe.each(['kk', 'ru'] as const)('operators and roles in Chromium (%s)', (lng) => {
  it('the administrator adds an operator in Settings; a viewer sees no write action in the issue log', async () => {
    const dataDir = tempDir('esep-e2e-operators-');
    await seed(dataDir, lng);
    const { page: p } = await session.open(dataDir, TODAY);
    await p.setViewportSize({ width: 1366, height: 768 });
    await signIn(p, 'admin');

    await p.getByTestId('nav-settings').click();
    const operators = p.getByTestId('settings-operators');
    await operators.getByTestId('operators-table').waitFor();
    await p.getByTestId('operator-add').click();
    await p.getByTestId('operator-login').fill('dana');
    await p.getByTestId('operator-name').fill('Оспанова Дана');
    await p.getByTestId('operator-position-kk').fill('бас маман');
    await p.getByTestId('operator-form-role-secretary').check();
    await p.getByTestId('operator-secret').fill('1357');
    await p.getByTestId('operator-save').click();
    await p.getByTestId('operator-error-secret').waitFor();
    await scrollTo(p, 'operator-form');
    await screenshot(p, `operators-form-${lng}`);
    await p.getByTestId('operator-secret').fill('135790');
    await p.getByTestId('operator-save').click();
    await p.getByTestId('operator-row-dana').waitFor();
    expect(await p.getByTestId('operator-role-dana').textContent()).toBe(lng === 'kk' ? 'Хатшы' : 'Секретарь');
    await scrollTo(p, 'settings-operators');
    await screenshot(p, `operators-${lng}`);
    await scrollTo(p, 'operator-add');
    await screenshot(p, `operators-idle-recovery-${lng}`);
    await scrollTo(p, 'settings-account');
    await screenshot(p, `account-${lng}`);

    // The administrator's log offers the write actions (what the viewer's must not).
    await p.getByTestId('nav-issues').click();
    await p.getByTestId('issue-new-open').waitFor();

    await signIn(p, 'viewer');
    await p.getByTestId('nav-settings').click();
    await p.getByTestId('settings-account').waitFor();
    expect(await p.getByTestId('account-role').textContent()).toContain(lng === 'kk' ? 'Қараушы' : 'Наблюдатель');
    expect(await p.getByTestId('settings-operators').count()).toBe(0);
    await p.getByTestId('nav-issues').click();
    await p.getByTestId('issues-total').filter({ hasText: /\d/ }).waitFor();
    await p.getByTestId('issue-row-1').click();
    await p.getByTestId('issue-facts').waitFor();
    for (const id of ['issue-new-open', 'issues-tab-import', 'issue-edit', 'issue-status-change', 'issue-author-section']) {
      expect(await p.getByTestId(id).count(), id).toBe(0);
    }
    await screenshot(p, `viewer-issues-${lng}`);
  });
});
