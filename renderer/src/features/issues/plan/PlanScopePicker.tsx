import { useId } from 'react';
import { isIsoDate, toYmd } from '../../../../../shared/domain/dates';
import { PERIOD_KINDS, periodOf, periodRange, type PeriodKind } from '../../../../../shared/domain/issues/plan';
import { unitName } from '../../../format/units';
import { useT } from '../../../i18n';
import { useWorkingUnits } from '../../../hooks/useWorkingUnits';
import { indent } from '../select-choices';

export interface PeriodScope {
  unitKato: string;
  from: string;
  to: string;
}

const COUNT: Record<PeriodKind, number> = { quarter: 4, half: 2, year: 1 };

/**
 * The unit and period of a plan: a quarter, a half-year or a year by presets, or any range
 * typed in the dates (shown as "another period"). A new kind starts at its first quarter or half.
 */
export function PlanScopePicker({ value, onChange }: { value: PeriodScope; onChange: (scope: PeriodScope) => void }) {
  const { t, lng } = useT();
  const ids = { unit: useId(), kind: useId(), year: useId(), n: useId(), from: useId(), to: useId() };
  const units = useWorkingUnits();
  const preset = periodOf(value.from, value.to);
  const kind: PeriodKind | 'custom' = preset?.kind ?? 'custom';
  const year = preset?.year ?? toYmd(value.from).year;

  function setPeriod(k: PeriodKind, y: number, n: number) {
    onChange({ unitKato: value.unitKato, ...periodRange(k, y, Math.min(n, COUNT[k])) });
  }

  // Until the working units arrive (or for a unit not among them) the code stands alone.
  const choices = units.some((u) => u.unit.kato === value.unitKato) ? units : [];

  return (
    <div className="plan-scope" role="group" aria-label={t('ActionPlan.scope.label')} data-testid="plan-scope">
      <div className="field">
        <label htmlFor={ids.unit}>{t('ActionPlan.scope.unit')}</label>
        <select id={ids.unit} value={value.unitKato} data-testid="plan-scope-unit" onChange={(e) => onChange({ ...value, unitKato: e.target.value })}>
          {choices.length === 0 && <option value={value.unitKato}>{value.unitKato}</option>}
          {choices.map(({ unit, depth }) => (
            <option key={unit.kato} value={unit.kato}>
              {indent(depth, unitName(unit, lng))}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.kind}>{t('ActionPlan.scope.period')}</label>
        <select
          id={ids.kind}
          value={kind}
          data-testid="plan-scope-kind"
          onChange={(e) => {
            const k = e.target.value as PeriodKind | 'custom';
            if (k !== 'custom') setPeriod(k, year, 1);
          }}
        >
          {PERIOD_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`ActionPlan.scope.kind.${k}`)}
            </option>
          ))}
          <option value="custom" disabled={kind !== 'custom'}>
            {t('ActionPlan.scope.kind.custom')}
          </option>
        </select>
      </div>
      {preset && (
        <>
          <div className="field">
            <label htmlFor={ids.year}>{t('ActionPlan.scope.year')}</label>
            <input
              id={ids.year}
              type="number"
              min={2000}
              max={2100}
              value={year}
              data-testid="plan-scope-year"
              onChange={(e) => {
                const y = Math.trunc(Number(e.target.value));
                if (y >= 2000 && y <= 2100) setPeriod(preset.kind, y, preset.n);
              }}
            />
          </div>
          {preset.kind !== 'year' && (
            <div className="field">
              <label htmlFor={ids.n}>{t(`ActionPlan.scope.kind.${preset.kind}`)}</label>
              <select id={ids.n} value={preset.n} data-testid="plan-scope-n" onChange={(e) => setPeriod(preset.kind, year, Number(e.target.value))}>
                {Array.from({ length: COUNT[preset.kind] }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={n}>
                    {t(`ActionPlan.scope.${preset.kind}N`, { n })}
                  </option>
                ))}
              </select>
            </div>
          )}
        </>
      )}
      <div className="field">
        <label htmlFor={ids.from}>{t('ActionPlan.scope.from')}</label>
        <input
          id={ids.from}
          type="date"
          value={value.from}
          data-testid="plan-scope-from"
          onChange={(e) => isIsoDate(e.target.value) && onChange({ ...value, from: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.to}>{t('ActionPlan.scope.to')}</label>
        <input
          id={ids.to}
          type="date"
          value={value.to}
          data-testid="plan-scope-to"
          onChange={(e) => isIsoDate(e.target.value) && onChange({ ...value, to: e.target.value })}
        />
      </div>
    </div>
  );
}
