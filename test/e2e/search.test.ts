/// <reference lib="dom" />
// (page.evaluate callbacks run in Chromium: they use the DOM's types.)
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eSession, screenshot } from './harness';
import { ABAY_DISTRICT, KARAAUYL_OKRUG, openTempCore, tempDir } from '../helpers/temp-core';
import { caller } from '../integration/meeting-fixtures';
import { blankIssueFields } from '../../shared/contract/issue-defaults';

// Issue 13, point 1: the log finds a word typed in another case, in Kazakh and in Russian, and
// an empty result offers the stem, which one click searches.
const TODAY = '2026-04-10';

const TEXTS = [
  'Ауылға кіретін жолды жөндеу керек',
  'Орталықтағы жолдың жиегі опырылған',
  'Көшелердің жолдарына асфальт төсеу қажет',
  'Жолдас Сәкенге көмек керек',
  'Ремонт больницы затянулся',
  'В больнице не работает лифт',
  'Районная больница без терапевта',
  'Больничный лист не выдали',
  'Аудандық больницаға дәрігер керек',
  'Скотомогильникке қоршау керек',
];

function seed(dataDir: string, language: 'kk' | 'ru') {
  const core = openTempCore({ dataDir, today: TODAY });
  try {
    const { value } = caller(core);
    value('setup:complete', { rootKato: ABAY_DISTRICT, language });
    for (const text of TEXTS) value('issues:create', { unitKato: KARAAUYL_OKRUG, meetingId: null, raisedOn: '2026-03-02', fields: blankIssueFields(text), author: null });
  } finally {
    core.close();
  }
}

const session = e2eSession();
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000, interval: 50 });

/** The question texts of the rows in view. */
const rowTexts = (p: Page) =>
  p.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-testid^="issue-row-"]')].map((row) => row.innerText).sort());

async function searchFor(p: Page, words: string): Promise<void> {
  await p.getByTestId('issues-search').fill(words);
}

const STRINGS = {
  kk: { none: '«скотомогильниками» бойынша ештеңе табылмады.', apply: '«скотомогильник» бойынша іздеу' },
  ru: { none: 'По запросу «скотомогильниками» ничего не найдено.', apply: 'Искать «скотомогильник»' },
};

describe('search in the language people type, in Chromium', () => {
  for (const language of ['kk', 'ru'] as const) {
    it(`finds inflected forms by their stems and offers the stem when nothing is found (${language})`, async () => {
      const dataDir = tempDir(`esep-e2e-search-${language}-`);
      seed(dataDir, language);
      const { page: p, problems } = await session.open(dataDir, TODAY);
      await p.setViewportSize({ width: 1366, height: 768 });
      await p.getByTestId('obligations-grid').waitFor();
      await p.getByTestId('nav-issues').click();
      await poll(async () => (await rowTexts(p)).length).toBe(TEXTS.length);
      await screenshot(p, `search-${language}-log`);

      // Kazakh: "жолды" finds the road in every case, not "Жолдас"
      await searchFor(p, 'жолды');
      await poll(async () => (await rowTexts(p)).length).toBe(3);
      const road = await rowTexts(p);
      for (const text of road) expect(text).toMatch(/жол(ды|дың|дарына)/i);
      await screenshot(p, `search-${language}-kazakh-stem`);

      // Russian: "больнице" finds больница, больницы, больнице, not "Больничный"
      await searchFor(p, 'больнице');
      await poll(async () => (await rowTexts(p)).length).toBe(3);
      expect((await rowTexts(p)).join('\n')).not.toMatch(/Больничный|больницаға/);

      // A Russian word in a Kazakh case ("скотомогильникке") is no form of "скотомогильниками"
      // for either stemmer: nothing is found, and the stem is offered
      await searchFor(p, 'скотомогильниками');
      const suggestion = p.getByTestId('issues-suggestion');
      await poll(() => suggestion.innerText()).toBe(`${STRINGS[language].none} ${STRINGS[language].apply}`);
      await screenshot(p, `search-${language}-suggestion`);
      await p.getByTestId('issues-suggestion-apply').click();
      await poll(() => p.getByTestId('issues-search').inputValue()).toBe('скотомогильник');
      await poll(async () => (await rowTexts(p)).length).toBe(1);
      expect((await rowTexts(p)).join('\n')).toContain('Скотомогильникке');
      await poll(() => suggestion.count()).toBe(0);
      await screenshot(p, `search-${language}-suggestion-applied`);
      expect(problems).toEqual([]);
    });
  }
});
