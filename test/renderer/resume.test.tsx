import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/src/App';
import { RESUME_DELAY_MS } from '../../renderer/src/stores/resume';
import type { Minutes } from '../../shared/contract/minutes.contract';
import { fakeApi, resetWorld } from './fake-api';
import { HELD_ID, openHeldMinutes } from './minutes-helpers';
import { renderWithI18n } from './render';

vi.mock('../../renderer/src/api', async () => ({ api: (await import('./fake-api')).fakeApi }));

beforeEach(() => resetWorld({ setUp: true }));
afterEach(() => vi.useRealTimers());

async function openMinutes() {
  await openHeldMinutes('kk', HELD_ID);
  await screen.findByTestId('minutes-editor');
}

const focus = (testId: string) => act(() => screen.getByTestId(testId).focus());
const wait = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

describe('where the secretary was typing', () => {
  it('is remembered once focus rests in a field, and only when it changes', async () => {
    await openMinutes();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    // Tabbing through sends nothing; the field focus rests in does.
    await focus('minutes-number');
    await wait(RESUME_DELAY_MS - 100);
    await focus('minutes-chair');
    await wait(RESUME_DELAY_MS - 1);
    expect(fakeApi.settings.setResume).not.toHaveBeenCalled();
    await wait(1);
    expect(fakeApi.settings.setResume).toHaveBeenCalledTimes(1);
    expect(fakeApi.settings.setResume).toHaveBeenCalledWith({ resume: { meetingId: HELD_ID, field: 'minutes-chair' } });

    // Back to the same field: nothing new to say.
    await focus('minutes-number');
    await focus('minutes-chair');
    await wait(RESUME_DELAY_MS);
    expect(fakeApi.settings.setResume).toHaveBeenCalledTimes(1);

    await focus('minutes-present-list');
    await wait(RESUME_DELAY_MS);
    expect(fakeApi.settings.setResume).toHaveBeenLastCalledWith({ resume: { meetingId: HELD_ID, field: 'minutes-present-list' } });
    expect(fakeApi.settings.setResume).toHaveBeenCalledTimes(2);
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
    expect(fakeApi.settings.setResume.mock.calls.map(([input]) => input)).toEqual([
      { resume: { meetingId: HELD_ID, field: 'minutes-chair' } },
      { resume: null },
    ]);
  });

  it('a field still waiting for its pause is sent when the page goes away (reload, window closed)', async () => {
    await openMinutes();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await focus('minutes-place');
    await act(async () => void window.dispatchEvent(new Event('pagehide')));
    expect(fakeApi.settings.setResume).toHaveBeenCalledWith({ resume: { meetingId: HELD_ID, field: 'minutes-place' } });
    await wait(RESUME_DELAY_MS);
    expect(fakeApi.settings.setResume).toHaveBeenCalledTimes(1);
  });

  it('at launch reopens the minutes with focus in the field, the caret after its text', async () => {
    const opened = (await fakeApi.minutes.open({ meetingId: HELD_ID })) as Minutes;
    await fakeApi.minutes.save({ minutesId: opened.id, revision: opened.revision, body: { ...opened, secretary: 'Қасымова Жанар' } });
    await fakeApi.settings.setResume({ resume: { meetingId: HELD_ID, field: 'minutes-secretary' } });
    fakeApi.settings.setResume.mockClear();

    renderWithI18n(<App />);
    await screen.findByTestId('minutes-editor');
    const field = screen.getByTestId('minutes-secretary') as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(field.value).toBe('Қасымова Жанар');
    expect([field.selectionStart, field.selectionEnd]).toEqual([field.value.length, field.value.length]);
    expect(fakeApi.minutes.open).toHaveBeenLastCalledWith({ meetingId: HELD_ID });
    // Focus put back is no change worth sending.
    await new Promise((resolve) => setTimeout(resolve, RESUME_DELAY_MS + 50));
    expect(fakeApi.settings.setResume).not.toHaveBeenCalled();
  });

  it('does not move focus when the minutes are opened again later in the session', async () => {
    await fakeApi.settings.setResume({ resume: { meetingId: HELD_ID, field: 'minutes-chair' } });
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
