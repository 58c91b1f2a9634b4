import { useEffect } from 'react';
import { useMailStore } from '../../stores/mail.store';

/**
 * The outbox runner sends in the core's background and announces nothing: while the screen is
 * open the list is read again this often, so "queued" turns into "sent" before the reader's eyes.
 */
export const OUTBOX_POLL_MS = 3000;

/** Reads the outbox now and every OUTBOX_POLL_MS while the calling component is mounted. */
export function useOutboxPolling(): void {
  const load = useMailStore((s) => s.loadOutbox);
  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), OUTBOX_POLL_MS);
    return () => window.clearInterval(timer);
  }, [load]);
}
