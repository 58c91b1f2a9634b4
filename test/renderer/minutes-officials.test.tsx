import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { bodyOf } from '../../renderer/src/stores/minutes.store';
import { handler, startCore, testCore } from './test-core';
import { change } from './calendar-helpers';
import { heldId, openHeldMinutes } from './minutes-helpers';

beforeEach(() => startCore({ setUp: true }));

const VICE_MINISTER = { fullName: 'Ахметов Б.', positionKk: 'вице-министр', positionRu: 'вице-министр', body: 'Ұлттық экономика министрлігі', isGovernment: true, isOblastLeadership: false };

async function openMinutes() {
  await openHeldMinutes();
  return screen.findByTestId('minutes-officials');
}

/** Minutes complete enough to finalise, then final. */
async function finalMinutes() {
  const { api } = testCore();
  const opened = await api.minutes.open({ meetingId: heldId() });
  const body = bodyOf({
    ...opened,
    chair: 'Серікбаев Н.',
    secretary: 'Қасымова Ж.',
    presentCount: 40,
    items: [{ id: crypto.randomUUID(), title: 'Әкімнің есебі', speaker: '', heard: '', speeches: [], decisions: [] }],
  });
  const saved = await api.minutes.save({ minutesId: opened.id, revision: opened.revision, body });
  await api.minutes.finalize({ minutesId: saved.id, revision: saved.revision });
}

/** The held meeting's officials as the core has them. */
async function storedOfficials() {
  return (await testCore().api.meetings.get({ id: heldId() })).officials;
}

const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;

describe('officials present, in the minutes', () => {
  it('sits between the editor and the finalise button, and says when nobody is recorded', async () => {
    const section = await openMinutes();
    const editor = screen.getByTestId('minutes-editor');
    const finalize = screen.getByTestId('minutes-finalize');
    expect(editor.compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(section.compareDocumentPosition(finalize) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(section).getByRole('heading').textContent).toBe('Қатысқан лауазымды тұлғалар');
    expect(within(section).getByTestId('minutes-officials-none').textContent).toBe('Лауазымды тұлғалар көрсетілмеген.');
  });

  it('edits the list from the keyboard and saves it through the meeting action', async () => {
    const section = await openMinutes();
    fireEvent.click(within(section).getByTestId('officials-edit'));
    await waitFor(() => expect(document.activeElement).toBe(input('official-0-name')));
    change('official-0-name', VICE_MINISTER.fullName);
    change('official-0-position-kk', VICE_MINISTER.positionKk);
    // The Russian one comes from the table of common positions.
    expect(input('official-0-position-ru').value).toBe('вице-министр');
    change('official-0-body', VICE_MINISTER.body);
    fireEvent.click(input('official-0-government'));
    expect(input('official-0-government').checked).toBe(true);

    fireEvent.click(screen.getByTestId('official-add'));
    await waitFor(() => expect(document.activeElement).toBe(input('official-1-name')));
    change('official-1-name', 'Сейітов Д.');
    fireEvent.click(input('official-1-oblast'));

    fireEvent.click(screen.getByTestId('official-add'));
    await waitFor(() => expect(document.activeElement).toBe(input('official-2-name')));
    change('official-2-name', 'Қате жазылған');
    const remove = screen.getByRole('button', { name: '3-тұлғаны жою' });
    expect(remove).toBe(screen.getByTestId('official-remove-2'));
    fireEvent.click(remove);
    expect(screen.queryByTestId('official-2-name')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(input('official-1-name')));

    fireEvent.click(screen.getByTestId('officials-save'));
    await screen.findByTestId('minutes-officials-saved');
    expect(handler('meetings:setOfficials')).toHaveBeenCalledWith({
      id: heldId(),
      revision: 1,
      officials: [VICE_MINISTER, { fullName: 'Сейітов Д.', positionKk: '', positionRu: '', body: '', isGovernment: false, isOblastLeadership: true }],
    });
    expect(screen.queryByTestId('minutes-officials-form')).toBeNull();
    expect(await storedOfficials()).toEqual([
      { ...VICE_MINISTER, id: expect.any(String) },
      { fullName: 'Сейітов Д.', positionKk: '', positionRu: '', body: '', isGovernment: false, isOblastLeadership: true, id: expect.any(String) },
    ]);
    const list = within(section).getByRole('list').textContent;
    expect(list).toContain('Ахметов Б., вице-министр, Ұлттық экономика министрлігі4.1-тармақ');
    expect(list).toContain('Сейітов Д.5-тармақ');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('officials-edit')));

    // Editing again starts from the saved list; Enter in a field saves.
    fireEvent.click(screen.getByTestId('officials-edit'));
    expect(input('official-1-name').value).toBe('Сейітов Д.');
    expect(input('official-1-oblast').checked).toBe(true);
    change('official-1-position-kk', 'облыс әкімінің орынбасары');
    expect(input('official-1-position-ru').value).toBe('заместитель акима области');
    fireEvent.submit(screen.getByTestId('minutes-officials-form'));
    await waitFor(() => expect(handler('meetings:setOfficials')).toHaveBeenCalledTimes(2));
    const deputy = { positionKk: 'облыс әкімінің орынбасары', positionRu: 'заместитель акима области' };
    expect(handler('meetings:setOfficials').mock.calls[1]![0]).toMatchObject({ revision: 2, officials: [VICE_MINISTER, deputy] });
    await waitFor(async () => expect((await storedOfficials())[1]).toMatchObject(deputy));
  });

  it('refuses a row without a name and sends nothing; cancel keeps the list as it was', async () => {
    await openMinutes();
    fireEvent.click(screen.getByTestId('officials-edit'));
    change('official-0-position-kk', 'вице-министр');
    fireEvent.click(screen.getByTestId('officials-save'));
    expect((await screen.findByTestId('minutes-officials-error')).textContent).toBe('Енгізілген деректерді тексеріңіз: Аты-жөні.');
    expect(handler('meetings:setOfficials')).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('officials-cancel'));
    expect(screen.queryByTestId('minutes-officials-form')).toBeNull();
    expect(screen.queryByTestId('minutes-officials-error')).toBeNull();
    expect(screen.getByTestId('minutes-officials-none')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('officials-edit')));
  });

  it('a change made elsewhere meanwhile wins: the list is reloaded and the conflict said', async () => {
    await openMinutes();
    fireEvent.click(screen.getByTestId('officials-edit'));
    change('official-0-name', 'Менің жазғаным');
    await testCore().api.meetings.setOfficials({ id: heldId(), revision: 1, officials: [VICE_MINISTER] });
    fireEvent.click(screen.getByTestId('officials-save'));
    await screen.findByTestId('minutes-officials-error');
    expect(screen.queryByTestId('minutes-officials-form')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('minutes-officials').textContent).toContain('Ахметов Б.'));
    // The core refused the stale list: what the other window saved stays.
    expect(handler('meetings:setOfficials')).toHaveBeenCalledWith(expect.objectContaining({ revision: 1 }));
    expect(await storedOfficials()).toEqual([{ ...VICE_MINISTER, id: expect.any(String) }]);
  });

  it('is read-only once the minutes are final', async () => {
    await testCore().api.meetings.setOfficials({ id: heldId(), revision: 1, officials: [VICE_MINISTER] });
    await finalMinutes();
    const section = await openMinutes();
    await screen.findByTestId('minutes-view');
    expect(section.textContent).toContain('Ахметов Б., вице-министр, Ұлттық экономика министрлігі4.1-тармақ');
    expect(screen.queryByTestId('officials-edit')).toBeNull();
    expect(within(section).queryByRole('textbox')).toBeNull();
  });

  it('is read-only for a closed meeting, whose officials can no longer change', async () => {
    await testCore().api.meetings.close({ id: heldId(), revision: 1 });
    const section = await openMinutes();
    expect(screen.getByTestId('minutes-editor')).toBeTruthy();
    expect(within(section).getByTestId('minutes-officials-none')).toBeTruthy();
    expect(screen.queryByTestId('officials-edit')).toBeNull();
  });
});
