import { useEffect, useId, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { ActionPlanLine, PlanRowFields, PlanScope } from '../../../../../shared/contract/action-plan.contract';
import type { Language } from '../../../../../shared/contract/schemas';
import { PLAN_MARKS, type PlanMark } from '../../../../../shared/domain/issues/issue';
import type { ErrorPayload } from '../../../../../shared/errors';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { ReceivedBadge } from '../../../components/ReceivedMark';
import { useReceived } from '../../../hooks/useReceived';
import { saveBase64File } from '../../../download';
import { useT } from '../../../i18n';
import { useAppStore } from '../../../stores/app.store';
import { useActionPlanStore } from '../../../stores/action-plan.store';
import { usePermitted } from '../../../hooks/usePermitted';
import { useIssueNames } from '../../../hooks/useIssueNames';
import { PlanScopePicker, type PeriodScope } from './PlanScopePicker';
import { usePlan, type RowState } from './usePlan';
import { LANGUAGES } from '../../../components/LanguageSwitch';

const FORMATS = ['xlsx', 'docx'] as const;
/** Typical forms of completion, offered while typing (any other may be typed). */
const COMPLETION_FORMS = ['information', 'answer', 'budgetRequest', 'actOfWorks', 'decision'] as const;
/** A row's editable fields; Enter moves between rows in any but a textarea (it keeps Enter for its lines). */
type RowField = keyof PlanRowFields;
const TABLE_COLUMNS = ['no', 'issue', 'measure', 'completionForm', 'executor', 'deadline', 'fundingSource', 'fundingAmount', 'mark'] as const;

/** `plan-row-3-funding-amount`: a cell's control, by row and field. */
const controlId = (index: number, field: RowField) => `plan-row-${index}-${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

type Notice = { kind: 'done'; text: string } | { kind: 'error'; error: ErrorPayload } | null;

const isAmountError = (state: RowState | undefined) =>
  state?.kind === 'error' && state.error.code === 'validation' && String(state.error.details?.['fields'] ?? '').includes('fundingAmount');

/** The plan's lines grouped by issue, as the table shows them: number and text once, over all the issue's measures. */
function groupsOf(lines: readonly ActionPlanLine[]) {
  const out: Array<{ n: number; lines: Array<{ line: ActionPlanLine; index: number }> }> = [];
  lines.forEach((line, index) => {
    const last = out.at(-1);
    if (last && last.lines[0]!.line.issueId === line.issueId) last.lines.push({ line, index });
    else out.push({ n: out.length + 1, lines: [{ line, index }] });
  });
  return out;
}

/**
 * The action plan of a meeting, or of a unit over a period (then with a picker for both):
 * an editable table, one row per measure, saved row by row when focus leaves a row. Enter
 * moves down a column (Shift+Enter up), Ctrl+Enter adds a measure to the row's issue.
 * "Fill from the issues" starts a row for every issue that has none; the plan exports to
 * Excel or Word in Kazakh or Russian. A row received from another installation is shown, not
 * edited (this installation may add its own measures to the same issue).
 */
export function ActionPlanView({ scope }: { scope: PlanScope }) {
  const { t } = useT();
  const given = JSON.stringify(scope);
  const [picked, setPicked] = useState<PlanScope>(scope);
  useEffect(() => setPicked(JSON.parse(given) as PlanScope), [given]);
  const current: PlanScope = 'meetingId' in scope ? scope : picked;

  const view = usePlan(current);
  // A viewer reads, prints and exports the plan; writing it is records.write (access.ts).
  const canWrite = usePermitted('records.write');
  const names = useIssueNames();
  const today = useAppStore((s) => s.info?.today ?? null);
  const titleId = useId();
  const formsId = useId();
  const hintId = useId();
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const [focusAfter, setFocusAfter] = useState<string | null>(null);
  const exportPlan = useActionPlanStore((s) => s.export);
  const received = useReceived();

  const lines = view.plan?.lines ?? [];
  const groups = groupsOf(lines);

  // A measure just added takes focus once the reloaded plan shows it.
  useEffect(() => {
    if (!focusAfter) return;
    const index = lines.findIndex((l) => l.id === focusAfter);
    if (index < 0) return;
    document.querySelector<HTMLElement>(`[data-testid="${controlId(index, 'measure')}"]`)?.focus();
    setFocusAfter(null);
  }, [focusAfter, lines]);

  async function addMeasure(issueId: string) {
    if (!canWrite) return;
    const line = await view.addMeasure(issueId);
    if (line) setFocusAfter(line.id);
  }

  async function fill() {
    setBusy(true);
    setNotice(null);
    await view.fill();
    setBusy(false);
  }

  async function exportAs(format: (typeof FORMATS)[number], language: Language) {
    setBusy(true);
    setNotice(null);
    await view.flushAll();
    const result = await exportPlan({ scope: current, language, format });
    if (result.ok) {
      const file = result.value;
      saveBase64File(file.fileName, file.dataBase64, file.mime);
      setNotice({ kind: 'done', text: t('ActionPlan.export.done', { name: file.fileName }) });
    } else {
      setNotice({ kind: 'error', error: result.error });
    }
    setBusy(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableSectionElement>) {
    const target = event.target as HTMLElement;
    const row = target.closest<HTMLElement>('tr[data-index]');
    if (!row || event.key !== 'Enter' || event.altKey) return;
    const index = Number(row.dataset['index']);
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      const line = lines[index];
      if (line) void addMeasure(line.issueId);
      return;
    }
    const field = target.dataset['field'] as RowField | undefined;
    if (!field || target.tagName === 'TEXTAREA') return;
    event.preventDefault();
    document.querySelector<HTMLElement>(`[data-testid="${controlId(index + (event.shiftKey ? -1 : 1), field)}"]`)?.focus();
  }

  function onRowBlur(event: FocusEvent<HTMLTableRowElement>, line: ActionPlanLine) {
    if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
    void view.commit(line.id);
  }

  function setMark(line: ActionPlanLine, mark: PlanMark) {
    const f = view.fieldsOf(line);
    // A row marked done or not done is dated today unless a date was given.
    const markDate = f.markDate ?? (mark === 'done' || mark === 'not_done' ? today : null);
    view.edit(line, { mark, markDate });
  }

  const cell = (line: ActionPlanLine, index: number, field: Exclude<RowField, 'mark'>, label: string) => {
    const f = view.fieldsOf(line);
    const common = { 'aria-label': label, 'data-testid': controlId(index, field), 'data-field': field, readOnly: !canWrite || received(line) !== null };
    if (field === 'measure' || field === 'markNote') {
      return <textarea {...common} rows={field === 'measure' ? 3 : 2} value={f[field]} onChange={(e) => view.edit(line, { [field]: e.target.value })} />;
    }
    if (field === 'deadline' || field === 'markDate') {
      return <input {...common} type="date" value={f[field] ?? ''} onChange={(e) => view.edit(line, { [field]: e.target.value || null })} />;
    }
    return (
      <input
        {...common}
        type="text"
        value={f[field]}
        list={field === 'completionForm' ? formsId : undefined}
        inputMode={field === 'fundingAmount' ? 'decimal' : undefined}
        aria-invalid={field === 'fundingAmount' && isAmountError(view.rowState[line.id]) ? true : undefined}
        onChange={(e) => view.edit(line, { [field]: e.target.value } as Partial<PlanRowFields>)}
      />
    );
  };

  function rowStatus(line: ActionPlanLine) {
    const state = view.rowState[line.id];
    if (!state) return null;
    if (state.kind === 'error') {
      if (isAmountError(state)) {
        return (
          <p className="message message--error" role="alert">
            {t('ActionPlan.errors.amount')}
          </p>
        );
      }
      return state.error.code === 'conflict' ? null : <ErrorMessage error={state.error} />;
    }
    return <span className="hint">{t(`ActionPlan.row.${state.kind}`)}</span>;
  }

  return (
    <section className="plan-view" aria-labelledby={titleId} data-testid="plan-view">
      <h2 id={titleId} className="form-section-title">
        {t('ActionPlan.title')}
      </h2>
      {!('meetingId' in scope) && !('meetingId' in picked) && (
        <PlanScopePicker value={picked as PeriodScope} onChange={(s) => setPicked(s)} />
      )}
      <div className="toolbar plan-toolbar">
        {canWrite && (
          <button type="button" className="button button--primary" data-testid="plan-fill" disabled={busy || !view.plan || view.plan.issuesWithoutRow === 0} onClick={() => void fill()}>
            {t('ActionPlan.fill')}
          </button>
        )}
        {canWrite && view.plan && view.plan.issuesWithoutRow > 0 && <span className="hint">{t('ActionPlan.waiting', { count: view.plan.issuesWithoutRow })}</span>}
        <div className="toolbar-end" role="group" aria-label={t('ActionPlan.export.label')}>
          <span className="muted">{t('ActionPlan.export.label')}</span>
          {FORMATS.flatMap((format) =>
            LANGUAGES.map((language) => (
              <button
                key={`${format}-${language}`}
                type="button"
                className="button button--small"
                lang={language}
                data-testid={`plan-export-${format}-${language}`}
                disabled={busy || !view.plan}
                onClick={() => void exportAs(format, language)}
              >
                {t(`ActionPlan.export.${format}`, { language: t(`Language.${language}`) })}
              </button>
            )),
          )}
        </div>
      </div>
      <div role="status" className="plan-notice">
        {notice?.kind === 'done' && <p className="message message--success">{notice.text}</p>}
        {view.reloaded && <p className="message message--warning">{t('ActionPlan.reloaded')}</p>}
      </div>
      {notice?.kind === 'error' && <ErrorMessage error={notice.error} />}
      <ErrorMessage error={view.actionError} />
      <ErrorMessage error={view.loadError} />
      <datalist id={formsId}>
        {COMPLETION_FORMS.map((f) => (
          <option key={f} value={t(`ActionPlan.forms.${f}`)} />
        ))}
      </datalist>
      {!view.plan && !view.loadError && <p className="muted">{t('ActionPlan.loading')}</p>}
      {view.plan && lines.length === 0 && (
        <p className="muted" data-testid="plan-empty">
          {view.plan.issuesWithoutRow > 0 ? t('ActionPlan.empty') : t('ActionPlan.noIssues')}
        </p>
      )}
      {lines.length > 0 && (
        <>
          <p id={hintId} className="hint">
            {t('ActionPlan.shortcuts')}
          </p>
          <div className="table-scroll">
            <table className="table plan-table" aria-describedby={hintId}>
              <thead>
                <tr>
                  {TABLE_COLUMNS.map((c) => (
                    <th key={c} scope="col" className={`plan-col-${c}`}>
                      {t(`ActionPlan.columns.${c}`)}
                    </th>
                  ))}
                  <th scope="col">{t('ActionPlan.columns.actions')}</th>
                </tr>
              </thead>
              <tbody onKeyDown={onKeyDown}>
                {groups.map((g) =>
                  g.lines.map(({ line, index }, k) => {
                    const f = view.fieldsOf(line);
                    const from = received(line);
                    const place = names.unit(line.issue.localityKato);
                    return (
                      <tr key={line.id} data-index={index} data-testid={`plan-row-${index}`} onBlur={(e) => onRowBlur(e, line)}>
                        {k === 0 && (
                          <>
                            <td rowSpan={g.lines.length} className="plan-no">
                              {g.n}
                            </td>
                            <th scope="rowgroup" rowSpan={g.lines.length} className="plan-issue">
                              {line.issue.text}
                              <span className="table-sub muted">
                                {[place, t('PlanDoc.registryNo', { number: line.issue.registryNo })].filter((s) => s !== '').join(', ')}
                              </span>
                            </th>
                          </>
                        )}
                        <td>{cell(line, index, 'measure', t('ActionPlan.columns.measure'))}</td>
                        <td>{cell(line, index, 'completionForm', t('ActionPlan.columns.completionForm'))}</td>
                        <td>{cell(line, index, 'executor', t('ActionPlan.columns.executor'))}</td>
                        <td>{cell(line, index, 'deadline', t('ActionPlan.columns.deadline'))}</td>
                        <td>{cell(line, index, 'fundingSource', t('ActionPlan.columns.fundingSource'))}</td>
                        <td>{cell(line, index, 'fundingAmount', t('ActionPlan.columns.fundingAmount'))}</td>
                        <td className="plan-mark">
                          <select
                            aria-label={t('ActionPlan.columns.mark')}
                            data-testid={controlId(index, 'mark')}
                            data-field="mark"
                            disabled={!canWrite || from !== null}
                            value={f.mark}
                            onChange={(e) => setMark(line, e.target.value as PlanMark)}
                          >
                            {PLAN_MARKS.map((m) => (
                              <option key={m} value={m}>
                                {t(`PlanDoc.mark.${m}`)}
                              </option>
                            ))}
                          </select>
                          {cell(line, index, 'markDate', t('ActionPlan.markDate'))}
                          {cell(line, index, 'markNote', t('ActionPlan.markNote'))}
                        </td>
                        <td className="plan-actions">
                          {canWrite && (
                            <button type="button" className="button button--small" data-testid={`plan-row-${index}-add`} onClick={() => void addMeasure(line.issueId)}>
                              {t('ActionPlan.addMeasure')}
                            </button>
                          )}
                          {!canWrite ? null : from ? (
                            <ReceivedBadge received={from} testId={`plan-row-${index}-received`} />
                          ) : (
                            <button type="button" className="button button--quiet button--small" data-testid={`plan-row-${index}-remove`} onClick={() => void view.remove(line)}>
                              {t('ActionPlan.remove')}
                            </button>
                          )}
                          {rowStatus(line)}
                        </td>
                      </tr>
                    );
                  }),
                )}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
