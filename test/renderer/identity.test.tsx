import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/src/App';
import { formatFingerprint } from '../../shared/domain/exchange/ownership';
import { trustOrigin } from '../integration/origin-fixtures';
import { handler, OKRUG, OKRUG_2, ROOT, startCore, testCore } from './test-core';
import { renderWithI18n } from './render';

/** Settings' "This installation": what is read out over the phone before a first package is trusted. */
beforeEach(() => startCore({ setUp: true }));

async function openIdentity(): Promise<HTMLElement> {
  renderWithI18n(<App />);
  fireEvent.click(await screen.findByTestId('nav-settings'));
  const section = await screen.findByTestId('settings-identity');
  await within(section).findByTestId('identity-fingerprint');
  return section;
}

/** The clipboard the page sees (jsdom has none). */
function clipboard(writeText: (text: string) => Promise<void>) {
  const spy = vi.fn(writeText);
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: spy } });
  return spy;
}

describe('Settings: this installation', () => {
  it('shows the installation id, its unit, the key fingerprint in groups of four and the minisign public key', async () => {
    const identity = await testCore().api.identity.get({});
    const key = identity.key!;
    const section = await openIdentity();
    expect(within(section).getByRole('heading', { level: 2, name: 'Осы орнату' })).toBeTruthy();
    expect(within(section).getByTestId('identity-unit').textContent).toContain(ROOT.nameKk);
    expect(within(section).getByTestId('identity-installation-id').textContent).toContain(testCore().core.ctx.installationId);
    const fingerprint = within(section).getByTestId('identity-fingerprint');
    expect(fingerprint.textContent).toBe(key.fingerprint);
    expect(fingerprint.textContent).toBe(formatFingerprint(key.keyId));
    expect([...fingerprint.querySelectorAll('.fingerprint-group')].map((g) => g.textContent)).toEqual(key.fingerprint.split(' '));
    expect(fingerprint.querySelectorAll('.fingerprint-group')).toHaveLength(4);
    const publicKey = within(section).getByTestId('identity-public-key').textContent!;
    // The two lines of a minisign .pub file; the copy is the file itself (with its final newline).
    expect(publicKey).toBe(key.publicKey.trimEnd());
    expect(publicKey.split('\n')).toHaveLength(2);
    expect(publicKey).toMatch(/^untrusted comment: minisign public key [0-9A-F]{16}\nRW[A-Za-z0-9+/=]{54}$/);
    expect(within(section).getByTestId('identity-origins-none').textContent).toBe('Басқа орнатулардан әлі пакет импортталмаған.');

    fireEvent.click(screen.getByTestId('settings-lang-ru'));
    expect(within(section).getByRole('heading', { level: 2, name: 'Эта установка' })).toBeTruthy();
    expect(within(section).getByTestId('identity-unit').textContent).toContain(ROOT.nameRu);
  });

  it('copies the public key, and says to copy it by hand where the page may not', async () => {
    const writeText = clipboard(() => Promise.resolve());
    const section = await openIdentity();
    fireEvent.click(within(section).getByTestId('identity-copy'));
    expect((await within(section).findByTestId('identity-copied')).textContent).toBe('Кілт көшірілді');
    expect(writeText).toHaveBeenCalledWith((await testCore().api.identity.get({})).key!.publicKey);

    writeText.mockRejectedValueOnce(new DOMException('denied', 'NotAllowedError'));
    fireEvent.click(within(section).getByTestId('identity-copy'));
    expect((await within(section).findByTestId('identity-copy-failed')).textContent).toBe('Көшіру мүмкін болмады: кілтті белгілеп, қолмен көшіріңіз.');
    expect(within(section).queryByTestId('identity-copied')).toBeNull();
  });

  it('lists the trusted sources: unit, fingerprint, when and by whom trusted, the last package and its date', async () => {
    const trustedAt = new Date(2025, 2, 3, 10, 0).getTime();
    const okrug = trustOrigin(testCore().core, { unitKato: OKRUG.kato, at: trustedAt, packageCreatedAt: new Date(2025, 2, 1, 9, 0).getTime() });
    const other = trustOrigin(testCore().core, { unitKato: OKRUG_2.kato, at: trustedAt, packageCreatedAt: new Date(2025, 5, 30, 18, 0).getTime() });
    const section = await openIdentity();
    const table = await within(section).findByTestId('identity-origins');
    const row = within(table).getByTestId(`origin-${okrug.id}`);
    const cells = [...row.querySelectorAll('th, td')].map((c) => c.textContent);
    expect(cells).toEqual([`${OKRUG.nameKk}${okrug.id}`, formatFingerprint(okrug.keyId), '2025 жылғы 3 наурыз, Хатшы', '№ 1, 2025 жылғы 1 наурыз']);
    expect(within(table).getByTestId(`origin-${other.id}`).textContent).toContain('2025 жылғы 30 маусым');
    expect(within(section).queryByTestId('identity-origins-none')).toBeNull();

    fireEvent.click(screen.getByTestId('settings-lang-ru'));
    await waitFor(() => expect(within(row).getAllByRole('cell')[1]!.textContent).toBe('3 марта 2025 г., Хатшы'));
    expect(within(row).getAllByRole('cell')[2]!.textContent).toBe('№ 1 от 1 марта 2025 г.');
    expect(handler('exchange:origins')).toHaveBeenCalled();
  });

  it('says why the key is missing when there is none (a failed start), and still shows the rest', async () => {
    handler('identity:get').mockImplementationOnce(() => ({ installationId: testCore().core.ctx.installationId, root: null, key: null }));
    renderWithI18n(<App />);
    fireEvent.click(await screen.findByTestId('nav-settings'));
    expect((await screen.findByTestId('identity-no-key')).textContent).toBe('Қолтаңба кілті әлі жоқ: ол баптау кезінде немесе келесі іске қосқанда жасалады.');
    expect(screen.getByTestId('identity-installation-id').textContent).toContain(testCore().core.ctx.installationId);
    expect(screen.queryByTestId('identity-copy')).toBeNull();
  });
});
