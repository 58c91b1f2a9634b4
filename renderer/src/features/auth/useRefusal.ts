import { useEffect, useState } from 'react';
import type { ErrorPayload } from '../../../../shared/errors';
import type { Result } from '../../stores/result';

interface Refusal {
  error: ErrorPayload | null;
  waiting: boolean;
  /** A try on its way to the core. */
  busy: boolean;
  refuse: (error: ErrorPayload | null) => void;
  /** One try, unless one is on its way or the wait runs: `onRefused` when the core says no. */
  attempt: (call: () => Promise<Result<unknown>>, onRefused?: () => void) => Promise<void>;
}

/**
 * What the core said to the last try. For `auth_wait` the seconds count down here and the
 * caller keeps its button disabled until they pass (another try would only be refused again).
 */
export function useRefusal(): Refusal {
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);
  const [until, setUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (until === null) return;
    const timer = setInterval(() => {
      const at = Date.now();
      setNow(at);
      if (at >= until) {
        setUntil(null);
        setError(null);
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [until]);

  function refuse(next: ErrorPayload | null) {
    setError(next);
    const seconds = next?.code === 'auth_wait' ? Number(next.details?.['seconds']) : NaN;
    const at = Date.now();
    setNow(at);
    setUntil(Number.isFinite(seconds) && seconds > 0 ? at + seconds * 1000 : null);
  }

  const waiting = until !== null && now < until;

  async function attempt(call: () => Promise<Result<unknown>>, onRefused?: () => void) {
    if (busy || waiting) return;
    setBusy(true);
    refuse(null);
    const result = await call();
    setBusy(false);
    if (!result.ok) {
      onRefused?.();
      refuse(result.error);
    }
  }

  const shown = waiting && error ? { ...error, details: { ...error.details, seconds: Math.ceil((until - now) / 1000) } } : error;
  return { error: shown, waiting, busy, refuse, attempt };
}
