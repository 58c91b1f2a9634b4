import type { CSSProperties } from 'react';
import type { TFunction } from 'i18next';
import {
  cadenceOf,
  coverageOf,
  lastMonthOf,
  type RuleGroup,
  type RuleSet,
  type WindowRule,
  type WindowSpan,
} from '../../../../shared/domain/rules';
import type { UiLanguage } from '../../../../shared/i18n';
import { useT } from '../../i18n';

/**
 * Layout of the rule-set screens. Kept here (React sets these through the CSSOM, which the
 * strict CSP allows) so the feature stays inside its own files; colours and type come from the
 * shared tokens and classes in styles.css.
 */
export const ruleSetStyles = {
  stack: { display: 'flex', flexDirection: 'column', gap: 12, width: '100%' },
  /** styles.css resets the margins of h1–h3 only. */
  h4: { margin: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 12, width: '100%' },
  item: {
    border: '1px solid var(--border)',
    borderRadius: 8,
    padding: '14px 16px',
    display: 'flex',
    flexDirection: 'column',
    gap: 10,
    background: '#fbfcfd',
  },
  itemHead: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: 12, flexWrap: 'wrap' },
  itemName: { fontWeight: 600, fontSize: 15.5, lineHeight: 1.35, flex: '1 1 320px', minWidth: 0 },
  groups: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 8 },
  group: { borderTop: '1px solid var(--grid-line)', paddingTop: 8, display: 'flex', flexDirection: 'column', gap: 4 },
  chips: { display: 'flex', flexWrap: 'wrap', gap: 4 },
  row: { display: 'flex', flexWrap: 'wrap', gap: '12px 16px', alignItems: 'flex-end' },
  number: { width: 120 },
  fieldset: {
    border: '1px solid var(--border)',
    borderRadius: 8,
    padding: '12px 16px 16px',
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: 12,
    minWidth: 0,
  },
  legend: { fontWeight: 600, padding: '0 6px' },
  checks: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(250px, 1fr))', gap: '4px 16px' },
  check: { display: 'flex', alignItems: 'flex-start', gap: 8, fontSize: 14, cursor: 'pointer' },
  table: { borderCollapse: 'collapse', fontSize: 14, fontVariantNumeric: 'tabular-nums', alignSelf: 'flex-start' },
  cell: { textAlign: 'left', padding: '3px 18px 3px 0', borderBottom: '1px solid var(--grid-line)', fontWeight: 400 },
  caption: { textAlign: 'left', fontWeight: 600, fontSize: 13.5, padding: '2px 0 4px', captionSide: 'top' },
} satisfies Record<string, CSSProperties>;

/** A rule set's name in the UI language (Russian for the developers' English). */
export function ruleSetName(rs: Pick<RuleSet, 'nameKk' | 'nameRu'>, lng: UiLanguage): string {
  return lng === 'kk' ? rs.nameKk : rs.nameRu;
}

function joinList(t: TFunction, items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return t('RuleSets.list', { init: items.slice(0, -1).join(', '), last: items.at(-1) });
}

const isQuarter = (s: WindowSpan) => s.lengthMonths === 3 && (s.startMonth - 1) % 3 === 0;

function whenText(t: TFunction, windows: readonly WindowRule[]): string {
  const { spans, periodMonths, monthOfPeriod } = cadenceOf(windows);
  const first = spans[0];
  if (periodMonths === 3 && first?.lengthMonths === 1) return t(`RuleSets.when.monthOfQuarter.${monthOfPeriod}`);
  if (periodMonths === 3 && first?.lengthMonths === 3 && monthOfPeriod === 1) return t('RuleSets.when.wholeQuarter');
  if (spans.every(isQuarter)) {
    const list = joinList(t, spans.map((s) => t(`RuleSets.quarterName.${(s.startMonth + 2) / 3}`)));
    return t(spans.length === 1 ? 'RuleSets.when.quarter' : 'RuleSets.when.quarters', { list });
  }
  const items = spans.map((s) =>
    s.lengthMonths === 1
      ? t(`RuleSets.monthIn.${s.startMonth}`)
      : t('RuleSets.monthSpan', { from: t(`RuleSets.monthIn.${s.startMonth}`), to: t(`RuleSets.monthIn.${lastMonthOf(s)}`) }),
  );
  const single = spans.length === 1 && first?.lengthMonths === 1;
  return t(single ? 'RuleSets.when.month' : 'RuleSets.when.months', { list: joinList(t, items) });
}

/** "once a year, in Q1", "раз в полугодие, в I и III кварталах", "тоқсанына бір рет, тоқсанның бірінші айында". */
export function frequencyText(t: TFunction, windows: readonly WindowRule[]): string {
  const cadence = cadenceOf(windows);
  const when = whenText(t, windows);
  switch (cadence.periodMonths) {
    case 12:
      return t('RuleSets.freq.yearly', { when });
    case 6:
      return t('RuleSets.freq.halfYearly', { when });
    case 3:
      return t('RuleSets.freq.quarterly', { when });
    case 1:
      if (cadence.spans[0]?.lengthMonths === 1) return t('RuleSets.freq.monthly');
  }
  return t('RuleSets.freq.times', { count: cadence.count, when });
}

const PERIOD_KEY: Record<number, string> = { 12: 'year', 6: 'half', 3: 'quarter', 1: 'month' };

/** "the previous calendar year", "the 4 months before the window opens", or "differs…". */
export function coverageText(t: TFunction, windows: readonly WindowRule[]): string {
  const coverage = coverageOf(windows);
  switch (coverage.kind) {
    case 'previousPeriod':
      return t(`RuleSets.coverage.${PERIOD_KEY[coverage.periodMonths]}`);
    case 'monthsBefore':
      return t('RuleSets.coverage.monthsBefore', { count: coverage.months });
    case 'varies':
      return t('RuleSets.coverage.varies');
  }
}

/** The kinds, frequency, reporting period and any upward report of one group. */
export function RuleGroupSummary({ group, testId }: { group: RuleGroup; testId?: string }) {
  const { t } = useT();
  return (
    <div style={ruleSetStyles.group} data-testid={testId}>
      <h4 className="subsection-title" style={ruleSetStyles.h4}>
        {t('RuleSets.group', { code: group.code })}
      </h4>
      <dl className="facts">
        <div className="fact">
          <dt>{t('RuleSets.kinds')}</dt>
          <dd style={ruleSetStyles.chips}>
            {group.kinds.map((kind) => (
              <span key={kind} className="kind-badge">
                {t(`Kind.${kind}`)}
              </span>
            ))}
          </dd>
        </div>
        <div className="fact">
          <dt>{t('RuleSets.frequency')}</dt>
          <dd data-testid={testId && `${testId}-frequency`}>{frequencyText(t, group.windows)}</dd>
        </div>
        <div className="fact">
          <dt>{t('RuleSets.covers')}</dt>
          <dd data-testid={testId && `${testId}-covers`}>{coverageText(t, group.windows)}</dd>
        </div>
      </dl>
      {group.reportDueMonths !== null && (
        <p className="muted">{t('RuleSets.reportDue', { count: group.reportDueMonths })}</p>
      )}
    </div>
  );
}
