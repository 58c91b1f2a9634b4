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

/** A planned meeting: a calendar page with a dot on the day (outlined, like the planned cell). */
export function PlannedIcon() {
  return (
    <svg className="status-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <rect x="2" y="3" width="12" height="11" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M2 6.5h12M5.5 1.5v3M10.5 1.5v3" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      <circle cx="8" cy="10" r="1.8" fill="currentColor" />
    </svg>
  );
}

/** The icon of a status as the filters and counts know it: a compliance status, or planned. */
export function AnyStatusIcon({ status }: { status: ComplianceStatus | 'planned' }) {
  return status === 'planned' ? <PlannedIcon /> : <StatusIcon status={status} />;
}
