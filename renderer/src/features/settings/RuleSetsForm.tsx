import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { RuleSetInput, RuleSetView } from '../../../../shared/contract/rules.contract';
import { addDays, addMonths, isIsoDate, toYmd, type IsoDate } from '../../../../shared/domain/dates';
import {
  RULE_SET_PROBLEM_CODES,
  buildWindows,
  findConflicts,
  obligationsFor,
  periodicSpans,
  validateRuleSet,
  type CoverageChoice,
  type RuleGroup,
  type RuleSet,
  type RuleSetProblemCode,
  type WindowSpan,
} from '../../../../shared/domain/rules';
import { REPORTING_UNIT_KINDS, type ReportingUnitKind } from '../../../../shared/domain/units/unit-kind';
import type { ErrorPayload } from '../../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatUiDate, monthName } from '../../format/dates';
import { useT } from '../../i18n';
import { useRulesStore } from '../../stores/rules.store';
import { ruleSetStyles as css } from './RuleSetsText';

type Preset = 'yearly' | 'halfYearly' | 'quarterly' | 'custom';
type When = 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'Q1Q3' | 'Q2Q4' | 'm1' | 'm2' | 'm3' | 'all' | 'months';

const PRESETS: readonly Preset[] = ['yearly', 'halfYearly', 'quarterly', 'custom'];
const WHEN_OPTIONS: Record<Preset, readonly When[]> = {
  yearly: ['Q1', 'Q2', 'Q3', 'Q4', 'months'],
  halfYearly: ['Q1Q3', 'Q2Q4', 'months'],
  quarterly: ['m1', 'm2', 'm3', 'all'],
  custom: [],
};
const PERIOD_MONTHS: Record<Exclude<Preset, 'custom'>, number> = { yearly: 12, halfYearly: 6, quarterly: 3 };
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

interface MonthRange {
  from: number;
  to: number;
}

interface GroupDraft {
  key: number;
  kinds: ReportingUnitKind[];
  preset: Preset;
  when: When;
  /** The months of "in the months I choose" (yearly; the first half-year's for half-yearly). */
  months: MonthRange;
  /** The windows of a custom group. */
  windows: (MonthRange & { key: number })[];
  coverage: 'previous' | 'monthsBefore';
  coverageMonths: string;
  reportDue: boolean;
  reportDueMonths: string;
}

interface Draft {
  nameKk: string;
  nameRu: string;
  effectiveFrom: string;
  effectiveTo: string;
  groups: GroupDraft[];
}

let nextKey = 1;

function newGroup(): GroupDraft {
  return {
    key: nextKey++,
    kinds: [],
    preset: 'yearly',
    when: 'Q1',
    months: { from: 1, to: 3 },
    windows: [{ key: nextKey++, from: 1, to: 3 }],
    coverage: 'previous',
    coverageMonths: '12',
    reportDue: false,
    reportDueMonths: '1',
  };
}

const lengthOf = ({ from, to }: MonthRange) => ((to - from + 12) % 12) + 1;

/** The form's terms as the months of each window. */
function spansOf(g: GroupDraft): WindowSpan[] {
  switch (g.preset) {
    case 'yearly':
      if (g.when === 'months') return [{ startMonth: g.months.from, lengthMonths: lengthOf(g.months) }];
      return [{ startMonth: Number(g.when.slice(1)) * 3 - 2, lengthMonths: 3 }];
    case 'halfYearly':
      if (g.when === 'months') return periodicSpans(6, g.months.from, lengthOf(g.months));
      return periodicSpans(6, g.when === 'Q1Q3' ? 1 : 4, 3);
    case 'quarterly':
      return g.when === 'all' ? periodicSpans(3, 1, 3) : periodicSpans(3, Number(g.when.slice(1)), 1);
    case 'custom':
      return g.windows.map((w) => ({ startMonth: w.from, lengthMonths: lengthOf(w) }));
  }
}

function coverageOfDraft(g: GroupDraft): CoverageChoice {
  if (g.coverage === 'monthsBefore') return { kind: 'monthsBefore', months: Number(g.coverageMonths) };
  return g.preset === 'custom' ? { kind: 'sincePrevious' } : { kind: 'previousPeriod', periodMonths: PERIOD_MONTHS[g.preset] };
}

const codeOf = (index: number) => String.fromCharCode(65 + index);

function groupsOf(draft: Draft): RuleGroup[] {
  return draft.groups.map((g, i) => ({
    code: codeOf(i),
    kinds: g.kinds,
    windows: buildWindows(spansOf(g), coverageOfDraft(g)),
    reportDueMonths: g.reportDue ? Number(g.reportDueMonths) : null,
  }));
}

const DRAFT_ID = 'draft';

function candidateOf(draft: Draft): RuleSet {
  return {
    id: DRAFT_ID,
    nameKk: draft.nameKk,
    nameRu: draft.nameRu,
    effectiveFrom: draft.effectiveFrom,
    effectiveTo: draft.effectiveTo === '' ? null : draft.effectiveTo,
    groups: groupsOf(draft),
  };
}

interface Problem {
  code: RuleSetProblemCode;
  group: string | null;
}

/** What the core would refuse, checked here first so every problem can be shown at once. */
function problemsOf(candidate: RuleSet, existing: readonly RuleSet[]): Problem[] {
  const conflicts = findConflicts([...existing, candidate]).filter(
    (p) => p.ruleSetId === DRAFT_ID || p.details['otherRuleSetId'] === DRAFT_ID,
  );
  const seen = new Set<string>();
  return [...validateRuleSet(candidate), ...conflicts].flatMap((p) => {
    const key = `${p.code}|${p.group ?? ''}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ code: p.code, group: p.group }];
  });
}

/** Problems that only mean "not filled in yet": shown once the administrator tries to add. */
const NOT_YET_FILLED: ReadonlySet<RuleSetProblemCode> = new Set(['name_missing', 'effective_from_invalid', 'group_without_kinds', 'no_groups']);

function isProblemCode(value: string): value is RuleSetProblemCode {
  return (RULE_SET_PROBLEM_CODES as readonly string[]).includes(value);
}

/** 1 January of the year after today: new legislation usually starts a calendar year. */
function nextNewYear(today: IsoDate | undefined): string {
  return today && isIsoDate(today) ? `${toYmd(today).year + 1}-01-01` : '';
}

function capitalize(text: string, lng: string): string {
  return text.charAt(0).toLocaleUpperCase(lng) + text.slice(1);
}

/** An administrator's new rule set: names, dates, groups of kinds with their windows, a preview. */
export function RuleSetsForm({
  existing,
  today,
  onAdded,
  onCancel,
}: {
  existing: readonly RuleSet[];
  today: IsoDate | undefined;
  onAdded: (added: RuleSetView) => void;
  onCancel: () => void;
}) {
  const { t } = useT();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => ({
    nameKk: '',
    nameRu: '',
    effectiveFrom: nextNewYear(today),
    effectiveTo: '',
    groups: [newGroup()],
  }));
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverProblems, setServerProblems] = useState<Problem[]>([]);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const add = useRulesStore((s) => s.add);
  const problemsRef = useRef<HTMLDivElement>(null);

  const candidate = useMemo(() => candidateOf(draft), [draft]);
  const problems = useMemo(() => problemsOf(candidate, existing), [candidate, existing]);
  const shown = submitted ? (problems.length > 0 ? problems : serverProblems) : problems.filter((p) => !NOT_YET_FILLED.has(p.code));

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setGroup = (key: number, patch: Partial<GroupDraft>) =>
    setDraft((d) => ({ ...d, groups: d.groups.map((g) => (g.key === key ? { ...g, ...patch } : g)) }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setServerProblems([]);
    setError(null);
    if (problems.length > 0) {
      problemsRef.current?.focus();
      return;
    }
    const ruleSet: RuleSetInput = {
      nameKk: draft.nameKk.trim(),
      nameRu: draft.nameRu.trim(),
      effectiveFrom: draft.effectiveFrom,
      ...(draft.effectiveTo === '' ? {} : { effectiveTo: draft.effectiveTo }),
      groups: candidate.groups.map((g) => ({ ...g, kinds: [...g.kinds], windows: [...g.windows] })),
    };
    setSaving(true);
    const result = await add(ruleSet);
    setSaving(false);
    if (result.ok) return onAdded(result.value);
    const codes = result.error.code === 'rule_set_invalid' ? result.error.details?.['problems'] : undefined;
    if (Array.isArray(codes)) {
      setServerProblems(codes.filter(isProblemCode).map((code) => ({ code, group: null })));
      problemsRef.current?.focus();
    } else {
      setError(result.error);
    }
  }

  const problemText = (p: Problem) =>
    p.group === null
      ? t(`RuleSets.problems.${p.code}`)
      : t('RuleSets.form.inGroup', { code: p.group, problem: t(`RuleSets.problems.${p.code}`) });

  return (
    <form style={css.stack} className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="rules-form" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="subsection-title">
        {t('RuleSets.form.title')}
      </h3>
      <p className="muted">{t('RuleSets.form.hint')}</p>

      <div style={css.row}>
        <div className="field" style={{ flex: '1 1 280px' }}>
          <label htmlFor={`${id}-kk`}>{t('RuleSets.form.nameKk')}</label>
          <input
            id={`${id}-kk`}
            lang="kk"
            value={draft.nameKk}
            onChange={(e) => set({ nameKk: e.target.value })}
            data-testid="rules-name-kk"
            autoFocus
          />
        </div>
        <div className="field" style={{ flex: '1 1 280px' }}>
          <label htmlFor={`${id}-ru`}>{t('RuleSets.form.nameRu')}</label>
          <input id={`${id}-ru`} lang="ru" value={draft.nameRu} onChange={(e) => set({ nameRu: e.target.value })} data-testid="rules-name-ru" />
        </div>
      </div>

      <div style={css.row}>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('RuleSets.form.effectiveFrom')}</label>
          <input
            id={`${id}-from`}
            type="date"
            min="2013-01-01"
            value={draft.effectiveFrom}
            onChange={(e) => set({ effectiveFrom: e.target.value })}
            data-testid="rules-effective-from"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('RuleSets.form.effectiveTo')}</label>
          <input
            id={`${id}-to`}
            type="date"
            value={draft.effectiveTo}
            onChange={(e) => set({ effectiveTo: e.target.value })}
            aria-describedby={`${id}-to-hint`}
            data-testid="rules-effective-to"
          />
        </div>
      </div>
      <p id={`${id}-to-hint`} className="hint">
        {t('RuleSets.form.effectiveToHint')}
      </p>

      <h4 className="subsection-title" style={css.h4}>
        {t('RuleSets.form.groups')}
      </h4>
      {draft.groups.map((g, index) => (
        <GroupEditor
          key={g.key}
          group={g}
          index={index}
          canRemove={draft.groups.length > 1}
          onChange={(patch) => setGroup(g.key, patch)}
          onRemove={() => set({ groups: draft.groups.filter((x) => x.key !== g.key) })}
        />
      ))}
      {draft.groups.length < REPORTING_UNIT_KINDS.length && (
        <div>
          <button
            type="button"
            className="button button--small"
            onClick={() => set({ groups: [...draft.groups, newGroup()] })}
            data-testid="rules-group-add"
          >
            {t('RuleSets.form.addGroup')}
          </button>
        </div>
      )}

      <Preview candidate={candidate} ready={problems.length === 0} />

      <div ref={problemsRef} tabIndex={-1} aria-live="polite">
        {shown.length > 0 && (
          <div className="message message--error" role="alert" data-testid="rules-error">
            <p>{t('RuleSets.form.problemsTitle')}</p>
            <ul>
              {shown.map((p) => (
                <li key={`${p.code}|${p.group ?? ''}`} data-problem={p.code}>
                  {problemText(p)}
                </li>
              ))}
            </ul>
          </div>
        )}
        <ErrorMessage error={error} testId="rules-error" />
      </div>

      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={saving} data-testid="rules-submit">
          {saving ? t('RuleSets.form.saving') : t('RuleSets.form.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel} data-testid="rules-cancel">
          {t('RuleSets.form.cancel')}
        </button>
      </div>
    </form>
  );
}

function MonthSelect({
  id,
  label,
  value,
  months,
  onChange,
  testId,
}: {
  id: string;
  label: string;
  value: number;
  months: readonly number[];
  onChange: (month: number) => void;
  testId: string;
}) {
  const { lng } = useT();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))} data-testid={testId}>
        {months.map((m) => (
          <option key={m} value={m}>
            {monthName(m, lng)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A whole number of months, kept as typed: validateRuleSet judges it once it is a number. */
function MonthsField(props: { id: string; label: string; value: string; onChange: (value: string) => void; testId: string }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        min={1}
        max={120}
        step={1}
        value={props.value}
        style={css.number}
        onChange={(e) => props.onChange(e.target.value)}
        data-testid={props.testId}
      />
    </div>
  );
}

function GroupEditor({
  group: g,
  index,
  canRemove,
  onChange,
  onRemove,
}: {
  group: GroupDraft;
  index: number;
  canRemove: boolean;
  onChange: (patch: Partial<GroupDraft>) => void;
  onRemove: () => void;
}) {
  const { t, lng } = useT();
  const id = useId();
  const code = codeOf(index);
  const tid = `rules-group-${index}`;
  const allChosen = g.kinds.length === REPORTING_UNIT_KINDS.length;

  const toggleKind = (kind: ReportingUnitKind, on: boolean) =>
    onChange({ kinds: REPORTING_UNIT_KINDS.filter((k) => (k === kind ? on : g.kinds.includes(k))) });

  return (
    <fieldset style={css.fieldset} data-testid={tid}>
      <legend style={css.legend}>{t('RuleSets.group', { code })}</legend>

      <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <legend className="subsection-title" style={{ padding: 0, marginBottom: 6 }}>
          {t('RuleSets.form.kinds')}
        </legend>
        <div style={css.checks}>
          {REPORTING_UNIT_KINDS.map((kind) => (
            <label key={kind} style={css.check}>
              <input
                type="checkbox"
                checked={g.kinds.includes(kind)}
                onChange={(e) => toggleKind(kind, e.target.checked)}
                data-testid={`${tid}-kind-${kind}`}
              />
              <span>{capitalize(t(`Kind.${kind}`), lng)}</span>
            </label>
          ))}
        </div>
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => onChange({ kinds: allChosen ? [] : [...REPORTING_UNIT_KINDS] })}
          data-testid={`${tid}-all-kinds`}
        >
          {allChosen ? t('RuleSets.form.noKinds') : t('RuleSets.form.allKinds')}
        </button>
      </fieldset>

      <div style={css.row}>
        <div className="field">
          <label htmlFor={`${id}-preset`}>{t('RuleSets.form.preset')}</label>
          <select
            id={`${id}-preset`}
            value={g.preset}
            onChange={(e) => {
              const preset = e.target.value as Preset;
              onChange({ preset, when: WHEN_OPTIONS[preset][0] ?? 'months', months: { from: 1, to: 3 } });
            }}
            data-testid={`${tid}-preset`}
          >
            {PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(`RuleSets.form.presets.${p}`)}
              </option>
            ))}
          </select>
        </div>
        {g.preset !== 'custom' && (
          <div className="field">
            <label htmlFor={`${id}-when`}>{t('RuleSets.form.when')}</label>
            <select id={`${id}-when`} value={g.when} onChange={(e) => onChange({ when: e.target.value as When })} data-testid={`${tid}-when`}>
              {WHEN_OPTIONS[g.preset].map((w) => (
                <option key={w} value={w}>
                  {t(`RuleSets.form.whenOptions.${w}`)}
                </option>
              ))}
            </select>
          </div>
        )}
        {g.preset !== 'custom' && g.when === 'months' && (
          <>
            <MonthSelect
              id={`${id}-m-from`}
              label={t('RuleSets.form.fromMonth')}
              value={g.months.from}
              months={g.preset === 'halfYearly' ? MONTHS.slice(0, 6) : MONTHS}
              onChange={(from) => onChange({ months: { ...g.months, from } })}
              testId={`${tid}-from`}
            />
            <MonthSelect
              id={`${id}-m-to`}
              label={t('RuleSets.form.toMonth')}
              value={g.months.to}
              months={MONTHS}
              onChange={(to) => onChange({ months: { ...g.months, to } })}
              testId={`${tid}-to`}
            />
          </>
        )}
      </div>
      {g.preset === 'halfYearly' && g.when === 'months' && <p className="hint">{t('RuleSets.form.halfHint')}</p>}

      {g.preset === 'custom' && (
        <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0, display: 'flex', flexDirection: 'column', gap: 8 }}>
          <legend className="subsection-title" style={{ padding: 0, marginBottom: 6 }}>
            {t('RuleSets.form.windows')}
          </legend>
          {g.windows.map((w, wi) => (
            <div key={w.key} style={css.row} role="group" aria-label={t('RuleSets.form.window', { n: wi + 1 })}>
              <MonthSelect
                id={`${id}-w${w.key}-from`}
                label={t('RuleSets.form.fromMonth')}
                value={w.from}
                months={MONTHS}
                onChange={(from) => onChange({ windows: g.windows.map((x) => (x.key === w.key ? { ...x, from } : x)) })}
                testId={`${tid}-window-${wi}-from`}
              />
              <MonthSelect
                id={`${id}-w${w.key}-to`}
                label={t('RuleSets.form.toMonth')}
                value={w.to}
                months={MONTHS}
                onChange={(to) => onChange({ windows: g.windows.map((x) => (x.key === w.key ? { ...x, to } : x)) })}
                testId={`${tid}-window-${wi}-to`}
              />
              {g.windows.length > 1 && (
                <button
                  type="button"
                  className="button button--quiet button--small"
                  onClick={() => onChange({ windows: g.windows.filter((x) => x.key !== w.key) })}
                  data-testid={`${tid}-window-${wi}-remove`}
                >
                  {t('RuleSets.form.removeWindow', { n: wi + 1 })}
                </button>
              )}
            </div>
          ))}
          {g.windows.length < 12 && (
            <div>
              <button
                type="button"
                className="button button--small"
                onClick={() => {
                  const last = g.windows.at(-1)?.to ?? 12;
                  const from = (last % 12) + 1;
                  onChange({ windows: [...g.windows, { key: nextKey++, from, to: from }] });
                }}
                data-testid={`${tid}-window-add`}
              >
                {t('RuleSets.form.addWindow')}
              </button>
            </div>
          )}
        </fieldset>
      )}

      <div style={css.row}>
        <div className="field">
          <label htmlFor={`${id}-coverage`}>{t('RuleSets.form.coverage')}</label>
          <select
            id={`${id}-coverage`}
            value={g.coverage}
            onChange={(e) => {
              const coverage = e.target.value as GroupDraft['coverage'];
              const period = g.preset === 'custom' ? 12 : PERIOD_MONTHS[g.preset];
              onChange(coverage === 'monthsBefore' ? { coverage, coverageMonths: String(period) } : { coverage });
            }}
            data-testid={`${tid}-coverage`}
          >
            <option value="previous">{t(`RuleSets.form.coverageOptions.previous.${g.preset}`)}</option>
            <option value="monthsBefore">{t('RuleSets.form.coverageOptions.monthsBefore')}</option>
          </select>
        </div>
        {g.coverage === 'monthsBefore' && (
          <MonthsField
            id={`${id}-cov-months`}
            label={t('RuleSets.form.coverageMonths')}
            value={g.coverageMonths}
            onChange={(coverageMonths) => onChange({ coverageMonths })}
            testId={`${tid}-covers-months`}
          />
        )}
      </div>

      <div style={css.row}>
        <label style={{ ...css.check, alignItems: 'center' }}>
          <input type="checkbox" checked={g.reportDue} onChange={(e) => onChange({ reportDue: e.target.checked })} data-testid={`${tid}-report-due`} />
          <span>{t('RuleSets.form.reportDue')}</span>
        </label>
        {g.reportDue && (
          <MonthsField
            id={`${id}-due`}
            label={t('RuleSets.form.reportDueMonths')}
            value={g.reportDueMonths}
            onChange={(reportDueMonths) => onChange({ reportDueMonths })}
            testId={`${tid}-report-due-months`}
          />
        )}
      </div>

      {canRemove && (
        <div>
          <button type="button" className="button button--quiet button--small" onClick={onRemove} data-testid={`${tid}-remove`}>
            {t('RuleSets.form.removeGroup', { code })}
          </button>
        </div>
      )}
    </fieldset>
  );
}

/** The windows each group gets in the set's first twelve months, as dates. */
function Preview({ candidate, ready }: { candidate: RuleSet; ready: boolean }) {
  const { t, lng } = useT();
  const titleId = useId();
  const date = (iso: string) => formatUiDate(iso, lng);
  const range = (from: string, to: string) => t('Dates.range', { from: date(from), to: date(to) });
  const from = candidate.effectiveFrom;
  const to = ready ? addDays(addMonths(from, 12), -1) : '';

  return (
    <section style={css.stack} aria-labelledby={titleId} data-testid="rules-preview">
      <h4 id={titleId} className="subsection-title" style={css.h4}>
        {t('RuleSets.form.preview')}
      </h4>
      {!ready && <p className="muted">{t('RuleSets.form.previewIncomplete')}</p>}
      {ready &&
        candidate.groups.map((g) => {
          const windows = obligationsFor([candidate], g.kinds[0]!, from, to).filter((o) => o.windowStart <= to);
          const caption = t('RuleSets.form.previewCaption', { code: g.code, from: date(from), to: date(to) });
          if (windows.length === 0) {
            return (
              <div key={g.code} data-testid={`rules-preview-${g.code}`}>
                <p style={css.caption}>{caption}</p>
                <p className="muted">{t('RuleSets.form.previewNone')}</p>
              </div>
            );
          }
          return (
            <table key={g.code} style={css.table} data-testid={`rules-preview-${g.code}`}>
              <caption style={css.caption}>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col" style={css.cell}>
                    {t('RuleSets.form.previewWindow')}
                  </th>
                  <th scope="col" style={css.cell}>
                    {t('RuleSets.form.previewCovers')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {windows.map((o) => (
                  <tr key={o.windowKey}>
                    <td style={css.cell}>{range(o.windowStart, o.windowEnd)}</td>
                    <td style={css.cell}>{range(o.coversStart, o.coversEnd)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          );
        })}
    </section>
  );
}
