import { useT } from '../i18n';

/** Previous / label / next, for a year or a month; the label is announced when it changes. */
export function PeriodNav({
  label,
  groupLabel,
  prevLabel,
  nextLabel,
  onPrev,
  onNext,
  prevDisabled = false,
  nextDisabled = false,
  testIdPrefix,
}: {
  label: string;
  groupLabel: string;
  prevLabel: string;
  nextLabel: string;
  onPrev: () => void;
  onNext: () => void;
  prevDisabled?: boolean;
  nextDisabled?: boolean;
  testIdPrefix: string;
}) {
  return (
    <div className="period-nav" role="group" aria-label={groupLabel}>
      <button
        type="button"
        className="icon-button"
        data-testid={`${testIdPrefix}-prev`}
        aria-label={prevLabel}
        title={prevLabel}
        disabled={prevDisabled}
        onClick={onPrev}
      >
        <Chevron direction="left" />
      </button>
      <span className="period-label" aria-live="polite" data-testid={`${testIdPrefix}-label`}>
        {label}
      </span>
      <button
        type="button"
        className="icon-button"
        data-testid={`${testIdPrefix}-next`}
        aria-label={nextLabel}
        title={nextLabel}
        disabled={nextDisabled}
        onClick={onNext}
      >
        <Chevron direction="right" />
      </button>
    </div>
  );
}

// The contract's year bounds; Decree 615 has no obligations before its entry into force in 2013.
export const FIRST_YEAR = 2013;
export const LAST_YEAR = 2100;

export function YearNav({ year, onChange }: { year: number; onChange: (year: number) => void }) {
  const { t } = useT();
  return (
    <PeriodNav
      label={t('Grid.year', { year })}
      groupLabel={t('Grid.yearNav')}
      prevLabel={t('Grid.prevYear')}
      nextLabel={t('Grid.nextYear')}
      onPrev={() => onChange(year - 1)}
      onNext={() => onChange(year + 1)}
      prevDisabled={year <= FIRST_YEAR}
      nextDisabled={year >= LAST_YEAR}
      testIdPrefix="year"
    />
  );
}

export function Chevron({ direction }: { direction: 'left' | 'right' }) {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d={direction === 'left' ? 'M10 3L5 8l5 5' : 'M6 3l5 5-5 5'}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
