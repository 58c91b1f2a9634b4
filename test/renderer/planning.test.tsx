import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { EsepError } from '../../shared/errors';
import { handler, OKRUG, OKRUG_2, startCore, testCore, VILLAGE } from './test-core';
import { change, value } from './calendar-helpers';
import { seedPlanned } from './seed';
import { renderWithI18n } from './render';

beforeEach(() => startCore({ setUp: true }));

/** The form opened from an open window's cell in the year grid. */
async function planFromCell(kato: string, windowKey: string) {
  renderWithI18n(<App />);
  fireEvent.click(within(await screen.findByTestId(`cell-${kato}-${windowKey}`)).getByRole('button'));
  const panel = await screen.findByTestId('plan-panel');
  await waitFor(() => expect(value('plan-obligation')).not.toBe(''));
  return panel;
}

async function planFromToolbar() {
  renderWithI18n(<App />);
  fireEvent.click(await screen.findByTestId('plan-open'));
  return screen.findByTestId('plan-panel');
}

const warnings = () => screen.queryAllByTestId(/^plan-warning-/).map((w) => w.dataset['testid']);

describe('planning a meeting', () => {
  it('opens from an open window with the unit, today and the window pre-selected, the window in the official style', async () => {
    await planFromCell(OKRUG_2.kato, '2025-M07');
    expect(value('plan-unit')).toBe(OKRUG_2.kato);
    expect(value('plan-date')).toBe('2025-07-10');
    expect(document.activeElement).toBe(screen.getByTestId('plan-date'));
    expect(handler('meetings:preview')).toHaveBeenCalledWith({ unitKato: OKRUG_2.kato, date: '2025-07-10' });
    expect(value('plan-obligation')).toBe('decree-615|2025-M07');
    expect(screen.getByTestId('plan-window').textContent).toContain('Заңды мерзімі: 2025 жылғы 1 шілде – 2025 жылғы 31 шілде');
    expect(screen.getByTestId('plan-window').textContent).toContain('Есепті кезең: 2025 жылғы 1 сәуір – 2025 жылғы 30 маусым');
    const suggested = within(screen.getByTestId('plan-obligation')).getByRole('option', { selected: true });
    expect(suggested.textContent).toBe('01.07.2025 – 31.07.2025 (ұсынылады)');
    expect(warnings()).toEqual([]);
    expect(screen.queryByTestId('plan-reason')).toBeNull();
  });

  it('asks the core on every date change and pre-selects its suggestion', async () => {
    await planFromCell(OKRUG_2.kato, '2025-M07');
    fireEvent.change(screen.getByTestId('plan-obligation'), { target: { value: '' } });
    change('plan-date', '2025-10-14');
    await waitFor(() => expect(value('plan-obligation')).toBe('decree-615|2025-M10'));
    expect(handler('meetings:preview')).toHaveBeenLastCalledWith({ unitKato: OKRUG_2.kato, date: '2025-10-14' });
    // A missed window's late period: counted, but late.
    change('plan-date', '2025-06-10');
    await waitFor(() => expect(value('plan-obligation')).toBe('decree-615|2025-M04'));
    expect(warnings()).toEqual(['plan-warning-late_for_window']);
    expect(screen.getByTestId('plan-warning-late_for_window').textContent).toContain('кешігіп өткізілген болып саналады');
  });

  it('outside every window: warns, asks for a reason; the core refuses to save without one, and the form focuses it', async () => {
    await planFromToolbar();
    change('plan-unit', OKRUG.kato);
    change('plan-date', '2025-06-10');
    await screen.findByTestId('plan-warning-outside_window');
    expect(value('plan-obligation')).toBe('');
    const reason = screen.getByTestId('plan-reason');
    expect(reason.getAttribute('aria-required')).toBe('true');
    expect(screen.getByLabelText('Мерзімнен тыс өткізу себебі')).toBe(reason);

    fireEvent.click(screen.getByTestId('plan-submit'));
    expect((await screen.findByTestId('plan-error')).textContent).toBe(
      'Күні белгіленген мерзімдердің ешқайсысына кірмейді: кездесуді мерзімнен тыс өткізу себебін көрсетіңіз.',
    );
    expect(document.activeElement).toBe(reason);
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(reason.getAttribute('aria-describedby')?.split(' ')).toContain(screen.getByTestId('plan-reason-error').id);
    // The rule lives in the core alone: the form sent the plan, the core refused it, nothing was saved.
    expect(handler('meetings:plan')).toHaveBeenCalledTimes(1);
    expect(handler('meetings:plan')).toHaveBeenCalledWith(expect.objectContaining({ obligation: null, outsideWindowReason: '' }));
    expect(await testCore().api.meetings.list({ unitKato: OKRUG.kato, statuses: ['planned'] })).toEqual([]);

    change('plan-reason', 'Су тасқынынан кейінгі жиналыс');
    fireEvent.click(screen.getByTestId('plan-submit'));
    const card = await screen.findByTestId('meeting-card');
    expect(handler('meetings:plan')).toHaveBeenCalledWith(
      expect.objectContaining({ unitKato: OKRUG.kato, plannedOn: '2025-06-10', obligation: null, outsideWindowReason: 'Су тасқынынан кейінгі жиналыс' }),
    );
    expect(within(card).getByTestId('card-notice').textContent).toBe('Кездесу жоспарланды.');
    expect(within(card).getByTestId('fact-window').querySelector('dd')!.textContent).toBe('Мерзімнен тыс. Себебі: Су тасқынынан кейінгі жиналыс');
  });

  it('from the toolbar, dates a new meeting at the unit’s next open window; a typed date stays', async () => {
    await seedPlanned(OKRUG_2.kato, '2025-07-25');
    await planFromToolbar();
    expect(value('plan-unit')).toBe('');
    // Okrug: July's window (today is in it) is open.
    change('plan-unit', OKRUG.kato);
    await waitFor(() => expect(screen.getByTestId('plan-date-suggested').textContent).toBe('Ең жақын ашық мерзімнің күні ұсынылды: 2025 жылғы 1 шілде – 2025 жылғы 31 шілде'));
    expect(value('plan-date')).toBe('2025-07-10');
    expect(screen.getByTestId('plan-date').getAttribute('aria-describedby')).toBe(screen.getByTestId('plan-date-suggested').id);
    // The other okrug has July's window planned already: its next open window is October's.
    change('plan-unit', OKRUG_2.kato);
    await waitFor(() => expect(value('plan-date')).toBe('2025-10-01'));
    await waitFor(() => expect(value('plan-obligation')).toBe('decree-615|2025-M10'));
    expect(warnings()).toEqual([]);
    // Typed by the planner: theirs, whatever unit is picked next.
    change('plan-date', '2025-10-20');
    expect(screen.queryByTestId('plan-date-suggested')).toBeNull();
    change('plan-unit', OKRUG.kato);
    await waitFor(() => expect(handler('meetings:preview')).toHaveBeenLastCalledWith({ unitKato: OKRUG.kato, date: '2025-10-20' }));
    expect(value('plan-date')).toBe('2025-10-20');
  });

  it('pre-selects the unit when the working set has only one, and offers its localities as venues', async () => {
    await startCore();
    await testCore().api.setup.complete({ rootKato: OKRUG.kato, language: 'kk' });
    await planFromToolbar();
    await waitFor(() => expect(value('plan-unit')).toBe(OKRUG.kato));
    const places = [...screen.getByTestId('plan-venue-places').querySelectorAll('option')].map((o) => o.value);
    expect(places).toContain(VILLAGE.nameKk);
    expect(places[0]).toBe(OKRUG.nameKk);
    // Picking one names the venue and fills its locality; any other name may be typed.
    change('plan-venue-name', VILLAGE.nameKk);
    expect(value('plan-venue-locality')).toBe(VILLAGE.kato);
    change('plan-venue-name', 'Мәдениет үйі');
    expect(value('plan-venue-name')).toBe('Мәдениет үйі');
    expect(value('plan-venue-locality')).toBe(VILLAGE.kato);
  });

  it('warns when the window is already held or already has a planned meeting', async () => {
    await seedPlanned(OKRUG_2.kato, '2025-07-25');
    await planFromToolbar();
    change('plan-unit', OKRUG_2.kato);
    change('plan-date', '2025-07-20');
    await screen.findByTestId('plan-warning-window_already_planned');
    change('plan-unit', OKRUG.kato);
    change('plan-date', '2025-01-25');
    await screen.findByTestId('plan-warning-window_already_held');
  });

  it('plans a full meeting: venue from the unit’s localities, hybrid with a link, questions, and the grid shows it', async () => {
    await planFromCell(OKRUG.kato, '2025-M07');
    change('plan-date', '2025-07-24');
    await waitFor(() => expect(handler('meetings:preview')).toHaveBeenLastCalledWith({ unitKato: OKRUG.kato, date: '2025-07-24' }));
    change('plan-time', '11:00');
    change('plan-venue-name', '  Ауылдық мәдениет үйі ');
    change('plan-venue-address', 'Абай көшесі, 12');
    const locality = screen.getByTestId('plan-venue-locality') as HTMLSelectElement;
    await waitFor(() => expect(locality.options.length).toBe(3));
    expect([...locality.options].map((o) => o.textContent)).toEqual(['Көрсетілмеген', 'Қараауыл а.о. (бірліктің өзі)', 'Қараауыл а.']);
    change('plan-venue-locality', VILLAGE.kato);
    fireEvent.click(screen.getByTestId('plan-format-hybrid'));
    expect(screen.getByTestId('plan-warning-no_link')).toBeTruthy();
    change('plan-link-0', 'https://youtube.com/live/abc');
    expect(screen.queryByTestId('plan-warning-no_link')).toBeNull();
    fireEvent.click(screen.getByTestId('plan-link-add'));
    expect(screen.getByTestId('plan-link-1')).toBeTruthy();
    fireEvent.click(screen.getByTestId('plan-questions-email'));
    fireEvent.click(screen.getByTestId('plan-questions-box'));
    change('plan-questions-from', '2025-07-10');
    change('plan-questions-to', '2025-07-20');
    fireEvent.click(screen.getByTestId('plan-submit'));

    await screen.findByTestId('meeting-card');
    expect(handler('meetings:plan')).toHaveBeenCalledWith({
      unitKato: OKRUG.kato,
      kind: 'reporting',
      plannedOn: '2025-07-24',
      plannedTime: '11:00',
      venueName: 'Ауылдық мәдениет үйі',
      venueAddress: 'Абай көшесі, 12',
      venueKato: VILLAGE.kato,
      format: 'hybrid',
      broadcastLinks: ['https://youtube.com/live/abc'],
      akimId: null,
      obligation: { ruleSetId: 'decree-615', windowKey: '2025-M07' },
      outsideWindowReason: '',
      questionsChannels: ['email', 'box'],
      questionsFrom: '2025-07-10',
      questionsTo: '2025-07-20',
      note: '',
    });
    const cell = screen.getByTestId(`cell-${OKRUG.kato}-2025-M07`);
    await waitFor(() => expect(cell.dataset['planned']).toBe('2025-07-24'));
    expect(cell.className).toContain('status-planned');
    expect(cell.textContent).toBe('24.0721 күн қалды');
    expect(cell.title).toContain('Жоспарланған күні: 2025 жылғы 24 шілде (21 күн қалды)');
  });

  it('pre-selects the akim in office on the date, and adds an akim inline', async () => {
    const akim = await testCore().api.akims.save({ unitKato: OKRUG.kato, fullName: 'Сапаров Ерлан', positionKk: 'әкім', positionRu: 'аким', termFrom: '2024-01-01', termTo: '2025-08-31' });
    await planFromCell(OKRUG.kato, '2025-M07');
    await waitFor(() => expect(value('plan-akim')).toBe(akim.id));
    change('plan-date', '2025-10-06');
    await waitFor(() => expect(value('plan-akim')).toBe(''));
    expect(screen.getByText('Осы күні қызметте тұрған әкім тіркелмеген.')).toBeTruthy();

    fireEvent.click(screen.getByTestId('plan-akim-add'));
    expect(document.activeElement).toBe(screen.getByTestId('akim-name'));
    change('akim-name', 'Оспанова Гүлнар');
    change('akim-position-kk', 'Ауылдық округ әкімі');
    // The Russian position follows from the table of common positions.
    expect(value('akim-position-ru')).toBe('Аким сельского округа');
    // The term's start is typed, not the meeting's date; saving without it says so next to it.
    expect(value('akim-from')).toBe('');
    fireEvent.click(screen.getByTestId('akim-save'));
    const reason = await screen.findByTestId('akim-from-error');
    expect(reason.textContent).toBe('Бұл өрісті толтырыңыз');
    expect(screen.getByTestId('akim-from').getAttribute('aria-describedby')).toBe(reason.id);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('akim-from')));
    expect(handler('akims:save')).not.toHaveBeenCalled();
    change('akim-from', '2025-09-01');
    fireEvent.click(screen.getByTestId('akim-save'));
    await waitFor(() => expect(screen.queryByTestId('akim-form')).toBeNull());
    const chosen = within(screen.getByTestId('plan-akim')).getByRole('option', { selected: true });
    expect(chosen.textContent).toBe('Оспанова Гүлнар (01.09.2025 бастап)');
    expect(handler('akims:save')).toHaveBeenLastCalledWith({
      unitKato: OKRUG.kato,
      fullName: 'Оспанова Гүлнар',
      positionKk: 'Ауылдық округ әкімі',
      positionRu: 'Аким сельского округа',
      termFrom: '2025-09-01',
      termTo: null,
    });
  });

  it('translates the core’s error and puts the cursor in the field it is about', async () => {
    handler('meetings:plan').mockRejectedValueOnce(new EsepError('venue_outside_unit', { kato: '103233000' }));
    await planFromCell(OKRUG.kato, '2025-M07');
    fireEvent.click(screen.getByTestId('plan-submit'));
    expect((await screen.findByTestId('plan-error')).textContent).toBe('Өткізу орны (103233000) осы бірліктің аумағына жатпайды.');
    expect(document.activeElement).toBe(screen.getByTestId('plan-venue-locality'));
    // Said next to the field too, which names it.
    const venueReason = screen.getByTestId('plan-venue-locality-error');
    expect(venueReason.textContent).toBe('Өткізу орны (103233000) осы бірліктің аумағына жатпайды.');
    expect(screen.getByTestId('plan-venue-locality').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('plan-venue-locality').getAttribute('aria-describedby')).toBe(venueReason.id);

    // A link the contract refuses: the core's own validation names the field.
    fireEvent.click(screen.getByTestId('plan-format-online'));
    change('plan-link-0', 'not a link');
    fireEvent.click(screen.getByTestId('plan-submit'));
    await waitFor(() => expect(screen.getByTestId('plan-error').textContent).toBe('Енгізілген деректерді тексеріңіз: трансляция сілтемесі.'));
    expect(document.activeElement).toBe(screen.getByTestId('plan-link-0'));
    expect(screen.getByTestId('plan-links-error').textContent).toBe('Мәні дұрыс емес');
    expect(screen.queryByTestId('plan-venue-locality-error')).toBeNull();
    expect(screen.getByTestId('plan-venue-locality').getAttribute('aria-invalid')).toBeNull();
  });

  it('edits a planned meeting from its card: the unit is fixed, the revision is sent', async () => {
    const planned = await seedPlanned(OKRUG.kato, '2025-07-15', { venueName: 'Клуб' });
    renderWithI18n(<App />);
    fireEvent.click(within(await screen.findByTestId(`cell-${OKRUG.kato}-2025-M07`)).getByRole('button'));
    fireEvent.click(await screen.findByTestId('meeting-action-update'));
    await screen.findByTestId('plan-panel');
    expect(screen.getByText('Жоспарланған кездесуді өзгерту')).toBeTruthy();
    expect((screen.getByTestId('plan-unit') as HTMLSelectElement).disabled).toBe(true);
    expect(value('plan-venue-name')).toBe('Клуб');
    await waitFor(() => expect(handler('meetings:preview')).toHaveBeenCalledWith({ unitKato: OKRUG.kato, date: '2025-07-15', excludeMeetingId: planned.id }));
    expect(warnings()).toEqual([]);
    change('plan-venue-name', 'Мектеп');
    fireEvent.click(screen.getByTestId('plan-submit'));
    const card = await screen.findByTestId('meeting-card');
    expect(handler('meetings:update')).toHaveBeenCalledWith(expect.objectContaining({ id: planned.id, revision: 1, venueName: 'Мектеп' }));
    expect(within(card).getByTestId('card-notice').textContent).toBe('Өзгерістер сақталды.');
  });

  it('closes with Escape and gives focus back to what opened it', async () => {
    renderWithI18n(<App />);
    const open = await screen.findByTestId('plan-open');
    open.focus();
    fireEvent.click(open);
    fireEvent.keyDown(await screen.findByTestId('plan-unit'), { key: 'Escape' });
    expect(screen.queryByTestId('plan-panel')).toBeNull();
    expect(document.activeElement).toBe(open);
  });
});
