import { useEffect, useState } from 'react';
import type { OperatorView } from '../../../../shared/contract/operators.contract';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatOfficialInstant, formatTime } from '../../format/dates';
import { useT } from '../../i18n';
import { useAuthStore } from '../../stores/auth.store';
import { useOperatorsStore } from '../../stores/operators.store';
import { IdleLockSetting } from './IdleLockSetting';
import { OperatorForm } from './OperatorForm';
import { RecoveryCodeSetting } from './RecoveryCodeSetting';

/** Which form is open: none, a new operator, or one of the list's. */
type Editing = null | 'new' | OperatorView;

/**
 * Settings → Operators (issue 14, point 1), for an operator with `operators.manage`: who works
 * on this installation and in which role, the idle lock and the administrator's recovery code.
 */
export function OperatorsSection() {
  const { t, lng } = useT();
  const list = useOperatorsStore((s) => s.list);
  const listError = useOperatorsStore((s) => s.listError);
  const load = useOperatorsStore((s) => s.load);
  const me = useAuthStore((s) => s.state?.operator?.id ?? null);
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  function open(target: Editing) {
    setSaved(null);
    setEditing(target);
  }

  return (
    <section className="card operators" aria-labelledby="settings-operators" data-testid="settings-operators">
      <h2 id="settings-operators" className="section-title">
        {t('Operators.title')}
      </h2>
      <p className="muted">{t('Operators.intro')}</p>
      {list === null ? (
        listError ? <ErrorMessage error={listError} testId="operators-load-error" /> : <p className="muted">{t('Operators.loading')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table operators-table" data-testid="operators-table">
            <caption className="visually-hidden">{t('Operators.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Operators.columns.name')}</th>
                <th scope="col">{t('Operators.columns.login')}</th>
                <th scope="col">{t('Operators.columns.role')}</th>
                <th scope="col">{t('Operators.columns.active')}</th>
                <th scope="col">{t('Operators.columns.lastSignIn')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('Operators.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((o) => (
                <tr key={o.id} data-testid={`operator-row-${o.login}`} className={o.active ? undefined : 'operators-row--inactive'}>
                  <td>
                    {o.name}
                    {o.id === me && <span className="operators-you"> ({t('Operators.you')})</span>}
                    <span className="table-sub muted">{lng === 'kk' ? o.positionKk || o.positionRu : o.positionRu || o.positionKk}</span>
                  </td>
                  <td>
                    <code>{o.login}</code>
                  </td>
                  <td data-testid={`operator-role-${o.login}`}>{t(`Operators.roles.${o.role}`)}</td>
                  <td>{o.active ? t('Operators.activeYes') : t('Operators.activeNo')}</td>
                  <td className="operators-when">{o.lastSignInAt === null ? t('Operators.never') : t('Operators.when', { date: formatOfficialInstant(o.lastSignInAt, lng), time: formatTime(o.lastSignInAt) })}</td>
                  <td className="operators-row-actions">
                    <button type="button" className="button button--small" data-testid={`operator-edit-${o.login}`} onClick={() => open(o)}>
                      {t('Operators.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {saved && (
        <p className="message message--success" role="status" data-testid="operator-saved">
          {t('Operators.form.saved', { login: saved })}
        </p>
      )}
      {editing === null ? (
        <div className="form-actions">
          <button type="button" className="button button--primary" data-testid="operator-add" onClick={() => open('new')}>
            {t('Operators.add')}
          </button>
        </div>
      ) : (
        <OperatorForm
          key={editing === 'new' ? 'new' : editing.id}
          operator={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(o) => {
            setEditing(null);
            setSaved(o.login);
          }}
        />
      )}
      <IdleLockSetting />
      <RecoveryCodeSetting />
    </section>
  );
}
