import { useCallback } from 'react';
import type { OriginSummary } from '../../../shared/contract/exchange.contract';
import type { Received } from '../hooks/useReceived';
import { formatOfficialInstant } from '../format/dates';
import { unitName } from '../format/units';
import { useT } from '../i18n';

/** An origin's unit in the reader's language, or its code when the classifier lacks it. */
export function useOriginUnit(): (origin: Pick<OriginSummary, 'unit' | 'unitKato'>) => string {
  const { t, lng } = useT();
  return useCallback((o) => (o.unit ? unitName(o.unit, lng) : t('Exchange.package.unknownUnit', { kato: o.unitKato })), [t, lng]);
}

/** "Алынған: Қараауыл а.о., 2025 жылғы 15 қаңтар пакеті": the source and the date of its latest package. */
function useReceivedText(): (received: Received) => string {
  const { t, lng } = useT();
  const originUnit = useOriginUnit();
  return useCallback(
    ({ source }: Received) => {
      if (!source) return t('Received.unknown');
      const unit = originUnit(source);
      if (source.lastPackageAt === null) return t('Received.fromUndated', { unit });
      return t('Received.from', { unit, date: formatOfficialInstant(source.lastPackageAt, lng) });
    },
    [t, lng, originUnit],
  );
}

function ReceivedIcon() {
  return (
    <svg className="received-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M12 3v11m0 0-4-4m4 4 4-4M4 15v4h16v-4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/**
 * On the card of a record received from another installation: where it came from, and why
 * nothing here offers to change it.
 */
export function ReceivedMark({ received, testId }: { received: Received; testId: string }) {
  const { t } = useT();
  const text = useReceivedText();
  return (
    <div className="received-mark" role="note" data-testid={testId}>
      <ReceivedIcon />
      <div>
        <p className="received-mark-source" data-testid={`${testId}-source`}>
          {text(received)}
        </p>
        <p className="received-mark-hint">{t('Received.readOnly')}</p>
      </div>
    </div>
  );
}

/** The same in a row of a list: a short word, the source in full on hover and for a screen reader. */
export function ReceivedBadge({ received, testId }: { received: Received; testId: string }) {
  const { t } = useT();
  const text = useReceivedText()(received);
  return (
    <span className="received-badge" title={text} data-testid={testId}>
      <ReceivedIcon />
      <span aria-hidden="true">{t('Received.badge')}</span>
      <span className="visually-hidden">{text}</span>
    </span>
  );
}
