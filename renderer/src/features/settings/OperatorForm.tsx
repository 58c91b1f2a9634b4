import { useId, useState, type FormEvent } from 'react';
import type { OperatorView } from '../../../../shared/contract/operators.contract';
import { OPERATOR_ROLES, type OperatorRole } from '../../../../shared/domain/operators/roles';
import type { Positions } from '../../../../shared/domain/people/positions';
import type { ErrorPayload } from '../../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PositionFields } from '../../components/PositionFields';
import { invalidFields, TextField } from '../../components/TextField';
import { useT } from '../../i18n';
import { useOperatorsStore } from '../../stores/operators.store';

interface Draft extends Positions {
  login: string;
  name: string;
  role: OperatorRole;
  active: boolean;
  secret: string;
}

function draftOf(o: OperatorView | null): Draft {
  if (!o) return { login: '', name: '', positionKk: '', positionRu: '', role: 'secretary', active: true, secret: '' };
  return { login: o.login, name: o.name, positionKk: o.positionKk, positionRu: o.positionRu, role: o.role, active: o.active, secret: '' };
}

/**
 * Adds an operator (`operator` null) or changes one: profile, role, whether they may sign in,
 * and a secret (required for a new one; for one that exists, only when the administrator sets a
 * new one). The core checks the secret's strength, the login's uniqueness and that the last
 * administrator stays one; its answer is shown here, translated.
 */
export function OperatorForm({ operator, onCancel, onSaved }: { operator: OperatorView | null; onCancel: () => void; onSaved: (o: OperatorView) => void }) {
  const { t } = useT();
  const save = useOperatorsStore((s) => s.save);
  const [draft, setDraft] = useState(() => draftOf(operator));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const base = useId();
  const titleId = `${base}-title`;
  const invalid = invalidFields(error);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const { secret, ...profile } = draft;
    const result = await save({ id: operator?.id ?? null, revision: operator?.revision ?? null, ...profile, ...(secret === '' ? {} : { secret }) });
    setBusy(false);
    if (result.ok) onSaved(result.value);
    else setError(result.error);
  }

  const fieldError = (name: 'login' | 'name' | 'secret') => (invalid.has(name) ? t(`Operators.errors.${name}`) : null);
  const weak = error?.code === 'secret_weak';

  return (
    <form className="form operator-form" noValidate aria-labelledby={titleId} onSubmit={(e) => void submit(e)} data-testid="operator-form">
      <h3 id={titleId} className="subsection-title">
        {operator ? t('Operators.form.titleEdit', { login: operator.login }) : t('Operators.form.titleNew')}
      </h3>
      <div className="field-row">
        <TextField
          id={`${base}-login`}
          label={t('Operators.form.login')}
          value={draft.login}
          onChange={(v) => set('login', v)}
          testId="operator-login"
          hint={t('Operators.form.loginHint')}
          error={fieldError('login')}
          errorTestId="operator-error-login"
        />
        <TextField
          id={`${base}-name`}
          label={t('Operators.form.name')}
          value={draft.name}
          onChange={(v) => set('name', v)}
          testId="operator-name"
          error={fieldError('name')}
          errorTestId="operator-error-name"
        />
      </div>
      <div className="field-row">
        <PositionFields value={draft} onChange={(p) => setDraft((d) => ({ ...d, ...p }))} testId="operator-position" labelled />
      </div>

      <fieldset className="operator-roles">
        <legend className="field-label">{t('Operators.form.role')}</legend>
        {OPERATOR_ROLES.map((role) => (
          <label key={role} className="choice operator-role">
            <input
              type="radio"
              name={`${base}-role`}
              value={role}
              checked={draft.role === role}
              aria-describedby={`${base}-role-${role}`}
              data-testid={`operator-form-role-${role}`}
              onChange={() => set('role', role)}
            />
            <span>
              <span className="operator-role-name">{t(`Operators.roles.${role}`)}</span>
              <span id={`${base}-role-${role}`} className="operator-role-hint">
                {t(`Operators.roleHints.${role}`)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>

      <label className="choice">
        <input type="checkbox" checked={draft.active} data-testid="operator-active" onChange={(e) => set('active', e.target.checked)} />
        {t('Operators.form.active')}
      </label>

      <TextField
        id={`${base}-secret`}
        label={operator ? t('Operators.form.newSecret') : t('Operators.form.secret')}
        type="password"
        autoComplete="new-password"
        value={draft.secret}
        onChange={(v) => set('secret', v)}
        testId="operator-secret"
        // Refused as weak, the rule is the reason: said once, as the error.
        hint={weak ? undefined : operator ? t('Operators.form.newSecretHint') : t('Operators.form.secretRule')}
        error={weak ? t('Errors.secret_weak') : fieldError('secret')}
        errorTestId="operator-error-secret"
      />

      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="operator-save">
          {busy ? t('Operators.form.saving') : t('Operators.form.save')}
        </button>
        <button type="button" className="button" data-testid="operator-cancel" onClick={onCancel}>
          {t('Operators.form.cancel')}
        </button>
      </div>
      {!weak && <ErrorMessage error={error} testId="operator-error" />}
    </form>
  );
}
