import { useEffect } from 'react';

/** What counts as someone at the computer. */
const ACTIVITY = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/**
 * Calls `onIdle` once after `minutes` without a key, a click, a wheel or a touch (0: never);
 * any of them starts the count again. `minuteMs` is for tests that would not wait a minute.
 */
export function useIdleLock(minutes: number, onIdle: () => void, minuteMs = 60_000): void {
  useEffect(() => {
    if (minutes <= 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, minutes * minuteMs);
    };
    restart();
    for (const event of ACTIVITY) window.addEventListener(event, restart, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const event of ACTIVITY) window.removeEventListener(event, restart, { capture: true });
    };
  }, [minutes, onIdle, minuteMs]);
}
