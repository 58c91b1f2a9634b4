import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/src/App';
import { RESUME_DELAY_MS } from '../../renderer/src/stores/resume';
import { bodyOf } from '../../renderer/src/stores/minutes.store';
import { heldId, openHeldMinutes } from './minutes-helpers';
import { renderWithI18n } from './render';
import { handler, startCore, testCore } from './test-core';

beforeEach(() => startCore({ setUp: true }));
afterEach(() => vi.useRealTimers());

async function openMinutes() {
  await openHeldMinutes();
  await screen.findByTestId('minutes-editor');
}

const focus = (testId: string) => act(() => screen.getByTestId(testId).focus());
const wait = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
/** Where the core would send the secretary back at the next launch. */
const storedResume = async () => (await testCore().api.settings.get({})).resume;

describe('where the secretary was typing', () => {
  it('is remembered once focus rests in a field, and only when it changes', async () => {
    await openMinutes();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    // Tabbing through sends nothing; the field focus rests in does.
    await focus('minutes-number');
    await wait(RESUME_DELAY_MS - 100);
    await focus('minutes-chair');
    await wait(RESUME_DELAY_MS - 1);
    expect(handler('settings:setResume')).not.toHaveBeenCalled();
    await wait(1);
    expect(handler('settings:setResume')).toHaveBeenCalledTimes(1);
    expect(handler('settings:setResume')).toHaveBeenCalledWith({ resume: { meetingId: heldId(), field: 'minutes-chair' } });

    // Back to the same field: nothing new to say.
    await focus('minutes-number');
    await focus('minutes-chair');
    await wait(RESUME_DELAY_MS);
    expect(handler('settings:setResume')).toHaveBeenCalledTimes(1);

    await focus('minutes-present-list');
    await wait(RESUME_DELAY_MS);
    expect(handler('settings:setResume')).toHaveBeenLastCalledWith({ resume: { meetingId: heldId(), field: 'minutes-present-list' } });
    expect(handler('settings:setResume')).toHaveBeenCalledTimes(2);
    expect(await storedResume()).toEqual({ meetingId: heldId(), field: 'minutes-present-list' });
  });

  it('is forgotten when the minutes are closed, a field still pending included', async () => {
    await openMinutes();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await focus('minutes-chair');
    await wait(RESUME_DELAY_MS);
    await focus('minutes-secretary');
    fireEvent.click(screen.getByTestId('minutes-close'));
    await wait(RESUME_DELAY_MS);
    expect(screen.getByTestId('meeting-card')).toBeTruthy();
    expect(handler('settings:setResume').mock.calls.map(([input]) => input)).toEqual([
      { resume: { meetingId: heldId(), field: 'minutes-chair' } },
      { resume: null },
    ]);
    expect(await storedResume()).toBeNull();
  });

  it('a field still waiting for its pause is sent when the page goes away (reload, window closed)', async () => {
    await openMinutes();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await focus('minutes-place');
    await act(async () => void window.dispatchEvent(new Event('pagehide')));
    expect(handler('settings:setResume')).toHaveBeenCalledWith({ resume: { meetingId: heldId(), field: 'minutes-place' } });
    await wait(RESUME_DELAY_MS);
    expect(handler('settings:setResume')).toHaveBeenCalledTimes(1);
    expect(await storedResume()).toEqual({ meetingId: heldId(), field: 'minutes-place' });
  });

  it('at launch reopens the minutes with focus in the field, the caret after its text', async () => {
    const { api } = testCore();
    const opened = await api.minutes.open({ meetingId: heldId() });
    await api.minutes.save({ minutesId: opened.id, revision: opened.revision, body: bodyOf({ ...opened, secretary: 'Қасымова Жанар' }) });
    await api.settings.setResume({ resume: { meetingId: heldId(), field: 'minutes-secretary' } });

    renderWithI18n(<App />);
    await screen.findByTestId('minutes-editor');
    const field = screen.getByTestId('minutes-secretary') as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(field.value).toBe('Қасымова Жанар');
    expect([field.selectionStart, field.selectionEnd]).toEqual([field.value.length, field.value.length]);
    expect(handler('minutes:open')).toHaveBeenLastCalledWith({ meetingId: heldId() });
    // Focus put back is no change worth sending.
    await new Promise((resolve) => setTimeout(resolve, RESUME_DELAY_MS + 50));
    expect(handler('settings:setResume')).not.toHaveBeenCalled();
  });

  it('does not move focus when the minutes are opened again later in the session', async () => {
    await testCore().api.settings.setResume({ resume: { meetingId: heldId(), field: 'minutes-chair' } });
    renderWithI18n(<App />);
    await screen.findByTestId('minutes-editor');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('minutes-chair')));
    fireEvent.click(screen.getByTestId('minutes-close'));
    fireEvent.click(await screen.findByTestId('meeting-minutes'));
    await screen.findByTestId('minutes-editor');
    await waitFor(() => expect(document.activeElement).not.toBe(screen.getByTestId('minutes-chair')));
  });

  it('opens nothing when there is nothing to resume', async () => {
    renderWithI18n(<App />);
    await screen.findByTestId('nav-meetings');
    expect(screen.queryByTestId('minutes-panel')).toBeNull();
  });
});
