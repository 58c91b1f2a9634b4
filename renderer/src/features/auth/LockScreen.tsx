import { useId, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n';
import { useAuthStore } from '../../stores/auth.store';
import { useRefusal } from './useRefusal';

/**
 * Over the shell (which stays rendered, inert, unsaved typing and all): only the operator whose
 * screen it is unlocks it; anyone else signs them out and signs in.
 */
export function LockScreen() {
  const { t } = useT();
  const operator = useAuthStore((s) => s.state?.operator ?? null);
  const unlock = useAuthStore((s) => s.unlock);
  const signOut = useAuthStore((s) => s.signOut);
  const id = useId();
  const [secret, setSecret] = useState('');
  const { error, waiting, busy, attempt } = useRefusal();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await attempt(() => unlock(secret), () => setSecret(''));
  }

  return (
    <div className="lock-overlay" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} data-testid="lock-screen">
      <form className="auth-card lock-card" onSubmit={(e) => void submit(e)} noValidate>
        <h1 id={`${id}-title`} className="auth-title">
          {t('Auth.lock.title')}
        </h1>
        {operator && (
          <p className="lock-operator" data-testid="lock-operator">
            <span className="lock-operator-name">{operator.name}</span>
            <span className="muted">{t(`Auth.role.${operator.role}`)}</span>
          </p>
        )}
        <p className="muted">{t('Auth.lock.text', { name: operator?.name ?? '' })}</p>
        <div className="field">
          <label htmlFor={`${id}-secret`}>{t('Auth.secret')}</label>
          <input id={`${id}-secret`} type="password" autoComplete="current-password" autoFocus value={secret} data-testid="lock-secret" onChange={(e) => setSecret(e.target.value)} />
        </div>
        <ErrorMessage error={error} testId="lock-error" />
        <div className="auth-actions">
          <button type="button" className="button button--quiet" onClick={() => void signOut()} data-testid="lock-other">
            {t('Auth.lock.other')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy || waiting || !secret} data-testid="lock-submit">
            {busy ? t('Auth.lock.unlocking') : t('Auth.lock.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
