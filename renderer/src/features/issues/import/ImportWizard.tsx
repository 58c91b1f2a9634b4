import { useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import {
  MAX_IMPORT_BYTES,
  type ImportMapping,
  type ImportPreview,
  type ImportReport,
  type UnknownValue,
  type ValueChoice,
  type ValueTargets,
} from '../../../../../shared/contract/issues-import.contract';
import { unmappedRequired } from '../../../../../shared/domain/issues/legacy-import';
import type { ErrorPayload } from '../../../../../shared/errors';
import { isReportingKind } from '../../../../../shared/domain/units/unit-kind';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { FilePick } from '../../../components/FilePick';
import { unitName } from '../../../format/units';
import { useT } from '../../../i18n';
import { readBase64 } from '../../../read-file';
import { useAppStore } from '../../../stores/app.store';
import { useIssuesImportStore } from '../../../stores/issues-import.store';
import { attempt } from '../../../stores/result';
import { useSubtree } from '../../../hooks/useSubtree';
import { MappingTable } from './MappingTable';
import { ImportReportView } from './ImportReportView';
import { answerKey, answerList, ValueMapping, withGuesses, type Answers } from './ValueMapping';

interface Source {
  fileName: string;
  dataBase64: string;
  sheet?: string;
}

/** `recounting`: a check again after an answer of the value mapping, the last report still shown. */
type Busy = 'reading' | 'checking' | 'recounting' | 'importing' | null;

/** Megabytes to one decimal, as the core words the same error. */
const megabytes = (bytes: number, round: (n: number) => number) => round((bytes / (1024 * 1024)) * 10) / 10;

/** The report a refused import carries (`import_invalid`): the log changed since the check. */
function refusedReport(error: ErrorPayload): ImportReport | null {
  if (error.code !== 'import_invalid') return null;
  const report = error.details?.['report'];
  return report && typeof report === 'object' && 'rows' in report ? (report as unknown as ImportReport) : null;
}

/**
 * A legacy Excel log into the issue log: pick the file → map its columns (the suggestion
 * pre-filled) → check every row → map the values no reference entry matches (each check
 * recounts) → import all (only when every row is valid) or, confirmed, only the valid rows →
 * the result row by row. Nothing is ever half imported: the core does it in one run, the
 * entries it creates included.
 */
export function ImportWizard({ onDone }: { onDone: () => void }) {
  const { t, lng } = useT();
  const ids = { file: useId(), unit: useId(), sheet: useId() };
  const root = useAppStore((s) => s.settings?.workingRoot?.kato ?? '');
  const units = useSubtree(root).filter((u) => isReportingKind(u.kind));
  const [unitKato, setUnitKato] = useState(root);
  const [fileName, setFileName] = useState<string | null>(null);
  const [source, setSource] = useState<Source | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [report, setReport] = useState<ImportReport | null>(null);
  const [review, setReview] = useState<{ values: UnknownValue[]; targets: ValueTargets } | null>(null);
  const [answers, setAnswers] = useState<Answers>(new Map());
  /** The last check asked for: an earlier one answering late is not shown. */
  const checkSeq = useRef(0);
  const [done, setDone] = useState<ImportReport | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const { preview: readPreview, check: checkRows, commit: importRows } = useIssuesImportStore.getState();

  const missing = useMemo(() => unmappedRequired(mapping), [mapping]);

  /** Anything that changes what would be imported makes the last check stale. */
  function stale() {
    checkSeq.current++;
    setReport(null);
    setReview(null);
    setConfirming(false);
    setError(null);
  }

  async function open(next: Source) {
    stale();
    setPreview(null);
    setBusy('reading');
    const result = await readPreview({ source: next });
    if (result.ok) {
      setSource({ ...next, sheet: result.value.sheet });
      setPreview(result.value);
      setMapping(result.value.suggested);
    } else {
      setError(result.error);
    }
    setBusy(null);
  }

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setFileName(file.name);
    setAnswers(new Map());
    setDone(null);
    setSource(null);
    setPreview(null);
    stale();
    if (file.size > MAX_IMPORT_BYTES) {
      // Told here, before megabytes travel to the core only to be refused there.
      setError({ code: 'import_file_too_large', details: { fileName: file.name, size: megabytes(file.size, Math.ceil), max: megabytes(MAX_IMPORT_BYTES, Math.round) } });
      return;
    }
    const data = await attempt(() => readBase64(file));
    if (data.ok) await open({ fileName: file.name, dataBase64: data.value });
    else setError(data.error);
  }

  /**
   * Every row checked with the answers given. Values met for the first time get their guess
   * as an answer, and are checked again with it, so that the report shown always counts the
   * answers the selects show.
   */
  async function check(given: Answers = answers) {
    if (!source) return;
    const seq = ++checkSeq.current;
    setConfirming(false);
    setError(null);
    setBusy(report ? 'recounting' : 'checking');
    const result = await checkRows({ source, mapping, unitKato, values: answerList(given) });
    if (seq !== checkSeq.current) return;
    if (!result.ok) {
      // The answers stay on screen: one the core refused can be changed.
      setError(result.error);
      setReport(null);
      setBusy(null);
      return;
    }
    const { values, targets, ...checked } = result.value;
    const guessed = withGuesses(given, values);
    setAnswers(guessed);
    setReview({ values, targets });
    if (values.some((v) => v.guess !== null && !given.has(answerKey(v.field, v.key)))) return void (await check(guessed));
    setReport(checked);
    setBusy(null);
  }

  function answer(changes: ReadonlyArray<{ value: UnknownValue; to: ValueChoice | null }>) {
    const next = new Map(answers);
    for (const { value, to } of changes) next.set(answerKey(value.field, value.key), { field: value.field, value: value.value, to });
    setAnswers(next);
    void check(next);
  }

  async function commit(onlyValid: boolean) {
    if (!source) return;
    setBusy('importing');
    setError(null);
    const result = await importRows({ source, mapping, unitKato, values: answerList(answers), onlyValid });
    setConfirming(false);
    if (result.ok) {
      setDone(result.value);
      setReport(null);
      onDone();
    } else {
      setError(result.error);
      const refused = refusedReport(result.error);
      if (refused) setReport(refused);
    }
    setBusy(null);
  }

  function again() {
    setDone(null);
    setFileName(null);
    setAnswers(new Map());
    setSource(null);
    setPreview(null);
    setMapping({});
    stale();
  }

  if (done) {
    return (
      <section className="import-wizard" aria-labelledby={`${ids.file}-title`}>
        <h2 className="section-title" id={`${ids.file}-title`}>
          {t('Import.title')}
        </h2>
        <FileName fileName={fileName} />
        <ImportReportView report={done} final testId="import-done" />
        <div className="form-actions">
          <button type="button" className="button" data-testid="import-again" onClick={again}>
            {t('Import.again')}
          </button>
        </div>
      </section>
    );
  }

  const canCheck = preview !== null && missing.length === 0 && busy === null;
  return (
    <section className="import-wizard" aria-labelledby={`${ids.file}-title`}>
      <h2 className="section-title" id={`${ids.file}-title`}>
        {t('Import.title')}
      </h2>
      <p className="muted">{t('Import.intro')}</p>
      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.unit}>{t('Import.unit')}</label>
          <select
            id={ids.unit}
            data-testid="import-unit"
            value={unitKato}
            disabled={busy !== null}
            onChange={(e) => {
              setUnitKato(e.target.value);
              // Another unit, other places: a locality answered for the last one may not be among them.
              setAnswers((prev) => new Map([...prev].filter(([, a]) => a.field !== 'locality')));
              stale();
            }}
          >
            {units.length === 0 && <option value={root}>{root}</option>}
            {units.map((u) => (
              <option key={u.kato} value={u.kato}>
                {`${'\u2003'.repeat(u.depth)}${unitName(u, lng)}`}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.file}>{t('Import.file')}</label>
          <FilePick
            id={ids.file}
            label={t(fileName ? 'Import.pickOther' : 'Import.pick')}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={busy !== null}
            testId="import-file"
            buttonTestId="import-file-button"
            onChange={(e) => void onFile(e)}
          >
            {!fileName && <span className="muted">{t('Import.noFile')}</span>}
          </FilePick>
        </div>
        {preview && preview.sheets.length > 1 && source && (
          <div className="field">
            <label htmlFor={ids.sheet}>{t('Import.sheet')}</label>
            <select
              id={ids.sheet}
              data-testid="import-sheet"
              value={preview.sheet}
              disabled={busy !== null}
              onChange={(e) => void open({ ...source, sheet: e.target.value })}
            >
              {preview.sheets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <FileName fileName={fileName} />
      {busy === 'reading' && (
        <p className="hint" role="status">
          {t('Import.reading')}
        </p>
      )}
      <ErrorMessage error={error} testId="import-error" />

      {preview && (
        <>
          <p data-testid="import-found">{t('Import.found', { row: preview.headerRow, count: preview.rowCount })}</p>
          <p className="hint">{t('Import.mapHint')}</p>
          <MappingTable
            preview={preview}
            mapping={mapping}
            disabled={busy !== null}
            onChange={(m) => {
              setMapping(m);
              stale();
            }}
          />
          {missing.length > 0 && (
            <p className="message message--warning" role="status" data-testid="import-missing">
              {t('Import.missing', { fields: missing.map((f) => t(`Import.fields.${f}`)).join(', ') })}
            </p>
          )}
          <div className="form-actions">
            <button type="button" className="button button--primary" data-testid="import-check" disabled={!canCheck} onClick={() => void check()}>
              {busy === 'checking' ? t('Import.checking') : t('Import.check')}
            </button>
          </div>
        </>
      )}

      {preview && review && review.values.length > 0 && (
        <ValueMapping values={review.values} targets={review.targets} answers={answers} disabled={busy === 'importing' || busy === 'checking'} onAnswer={answer} />
      )}
      {busy === 'recounting' && (
        <p className="hint" role="status" data-testid="import-recounting">
          {t('Import.recounting')}
        </p>
      )}

      {report && (
        <>
          <ImportReportView report={report} final={false} testId="import-report" />
          <div className="form-actions import-actions">
            <button
              type="button"
              className="button button--primary"
              data-testid="import-all"
              disabled={busy !== null || report.invalid > 0 || report.valid === 0}
              aria-describedby={report.invalid > 0 ? `${ids.file}-blocked` : undefined}
              onClick={() => void commit(false)}
            >
              {busy === 'importing' && !confirming ? t('Import.importing') : t('Import.all')}
            </button>
            {report.invalid > 0 && report.valid > 0 && (
              <button
                type="button"
                className="button"
                data-testid="import-valid-only"
                disabled={busy !== null || confirming}
                onClick={() => setConfirming(true)}
              >
                {t('Import.validOnly', { valid: report.valid })}
              </button>
            )}
          </div>
          {report.invalid > 0 && (
            <p className="hint" id={`${ids.file}-blocked`}>
              {t('Import.allBlocked')}
            </p>
          )}
          {confirming && (
            <div className="inline-confirm" role="group" aria-labelledby={`${ids.file}-confirm`}>
              <span className="inline-confirm-text" id={`${ids.file}-confirm`}>
                {t('Import.confirmText', { count: report.invalid, valid: report.valid })}
              </span>
              <button type="button" className="button button--primary" data-testid="import-confirm" disabled={busy !== null} onClick={() => void commit(true)}>
                {busy === 'importing' ? t('Import.importing') : t('Import.confirm')}
              </button>
              <button type="button" className="button" data-testid="import-cancel" disabled={busy !== null} onClick={() => setConfirming(false)}>
                {t('Import.cancel')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

/** The file chosen, named on every step: the file input itself is emptied once it is read. */
function FileName({ fileName }: { fileName: string | null }) {
  const { t } = useT();
  if (!fileName) return null;
  return (
    <p className="import-file-name" data-testid="import-file-name">
      {t('Import.fileChosen', { fileName })}
    </p>
  );
}
