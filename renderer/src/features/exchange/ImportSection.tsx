import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import type { ImportPreview } from '../../../../shared/contract/exchange.contract';
import { PACKAGE_FILE_EXTENSIONS } from '../../../../shared/domain/exchange/package-file';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FilePick } from '../../components/FilePick';
import { useT } from '../../i18n';
import { readBase64 } from '../../read-file';
import { useExchangeStore, type ImportSession } from '../../stores/exchange.store';
import { PackageList } from './PackageList';

/** The new origins a person must confirm by fingerprint before the file is applied. */
function newOrigins(preview: ImportPreview): string[] {
  return [...new Set(preview.packages.filter((p) => p.origin.trust === 'new').map((p) => p.origin.installationId))];
}

/**
 * A package file from below: verified and previewed first (nothing changes), then applied in
 * one transaction once every new source's fingerprint is confirmed.
 */
export function ImportSection() {
  const { t } = useT();
  const session = useExchangeStore((s) => s.importing);
  const preview = useExchangeStore((s) => s.preview);
  const apply = useExchangeStore((s) => s.apply);
  const clearImport = useExchangeStore((s) => s.clearImport);
  const opened = useExchangeStore((s) => s.opened);
  const previewOpened = useExchangeStore((s) => s.previewOpened);
  const fileId = useId();
  const hintId = useId();
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(new Set());
  const [readFailed, setReadFailed] = useState(false);
  const status = useRef<HTMLDivElement>(null);
  // What applying did replaces the preview (and the Apply button that had focus): it takes focus.
  const applied = session.step === 'applied';
  useEffect(() => {
    if (applied) status.current?.focus();
  }, [applied]);

  // A package double-clicked in the system (now, or before this screen showed): previewed as a
  // file picked here would be, once one being applied has finished.
  const applying = session.step === 'preview' && session.applying;
  useEffect(() => {
    if (opened === null || applying) return;
    setConfirmed(new Set());
    setReadFailed(false);
    void previewOpened();
  }, [opened, applying, previewOpened]);

  async function pick(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    // The same file may be picked again after a refusal (it was copied anew from the stick).
    event.target.value = '';
    if (!file) return;
    setConfirmed(new Set());
    setReadFailed(false);
    let dataBase64: string;
    try {
      dataBase64 = await readBase64(file);
    } catch {
      clearImport();
      return setReadFailed(true);
    }
    await preview({ fileName: file.name, dataBase64 });
  }

  function toggle(installationId: string, on: boolean) {
    setConfirmed((c) => {
      const next = new Set(c);
      if (on) next.add(installationId);
      else next.delete(installationId);
      return next;
    });
  }

  const picker = (
    <FilePick
      id={fileId}
      label={session.step === 'none' ? t('Exchange.import.choose') : t('Exchange.import.another')}
      accept={PACKAGE_FILE_EXTENSIONS.join(',')}
      primary
      describedBy={hintId}
      testId="exchange-file"
      onChange={(e) => void pick(e)}
    />
  );

  return (
    <section className="card exchange-card" aria-labelledby="exchange-import-title" data-testid="exchange-import">
      <h2 id="exchange-import-title" className="section-title">
        {t('Exchange.import.title')}
      </h2>
      <p id={hintId} className="hint">
        {t('Exchange.import.hint')}
      </p>
      {(session.step === 'none' || session.step === 'refused') && picker}
      {readFailed && <ErrorMessage error={{ code: 'internal' }} testId="exchange-read-error" />}

      <div ref={status} tabIndex={-1} role="status" className="exchange-status">
        {session.step === 'previewing' && (
          <p className="exchange-progress" data-testid="exchange-checking">
            <span className="progress-bar" aria-hidden="true" />
            {t('Exchange.import.checking', { fileName: session.fileName })}
          </p>
        )}
        {session.step === 'applied' && (
          <p className="message message--success" data-testid="exchange-applied">
            {t('Exchange.import.applied')}
          </p>
        )}
      </div>

      {session.step === 'refused' && (
        <div className="exchange-refused" data-testid="exchange-refused">
          <p className="exchange-file-name" data-testid="exchange-file-name">
            {t('Exchange.import.file', { fileName: session.fileName })}
          </p>
          <p className="subsection-title">{t('Exchange.import.refused')}</p>
          <ErrorMessage error={session.error} testId="exchange-refused-error" />
        </div>
      )}

      {session.step === 'preview' && <PreviewStep session={session} confirmed={confirmed} onConfirm={toggle} onApply={() => void apply([...confirmed])} onCancel={clearImport} />}

      {session.step === 'applied' && (
        <>
          <p className="exchange-file-name" data-testid="exchange-file-name">
            {t('Exchange.import.file', { fileName: session.fileName })}
          </p>
          <p className="hint">{t('Exchange.import.appliedHint')}</p>
          <PackageList preview={session.result} mode="applied" />
          <div className="form-actions">
            <button type="button" className="button" data-testid="exchange-next" onClick={clearImport}>
              {t('Exchange.import.next')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function PreviewStep({
  session,
  confirmed,
  onConfirm,
  onApply,
  onCancel,
}: {
  session: Extract<ImportSession, { step: 'preview' }>;
  confirmed: ReadonlySet<string>;
  onConfirm: (installationId: string, on: boolean) => void;
  onApply: () => void;
  onCancel: () => void;
}) {
  const { t } = useT();
  const { preview, applying, error, fileName } = session;
  const unconfirmed = newOrigins(preview).filter((id) => !confirmed.has(id));
  const nothing = preview.packages.every((p) => p.disposition !== 'apply');
  const blocked = applying || unconfirmed.length > 0 || nothing;
  return (
    <div className="exchange-preview" data-testid="exchange-preview">
      <p className="exchange-file-name" data-testid="exchange-file-name">
        {t('Exchange.import.file', { fileName })}
      </p>
      <PackageList preview={preview} mode="preview" confirmed={confirmed} onConfirm={onConfirm} />
      {error && (
        <div className="exchange-failed" data-testid="exchange-apply-failed">
          <p className="subsection-title">{t('Exchange.import.failed')}</p>
          <ErrorMessage error={error} testId="exchange-apply-error" />
        </div>
      )}
      <div className="form-actions exchange-actions">
        <button type="button" className="button button--primary" disabled={blocked} aria-busy={applying} data-testid="exchange-apply" onClick={onApply}>
          {applying ? t('Exchange.import.applying') : t('Exchange.import.apply')}
        </button>
        <button type="button" className="button" disabled={applying} data-testid="exchange-cancel" onClick={onCancel}>
          {t('Exchange.import.cancel')}
        </button>
        {applying && <span className="progress-bar" aria-hidden="true" />}
      </div>
      {nothing ? (
        <p className="hint" data-testid="exchange-nothing">
          {t('Exchange.import.nothingToApply')}
        </p>
      ) : (
        unconfirmed.length > 0 && (
          <p className="hint" data-testid="exchange-confirm-first">
            {t('Exchange.import.confirmFirst')}
          </p>
        )
      )}
    </div>
  );
}
