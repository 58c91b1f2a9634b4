import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import type { ExportedPackage } from '../../shared/contract/exchange.contract';
import { installation, outDir, recordWork, type Installation } from '../integration/exchange-fixtures';
import { tempDir } from '../helpers/temp-core';
import { handler, holdNext, OKRUG, ROOT, startCore, testCore, TODAY } from './test-core';
import { openLog, withScrollerHeight } from './issues-helpers';
import { renderWithI18n } from './render';
import { withNodeUint8Array } from './node-bytes';

/**
 * The Exchange screen on the real core. The packages it imports are real too: made by other
 * installations (a temp core each, set up for an okrug or a district as the first-run wizard
 * does), exported to a temp folder and picked here as the file a USB stick would hold.
 */
withScrollerHeight();

withNodeUint8Array();

const ABAI_OBLAST = '100000000';
const others: Installation[] = [];
afterEach(() => {
  for (const inst of others.splice(0)) inst.core.close();
});

/** Another installation, set up for `unitKato`, on the same day as the screen's. */
function other(unitKato: string): Installation {
  const inst = installation(unitKato, TODAY);
  others.push(inst);
  return inst;
}

/** This installation, set up for `rootKato` with nothing recorded. */
async function setUpFor(rootKato: string, language: 'kk' | 'ru' = 'kk') {
  await startCore({ setUp: false });
  await testCore().api.setup.complete({ rootKato, language });
}

/** An okrug that held a meeting on 8 July with issues raised at it, and planned its next one. */
function okrugWithWork(issues = 2): { okrug: Installation; meetingId: string; issueIds: string[] } {
  const okrug = other(OKRUG.kato);
  return { okrug, ...recordWork(okrug, OKRUG.kato, issues, '2025-07-08') };
}

/** The file as a USB stick holds it, picked in the browser. */
function asFile(pkg: ExportedPackage, bytes = fs.readFileSync(pkg.path)): File {
  return new File([new Uint8Array(bytes)], pkg.fileName, { type: 'application/zip' });
}

async function openExchange(lng: 'kk' | 'ru' = 'kk'): Promise<void> {
  renderWithI18n(<App />, lng);
  fireEvent.click(await screen.findByTestId('nav-exchange'));
  await screen.findByTestId('exchange-screen');
}

async function pick(file: File): Promise<void> {
  fireEvent.change(screen.getByTestId('exchange-file'), { target: { files: [file] } });
  await waitFor(() => expect(screen.queryByTestId('exchange-checking')).toBeNull());
}

const text = (testId: string) => screen.getByTestId(testId).textContent;
const cells = (row: HTMLElement) => [...row.querySelectorAll('th, td')].map((c) => c.textContent);

describe('Exchange: the folder dialog', () => {
  it('is offered where the desktop gives one, and fills the folder with the one chosen (cancelling changes nothing)', async () => {
    const dir = tempDir('esep-stick-');
    const answers: Array<string | null> = [null, dir];
    await startCore({ setUp: true, platform: { chooseFolder: async () => answers.shift() ?? null } });
    await openExchange();
    const choose = screen.getByTestId('exchange-choose-folder');
    expect(choose.textContent).toBe('Қалтаны таңдау…');
    fireEvent.click(choose);
    await waitFor(() => expect(handler('exchange:chooseFolder')).toHaveBeenCalledTimes(1));
    expect((screen.getByTestId('exchange-dir') as HTMLInputElement).value).toBe('');
    fireEvent.click(choose);
    await waitFor(() => expect((screen.getByTestId('exchange-dir') as HTMLInputElement).value).toBe(dir));
    fireEvent.click(screen.getByTestId('exchange-export-submit'));
    await screen.findByTestId('exchange-export-done');
    expect(fs.readdirSync(dir)).toHaveLength(1);
  });

  it('is not offered in the browser host, where the folder is typed', async () => {
    await startCore({ setUp: true });
    await openExchange();
    expect(screen.getByTestId('exchange-dir')).toBeTruthy();
    expect(screen.queryByTestId('exchange-choose-folder')).toBeNull();
  });
});

describe('Exchange: export', () => {
  beforeEach(async () => {
    await startCore({ setUp: true });
  });

  it('writes the period’s package into the folder typed, in the language and with the photos asked, and shows its file, size, hash and counts', async () => {
    const dir = tempDir('esep-stick-');
    await openExchange();
    expect(screen.getByTestId('nav-exchange').getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Басқа орнатулармен алмасу');
    // This year by default, picked as on the Reports screen.
    expect(screen.getByTestId('exchange-quick-thisYear').getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByTestId('exchange-quick-lastQuarter'));
    fireEvent.click(screen.getByTestId('exchange-quick-thisYear'));
    fireEvent.click(screen.getByTestId('exchange-lang-ru'));
    fireEvent.click(screen.getByTestId('exchange-attachments'));
    fireEvent.change(screen.getByTestId('exchange-dir'), { target: { value: ` ${dir} ` } });
    fireEvent.click(screen.getByTestId('exchange-export-submit'));
    const done = await screen.findByTestId('exchange-export-done');

    expect(handler('exchange:export')).toHaveBeenCalledTimes(1);
    expect(handler('exchange:export')).toHaveBeenCalledWith({ period: { start: '2025-01-01', end: '2025-12-31' }, dir, language: 'ru', attachments: true });
    const pkg = (await handler('exchange:export').mock.results[0]!.value) as ExportedPackage;
    const bytes = fs.readFileSync(pkg.path);
    expect(path.dirname(pkg.path)).toBe(dir);
    expect(within(done).getByTestId('exchange-export-path').textContent).toContain(pkg.path);
    expect(within(done).getByTestId('exchange-export-sha256').textContent).toContain(createHash('sha256').update(bytes).digest('hex'));
    expect(within(done).getByTestId('exchange-export-size').textContent).toContain(`(${bytes.length.toLocaleString('ru').replace(/\s/g, '\u00a0')} байт)`);
    expect(within(done).getByTestId('exchange-export-sequence').textContent).toContain('№ 1');
    // The three meetings set-up recorded, all held by this installation.
    expect(text('exchange-export-count-meetings')).toBe('Кездесулер: 3');
    expect(within(done).getByTestId('exchange-export-forwarded').textContent).toContain('0');
    expect(done.textContent).toContain('Пакет жазылды, қайта оқылып тексерілді');
  });

  it('asks for the folder first; a folder that cannot be written shows why, and nothing is exported', async () => {
    await openExchange();
    fireEvent.click(screen.getByTestId('exchange-export-submit'));
    expect(text('exchange-dir-missing')).toBe('Пакетті жазатын қалтаны көрсетіңіз.');
    expect(screen.getByTestId('exchange-dir').getAttribute('aria-invalid')).toBe('true');
    expect(handler('exchange:export')).not.toHaveBeenCalled();

    // A stick taken out before the package is written: the folder is gone, and the core says so.
    const gone = path.join(tempDir('esep-stick-'), 'removed-stick');
    fireEvent.change(screen.getByTestId('exchange-dir'), { target: { value: gone } });
    expect(screen.queryByTestId('exchange-dir-missing')).toBeNull();
    fireEvent.click(screen.getByTestId('exchange-export-submit'));
    const error = await screen.findByTestId('exchange-export-error');
    expect(error.textContent).toContain(`${gone} қалтасы қолжетімсіз`);
    expect(error.textContent).toContain('Ештеңе жазылған жоқ');
    expect(screen.queryByTestId('exchange-export-done')).toBeNull();
    expect(fs.existsSync(gone)).toBe(false);
    fireEvent.click(screen.getByTestId('lang-ru'));
    expect(error.textContent).not.toContain('қалтасы');
  });

  it('stays busy while the package is written, and a second click writes no second package', async () => {
    const dir = tempDir('esep-stick-');
    await openExchange();
    fireEvent.change(screen.getByTestId('exchange-dir'), { target: { value: dir } });
    const release = holdNext('exchange:export');
    fireEvent.click(screen.getByTestId('exchange-export-submit'));
    const button = screen.getByTestId('exchange-export-submit');
    await waitFor(() => expect(button.getAttribute('aria-busy')).toBe('true'));
    expect(button.textContent).toBe('Пакет жазылуда…');
    expect(screen.getByTestId('exchange-export-progress')).toBeTruthy();
    fireEvent.click(button);
    act(() => release());
    await screen.findByTestId('exchange-export-done');
    expect(handler('exchange:export')).toHaveBeenCalledTimes(1);
    expect(fs.readdirSync(dir)).toHaveLength(1);
    expect(button.getAttribute('aria-busy')).toBe('false');
  });
});

describe('Exchange: import', () => {
  it('previews a new okrug’s package; Apply waits for the fingerprint to be confirmed; the result replaces the preview', async () => {
    await setUpFor(ROOT.kato);
    const { okrug, meetingId } = okrugWithWork(2);
    const pkg = await okrug.exportTo(outDir());
    const fingerprint = okrug.value('identity:get', {}).key.fingerprint as string;
    await openExchange();
    await pick(asFile(pkg));

    const preview = await screen.findByTestId('exchange-preview');
    expect(text('exchange-file-name')).toBe(`Файл: ${pkg.fileName}`);
    expect(handler('exchange:preview')).toHaveBeenCalledWith({ source: { fileName: pkg.fileName, dataBase64: fs.readFileSync(pkg.path).toString('base64') } });
    const card = within(preview).getByTestId(`package-${pkg.packageId}`);
    const p = `package-${pkg.packageId}`;
    expect(within(card).getByTestId(`${p}-unit`).textContent).toBe(`${OKRUG.nameKk} пакеті`);
    expect(within(card).getByTestId(`${p}-period`).textContent).toContain('2025 жыл');
    expect(within(card).getByTestId(`${p}-created`).textContent).toContain('2025 жылғы 10 шілде');
    expect(within(card).getByTestId(`${p}-sequence`).textContent).toContain('№ 1');
    expect(within(card).getByTestId(`${p}-disposition`).textContent).toBe('Импортталады');
    expect(within(card).queryByTestId(`${p}-gap`)).toBeNull();
    expect(within(card).getByTestId(`${p}-fingerprint`).textContent).toBe(fingerprint);
    // Per kind, as the core counts it: the held meeting and the planned one, two issues.
    expect(cells(within(card).getByTestId(`${p}-kind-meetings`))).toEqual(['Кездесулер', '2', '0', '0', '0']);
    expect(cells(within(card).getByTestId(`${p}-kind-issues`))).toEqual(['Азаматтардың сұрақтары', '2', '0', '0', '0']);
    // Nothing is written by a preview.
    expect(await testCore().api.exchange.origins({})).toEqual([]);

    const apply = screen.getByTestId('exchange-apply') as HTMLButtonElement;
    expect(apply.disabled).toBe(true);
    expect(text('exchange-confirm-first')).toBe('Алдымен әр жаңа көздің саусақ ізін жіберушімен салыстырыңыз.');
    fireEvent.click(within(card).getByTestId(`${p}-confirm`));
    expect(apply.disabled).toBe(false);
    fireEvent.click(within(card).getByTestId(`${p}-confirm`));
    expect(apply.disabled).toBe(true);
    fireEvent.click(within(card).getByTestId(`${p}-confirm`));
    fireEvent.click(apply);

    expect((await screen.findByTestId('exchange-applied')).textContent).toBe('Пакет импортталды');
    expect(handler('exchange:import')).toHaveBeenCalledTimes(1);
    expect(handler('exchange:import').mock.calls[0]![0]).toMatchObject({ trust: [okrug.installationId], source: { fileName: pkg.fileName } });
    expect(screen.queryByTestId('exchange-preview')).toBeNull();
    const applied = screen.getByTestId(p);
    expect(within(applied).getByTestId(`${p}-disposition`).textContent).toBe('Импортталды');
    expect(within(applied).queryByTestId(`${p}-confirm`)).toBeNull();
    expect(cells(within(applied).getByTestId(`${p}-kind-issues`))).toEqual(['Азаматтардың сұрақтары', '2', '0', '0', '0']);
    expect((await testCore().api.exchange.origins({})).map((o) => o.installationId)).toEqual([okrug.installationId]);

    // The okrug's meeting is in the meetings list, its issues in the log, all marked received.
    fireEvent.click(screen.getByTestId('nav-meetings'));
    expect((await screen.findByTestId(`meeting-received-${meetingId}`)).getAttribute('title')).toBe(`Алынған: ${OKRUG.nameKk}, 2025 жылғы 10 шілде пакеті`);
    await openLog();
    await waitFor(() => expect(screen.getAllByTestId(/^issue-received-\d+$/)).toHaveLength(2));
    expect(screen.getAllByTestId(/^issue-received-\d+$/)[0]!.getAttribute('title')).toBe(`Алынған: ${OKRUG.nameKk}, 2025 жылғы 10 шілде пакеті`);
  });

  it('shows a package imported already as such, with nothing to apply', async () => {
    await setUpFor(ROOT.kato, 'ru');
    const { okrug } = okrugWithWork(1);
    const pkg = await okrug.exportTo(outDir());
    await testCore().api.exchange.import({ source: { path: pkg.path }, trust: [okrug.installationId] });
    await openExchange('ru');
    await pick(asFile(pkg));
    const p = `package-${pkg.packageId}`;
    expect((await screen.findByTestId(`${p}-disposition`)).textContent).toBe('Уже импортирован: ничего не изменится');
    expect(text(`${p}-trust`)).toContain('Известный источник, ключ тот же');
    expect(screen.queryByTestId(`${p}-confirm`)).toBeNull();
    expect(screen.queryByTestId(`${p}-counts`)).toBeNull();
    expect(screen.getByTestId(p).textContent).not.toContain('В пакете нет записей');
    expect((screen.getByTestId('exchange-apply') as HTMLButtonElement).disabled).toBe(true);
    expect(text('exchange-nothing')).toBe('Применять нечего: все пакеты этого файла уже импортированы.');
  });

  it('refuses a damaged package with its reason in the user’s language, and nothing changes', async () => {
    await setUpFor(ROOT.kato);
    const { okrug } = okrugWithWork(1);
    const pkg = await okrug.exportTo(outDir());
    const bytes = fs.readFileSync(pkg.path);
    // One byte in the middle of the zip: a record, a tag file or the signature no longer matches.
    bytes[Math.floor(bytes.length / 2)]! ^= 0x40;
    await openExchange();
    await pick(asFile(pkg, bytes));
    const refused = await screen.findByTestId('exchange-refused');
    expect(within(refused).getByTestId('exchange-file-name').textContent).toBe(`Файл: ${pkg.fileName}`);
    expect(refused.textContent).toContain('Пакет қабылданбады');
    const message = within(refused).getByTestId('exchange-refused-error').textContent!;
    expect(message).toContain('Деректер өзгертілмеді');
    expect(screen.queryByTestId('exchange-apply')).toBeNull();
    // Another file may be picked at once.
    expect(screen.getByTestId('exchange-file')).toBeTruthy();
    fireEvent.click(screen.getByTestId('lang-ru'));
    expect(within(refused).getByTestId('exchange-refused-error').textContent).toContain('Данные не изменены');
    expect(handler('exchange:import')).not.toHaveBeenCalled();
    expect(await testCore().api.exchange.origins({})).toEqual([]);
  });

  it('warns that packages of a source are missing (a gap in its numbers)', async () => {
    await setUpFor(ROOT.kato);
    const { okrug } = okrugWithWork(1);
    const first = await okrug.exportTo(outDir());
    await okrug.exportTo(outDir());
    const third = await okrug.exportTo(outDir());
    await testCore().api.exchange.import({ source: { path: first.path }, trust: [okrug.installationId] });
    await openExchange();
    await pick(asFile(third));
    const gap = await screen.findByTestId(`package-${third.packageId}-gap`);
    expect(gap.textContent).toBe('Бұл көздің 1 пакеті жетіспейді (соңғы импортталғаны – № 1): оны жіберушіден сұраңыз.');
    fireEvent.click(screen.getByTestId('lang-ru'));
    expect(gap.textContent).toBe('Не хватает 1 пакета этого источника (последним импортирован № 1): запросите его у отправителя.');
    // A known source: nothing to confirm.
    expect((screen.getByTestId('exchange-apply') as HTMLButtonElement).disabled).toBe(false);
  });

  it('keeps the preview and says why when applying is refused after it; nothing changed', async () => {
    await setUpFor(ROOT.kato);
    const { okrug } = okrugWithWork(1);
    const first = await okrug.exportTo(outDir());
    const second = await okrug.exportTo(outDir());
    await openExchange();
    await pick(asFile(first));
    fireEvent.click(await screen.findByTestId(`package-${first.packageId}-confirm`));
    // Meanwhile (another window, the CLI) the later package of the same okrug is applied: the first is now a replay.
    await testCore().api.exchange.import({ source: { path: second.path }, trust: [okrug.installationId] });
    const origins = await testCore().api.exchange.origins({});
    fireEvent.click(screen.getByTestId('exchange-apply'));
    const failed = await screen.findByTestId('exchange-apply-failed');
    expect(failed.textContent).toContain('Пакет импортталмады');
    expect(within(failed).getByTestId('exchange-apply-error').textContent).not.toContain('Ішкі қате');
    expect(screen.getByTestId('exchange-preview')).toBeTruthy();
    expect(screen.queryByTestId('exchange-applied')).toBeNull();
    expect(await testCore().api.exchange.origins({})).toEqual(origins);
  });

  it('lists refused records with their reasons in words, and says when only the first are listed', async () => {
    await setUpFor(ROOT.kato);
    const { okrug, issueIds } = okrugWithWork(2);
    const pkg = await okrug.exportTo(outDir());
    // Refusals need two installations' histories to collide; the core's own answer gets them added.
    const real = handler('exchange:preview').getMockImplementation()!;
    handler('exchange:preview').mockImplementationOnce(async (input) => {
      const preview = await real(input);
      const [p] = preview.packages;
      return {
        ...preview,
        packages: [
          {
            ...p!,
            counts: { ...p!.counts, issues: { new: 0, changed: 0, unchanged: 0, refused: 150 } },
            refusals: [
              { kind: 'issues', id: issueIds[0]!, reason: 'older_revision' },
              { kind: 'issues', id: issueIds[1]!, reason: 'own_record' },
            ],
          },
        ],
      };
    });
    await openExchange();
    await pick(asFile(pkg));
    const p = `package-${pkg.packageId}`;
    const refusals = await screen.findByTestId(`${p}-refusals`);
    expect([...refusals.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      `Азаматтардың сұрақтары ${issueIds[0]}: мұнда оның кейінгі редакциясы бар`,
      `Азаматтардың сұрақтары ${issueIds[1]}: бұл осы орнатудың өз жазбасы, оны көшірме алмастырмайды`,
    ]);
    expect(refusals.textContent).toContain('Алғашқы 2 жазба көрсетілген.');
    expect(screen.getByTestId(`${p}-issues-refused`).className).toContain('is-refused');
    fireEvent.click(screen.getByTestId('lang-ru'));
    expect(refusals.querySelector('li')!.textContent).toBe(`Вопросы граждан ${issueIds[0]}: здесь уже есть более поздняя редакция этой записи`);
  });

  it('at the oblast lists a district’s package with the okrug packages it carries, vouched for by the district', async () => {
    await setUpFor(ABAI_OBLAST);
    const { okrug } = okrugWithWork(1);
    const okrugPkg = await okrug.exportTo(outDir());
    const district = other(ROOT.kato);
    await district.importFile(okrugPkg.path, [okrug.installationId]);
    const districtPkg = await district.exportTo(outDir());
    expect(districtPkg.forwarded).toBe(1);

    await openExchange();
    await pick(asFile(districtPkg));
    const outer = await screen.findByTestId(`package-${districtPkg.packageId}`);
    const inner = screen.getByTestId(`package-${okrugPkg.packageId}`);
    expect(within(outer).getByTestId(`package-${districtPkg.packageId}-unit`).textContent).toBe(`${ROOT.nameKk} пакеті`);
    // The carried package is listed under its carrier, not beside it.
    expect(outer.closest('li')!.contains(inner)).toBe(true);
    expect(outer.closest('li')!.textContent).toContain('Оның ішіндегі төменгі пакеттер');
    expect(within(inner).getByTestId(`package-${okrugPkg.packageId}-trust`).textContent).toContain(`${ROOT.nameKk} кепілдік береді`);
    expect(within(inner).queryByTestId(`package-${okrugPkg.packageId}-confirm`)).toBeNull();
    // Only the district is new here: its fingerprint is the one to confirm.
    expect(within(outer).getByTestId(`package-${districtPkg.packageId}-fingerprint`).textContent).toBe(district.value('identity:get', {}).key.fingerprint);
    fireEvent.click(within(outer).getByTestId(`package-${districtPkg.packageId}-confirm`));
    fireEvent.click(screen.getByTestId('exchange-apply'));
    await screen.findByTestId('exchange-applied');
    expect(handler('exchange:import').mock.calls[0]![0].trust).toEqual([district.installationId]);
    const origins = await testCore().api.exchange.origins({});
    expect(origins.map((o) => o.unitKato).sort()).toEqual([ROOT.kato, OKRUG.kato].sort());
  });
});
