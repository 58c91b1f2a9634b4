import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ExportedPackage } from '../../../../shared/contract/exchange.contract';
import type { Language } from '../../../../shared/contract/schemas';
import type { IsoDate } from '../../../../shared/domain/dates';
import { PACKAGE_KINDS } from '../../../../shared/domain/exchange/record-kinds';
import { quickPeriod, type ReportPeriod } from '../../../../shared/domain/reports/period';
import type { ErrorPayload } from '../../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Fact } from '../../components/Fact';
import { LANGUAGES } from '../../components/LanguageSwitch';
import { PeriodPicker } from '../../components/PeriodPicker';
import { formatCount } from '../../format/numbers';
import { DEFAULT_LANGUAGE, useT } from '../../i18n';
import { useExchangeStore } from '../../stores/exchange.store';
import { fileSize } from '../../format/bytes';
import { FolderField } from '../../components/FolderField';

interface Draft {
  period: ReportPeriod;
  language: Language;
  attachments: boolean;
  dir: string;
}

/**
 * This installation's package for a period, written into a folder (a USB stick): the core
 * writes it under a temporary name, reads it back and checks its hash before it is named.
 */
export function ExportSection({ today }: { today: IsoDate }) {
  const { t, lng } = useT();
  const exportPackage = useExchangeStore((s) => s.exportPackage);
  const exported = useExchangeStore((s) => s.exported);
  const lastDir = useExchangeStore((s) => s.lastDir);
  const ids = { attachmentsHint: useId(), language: useId() };
  const [draft, setDraft] = useState<Draft>(() => ({
    period: quickPeriod('thisYear', today),
    language: lng === 'en' ? DEFAULT_LANGUAGE : lng,
    attachments: false,
    dir: lastDir,
  }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [dirMissing, setDirMissing] = useState(false);
  // State is a render late for a second click in the same moment; this is not.
  const running = useRef(false);
  const result = useRef<HTMLDivElement>(null);
  const [written, setWritten] = useState(0);
  // The result is below the form: it takes focus (and so scrolls into view, and is read out).
  useEffect(() => {
    if (written > 0) result.current?.focus();
  }, [written]);
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (running.current) return;
    const dir = draft.dir.trim();
    if (dir === '') return setDirMissing(true);
    running.current = true;
    setBusy(true);
    setError(null);
    const outcome = await exportPackage({ period: draft.period, dir, language: draft.language, attachments: draft.attachments });
    running.current = false;
    setBusy(false);
    if (outcome.ok) setWritten((n) => n + 1);
    else setError(outcome.error);
  }

  return (
    <section className="card exchange-card" aria-labelledby="exchange-export-title" data-testid="exchange-export">
      <h2 id="exchange-export-title" className="section-title">
        {t('Exchange.export.title')}
      </h2>
      <p className="hint">{t('Exchange.export.hint')}</p>
      <form className="form exchange-form" noValidate onSubmit={(e) => void submit(e)}>
        <div className="exchange-period" role="group" aria-label={t('Reports.period.label')}>
          <PeriodPicker period={draft.period} today={today} testIdPrefix="exchange" onChange={(period) => set({ period })} />
        </div>
        <div className="exchange-options">
          <div className="choice-row" role="radiogroup" aria-labelledby={ids.language}>
            <span id={ids.language} className="filter-title">
              {t('Exchange.export.language')}
            </span>
            {LANGUAGES.map((l) => (
              <label key={l} className="choice" lang={l}>
                <input type="radio" name="exchange-export-lang" checked={draft.language === l} data-testid={`exchange-lang-${l}`} onChange={() => set({ language: l })} />
                {t(`Language.${l}`)}
              </label>
            ))}
          </div>
          <label className="choice">
            <input
              type="checkbox"
              checked={draft.attachments}
              aria-describedby={ids.attachmentsHint}
              data-testid="exchange-attachments"
              onChange={(e) => set({ attachments: e.target.checked })}
            />
            <span>
              {t('Exchange.export.attachments')}{' '}
              <span id={ids.attachmentsHint} className="muted">
                {t('Exchange.export.attachmentsHint')}
              </span>
            </span>
          </label>
        </div>
        <FolderField
          value={draft.dir}
          onChange={(dir) => {
            set({ dir });
            setDirMissing(false);
          }}
          missing={dirMissing}
          text={{ label: t('Exchange.export.dir'), hint: t('Exchange.export.dirHint'), choose: t('Exchange.export.chooseFolder'), missing: t('Exchange.export.dirMissing') }}
          testIdPrefix="exchange"
        />
        <div className="form-actions exchange-actions">
          {/* aria-disabled, not disabled: a disabled button drops focus to the page. */}
          <button type="submit" className="button button--primary" aria-disabled={busy} aria-busy={busy} data-testid="exchange-export-submit">
            {busy ? t('Exchange.export.busy') : t('Exchange.export.submit')}
          </button>
          {busy && <span className="progress-bar" aria-hidden="true" data-testid="exchange-export-progress" />}
        </div>
        <ErrorMessage error={error} testId="exchange-export-error" />
      </form>
      <div ref={result} tabIndex={-1} role="status" className="exchange-status exchange-result-box">
        {exported && !busy && !error && <ExportResult exported={exported} />}
      </div>
    </section>
  );
}

/** What was written: where, how big, its hash to compare at the other end, and what it holds. */
function ExportResult({ exported }: { exported: ExportedPackage }) {
  const { t, lng } = useT();
  const kinds = PACKAGE_KINDS.filter((k) => (exported.records[k] ?? 0) > 0);
  return (
    <div className="exchange-result" data-testid="exchange-export-done">
      <p className="message message--success">{t('Exchange.export.done')}</p>
      <dl className="facts facts--card">
        <Fact label={t('Exchange.export.file')} testId="exchange-export-path">
          <code className="path selectable">{exported.path}</code>
        </Fact>
        <Fact label={t('Exchange.export.size')} testId="exchange-export-size">
          {fileSize(exported.bytes, t, lng)}
        </Fact>
        <Fact label={t('Exchange.export.sha256')} testId="exchange-export-sha256">
          <code className="hash selectable">{exported.sha256}</code>
        </Fact>
        <Fact label={t('Exchange.export.sequence')} testId="exchange-export-sequence">
          {t('Exchange.sequenceValue', { sequence: exported.sequence })}
        </Fact>
        <Fact label={t('Exchange.export.records')} testId="exchange-export-records">
          {kinds.length === 0 ? (
            t('Exchange.export.noRecords')
          ) : (
            <ul className="plain-list exchange-counts">
              {kinds.map((k) => (
                <li key={k} data-testid={`exchange-export-count-${k}`}>
                  {t('Exchange.countOf', { kind: t(`Exchange.kinds.${k}`), value: formatCount(exported.records[k] ?? 0, lng) })}
                </li>
              ))}
            </ul>
          )}
        </Fact>
        <Fact label={t('Exchange.export.forwarded')} testId="exchange-export-forwarded">
          {formatCount(exported.forwarded, lng)}
        </Fact>
      </dl>
    </div>
  );
}
