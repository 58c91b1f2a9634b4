import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { EsepError } from '../../shared/errors';
import { foldForSearch } from '../../shared/domain/text/fold';
import { App } from '../../renderer/src/App';
import { handler, OKRUG, ROOT, startCore } from './test-core';
import { renderWithI18n } from './render';

// An administrator exists and is signed in: the wizard has no administrator steps (auth-wizard.test.tsx has them).
beforeEach(() => startCore({ setUp: false, staff: 'admin' }));

async function toUnitStep(language: 'kk' | 'ru') {
  renderWithI18n(<App />);
  fireEvent.click(await screen.findByTestId(`setup-lang-${language}`));
  return screen.findByTestId('setup-search');
}

describe('first-run setup wizard', () => {
  it('is shown while no working root is saved, in Kazakh by default', async () => {
    renderWithI18n(<App />);
    expect(await screen.findByText('Esep-ті бастапқы баптау')).toBeTruthy();
    expect(screen.getByTestId('setup-lang-kk').textContent).toBe('Қазақша');
    expect(screen.getByTestId('setup-lang-ru').textContent).toBe('Русский');
    expect(document.documentElement.lang).toBe('kk');
  });

  it('searches, chooses a result with the keyboard and completes setup with its code and the language', async () => {
    const search = await toUnitStep('kk');
    expect(screen.getByText('Бұл орнату қай әкімдікке қызмет көрсетеді?')).toBeTruthy();

    fireEvent.change(search, { target: { value: 'Абай ауданы' } });
    const options = await screen.findAllByRole('option');
    expect(handler('units:search')).toHaveBeenLastCalledWith({ query: 'Абай ауданы', reportingOnly: true, limit: 30 });
    // Every word anywhere in a name: the three namesakes and Бурабай ауданы, names starting with
    // the first word first, then higher levels (a city's district before an oblast's).
    expect(options.map((o) => o.dataset['testid'])).toEqual(
      ['791110000', ROOT.kato, '353200000', '117000000'].map((kato) => `setup-option-${kato}`),
    );
    expect(screen.getByTestId('setup-search-status').textContent).toBe('4 бірлік табылды');
    // Name in the UI language, the other language muted, the kind and the KATO code.
    const abay = within(options[1]!);
    expect(abay.getByText(ROOT.nameKk)).toBeTruthy();
    expect(abay.getByText(ROOT.nameRu)).toBeTruthy();
    expect(abay.getByText('аудан')).toBeTruthy();
    expect(abay.getByText(`ҚАТО ${ROOT.kato}`)).toBeTruthy();
    expect(within(options[0]!).getByText('қаладағы аудан')).toBeTruthy();
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');
    // Every result names its parent: the three "Абай ауданы" are told apart at a glance.
    expect(within(options[0]!).getByText('Шымкент қ. құрамында')).toBeTruthy();
    expect(abay.getByText('Абай облысы құрамында')).toBeTruthy();
    expect(within(options[2]!).getByText('Қарағанды облысы құрамында')).toBeTruthy();

    const press = (key: string, times = 1) => {
      for (let i = 0; i < times; i++) fireEvent.keyDown(search, { key });
    };
    press('ArrowDown', 2);
    expect(options[2]!.getAttribute('aria-selected')).toBe('true');
    expect(search.getAttribute('aria-activedescendant')).toBe(options[2]!.id);
    // Past either end, round to the other.
    press('ArrowUp', 3);
    expect(options[3]!.getAttribute('aria-selected')).toBe('true');
    press('ArrowDown');
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');
    press('ArrowDown', 2);
    expect(options[2]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(search, { key: 'Enter' });

    const confirm = await screen.findByTestId('setup-step-confirm');
    expect(within(confirm).getByTestId('setup-confirm-name').textContent).toBe('Абай ауданы');
    expect(within(confirm).getByText('353200000')).toBeTruthy();
    expect(await within(confirm).findByText('Қарағанды облысы')).toBeTruthy();
    expect(within(confirm).getByText(/Абай ауданы және оның құрамындағы өз әкімі бар барлық бірліктер/)).toBeTruthy();

    fireEvent.click(screen.getByTestId('setup-confirm'));
    await waitFor(() => expect(handler('setup:complete')).toHaveBeenCalledWith({ rootKato: '353200000', language: 'kk' }));
    expect(await screen.findByTestId('header-root-name')).toBeTruthy();
    expect(screen.getByText('Есепті кездесулер күнтізбесі')).toBeTruthy();
  });

  it('switches the wizard to Russian at step 1 and saves Russian', async () => {
    const search = await toUnitStep('ru');
    expect(screen.getByText('Какой акимат обслуживает эта установка?')).toBeTruthy();
    expect(document.documentElement.lang).toBe('ru');
    fireEvent.change(search, { target: { value: '103200000' } });
    const [option] = await screen.findAllByRole('option');
    expect(within(option!).getByText('Абайский район')).toBeTruthy();
    expect(within(option!).getByText('район')).toBeTruthy();
    expect(screen.getByTestId('setup-search-status').textContent).toBe('Найдена 1 единица');
    fireEvent.keyDown(search, { key: 'Enter' });
    fireEvent.click(await screen.findByTestId('setup-confirm'));
    await waitFor(() => expect(handler('setup:complete')).toHaveBeenCalledWith({ rootKato: '103200000', language: 'ru' }));
    expect(await screen.findByText('Календарь отчетных встреч')).toBeTruthy();
  });

  it('says so when nothing matches, and the mouse can choose too', async () => {
    const search = await toUnitStep('kk');
    fireEvent.change(search, { target: { value: 'Жоқ жер' } });
    expect(await screen.findByText('«Жоқ жер» бойынша ештеңе табылмады.')).toBeTruthy();
    fireEvent.change(search, { target: { value: 'Қараауыл' } });
    fireEvent.click(await screen.findByTestId(`setup-option-${OKRUG.kato}`));
    expect((await screen.findByTestId('setup-confirm-name')).textContent).toBe(OKRUG.nameKk);
  });

  it('finds a unit by a spelling with a vowel fewer, after the exact matches', async () => {
    for (const [language, typed] of [['kk', 'Қарауыл'], ['ru', 'Караул']] as const) {
      const search = await toUnitStep(language);
      fireEvent.change(search, { target: { value: typed } });
      const option = await screen.findByTestId(`setup-option-${OKRUG.kato}`);
      // Units spelled exactly so (Қарауылкелді, Қарауылтөбе…) are listed before it.
      const options = screen.getAllByRole('option');
      const exact = options.filter((o) => foldForSearch(o.textContent ?? '').includes(foldForSearch(typed)));
      expect(exact.length).toBeGreaterThan(0);
      expect(options.slice(0, exact.length)).toEqual(exact);
      expect(options.indexOf(option)).toBe(exact.length);
      fireEvent.click(option);
      expect((await screen.findByTestId('setup-confirm-name')).textContent).toBe(language === 'kk' ? OKRUG.nameKk : OKRUG.nameRu);
      cleanup();
    }
  });

  it('shows a translated error and stays on the confirm step when setup fails', async () => {
    // The wizard offers only reporting units, so the core's refusal cannot be reached from it: forced.
    handler('setup:complete').mockImplementationOnce(() => {
      throw new EsepError('unit_not_reporting', { kato: ROOT.kato });
    });
    const search = await toUnitStep('kk');
    fireEvent.change(search, { target: { value: '103200000' } });
    await screen.findAllByRole('option');
    fireEvent.keyDown(search, { key: 'Enter' });
    fireEvent.click(await screen.findByTestId('setup-confirm'));
    expect((await screen.findByTestId('setup-error')).textContent).toBe(
      '103200000 бірлігінің өз әкімі жоқ: ол есепті кездесулер өткізбейді.',
    );
    expect(screen.getByTestId('setup-step-confirm')).toBeTruthy();
  });
});
