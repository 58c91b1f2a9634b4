import { useId, useState, type FormEvent } from 'react';
import type { ErrorPayload } from '../../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Fact } from '../../components/Fact';
import { positionText } from '../../components/PositionFields';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n';
import { useAuthStore } from '../../stores/auth.store';
import { useOperatorsStore } from '../../stores/operators.store';

/** Settings → My account: who is signed in, in which role, and their own secret. */
export function AccountSection() {
  const { t, lng } = useT();
  const operator = useAuthStore((s) => s.state?.operator ?? null);
  if (!operator) return null;
  return (
    <section className="card account" aria-labelledby="settings-account" data-testid="settings-account">
      <h2 id="settings-account" className="section-title">
        {t('Account.title')}
      </h2>
      <dl className="facts">
        <Fact label={t('Account.name')} testId="account-name">
          {operator.name}
        </Fact>
        <Fact label={t('Account.login')}>
          <code>{operator.login}</code>
        </Fact>
        <Fact label={t('Account.role')} testId="account-role">
          {t(`Operators.roles.${operator.role}`)}
        </Fact>
        {(operator.positionKk || operator.positionRu) && <Fact label={t('Account.position')}>{positionText(operator, lng)}</Fact>}
      </dl>
      <ChangeSecretForm />
    </section>
  );
}

function ChangeSecretForm() {
  const { t } = useT();
  const changeOwnSecret = useOperatorsStore((s) => s.changeOwnSecret);
  const [current, setCurrent] = useState('');
  const [secret, setSecret] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [done, setDone] = useState(false);
  const base = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setDone(false);
    setError(null);
    if (secret !== repeat) {
      setMismatch(true);
      document.getElementById(`${base}-repeat`)?.focus();
      return;
    }
    setMismatch(false);
    setBusy(true);
    const result = await changeOwnSecret(current, secret);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setCurrent('');
    setSecret('');
    setRepeat('');
    setDone(true);
  }

  const edit = (setter: (v: string) => void) => (v: string) => {
    setDone(false);
    setMismatch(false);
    setter(v);
  };

  return (
    <form className="form account-secret" noValidate aria-labelledby={`${base}-title`} onSubmit={(e) => void submit(e)} data-testid="account-secret-form">
      <h3 id={`${base}-title`} className="subsection-title">
        {t('Account.change.title')}
      </h3>
      <TextField
        id={`${base}-current`}
        label={t('Account.change.current')}
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={edit(setCurrent)}
        testId="account-current"
      />
      <div className="field-row">
        <TextField
          id={`${base}-secret`}
          label={t('Account.change.secret')}
          type="password"
          autoComplete="new-password"
          value={secret}
          onChange={edit(setSecret)}
          testId="account-secret"
          hint={error?.code === 'secret_weak' ? undefined : t('Operators.form.secretRule')}
          error={error?.code === 'secret_weak' ? t('Errors.secret_weak') : null}
          errorTestId="account-error-secret"
        />
        <TextField
          id={`${base}-repeat`}
          label={t('Account.change.repeat')}
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={edit(setRepeat)}
          testId="account-repeat"
          error={mismatch ? t('Account.change.mismatch') : null}
          errorTestId="account-error-repeat"
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy || current === '' || secret === ''} data-testid="account-save">
          {busy ? t('Account.change.saving') : t('Account.change.save')}
        </button>
        {done && (
          <p className="message message--success" role="status" data-testid="account-saved">
            {t('Account.change.saved')}
          </p>
        )}
      </div>
      {error?.code !== 'secret_weak' && <ErrorMessage error={error} testId="account-error" />}
    </form>
  );
}
