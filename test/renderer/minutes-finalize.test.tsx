import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler, startCore, testCore } from './test-core';
import { change } from './calendar-helpers';
import { heldId, openHeldMinutes } from './minutes-helpers';
import type { Language } from '../../shared/contract/schemas';

beforeEach(() => startCore({ setUp: true }));

async function openMinutes(lng: Language = 'kk') {
  if (lng !== 'kk') await testCore().api.settings.setLanguage({ language: lng });
  await openHeldMinutes(lng);
  await screen.findByTestId('minutes-editor');
}

/** What finalising requires (chair, secretary, attendance) and one titled item with a speech. */
async function fillRequired() {
  change('minutes-number', '3');
  change('minutes-chair', 'Ахметов Б.');
  change('minutes-secretary', 'Сейітова А.');
  change('minutes-present-count', '45');
  fireEvent.click(screen.getByTestId('minutes-item-add'));
  change('item-0-title', 'Жол жөндеу');
  fireEvent.click(screen.getByTestId('speech-add-0'));
  change('speech-0-0-speaker', 'Құрманғалиев Ә.');
  change('speech-0-0-gist', 'Жол қашан жөнделеді?');
}

const gapsListed = () => within(screen.getByTestId('finalize-gaps')).getAllByRole('listitem').map((li) => li.textContent);
const stored = async () => testCore().api.minutes.open({ meetingId: heldId() });

describe('finalising minutes with gaps', () => {
  it('lists what is missing and goes back to the first gap without finalising', async () => {
    await openMinutes();
    await fillRequired();
    fireEvent.click(screen.getByTestId('minutes-item-add'));
    change('item-1-title', 'Су');
    fireEvent.click(screen.getByTestId('decision-add-1'));
    fireEvent.click(screen.getByTestId('minutes-finalize'));
    await screen.findByTestId('finalize-confirm');
    expect(gapsListed()).toEqual(['1-мәселе бойынша шешім жоқ', '2-мәселе бойынша сөйлеген ешкім жоқ', '2-мәселенің 1-шешімі бос']);
    // "Go back" holds the focus: Enter pressed by habit does not finalise.
    expect(document.activeElement).toBe(screen.getByTestId('finalize-back'));
    expect(screen.getByRole('alertdialog').getAttribute('aria-modal')).toBe('true');
    fireEvent.click(screen.getByTestId('finalize-back'));
    expect(screen.queryByTestId('finalize-confirm')).toBeNull();
    // The first gap: item 1 has no decision, so its "add a decision" button has the focus.
    expect(document.activeElement).toBe(screen.getByTestId('decision-add-0'));
    expect(handler('minutes:finalize')).not.toHaveBeenCalled();
    expect((await stored()).status).toBe('draft');
  });

  it('Escape goes back too; filling every gap finalises without asking', async () => {
    await openMinutes();
    await fillRequired();
    fireEvent.click(screen.getByTestId('minutes-finalize'));
    fireEvent.keyDown(await screen.findByTestId('finalize-confirm'), { key: 'Escape' });
    expect(screen.queryByTestId('finalize-confirm')).toBeNull();
    // The panel stayed open: Escape was the dialog's.
    expect(screen.getByTestId('minutes-editor')).toBeTruthy();
    fireEvent.click(screen.getByTestId('decision-add-0'));
    change('decision-0-0-text', 'Көктемде жөндеу');
    fireEvent.click(screen.getByTestId('minutes-finalize'));
    await screen.findByTestId('minutes-view');
    expect(screen.queryByTestId('finalize-confirm')).toBeNull();
    expect((await stored()).status).toBe('final');
  });

  it('finalises anyway when asked, in Russian', async () => {
    await openMinutes('ru');
    await fillRequired();
    change('minutes-number', '');
    fireEvent.click(screen.getByTestId('minutes-finalize'));
    await screen.findByTestId('finalize-confirm');
    expect(gapsListed()).toEqual(['не указан номер протокола', 'по вопросу 1 нет решения']);
    fireEvent.click(screen.getByTestId('finalize-anyway'));
    await screen.findByTestId('minutes-view');
    expect((await stored()).status).toBe('final');
  });

  it('minutes missing what finalising requires are refused with that list, not the gaps', async () => {
    await openMinutes();
    fireEvent.click(screen.getByTestId('minutes-item-add'));
    fireEvent.click(screen.getByTestId('minutes-finalize'));
    const problems = await screen.findByTestId('minutes-problems');
    expect(problems.textContent).toContain('төраға көрсетілмеген');
    expect(screen.queryByTestId('finalize-confirm')).toBeNull();
    // The cursor is where the first missing thing goes.
    expect(document.activeElement).toBe(screen.getByTestId('minutes-chair'));
  });
});

describe('agenda items: delete, shortcuts', () => {
  it('an empty item is deleted at once; one with text asks, keeps on "keep", and goes on "delete"', async () => {
    await openMinutes();
    fireEvent.click(screen.getByTestId('minutes-item-add'));
    fireEvent.click(screen.getByTestId('minutes-item-add'));
    change('item-1-title', 'Су');
    fireEvent.click(screen.getByTestId('item-0-remove'));
    // The empty first item went; "Су" is item 1 now and has the focus.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('item-0-title')));
    expect((screen.getByTestId('item-0-title') as HTMLInputElement).value).toBe('Су');
    expect(screen.queryByTestId('item-1-title')).toBeNull();

    fireEvent.click(screen.getByTestId('item-0-remove'));
    expect(screen.getByTestId('item-0-remove-ask').textContent).toContain('1-мәселе мазмұнымен бірге жойылсын ба?');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('item-0-remove-confirm')));
    fireEvent.click(screen.getByTestId('item-0-remove-keep'));
    expect((screen.getByTestId('item-0-title') as HTMLInputElement).value).toBe('Су');

    fireEvent.click(screen.getByTestId('item-0-remove'));
    fireEvent.click(screen.getByTestId('item-0-remove-confirm'));
    expect(screen.queryByTestId('item-0-title')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('minutes-item-add')));
    fireEvent.blur(screen.getByTestId('minutes-item-add'));
    await waitFor(async () => expect((await stored()).items).toEqual([]));
  });

  it('Alt+Shift+D adds a decision to the item being typed in, shown in the list of keys and the tooltip', async () => {
    await openMinutes();
    fireEvent.click(screen.getByTestId('minutes-item-add'));
    fireEvent.click(screen.getByTestId('minutes-item-add'));
    fireEvent.keyDown(screen.getByTestId('item-1-heard'), { key: 'D', code: 'KeyD', altKey: true, shiftKey: true });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('decision-1-0-text')));
    expect(screen.queryByTestId('decision-0-0-text')).toBeNull();
    const add = screen.getByTestId('decision-add-1');
    expect(add.getAttribute('title')).toBe('Шешім қосу (Alt+Shift+D)');
    expect(add.getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+D');
    const keys = within(screen.getByTestId('minutes-shortcuts')).getByText('осы мәселеге шешім қосу').previousElementSibling;
    expect([...keys!.querySelectorAll('kbd')].map((k) => k.textContent)).toEqual(['Alt', 'Shift', 'D']);
  });

  it('Ctrl+Enter in a speaker row still empty adds no other; once it has a name it adds the next', async () => {
    await openMinutes();
    fireEvent.click(screen.getByTestId('minutes-item-add'));
    fireEvent.keyDown(screen.getByTestId('item-0-title'), { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('speech-0-0-speaker')));
    fireEvent.keyDown(screen.getByTestId('speech-0-0-speaker'), { key: 'Enter', ctrlKey: true });
    fireEvent.keyDown(screen.getByTestId('speech-0-0-speaker'), { key: 'Enter', ctrlKey: true });
    expect(screen.queryByTestId('speech-0-1-speaker')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('speech-0-0-speaker'));
    change('speech-0-0-speaker', 'Ғалымжан');
    fireEvent.keyDown(screen.getByTestId('speech-0-0-speaker'), { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('speech-0-1-speaker')));
  });
});
