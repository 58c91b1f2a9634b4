import { fireEvent, renderHook, screen } from '@testing-library/react';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/src/App';
import { useIdleLock } from '../../renderer/src/features/auth';
import { STAFF } from '../helpers/staff';
import { renderWithI18n } from './render';
import { startCore } from './test-core';

describe('the idle lock', () => {
  it('fires after the minutes without a key, a click, a wheel or a touch, each of which starts the count again', () => {
    vi.useFakeTimers();
    const onIdle = vi.fn();
    const { rerender, unmount } = renderHook(({ minutes }) => useIdleLock(minutes, onIdle), { initialProps: { minutes: 2 } });
    vi.advanceTimersByTime(119_000);
    for (const event of ['keydown', 'pointerdown', 'wheel', 'touchstart']) {
      window.dispatchEvent(new Event(event));
      vi.advanceTimersByTime(119_000);
    }
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    // 0: never.
    rerender({ minutes: 0 });
    vi.advanceTimersByTime(24 * 3_600_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    unmount();
  });

  it('locks the app after the installation’s idle minutes and the same operator unlocks', async () => {
    const { api } = await startCore({ setUp: true, staff: 'secretary' });
    await api.auth.signOut({});
    await api.auth.signIn({ login: 'admin', secret: '246810' });
    await api.settings.setIdleMinutes({ minutes: 1 });
    await api.auth.signOut({});
    await api.auth.signIn({ login: 'hatshy', secret: '246810' });
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderWithI18n(<App />);
    expect((await screen.findByTestId('header-operator-name')).textContent).toBe(STAFF.secretary.name);
    act(() => void vi.advanceTimersByTime(50_000));
    fireEvent.keyDown(document.body, { key: 'a' });
    act(() => void vi.advanceTimersByTime(50_000));
    expect(screen.queryByTestId('lock-screen')).toBeNull();
    act(() => void vi.advanceTimersByTime(11_000));
    await screen.findByTestId('lock-screen');
    expect((await api.auth.state({})).locked).toBe(true);
  });
});
