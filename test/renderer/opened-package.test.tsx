import fs from 'node:fs';
import path from 'node:path';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { installation, outDir, recordWork, type Installation } from '../integration/exchange-fixtures';
import { handler, openPackageFromSystem, OKRUG, ROOT, startCore, testCore, TODAY } from './test-core';
import { withScrollerHeight } from './issues-helpers';
import { renderWithI18n } from './render';
import { withNodeUint8Array } from './node-bytes';

/**
 * A package double-clicked in the system while Esep runs (or that started it): the main process
 * tells the page its path (test-core's openPackageFromSystem plays main and the preload), and the
 * Exchange screen opens at its import preview, the same preview a chosen file gets. The package
 * is real: an okrug's installation wrote it with exchange:export.
 */
withScrollerHeight();
withNodeUint8Array();

const others: Installation[] = [];
afterEach(() => {
  for (const inst of others.splice(0)) inst.core.close();
});

async function okrugPackage() {
  const okrug = installation(OKRUG.kato, TODAY);
  others.push(okrug);
  recordWork(okrug, OKRUG.kato, 2, '2025-07-08');
  return { okrug, pkg: await okrug.exportTo(outDir()) };
}

async function setUpFor(language: 'kk' | 'ru') {
  await startCore({ setUp: false });
  await testCore().api.setup.complete({ rootKato: ROOT.kato, language });
}

const text = (testId: string) => screen.getByTestId(testId).textContent;

describe('a package opened from the system', () => {
  it('switches to the Exchange screen from any other and opens its preview (in Kazakh), which applies as a chosen file does', async () => {
    await setUpFor('kk');
    const { okrug, pkg } = await okrugPackage();
    expect(path.extname(pkg.path)).toBe('.esep');
    renderWithI18n(<App />, 'kk');
    fireEvent.click(await screen.findByTestId('nav-issues'));
    expect(screen.queryByTestId('exchange-screen')).toBeNull();

    act(() => openPackageFromSystem(pkg.path));
    const preview = await screen.findByTestId('exchange-preview');
    expect(screen.getByTestId('nav-exchange').getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Басқа орнатулармен алмасу');
    expect(text('exchange-file-name')).toBe(`Файл: ${pkg.fileName}`);
    // The path goes to the core as it is, as the file dialog's would: the core reads it.
    expect(handler('exchange:preview')).toHaveBeenCalledTimes(1);
    expect(handler('exchange:preview')).toHaveBeenCalledWith({ source: { path: pkg.path } });
    const p = `package-${pkg.packageId}`;
    const card = within(preview).getByTestId(p);
    expect(within(card).getByTestId(`${p}-unit`).textContent).toBe(`${OKRUG.nameKk} пакеті`);
    expect(within(card).getByTestId(`${p}-disposition`).textContent).toBe('Импортталады');

    fireEvent.click(within(card).getByTestId(`${p}-confirm`));
    fireEvent.click(screen.getByTestId('exchange-apply'));
    expect((await screen.findByTestId('exchange-applied')).textContent).toBe('Пакет импортталды');
    expect(handler('exchange:import').mock.calls[0]![0]).toEqual({ source: { path: pkg.path }, trust: [okrug.installationId] });
    expect((await testCore().api.exchange.origins({})).map((o) => o.installationId)).toEqual([okrug.installationId]);

    // Opened again: the preview says it was imported already.
    act(() => openPackageFromSystem(pkg.path));
    await waitFor(() => expect(within(screen.getByTestId('exchange-preview')).getByTestId(`${p}-disposition`).textContent).toBe('Бұрын импортталған: ештеңе өзгермейді'));
  });

  it('opened as Esep starts (before the app has loaded) waits for the Exchange screen, and shows the preview in Russian', async () => {
    await setUpFor('ru');
    const { pkg } = await okrugPackage();
    act(() => openPackageFromSystem(pkg.path));
    renderWithI18n(<App />, 'ru');
    const preview = await screen.findByTestId('exchange-preview');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Обмен с другими установками');
    expect(text('exchange-file-name')).toBe(`Файл: ${pkg.fileName}`);
    const p = `package-${pkg.packageId}`;
    expect(within(preview).getByTestId(`${p}-unit`).textContent).toContain(OKRUG.nameRu);
    expect(handler('exchange:preview')).toHaveBeenCalledTimes(1);
  });

  it('that is damaged is refused with the reason, in the screen’s language, and nothing is read into the database', async () => {
    await setUpFor('ru');
    const { pkg } = await okrugPackage();
    const bytes = fs.readFileSync(pkg.path);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    const damaged = path.join(outDir(), `damaged${path.extname(pkg.path)}`);
    fs.writeFileSync(damaged, bytes);
    renderWithI18n(<App />, 'ru');
    await screen.findByTestId('nav-exchange');
    act(() => openPackageFromSystem(damaged));
    await screen.findByTestId('exchange-refused');
    expect(text('exchange-file-name')).toBe('Файл: damaged.esep');
    expect(text('exchange-refused-error')).toBe('Это не пакет Esep, или он поврежден (код причины: crc_mismatch). Данные не изменены.');
    expect(await testCore().api.exchange.origins({})).toEqual([]);
  });
});
