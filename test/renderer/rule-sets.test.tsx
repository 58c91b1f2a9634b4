import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { SettingsScreen } from '../../renderer/src/features/settings/SettingsScreen';
import { coverageText, frequencyText } from '../../renderer/src/features/settings/RuleSetsText';
import { useAppStore } from '../../renderer/src/stores/app.store';
import { useGridStore } from '../../renderer/src/stores/grid.store';
import { DECREE_615, RULE_SET_PROBLEM_CODES, buildWindows, periodicSpans, type WindowRule } from '../../shared/domain/rules';
import { REPORTING_UNIT_KINDS } from '../../shared/domain/units/unit-kind';
import { EsepError } from '../../shared/errors';
import { catalogs, createI18n, LANGUAGES } from '../../shared/i18n';
import { handler, OKRUG, startCore, testCore } from './test-core';
import { renderWithI18n } from './render';

beforeEach(() => startCore({ setUp: true }));

async function openSettings(language: 'kk' | 'ru' = 'kk') {
  if (language !== 'kk') await testCore().api.settings.setLanguage({ language });
  await useAppStore.getState().load();
  renderWithI18n(<SettingsScreen />, language);
  return screen.findByTestId('rules-list');
}

async function openForm() {
  await openSettings();
  fireEvent.click(screen.getByTestId('rules-add-open'));
  return screen.getByTestId('rules-form');
}

const change = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

function fillYearly2026() {
  change('rules-name-kk', 'Барлық әкімдер жылына бір рет');
  change('rules-name-ru', 'Все акимы раз в год');
  change('rules-effective-from', '2026-01-01');
  fireEvent.click(screen.getByTestId('rules-group-0-all-kinds'));
}

const problemCodes = () => within(screen.getByTestId('rules-error')).getAllByRole('listitem').map((li) => li.dataset['problem']);

describe('the rule sets in Settings', () => {
  it('shows the built-in Decree 615, read-only, each group in words (kk)', async () => {
    const list = await openSettings();
    const item = within(list).getByTestId('rules-item-decree-615');
    expect(within(item).getByRole('heading', { level: 3 }).textContent).toBe(DECREE_615.nameKk);
    expect(within(item).getByTestId('rules-builtin-decree-615').textContent).toBe('Кіріктірілген');
    expect(within(item).getByTestId('rules-from-decree-615').textContent).toBe('01.10.2013');
    expect(within(item).getByTestId('rules-to-decree-615').textContent).toBe('кейінгі жиынтық ауыстырғанға дейін');
    const text = (id: string) => within(item).getByTestId(id).textContent;
    expect(text('rules-group-decree-615-A-frequency')).toBe('жылына бір рет, I тоқсанда');
    expect(text('rules-group-decree-615-A-covers')).toBe('өткен күнтізбелік жыл');
    expect(text('rules-group-decree-615-B-frequency')).toBe('жарты жылда бір рет, I және III тоқсандарда');
    expect(text('rules-group-decree-615-B-covers')).toBe('өткен жартыжылдық');
    expect(text('rules-group-decree-615-C-frequency')).toBe('тоқсанына бір рет, тоқсанның бірінші айында');
    expect(text('rules-group-decree-615-C-covers')).toBe('өткен тоқсан');
    expect(within(item).getByTestId('rules-group-decree-615-A').textContent).toContain('облыс');
    expect(within(item).getByTestId('rules-group-decree-615-A').textContent).toContain('1 айдан кешіктірмей');
    expect(within(item).queryByTestId('rules-remove-decree-615')).toBeNull();
  });

  it('describes them in Russian too', async () => {
    const list = await openSettings('ru');
    const text = (id: string) => within(list).getByTestId(id).textContent;
    expect(within(list).getByRole('heading', { level: 3 }).textContent).toBe(DECREE_615.nameRu);
    expect(text('rules-group-decree-615-A-frequency')).toBe('раз в год, в I квартале');
    expect(text('rules-group-decree-615-B-frequency')).toBe('раз в полугодие, в I и III кварталах');
    expect(text('rules-group-decree-615-C-frequency')).toBe('раз в квартал, в первый месяц квартала');
    expect(text('rules-group-decree-615-B-covers')).toBe('предыдущее полугодие');
    expect(text('rules-to-decree-615')).toBe('до замены более поздним набором');
  });
});

describe('adding a rule set', () => {
  it('opens a form whose every field has a label, starting on the next 1 January', async () => {
    const form = await openForm();
    expect(screen.getByLabelText('Қазақша атауы')).toBe(screen.getByTestId('rules-name-kk'));
    expect(screen.getByLabelText('Орысша атауы')).toBe(screen.getByTestId('rules-name-ru'));
    expect(screen.getByLabelText('Күшіне енетін күні')).toBe(screen.getByTestId('rules-effective-from'));
    expect(document.activeElement).toBe(screen.getByTestId('rules-name-kk'));
    expect((screen.getByTestId('rules-effective-from') as HTMLInputElement).value).toBe('2026-01-01');
    for (const control of form.querySelectorAll('input, select')) {
      expect((control as HTMLInputElement).labels?.length, (control as HTMLElement).dataset['testid']).toBeGreaterThan(0);
    }
    expect(screen.getByLabelText('Ауылдық округ')).toBe(screen.getByTestId('rules-group-0-kind-rural_okrug'));
  });

  it('previews the first year, sends the plain data, lists the set and notes what it supersedes', async () => {
    await openForm();
    fillYearly2026();
    const preview = screen.getByTestId('rules-preview-A');
    expect(within(preview).getAllByRole('row').map((r) => r.textContent)).toEqual([
      'МерзіміЕсепті кезең',
      '01.01.2026 – 31.03.202601.01.2025 – 31.12.2025',
    ]);
    fireEvent.click(screen.getByTestId('rules-submit'));

    await waitFor(() => expect(screen.queryByTestId('rules-form')).toBeNull());
    expect(handler('rules:add')).toHaveBeenCalledWith({
      ruleSet: {
        nameKk: 'Барлық әкімдер жылына бір рет',
        nameRu: 'Все акимы раз в год',
        effectiveFrom: '2026-01-01',
        groups: [
          {
            code: 'A',
            kinds: [...REPORTING_UNIT_KINDS],
            windows: [{ key: 'Q1', startMonth: 1, lengthMonths: 3, coversOffsetMonths: -12, coversMonths: 12 }],
            reportDueMonths: null,
          },
        ],
      },
    });
    expect(screen.getByTestId('rules-notice').textContent).toBe(
      '«Барлық әкімдер жылына бір рет» ережелер жиынтығы қосылды. 01.01.2026 ж. бастап мерзімдер соған сәйкес есептеледі.',
    );
    const { id } = (await handler('rules:add').mock.results[0]!.value) as { id: string };
    const item = await screen.findByTestId(`rules-item-${id}`);
    const list = screen.getByTestId('rules-list');
    expect(within(item).getByTestId(`rules-group-${id}-A-frequency`).textContent).toBe('жылына бір рет, I тоқсанда');
    expect(within(item).getByTestId(`rules-from-${id}`).textContent).toBe('01.01.2026');
    expect(within(list).getByTestId('rules-superseded-decree-615').textContent).toBe(
      '01.01.2026 ж. бастап оның орнына «Барлық әкімдер жылына бір рет» қолданылады.',
    );
    expect(document.activeElement).toBe(screen.getByTestId('rules-add-open'));
  });

  it('notes which kinds a set covering only some of them takes over', async () => {
    await openForm();
    change('rules-name-kk', 'Ауылдық округтер');
    change('rules-name-ru', 'Сельские округа');
    fireEvent.click(screen.getByTestId('rules-group-0-kind-rural_okrug'));
    fireEvent.click(screen.getByTestId('rules-submit'));
    const note = await screen.findByTestId('rules-superseded-decree-615');
    expect(note.textContent).toBe('01.01.2026 ж. бастап «Ауылдық округтер» қолданылатын бірлік түрлері:ауылдық округ');
  });

  it('warns which kinds no set governs after a set with a last day', async () => {
    await openForm();
    change('rules-name-kk', 'Ауылдық округтер');
    change('rules-name-ru', 'Сельские округа');
    change('rules-effective-to', '2027-12-31');
    fireEvent.click(screen.getByTestId('rules-group-0-kind-rural_okrug'));
    fireEvent.click(screen.getByTestId('rules-group-0-kind-village'));
    fireEvent.click(screen.getByTestId('rules-submit'));
    const { id } = (await handler('rules:add').mock.results[0]!.value) as { id: string };
    const note = await screen.findByTestId(`rules-lapses-${id}`);
    expect(note.textContent).toBe('31.12.2027 ж. кейін мына бірлік түрлеріне ешбір ережелер жиынтығы қолданылмайды:ауылдық округауыл');
    expect(screen.getByTestId(`rules-to-${id}`).textContent).toBe('31.12.2027');
    expect(screen.queryByTestId('rules-lapses-decree-615')).toBeNull();
  });

  it('reloads the calendar, whose windows change from the set’s effective date only', async () => {
    const windowsOf = (kato: string) =>
      useGridStore.getState().grid!.rows.find((r) => r.unit.kato === kato)!.obligations.map((o) => o.windowKey);
    await openForm();
    await useGridStore.getState().load(2026);
    expect(windowsOf(OKRUG.kato)).toEqual(['2026-M01', '2026-M04', '2026-M07', '2026-M10']);
    fillYearly2026();
    fireEvent.click(screen.getByTestId('rules-submit'));
    await waitFor(() => expect(windowsOf(OKRUG.kato)).toEqual(['2026-Q1']));
    await useGridStore.getState().load(2025);
    expect(windowsOf(OKRUG.kato)).toEqual(['2025-M01', '2025-M04', '2025-M07', '2025-M10']);
  });

  it('lists every problem, translated, and sends nothing', async () => {
    await openForm();
    change('rules-effective-from', '2012-05-01');
    change('rules-effective-to', '2012-01-01');
    fireEvent.click(screen.getByTestId('rules-submit'));
    expect(problemCodes()).toEqual([
      'name_missing',
      'effective_from_too_early',
      'effective_to_before_from',
      'group_without_kinds',
    ]);
    const error = screen.getByTestId('rules-error');
    expect(error.textContent).toContain('Атауын қазақ және орыс тілдерінде толтырыңыз.');
    expect(error.textContent).toContain('A тобы: Кемінде бір бірлік түрін таңдаңыз.');
    expect(screen.getByTestId('rules-preview').textContent).toContain('Нысан дұрыс толтырылғанда');
    expect(handler('rules:add')).not.toHaveBeenCalled();
  });

  it('shows a conflict at once, but what is not filled in yet only on trying to add', async () => {
    await openForm();
    expect(screen.queryByTestId('rules-error')).toBeNull();
    change('rules-effective-to', '2025-12-31');
    expect(problemCodes()).toEqual(['effective_to_before_from']);
    change('rules-effective-to', '');
    expect(screen.queryByTestId('rules-error')).toBeNull();
  });

  it('refuses the same kind in two groups, and overlapping windows of one group', async () => {
    await openForm();
    fillYearly2026();
    fireEvent.click(screen.getByTestId('rules-group-add'));
    fireEvent.click(screen.getByTestId('rules-group-1-kind-village'));
    change('rules-group-1-preset', 'custom');
    change('rules-group-1-window-0-from', '1');
    change('rules-group-1-window-0-to', '2');
    fireEvent.click(screen.getByTestId('rules-group-1-window-add'));
    change('rules-group-1-window-1-from', '2');
    change('rules-group-1-window-1-to', '3');
    fireEvent.click(screen.getByTestId('rules-submit'));
    expect(problemCodes()).toEqual(['kind_in_two_groups', 'windows_overlap']);
    expect(screen.getByTestId('rules-error').textContent).toContain('B тобы: Мерзімдер қиылысады');
    fireEvent.click(screen.getByTestId('rules-group-0-kind-village'));
    change('rules-group-1-window-1-from', '7');
    change('rules-group-1-window-1-to', '8');
    expect(screen.queryByTestId('rules-error')).toBeNull();
    expect(within(screen.getByTestId('rules-preview-B')).getAllByRole('row').map((r) => r.textContent)).toEqual([
      'МерзіміЕсепті кезең',
      '01.01.2026 – 28.02.202601.07.2025 – 31.12.2025',
      '01.07.2026 – 31.08.202601.01.2026 – 30.06.2026',
    ]);
  });

  it('refuses a second set taking over a kind on the same day as an added one', async () => {
    await openForm();
    fillYearly2026();
    fireEvent.click(screen.getByTestId('rules-submit'));
    await waitFor(() => expect(screen.queryByTestId('rules-form')).toBeNull());
    fireEvent.click(screen.getByTestId('rules-add-open'));
    change('rules-name-kk', 'Ауылдық округтер');
    change('rules-name-ru', 'Сельские округа');
    fireEvent.click(screen.getByTestId('rules-group-0-kind-rural_okrug'));
    fireEvent.click(screen.getByTestId('rules-submit'));
    expect(problemCodes()).toEqual(['rule_sets_same_start']);
    change('rules-effective-from', '2027-01-01');
    expect(screen.queryByTestId('rules-error')).toBeNull();
    expect(handler('rules:add')).toHaveBeenCalledTimes(1);
  });

  it('shows the core’s problems when it refuses a set the form accepted', async () => {
    await openForm();
    fillYearly2026();
    handler('rules:add').mockRejectedValueOnce(new EsepError('rule_set_invalid', { problems: ['rule_sets_same_start'] }));
    fireEvent.click(screen.getByTestId('rules-submit'));
    await waitFor(() => expect(problemCodes()).toEqual(['rule_sets_same_start']));
    expect(screen.getByTestId('rules-form')).toBeTruthy();
    handler('rules:add').mockRejectedValueOnce(new EsepError('internal'));
    fireEvent.click(screen.getByTestId('rules-submit'));
    expect((await screen.findByRole('alert')).textContent).toBe('Ішкі қате. Деректер өзгертілмеді.');
  });

  it('builds half-yearly and quarterly windows from the presets, and a coverage in months', async () => {
    await openForm();
    fillYearly2026();
    change('rules-group-0-preset', 'quarterly');
    change('rules-group-0-when', 'm2');
    change('rules-group-0-coverage', 'monthsBefore');
    change('rules-group-0-covers-months', '2');
    fireEvent.click(screen.getByTestId('rules-group-0-report-due'));
    fireEvent.click(screen.getByTestId('rules-submit'));
    await waitFor(() => expect(handler('rules:add')).toHaveBeenCalled());
    const [{ ruleSet }] = handler('rules:add').mock.calls[0]!;
    expect(ruleSet.groups[0]).toMatchObject({
      windows: [2, 5, 8, 11].map((m) => ({ startMonth: m, lengthMonths: 1, coversOffsetMonths: -2, coversMonths: 2 })),
      reportDueMonths: 1,
    });
  });
});

describe('removing a rule set', () => {
  it('asks inline, and on yes restores the earlier rules; on no keeps it', async () => {
    await openForm();
    fillYearly2026();
    fireEvent.click(screen.getByTestId('rules-submit'));
    await waitFor(() => expect(screen.queryByTestId('rules-form')).toBeNull());
    const { id } = (await handler('rules:add').mock.results[0]!.value) as { id: string };

    fireEvent.click(await screen.findByTestId(`rules-remove-${id}`));
    expect(screen.getByText(/Бұл ережелер жиынтығын жою керек пе\?/)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByTestId(`rules-remove-no-${id}`));
    fireEvent.click(screen.getByTestId(`rules-remove-no-${id}`));
    expect(screen.getByTestId(`rules-item-${id}`)).toBeTruthy();

    fireEvent.click(screen.getByTestId(`rules-remove-${id}`));
    fireEvent.click(screen.getByTestId(`rules-remove-yes-${id}`));
    await waitFor(() => expect(screen.queryByTestId(`rules-item-${id}`)).toBeNull());
    expect(handler('rules:remove')).toHaveBeenCalledWith({ id });
    expect(screen.getByTestId('rules-notice').textContent).toBe('«Барлық әкімдер жылына бір рет» ережелер жиынтығы жойылды.');
    expect(screen.queryByTestId('rules-superseded-decree-615')).toBeNull();
  });
});

describe('rule texts', () => {
  const ru = createI18n('ru').t;
  const kk = createI18n('kk').t;
  const en = createI18n('en').t;
  const windows = (period: number, month: number, length: number): WindowRule[] =>
    buildWindows(periodicSpans(period, month, length), { kind: 'previousPeriod', periodMonths: period === 4 ? 12 : period });

  it.each([
    { w: windows(12, 2, 1), inRu: 'раз в год, в феврале', inKk: 'жылына бір рет, ақпан айында', inEn: 'once a year, in February' },
    { w: windows(12, 11, 3), inRu: 'раз в год, в ноябре–январе', inKk: 'жылына бір рет, қараша–қаңтар айларында', inEn: 'once a year, in November–January' },
    { w: windows(6, 1, 1), inRu: 'раз в полугодие, в январе и июле', inKk: 'жарты жылда бір рет, қаңтар және шілде айларында', inEn: 'twice a year, in January and July' },
    { w: windows(3, 1, 3), inRu: 'раз в квартал, в любой месяц квартала', inKk: 'тоқсанына бір рет, тоқсанның кез келген айында', inEn: 'once a quarter, at any time in the quarter' },
    { w: windows(3, 3, 1), inRu: 'раз в квартал, в третий месяц квартала', inKk: 'тоқсанына бір рет, тоқсанның үшінші айында', inEn: 'once a quarter, in the third month of the quarter' },
    { w: windows(1, 1, 1), inRu: 'раз в месяц', inKk: 'айына бір рет', inEn: 'once a month' },
    { w: windows(4, 1, 1), inRu: '3 раза в год, в январе, мае и сентябре', inKk: 'жылына 3 рет, қаңтар, мамыр және қыркүйек айларында', inEn: '3 times a year, in January, May and September' },
  ])('$inEn', ({ w, inRu, inKk, inEn }) => {
    expect(frequencyText(ru, w)).toBe(inRu);
    expect(frequencyText(kk, w)).toBe(inKk);
    expect(frequencyText(en, w)).toBe(inEn);
  });

  it('names the reporting period', () => {
    expect(coverageText(ru, windows(12, 2, 1))).toBe('предыдущий календарный год');
    expect(coverageText(ru, buildWindows(periodicSpans(6, 2, 1), { kind: 'monthsBefore', months: 5 }))).toBe('5 месяцев до начала срока');
    expect(coverageText(kk, buildWindows(periodicSpans(6, 2, 1), { kind: 'monthsBefore', months: 5 }))).toBe('мерзім басталғанға дейінгі 5 ай');
  });

  it('has a message for every problem code in every language', () => {
    for (const lng of LANGUAGES) {
      const problems = (catalogs[lng] as { RuleSets: { problems: Record<string, string> } }).RuleSets.problems;
      expect(Object.keys(problems).sort(), lng).toEqual([...RULE_SET_PROBLEM_CODES].sort());
    }
  });
});
