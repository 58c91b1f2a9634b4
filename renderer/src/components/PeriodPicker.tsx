import { useEffect, useId, useRef, useState } from 'react';
import { toYmd, type IsoDate } from '../../../shared/domain/dates';
import { QUICK_PERIODS, quickPeriod, type ReportPeriod } from '../../../shared/domain/reports/period';
import { ErrorMessage } from './ErrorMessage';
import { FIRST_YEAR } from './PeriodNav';
import { useT } from '../i18n';
import { backwardsRange, draftOf, PERIOD_KINDS, periodOf, samePeriod, type PeriodDraft } from './period-draft';

/** How long typing in a date pauses before the report is asked for (each keystroke would otherwise ask). */
export const TYPING_DELAY_MS = 400;

/**
 * Any year, half-year, quarter or range of days, and the quick picks (relative to today) under
 * them. A pick applies at once; typed dates apply after a pause, and only when they make a period.
 * The period of a report, and of a package to export. Its words are the Reports screen's, where
 * it was first needed (Reports.period.*); its test ids start with `testIdPrefix`
 * (`report-period-kind`, `report-quick-thisYear`).
 */
export function PeriodPicker({
  period,
  today,
  onChange,
  testIdPrefix,
}: {
  period: ReportPeriod;
  today: IsoDate;
  onChange: (period: ReportPeriod) => void;
  testIdPrefix: string;
}) {
  const { t } = useT();
  const ids = { kind: useId(), from: useId(), to: useId(), quick: useId() };
  const [draft, setDraft] = useState<PeriodDraft>(() => draftOf(period));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  function change(next: PeriodDraft, delay = 0) {
    setDraft(next);
    clearTimeout(timer.current);
    const p = periodOf(next);
    if (p === null) return;
    if (delay === 0) onChange(p);
    else timer.current = setTimeout(() => onChange(p), delay);
  }

  const current = periodOf(draft);
  const thisYear = toYmd(today).year;
  const years = Array.from({ length: thisYear + 1 - FIRST_YEAR + 1 }, (_, i) => thisYear + 1 - i);
  const backwards = backwardsRange(draft);

  return (
    <div className="period-picker">
      <div className="period-picker-parts">
        <label htmlFor={ids.kind} className="filter-title">
          {t('Reports.period.label')}
        </label>
        <select id={ids.kind} value={draft.kind} data-testid={`${testIdPrefix}-period-kind`} onChange={(e) => change({ ...draftOf(current ?? period), kind: e.target.value as PeriodDraft['kind'] })}>
          {PERIOD_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`Reports.period.kinds.${k}`)}
            </option>
          ))}
        </select>
        {draft.kind !== 'range' && (
          <PartSelect
            label={t('Reports.period.year')}
            testId={`${testIdPrefix}-period-year`}
            value={draft.year}
            options={years.map((y) => ({ value: y, label: String(y) }))}
            onChange={(year) => change({ ...draft, year })}
          />
        )}
        {draft.kind === 'half' && (
          <PartSelect
            label={t('Reports.period.half')}
            testId={`${testIdPrefix}-period-half`}
            value={draft.half}
            options={([1, 2] as const).map((h) => ({ value: h, label: t(`Reports.period.halves.${h}`) }))}
            onChange={(half) => change({ ...draft, half: half as 1 | 2 })}
          />
        )}
        {draft.kind === 'quarter' && (
          <PartSelect
            label={t('Reports.period.quarter')}
            testId={`${testIdPrefix}-period-quarter`}
            value={draft.quarter}
            options={([1, 2, 3, 4] as const).map((q) => ({ value: q, label: t(`Grid.quarter.${q}`) }))}
            onChange={(quarter) => change({ ...draft, quarter: quarter as PeriodDraft['quarter'] })}
          />
        )}
        {draft.kind === 'range' && (
          <>
            <label htmlFor={ids.from} className="filter-title">
              {t('Reports.period.from')}
            </label>
            <input id={ids.from} type="date" value={draft.from} data-testid={`${testIdPrefix}-period-from`} onChange={(e) => change({ ...draft, from: e.target.value }, TYPING_DELAY_MS)} />
            <label htmlFor={ids.to} className="filter-title">
              {t('Reports.period.to')}
            </label>
            <input id={ids.to} type="date" value={draft.to} data-testid={`${testIdPrefix}-period-to`} onChange={(e) => change({ ...draft, to: e.target.value }, TYPING_DELAY_MS)} />
          </>
        )}
      </div>
      <div className="period-picker-quick" role="group" aria-labelledby={ids.quick}>
        <span id={ids.quick} className="filter-title">
          {t('Reports.period.quickLabel')}
        </span>
        {QUICK_PERIODS.map((pick) => (
          <button
            key={pick}
            type="button"
            className="quick-pick"
            aria-pressed={samePeriod(current, quickPeriod(pick, today))}
            data-testid={`${testIdPrefix}-quick-${pick}`}
            onClick={() => change(draftOf(quickPeriod(pick, today)))}
          >
            {t(`Reports.period.quick.${pick}`)}
          </button>
        ))}
      </div>
      {backwards && <ErrorMessage error={{ code: 'range_invalid', details: backwards }} testId={`${testIdPrefix}-period-error`} />}
    </div>
  );
}

/** A numbered part of the period (its year, half or quarter): the kind select before it says what it is, the label says it to a screen reader. */
function PartSelect({ label, testId, value, options, onChange }: { label: string; testId: string; value: number; options: ReadonlyArray<{ value: number; label: string }>; onChange: (value: number) => void }) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <select id={id} value={value} data-testid={testId} onChange={(e) => onChange(Number(e.target.value))}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </>
  );
}
