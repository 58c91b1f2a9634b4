import { useCallback, useEffect } from 'react';
import type { OriginSummary } from '../../../shared/contract/exchange.contract';
import { isForeignOrigin } from '../../../shared/domain/exchange/ownership';
import { useAppStore } from '../stores/app.store';
import { useExchangeStore } from '../stores/exchange.store';

/** A record received from another installation: its origin, and that origin as this installation knows it (null while loading, or for an origin with no row). */
export interface Received {
  origin: string;
  source: OriginSummary | null;
}

/**
 * Tells received records from this installation's own (docs/exchange.md §Ownership): a record
 * whose origin is neither this installation nor 'seed' is read-only here, so a screen offers no
 * change to it and marks it with its source. The sources are fetched once a session, by the
 * first screen that may show a record.
 */
export function useReceived(): (record: { origin: string }) => Received | null {
  const installationId = useAppStore((s) => s.info?.installationId ?? null);
  const origins = useExchangeStore((s) => s.origins);
  const ensureOrigins = useExchangeStore((s) => s.ensureOrigins);
  useEffect(() => ensureOrigins(), [ensureOrigins]);
  return useCallback(
    ({ origin }: { origin: string }) => {
      if (installationId === null || !isForeignOrigin(origin, installationId)) return null;
      return { origin, source: origins?.find((o) => o.installationId === origin) ?? null };
    },
    [installationId, origins],
  );
}
