import type { ComplianceStatus } from '../../../shared/domain/rules';

/**
 * A distinct shape per status, so the grid does not rely on colour alone: a tick, a clock,
 * a cross, a dot in a ring, a dashed ring. Drawn in currentColor; the text label carries the meaning.
 */
export function StatusIcon({ status }: { status: ComplianceStatus }) {
  return (
    <svg className="status-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      {status === 'held_on_time' && <path d="M3 8.5l3.2 3.2L13 4.8" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />}
      {status === 'held_late' && (
        <>
          <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.8" />
          <path d="M8 4.6V8l2.6 1.6" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </>
      )}
      {status === 'missed' && <path d="M4 4l8 8M12 4l-8 8" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />}
      {status === 'open' && (
        <>
          <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.8" />
          <circle cx="8" cy="8" r="2.6" fill="currentColor" />
        </>
      )}
      {status === 'upcoming' && <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.8" strokeDasharray="2.4 2.2" />}
    </svg>
  );
}

export const STATUSES: readonly ComplianceStatus[] = ['held_on_time', 'held_late', 'missed', 'open', 'upcoming'];
