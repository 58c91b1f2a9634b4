import { useState } from 'react';
import type { Official } from '../../../../../shared/contract/types';
import { useT } from '../../../i18n';
import { ActionForm } from './ActionForm';
import type { ActionFormProps } from './action-forms';

type Row = Omit<Official, 'id'>;

const EMPTY: Row = { fullName: '', position: '', body: '', isGovernment: false, isOblastLeadership: false };

/**
 * Officials present: name, position, body, and the two marks the decree counts — a member of
 * the Government or head of a central body (point 4.1), the oblast akim or a deputy (point 5).
 */
export function OfficialsForm({ meeting, busy, error, run, refuse, onCancel }: ActionFormProps) {
  const { t } = useT();
  const [rows, setRows] = useState<Row[]>(() => (meeting.officials.length > 0 ? meeting.officials.map(({ id: _id, ...o }) => o) : [{ ...EMPTY }]));
  const update = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  function submit() {
    const kept = rows.filter((r) => r.fullName.trim() || r.position.trim() || r.body.trim());
    if (kept.some((r) => !r.fullName.trim())) return refuse({ code: 'validation', details: { fields: [t('Meeting.officials.name')] } });
    run('setOfficials', {
      id: meeting.id,
      revision: meeting.revision,
      officials: kept.map((r) => ({ ...r, fullName: r.fullName.trim(), position: r.position.trim(), body: r.body.trim() })),
    });
  }

  return (
    <ActionForm title={t('Meeting.actions.setOfficials')} submitLabel={t('Meeting.officials.save')} testId="officials" busy={busy} error={error} onCancel={onCancel} onSubmit={submit}>
      <ol className="official-rows">
        {rows.map((row, i) => (
          <li key={i} className="official-row" aria-label={t('Meeting.officials.rowLabel', { n: i + 1 })}>
            <input
              aria-label={t('Meeting.officials.name')}
              placeholder={t('Meeting.officials.name')}
              maxLength={200}
              value={row.fullName}
              data-testid={`official-name-${i}`}
              onChange={(e) => update(i, { fullName: e.target.value })}
            />
            <input
              aria-label={t('Meeting.officials.position')}
              placeholder={t('Meeting.officials.position')}
              maxLength={300}
              value={row.position}
              data-testid={`official-position-${i}`}
              onChange={(e) => update(i, { position: e.target.value })}
            />
            <input
              aria-label={t('Meeting.officials.body')}
              placeholder={t('Meeting.officials.body')}
              maxLength={300}
              value={row.body}
              data-testid={`official-body-${i}`}
              onChange={(e) => update(i, { body: e.target.value })}
            />
            <label className="choice">
              <input type="checkbox" checked={row.isGovernment} data-testid={`official-gov-${i}`} onChange={(e) => update(i, { isGovernment: e.target.checked })} />
              {t('Meeting.officials.isGovernment')}
            </label>
            <label className="choice">
              <input
                type="checkbox"
                checked={row.isOblastLeadership}
                data-testid={`official-oblast-${i}`}
                onChange={(e) => update(i, { isOblastLeadership: e.target.checked })}
              />
              {t('Meeting.officials.isOblastLeadership')}
            </label>
            <button
              type="button"
              className="button button--quiet button--small align-start"
              data-testid={`official-remove-${i}`}
              onClick={() => setRows(rows.length > 1 ? rows.filter((_, j) => j !== i) : [{ ...EMPTY }])}
            >
              {t('Meeting.officials.remove')}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="button button--small align-start" data-testid="official-add" onClick={() => setRows([...rows, { ...EMPTY }])}>
        {t('Meeting.officials.add')}
      </button>
    </ActionForm>
  );
}
