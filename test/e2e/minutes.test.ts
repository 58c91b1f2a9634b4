/// <reference lib="dom" />
// (page.evaluate callbacks run in Chromium: they use the DOM's types.)
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eSession } from './harness';
import { tempDir } from '../helpers/temp-core';
import { seedHeldMeeting } from './fixtures';

// Issue 4's acceptance: a full protocol typed without the mouse, a reload mid-typing, finalise,
// an edit refused with the amendment offered, the same photo attached twice and stored once.
const TODAY = '2026-04-10';

const session = e2eSession();

const focusedTestId = (p: Page) => p.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

/** Tab (never the mouse) until the field is focused; fails if it is not in the next 40 stops. */
async function tabTo(p: Page, testId: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if ((await focusedTestId(p)) === testId) return;
    await p.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${testId} (last: ${await focusedTestId(p)})`);
}

async function typeInto(p: Page, testId: string, text: string): Promise<void> {
  await tabTo(p, testId);
  await p.keyboard.type(text);
}

async function openMinutes(p: Page, meetingId: string): Promise<void> {
  await p.getByTestId('nav-meetings').click();
  await p.getByTestId(`meeting-open-${meetingId}`).click();
  await p.getByTestId('meeting-minutes').click();
  await p.getByTestId('minutes-editor').waitFor();
}

const value = (p: Page, testId: string) => p.getByTestId(testId).inputValue();

/** A 1×1 PNG: real magic bytes, so the core's type check accepts it as an image. */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

function storedFiles(dataDir: string): string[] {
  const root = path.join(dataDir, 'attachments');
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(root, f)).isFile() && !f.endsWith('.tmp'));
}

describe('the minutes in Chromium', () => {
  it('a full protocol by keyboard, a reload mid-typing, finalise, a refused edit, an amendment, one photo twice', async () => {
    const dataDir = tempDir('esep-e2e-minutes-');
    const meetingId = seedHeldMeeting(dataDir, TODAY, '2026-04-08');
    const { page: p, problems } = await session.open(dataDir, TODAY);
    await p.getByTestId('obligations-grid').waitFor();
    await openMinutes(p, meetingId);

    // From here on, only the keyboard.
    await typeInto(p, 'minutes-number', '3');
    await typeInto(p, 'minutes-place', 'Қараауыл ауылы, мәдениет үйі');
    await typeInto(p, 'minutes-chair', 'Б. Ахметов');
    await typeInto(p, 'minutes-secretary', 'А. Сейітова');
    await typeInto(p, 'minutes-present-count', '84');
    await p.keyboard.press('Alt+Shift+KeyA');
    expect(await focusedTestId(p)).toBe('item-0-title');
    await p.keyboard.type('Ауылдық округ әкімінің бірінші тоқсандағы жұмысы туралы есебі');
    await typeInto(p, 'item-0-speaker', 'Б. Ахметов');
    await typeInto(p, 'item-0-heard', 'Әкім жол, су және мектеп мәселелері бойынша есеп берді.');

    const speakers = ['Қ. Нұрланов', 'Г. Оспанова', 'Е. Сәрсенбаев'];
    const gists = ['Көше жарығы жоқ, түнде жүру қауіпті.', 'Мектепке автобус керек.', 'Ауыз су құбыры жиі бұзылады, жөндеу қажет.'];
    for (const [j, speaker] of speakers.entries()) {
      await p.keyboard.press('Control+Enter');
      expect(await focusedTestId(p)).toBe(`speech-0-${j}-speaker`);
      await p.keyboard.type(speaker);
      if (j < 2) {
        await typeInto(p, `speech-0-${j}-gist`, gists[j]!);
        // The first speaker's complaint is a question for the issue log, in one keystroke.
        if (j === 0) await p.keyboard.press('Control+KeyI');
      }
    }
    // The third speaker is mid-sentence when the page reloads: nothing typed is lost.
    const [firstHalf, secondHalf] = ['Ауыз су құбыры жиі бұзылады, ', 'жөндеу қажет.'];
    await typeInto(p, 'speech-0-2-gist', firstHalf);
    await p.reload();

    // Reopening returns to the meeting and the field the cursor was in.
    await p.getByTestId('minutes-editor').waitFor();
    await expect.poll(() => focusedTestId(p)).toBe('speech-0-2-gist');
    expect(await value(p, 'speech-0-2-gist')).toBe(firstHalf);
    expect(await value(p, 'speech-0-2-speaker')).toBe(speakers[2]);
    expect(await value(p, 'speech-0-0-issue-kind')).toBe('question');
    expect(await value(p, 'speech-0-0-issue-text')).toBe(gists[0]);
    expect(await value(p, 'item-0-heard')).toContain('мектеп');
    expect(await value(p, 'minutes-chair')).toBe('Б. Ахметов');
    await p.keyboard.press('End');
    await p.keyboard.type(secondHalf);

    await tabTo(p, 'decision-add-0');
    await p.keyboard.press('Enter');
    expect(await focusedTestId(p)).toBe('decision-0-0-text');
    await p.keyboard.type('Көше жарығын орнату жұмыстарын 2026 жылдың маусымына дейін аяқтау.');
    await typeInto(p, 'decision-0-0-responsible', 'ТКШ бөлімі');
    await p.keyboard.press('Control+Enter');
    expect(await focusedTestId(p)).toBe('decision-0-1-text');
    await p.keyboard.type('Мектеп автобусы мәселесін аудан әкімдігіне жолдау.');
    await expect.poll(() => p.getByTestId('minutes-saved').getAttribute('data-state')).toBe('saved');

    await tabTo(p, 'minutes-finalize');
    await p.keyboard.press('Enter');
    await expect.poll(() => p.getByTestId('minutes-status').innerText()).toBe('Түпкілікті');
    const view = await p.getByTestId('minutes-view').innerText();
    for (const text of [...speakers, ...gists, 'Мектеп автобусы мәселесін аудан әкімдігіне жолдау.']) expect(view).toContain(text);
    expect(await p.getByTestId('minutes-view').locator('input, textarea, select').count()).toBe(0);

    // Trying to type into the final minutes is refused, and the amendment is offered.
    await tabTo(p, 'minutes-view');
    await p.keyboard.type('x');
    await p.getByTestId('minutes-refused').waitFor();
    expect(await focusedTestId(p)).toBe('minutes-amend');
    // The core refuses a plain save of final minutes whatever the screen does.
    const refused = await p.evaluate(async (id) => {
      const token = sessionStorage.getItem('esep.hostToken') ?? '';
      const post = (channel: string, input: unknown) =>
        fetch(`/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Esep-Token': token }, body: JSON.stringify(input) }).then((r) => r.json());
      const minutes = (await post('minutes:open', { meetingId: id })).value;
      const { id: minutesId, revision, number, date, place, secretary, presentCount, presentList, invited, items } = minutes;
      return post('minutes:save', { minutesId, revision, body: { number, date, place, chair: 'Басқа', secretary, presentCount, presentList, invited, items } });
    }, meetingId);
    expect(refused as unknown).toMatchObject({ ok: false, error: { code: 'minutes_final' } });

    await p.keyboard.press('Enter');
    await tabTo(p, 'amend-reason');
    await p.keyboard.type('Жауапты орган нақтыланды');
    await tabTo(p, 'decision-0-1-responsible');
    await p.keyboard.type('Білім бөлімі');
    await tabTo(p, 'amend-submit');
    await p.keyboard.press('Enter');
    await p.getByTestId('minutes-amendments').waitFor();
    expect(await p.getByTestId('minutes-amendments').innerText()).toContain('Жауапты орган нақтыланды');
    expect(await p.getByTestId('minutes-view').innerText()).toContain('Білім бөлімі');

    // The same photo twice: one attachment, one file on disk.
    const photo = { name: 'kezdesu.png', mimeType: 'image/png', buffer: PHOTO };
    await p.getByTestId('attachment-input').setInputFiles(photo);
    await expect.poll(() => p.locator('[data-testid^="attachment-"][data-testid$="-remove"]').count()).toBe(1);
    await p.getByTestId('attachment-input').setInputFiles({ ...photo, name: 'kezdesu-koshirme.png' });
    await p.getByTestId('attachment-duplicate').waitFor();
    expect(await p.locator('[data-testid^="attachment-"][data-testid$="-remove"]').count()).toBe(1);
    expect(storedFiles(dataDir)).toHaveLength(1);
    expect(problems).toEqual([]);
  });
});
