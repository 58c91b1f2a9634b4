import { useId, useRef, useState, type FormEvent } from 'react';
import { REPORT_FORMATS, REPORT_SECTIONS, type PeriodReport, type ReportSection } from '../../../../shared/contract/reports.contract';
import type { ErrorPayload } from '../../../../shared/errors';
import { toYmd } from '../../../../shared/domain/dates';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LANGUAGES } from '../../components/LanguageSwitch';
import { FIRST_YEAR } from '../../components/PeriodNav';
import { SidePanel } from '../../components/SidePanel';
import { saveBase64File } from '../../download';
import { unitName } from '../../format/units';
import { DEFAULT_LANGUAGE, useT } from '../../i18n';
import { useAppStore } from '../../stores/app.store';
import { useReportsStore } from '../../stores/reports.store';
import { canIncludePersonalData, exportInput, firstDraft, isGroupA, type ExportDraft } from './export-draft';
import { periodName } from '../../format/period-name';
import { usePermitted } from '../../hooks/usePermitted';

type Outcome = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; fileName: string } | { kind: 'error'; error: ErrorPayload };

/**
 * The export of the report on the Reports screen, beside it: the format, the document's own
 * language, the sections, the authors' personal data (off unless ticked), and for a group A
 * unit the point 3 note on a year. It follows the screen: what it exports is the report shown.
 */
export function ReportExportPanel({ noteYear, onClose }: { noteYear: number | null; onClose: () => void }) {
  const report = useReportsStore((s) => s.report);
  const today = useAppStore((s) => s.info?.today ?? null);
  if (report === null || today === null) return null;
  return <ExportForm report={report} thisYear={toYmd(today).year} noteYear={noteYear} onClose={onClose} />;
}

function ExportForm({ report, thisYear, noteYear, onClose }: { report: PeriodReport; thisYear: number; noteYear: number | null; onClose: () => void }) {
  const { t, lng } = useT();
  // A report on its way (or one that failed) is not the one shown: nothing is exported until it is.
  const ready = useReportsStore((s) => !s.loading && s.error === null);
  const exportReport = useReportsStore((s) => s.export);
  const ids = { year: useId(), personal: useId(), sections: useId() };
  const [draft, setDraft] = useState<ExportDraft>(() => {
    const first = firstDraft(report, lng === 'en' ? DEFAULT_LANGUAGE : lng, noteYear);
    return { ...first, noteYear: Math.min(Math.max(first.noteYear, FIRST_YEAR), thisYear) };
  });
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  // State is a render late for a second Enter or click in the same moment; this is not.
  const running = useRef(false);

  const set = (change: Partial<ExportDraft>) => setDraft((d) => ({ ...d, ...change }));
  const toggle = (s: ReportSection) => set({ sections: draft.sections.includes(s) ? draft.sections.filter((x) => x !== s) : [...draft.sections, s] });
  const groupA = isGroupA(report);
  const note = groupA && draft.document === 'point3';
  const noSections = draft.sections.length === 0;
  const personalPossible = canIncludePersonalData(draft);
  // Citizens' names and phones leave only with personal.read (access.ts extraPermission).
  const canReadPersonal = usePermitted('personal.read');
  const busy = outcome.kind === 'busy';
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (running.current || !ready || noSections) return;
    running.current = true;
    setOutcome({ kind: 'busy' });
    const result = await exportReport(exportInput(report, draft));
    running.current = false;
    if (result.ok) {
      saveBase64File(result.value.fileName, result.value.dataBase64, result.value.mime);
      setOutcome({ kind: 'done', fileName: result.value.fileName });
    } else {
      setOutcome({ kind: 'error', error: result.error });
    }
  }

  return (
    <SidePanel
      title={t('Reports.export.title')}
      subtitle={
        <p className="muted" data-testid="report-export-subject">
          {note ? t('Reports.export.subjectNote', { unit: unitName(report.unit, lng), year: draft.noteYear }) : `${unitName(report.unit, lng)} · ${periodName(report.period, t, lng)}`}
        </p>
      }
      onClose={onClose}
      testId="report-export-panel"
      closeTestId="report-export-close"
    >
      <form className="form report-export" onSubmit={(e) => void submit(e)} noValidate data-testid="report-export-form">
        {groupA && (
          <fieldset className="form-section">
            <legend className="form-section-title">{t('Reports.export.document.label')}</legend>
            <div className="choice-column">
              <label className="choice">
                <input type="radio" name="report-export-document" checked={!note} data-testid="report-export-doc-period" onChange={() => set({ document: 'period' })} />
                {t('Reports.export.document.period', { period: periodName(report.period, t, lng) })}
              </label>
              <label className="choice">
                <input type="radio" name="report-export-document" checked={note} data-testid="report-export-doc-point3" onChange={() => set({ document: 'point3' })} />
                {t('Reports.export.document.point3')}
              </label>
            </div>
            {note && (
              <div className="field report-export-year">
                <label htmlFor={ids.year}>{t('Reports.export.document.year')}</label>
                <select id={ids.year} value={draft.noteYear} data-testid="report-export-note-year" onChange={(e) => set({ noteYear: Number(e.target.value) })}>
                  {years.map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
                <p className="hint">{t('Reports.export.document.yearHint')}</p>
              </div>
            )}
          </fieldset>
        )}

        <RadioSection
          legend={t('Reports.export.format.label')}
          name="format"
          options={REPORT_FORMATS.map((f) => ({ value: f, label: t(`Reports.export.format.${f}`) }))}
          value={draft.format}
          onChange={(format) => set({ format })}
        />
        <RadioSection
          legend={t('Reports.export.language')}
          name="lang"
          // Each language named in itself, so either reader finds theirs.
          options={LANGUAGES.map((l) => ({ value: l, label: t(`Language.${l}`), lang: l }))}
          value={draft.language}
          onChange={(language) => set({ language })}
        />

        <fieldset className="form-section" aria-describedby={noSections ? ids.sections : undefined} aria-invalid={noSections || undefined}>
          <legend className="form-section-title">{t('Reports.export.sections.label')}</legend>
          <div className="choice-grid">
            {REPORT_SECTIONS.map((s) => (
              <label key={s} className="choice">
                <input type="checkbox" checked={draft.sections.includes(s)} data-testid={`report-export-section-${s}`} onChange={() => toggle(s)} />
                {t(`Reports.export.sections.${s}`)}
              </label>
            ))}
          </div>
          {noSections && (
            <p id={ids.sections} className="message message--error" role="alert" data-testid="report-export-no-sections">
              {t('Reports.export.sections.none')}
            </p>
          )}
        </fieldset>

        {canReadPersonal && (
          <fieldset className="form-section">
            <legend className="form-section-title">{t('Reports.export.personal.label')}</legend>
            <label className="choice">
              <input
                type="checkbox"
                checked={draft.personalData && personalPossible}
                disabled={!personalPossible}
                aria-describedby={ids.personal}
                data-testid="report-export-personal"
                onChange={(e) => set({ personalData: e.target.checked })}
              />
              {t('Reports.export.personal.include')}
            </label>
            <p id={ids.personal} className={draft.personalData && personalPossible ? 'message message--warning' : 'hint'} data-testid="report-export-personal-warning">
              {t(personalPossible ? 'Reports.export.personal.warning' : 'Reports.export.personal.needsAnnex')}
            </p>
          </fieldset>
        )}

        <div className="form-actions form-actions--sticky report-export-actions">
          {/* aria-disabled, not disabled: a disabled button drops focus to the page, and Escape or Tab would then start from nowhere. */}
          <button type="submit" className="button button--primary" aria-disabled={busy || !ready || noSections} aria-busy={busy} data-testid="report-export-submit">
            {busy ? t('Reports.export.busy') : t('Reports.export.submit', { format: draft.format.toUpperCase() })}
          </button>
          {busy && <span className="progress-bar" aria-hidden="true" data-testid="report-export-progress" />}
          {/* In the sticky footer, beside the button: what came of the export is in view however the panel scrolls. */}
          <div role="status" className="report-export-status">
            {outcome.kind === 'done' && (
              <p className="message message--success" data-testid="report-export-done">
                {t('Reports.export.done', { name: outcome.fileName })}
              </p>
            )}
          </div>
          {outcome.kind === 'error' && <ErrorMessage error={outcome.error} testId="report-export-error" />}
        </div>
      </form>
    </SidePanel>
  );
}

/** One choice of the export as a row of radio buttons under its legend (`report-export-<name>-<value>`). */
function RadioSection<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  options: ReadonlyArray<{ value: T; label: string; lang?: string }>;
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="form-section">
      <legend className="form-section-title">{legend}</legend>
      <div className="choice-row">
        {options.map((o) => (
          <label key={o.value} className="choice" lang={o.lang}>
            <input type="radio" name={`report-export-${name}`} checked={value === o.value} data-testid={`report-export-${name}-${o.value}`} onChange={() => onChange(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
