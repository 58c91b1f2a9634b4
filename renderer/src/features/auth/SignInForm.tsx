import { useId, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n';
import { useAuthStore } from '../../stores/auth.store';
import { useRefusal } from './useRefusal';

/** Login and secret; the core's answer when it refuses, and its wait after five wrong tries. */
export function SignInForm({ onForgot }: { onForgot: () => void }) {
  const { t } = useT();
  const signIn = useAuthStore((s) => s.signIn);
  const id = useId();
  const [login, setLogin] = useState('');
  const [secret, setSecret] = useState('');
  const { error, waiting, busy, attempt } = useRefusal();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await attempt(() => signIn(login, secret), () => setSecret(''));
  }

  return (
    <form className="auth-form" onSubmit={(e) => void submit(e)} noValidate>
      <p className="muted">{t('Auth.signIn.text')}</p>
      <div className="field">
        <label htmlFor={`${id}-login`}>{t('Auth.login')}</label>
        <input id={`${id}-login`} autoComplete="username" spellCheck={false} autoFocus value={login} data-testid="signin-login" onChange={(e) => setLogin(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-secret`}>{t('Auth.secret')}</label>
        <input id={`${id}-secret`} type="password" autoComplete="current-password" value={secret} data-testid="signin-secret" onChange={(e) => setSecret(e.target.value)} />
      </div>
      <ErrorMessage error={error} testId="signin-error" />
      <div className="auth-actions">
        <button type="button" className="button button--quiet" onClick={onForgot} data-testid="signin-forgot">
          {t('Auth.signIn.forgot')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy || waiting || !login.trim() || !secret} data-testid="signin-submit">
          {busy ? t('Auth.signIn.signingIn') : t('Auth.signIn.submit')}
        </button>
      </div>
    </form>
  );
}
