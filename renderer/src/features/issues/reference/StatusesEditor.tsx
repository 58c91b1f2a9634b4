import { useId, useState } from 'react';
import type { IssueStatus } from '../../../../../shared/contract/issues.contract';
import { OUTCOMES, type Outcome } from '../../../../../shared/domain/issues/issue';
import type { ErrorPayload } from '../../../../../shared/errors';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useT } from '../../../i18n';
import { useIssueReferenceStore } from '../../../stores/issue-reference.store';
import { refName } from '../../../hooks/useIssueNames';
import { NamePairForm } from './NamePairForm';
import { errorOf } from '../../../stores/result';

/** Statuses: the seed ones and an administrator's own, each open or closed (closed ones suggest an outcome). */
export function StatusesEditor() {
  const { t, lng } = useT();
  const statuses = useIssueReferenceStore((s) => s.statuses);
  const save = useIssueReferenceStore((s) => s.saveStatus);
  const [editing, setEditing] = useState<IssueStatus | 'add' | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const sorted = [...statuses].sort((a, b) => a.ordinal - b.ordinal);

  async function toggleArchived(s: IssueStatus) {
    setError(errorOf(await save({ id: s.id, revision: s.revision, nameKk: s.nameKk, nameRu: s.nameRu, closed: s.closed, outcome: s.outcome, archived: !s.archived })));
  }

  return (
    <section className="ref-section" aria-labelledby="ref-statuses" data-testid="ref-statuses">
      <div className="ref-head">
        <h3 id="ref-statuses" className="subsection-title">
          {t('Issues.ref.statuses')}
        </h3>
        <button type="button" className="button button--small" data-testid="status-add" onClick={() => setEditing('add')}>
          {t('Issues.ref.addStatus')}
        </button>
      </div>
      {editing === 'add' && <StatusForm status={null} onDone={() => setEditing(null)} />}
      <ErrorMessage error={error} />
      <table className="table table--compact ref-table">
        <thead>
          <tr>
            <th scope="col">{t('Issues.ref.name')}</th>
            <th scope="col">{t('Issues.ref.type')}</th>
            <th scope="col">{t('Issues.ref.defaultOutcome')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('Issues.ref.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((s) => (
            <tr key={s.id} className={s.archived ? 'is-archived' : undefined} data-testid={`status-${s.id}`}>
              <td>
                {refName(s, lng)}
                <span className="table-sub muted">{lng === 'kk' ? s.nameRu : s.nameKk}</span>
                {editing !== 'add' && editing?.id === s.id && <StatusForm status={s} onDone={() => setEditing(null)} />}
              </td>
              <td>
                {s.closed ? t('Issues.ref.closed') : t('Issues.ref.open')}
                {s.archived && <span className="table-sub kind-badge">{t('Issues.ref.archived')}</span>}
              </td>
              <td>{s.outcome ? t(`Issues.outcome.${s.outcome}`) : '—'}</td>
              <td className="nowrap">
                <button type="button" className="button button--quiet button--small" data-testid={`status-edit-${s.id}`} onClick={() => setEditing(s)}>
                  {t('Issues.ref.edit')}
                </button>
                <button type="button" className="button button--quiet button--small" data-testid={`status-archive-${s.id}`} onClick={() => void toggleArchived(s)}>
                  {s.archived ? t('Issues.ref.restore') : t('Issues.ref.archive')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function StatusForm({ status, onDone }: { status: IssueStatus | null; onDone: () => void }) {
  const { t } = useT();
  const save = useIssueReferenceStore((s) => s.saveStatus);
  const ids = { type: useId(), outcome: useId() };
  const [closed, setClosed] = useState(status?.closed ?? false);
  const [outcome, setOutcome] = useState<Outcome>(status?.outcome ?? 'satisfied');

  return (
    <NamePairForm
      initial={{ nameKk: status?.nameKk ?? '', nameRu: status?.nameRu ?? '' }}
      testId="status"
      title={status ? t('Issues.ref.edit') : t('Issues.ref.addStatus')}
      submitLabel={t('Issues.ref.save')}
      onCancel={onDone}
      onSubmit={async (names) => {
        const result = await save({
          ...(status ? { id: status.id, revision: status.revision } : {}),
          ...names,
          closed,
          outcome: closed ? outcome : null,
          archived: status?.archived ?? false,
        });
        if (result.ok) onDone();
        return result;
      }}
    >
      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.type}>{t('Issues.ref.type')}</label>
          <select id={ids.type} value={closed ? 'closed' : 'open'} data-testid="status-type" onChange={(e) => setClosed(e.target.value === 'closed')}>
            <option value="open">{t('Issues.ref.open')}</option>
            <option value="closed">{t('Issues.ref.closed')}</option>
          </select>
        </div>
        {closed && (
          <div className="field">
            <label htmlFor={ids.outcome}>{t('Issues.ref.defaultOutcome')}</label>
            <select id={ids.outcome} value={outcome} data-testid="status-outcome" onChange={(e) => setOutcome(e.target.value as Outcome)}>
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {t(`Issues.outcome.${o}`)}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
    </NamePairForm>
  );
}
