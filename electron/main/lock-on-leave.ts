import type { PowerMonitor } from 'electron';
import type { Door } from '../core/api/door';

/**
 * The session locks when the computer does, or goes to sleep: whoever unlocks Windows or opens
 * the lid next must give the operator's secret again, however recently the operator worked
 * (the idle lock would wait its minutes). Through the door, as every request: `auth:lock` is
 * open to all and does nothing where nobody is signed in, or where the installation has no
 * operators yet, so those stay as they were. Returns the unsubscribe.
 */
export function lockOnLeave(powerMonitor: Pick<PowerMonitor, 'on' | 'removeListener'>, door: Door): () => void {
  const lock = () =>
    void door('auth:lock', {})
      .then((answer) => {
        if (!answer.ok) console.error('Esep: locking the session failed', answer.error);
      })
      .catch((error: unknown) => console.error('Esep: locking the session failed', error));
  const events = ['lock-screen', 'suspend'] as const;
  for (const name of events) powerMonitor.on(name as 'suspend', lock);
  return () => {
    for (const name of events) powerMonitor.removeListener(name as 'suspend', lock);
  };
}
