import { IMPORT_FIELDS, type ImportField, type ImportMapping, type ImportPreview } from '../../../../../shared/contract/issues-import.contract';
import { useT } from '../../../i18n';

/** Excel's column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The field a column is mapped to, if any. */
export function fieldOfColumn(mapping: ImportMapping, column: number): ImportField | null {
  return IMPORT_FIELDS.find((f) => mapping[f] === column) ?? null;
}

/** Maps `column` to `field` (null: not imported); a field is read from one column only. */
export function mapColumn(mapping: ImportMapping, column: number, field: ImportField | null): ImportMapping {
  const next: ImportMapping = {};
  for (const f of IMPORT_FIELDS) {
    const c = mapping[f];
    if (c !== undefined && c !== column && f !== field) next[f] = c;
  }
  if (field) next[field] = column;
  return next;
}

/**
 * The file's first rows as a table; above each column, the log field it goes to (pre-filled
 * from the suggestion, changed by the user). Columns are named as in Excel (A, B, C…) and by
 * their header text.
 */
export function MappingTable({ preview, mapping, disabled, onChange }: {
  preview: ImportPreview;
  mapping: ImportMapping;
  disabled: boolean;
  onChange: (mapping: ImportMapping) => void;
}) {
  const { t } = useT();
  const header = (c: number) => preview.columns[c] || t('Import.column', { n: columnLetter(c) });
  return (
    <div className="import-table-scroll">
      <table className="import-table">
        <caption className="visually-hidden">{t('Import.sampleCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="import-rowno" />
            {preview.columns.map((_, c) => (
              <th key={c} scope="col" className={fieldOfColumn(mapping, c) ? 'import-col import-col--mapped' : 'import-col'}>
                <select
                  aria-label={t('Import.mapLabel', { column: header(c) })}
                  data-testid={`import-map-${c}`}
                  value={fieldOfColumn(mapping, c) ?? ''}
                  disabled={disabled}
                  onChange={(e) => onChange(mapColumn(mapping, c, (e.target.value || null) as ImportField | null))}
                >
                  <option value="">{t('Import.notImported')}</option>
                  {IMPORT_FIELDS.map((f) => (
                    <option key={f} value={f}>
                      {t(`Import.fields.${f}`)}
                    </option>
                  ))}
                </select>
              </th>
            ))}
          </tr>
          <tr>
            <th scope="col" className="import-rowno">
              {preview.headerRow}
            </th>
            {preview.columns.map((_, c) => (
              <th key={c} scope="col" className="import-header-cell">
                <span className="import-letter">{columnLetter(c)}</span> {preview.columns[c]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.sample.map(({ row, cells }) => (
            <tr key={row}>
              <th scope="row" className="import-rowno muted">
                {row}
              </th>
              {preview.columns.map((_, c) => (
                <td key={c}>{cells[c] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
