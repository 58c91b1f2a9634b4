import { useEffect, useRef, useState } from 'react';
import type { Official } from '../../../shared/contract/types';
import { useT } from '../i18n';
import { PositionFields, positionText } from './PositionFields';

/** One person as typed: the meeting's Official without the id the core gives it. */
export type OfficialRow = Omit<Official, 'id'>;

const EMPTY: OfficialRow = { fullName: '', positionKk: '', positionRu: '', body: '', isGovernment: false, isOblastLeadership: false };

/** The rows an editor starts from: the recorded list, or one empty row to type into. */
export function officialRows(officials: readonly Official[]): OfficialRow[] {
  return officials.length > 0 ? officials.map(({ id: _id, ...o }) => o) : [{ ...EMPTY }];
}

/** The list to send: blank rows dropped, text trimmed; null when a row has no name. */
export function officialsToSave(rows: readonly OfficialRow[]): OfficialRow[] | null {
  const kept = rows.filter((r) => r.fullName.trim() || r.positionKk.trim() || r.positionRu.trim() || r.body.trim());
  if (kept.some((r) => !r.fullName.trim())) return null;
  return kept.map((r) => ({ ...r, fullName: r.fullName.trim(), positionKk: r.positionKk.trim(), positionRu: r.positionRu.trim(), body: r.body.trim() }));
}

/** The recorded officials, each with the decree's marks (point 4.1, point 5). */
export function OfficialsList({ officials }: { officials: readonly Official[] }) {
  const { t, lng } = useT();
  return (
    <ul className="plain-list">
      {officials.map((o) => (
        <li key={o.id}>
          {[o.fullName, positionText(o, lng), o.body].filter(Boolean).join(', ')}
          {o.isGovernment && <span className="tag">{t('Meeting.officials.tagGovernment')}</span>}
          {o.isOblastLeadership && <span className="tag">{t('Meeting.officials.tagOblast')}</span>}
        </li>
      ))}
    </ul>
  );
}

/**
 * The rows of officials present: name, position, body, and the two marks the decree counts — a
 * member of the Government or head of a central body (point 4.1), the oblast akim or a deputy
 * (point 5). A new row takes focus; removing one hands focus to the row that takes its place.
 */
export function OfficialRows({ rows, onChange }: { rows: readonly OfficialRow[]; onChange: (rows: OfficialRow[]) => void }) {
  const { t } = useT();
  const list = useRef<HTMLOListElement>(null);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const update = (i: number, patch: Partial<OfficialRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  useEffect(() => {
    if (focusRow === null) return;
    list.current?.querySelector<HTMLElement>(`[data-testid="official-${focusRow}-name"]`)?.focus();
    setFocusRow(null);
  }, [focusRow, rows]);

  function remove(i: number) {
    const left = rows.filter((_, j) => j !== i);
    onChange(left.length > 0 ? left : [{ ...EMPTY }]);
    setFocusRow(Math.min(i, Math.max(left.length - 1, 0)));
  }

  return (
    <>
      <ol className="official-rows" ref={list}>
        {rows.map((row, i) => (
          <li key={i} className="official-row" aria-label={t('Meeting.officials.rowLabel', { n: i + 1 })}>
            <input
              aria-label={t('Meeting.officials.name')}
              placeholder={t('Meeting.officials.name')}
              maxLength={200}
              value={row.fullName}
              data-testid={`official-${i}-name`}
              onChange={(e) => update(i, { fullName: e.target.value })}
            />
            <PositionFields value={row} onChange={(p) => update(i, p)} testId={`official-${i}-position`} />
            <input
              aria-label={t('Meeting.officials.body')}
              placeholder={t('Meeting.officials.body')}
              maxLength={300}
              value={row.body}
              data-testid={`official-${i}-body`}
              onChange={(e) => update(i, { body: e.target.value })}
            />
            <label className="choice">
              <input
                type="checkbox"
                checked={row.isGovernment}
                data-testid={`official-${i}-government`}
                onChange={(e) => update(i, { isGovernment: e.target.checked })}
              />
              {t('Meeting.officials.isGovernment')}
            </label>
            <label className="choice">
              <input
                type="checkbox"
                checked={row.isOblastLeadership}
                data-testid={`official-${i}-oblast`}
                onChange={(e) => update(i, { isOblastLeadership: e.target.checked })}
              />
              {t('Meeting.officials.isOblastLeadership')}
            </label>
            <button
              type="button"
              className="button button--quiet button--small align-start"
              aria-label={t('Meeting.officials.removeRow', { n: i + 1 })}
              data-testid={`official-remove-${i}`}
              onClick={() => remove(i)}
            >
              {t('Meeting.officials.remove')}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button--small align-start"
        data-testid="official-add"
        onClick={() => {
          onChange([...rows, { ...EMPTY }]);
          setFocusRow(rows.length);
        }}
      >
        {t('Meeting.officials.add')}
      </button>
    </>
  );
}
