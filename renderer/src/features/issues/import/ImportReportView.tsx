import type { TFunction } from 'i18next';
import type { ImportProblem, ImportReport } from '../../../../../shared/contract/issues-import.contract';
import { useT } from '../../../i18n';

/** A problem in the reader's language: the field's name, what the cell held, what is wrong. */
export function problemText(t: TFunction, problem: ImportProblem): string {
  return t(`Import.problems.${problem.code}`, { field: t(`Import.fields.${problem.field}`), value: problem.value });
}

/**
 * The result row by row: ✓ (or the registry number it was imported as) or every problem of the
 * row. `final`: after an import, where a valid row may still have stayed out (none did unless
 * the import was refused).
 */
export function ImportReportView({ report, final, testId }: { report: ImportReport; final: boolean; testId: string }) {
  const { t } = useT();
  return (
    <section className="import-report" data-testid={testId} aria-labelledby={`${testId}-title`}>
      <h3 className="subsection-title" id={`${testId}-title`}>
        {t(final ? 'Import.doneTitle' : 'Import.reportTitle')}
      </h3>
      <p data-testid={`${testId}-summary`}>
        {final
          ? t('Import.done', { imported: report.imported, rejected: report.rows.length - report.imported })
          : t('Import.summary', { count: report.rows.length, valid: report.valid, invalid: report.invalid })}
      </p>
      {report.created.length > 0 && (
        <div className="import-created" data-testid={`${testId}-created`}>
          <p>{t(final ? 'Import.created' : 'Import.willCreate')}</p>
          <ul>
            {report.created.map((c) => (
              <li key={`${c.field}:${c.name}`}>{t('Import.createdItem', { field: t(`Import.fields.${c.field}`), name: c.name, count: c.rows })}</li>
            ))}
          </ul>
        </div>
      )}
      <ol className="import-rows">
        {report.rows.map((r) => (
          <li key={r.row} className={r.ok ? 'import-row import-row--ok' : 'import-row import-row--bad'} data-testid={`import-row-${r.row}`}>
            <span className="import-row-no">{t('Import.rowNo', { row: r.row })}</span>
            <span className="import-row-mark" aria-hidden="true">
              {r.ok ? '✓' : '✗'}
            </span>
            <span className="import-row-body">
              <span className="import-row-state">
                {r.registryNo !== null
                  ? t('Import.rowImported', { registryNo: r.registryNo })
                  : final
                    ? t('Import.rowRejected')
                    : r.ok
                      ? t('Import.rowOk')
                      : t('Import.rowInvalid')}
              </span>
              {r.excerpt && <span className="import-row-excerpt muted">{r.excerpt}</span>}
              {r.problems.length > 0 && (
                <ul className="import-problems">
                  {r.problems.map((p, n) => (
                    <li key={n}>{problemText(t, p)}</li>
                  ))}
                </ul>
              )}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
