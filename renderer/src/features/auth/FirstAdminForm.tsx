import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { ErrorPayload } from '../../../../shared/errors';
import { PositionFields } from '../../components/PositionFields';
import { useT } from '../../i18n';
import { useAuthStore } from '../../stores/auth.store';
import { LocalProblem } from './LocalProblem';
import { NewSecretFields } from './NewSecretFields';
import { newSecretProblem } from './secrets';

/**
 * The first administrator (the setup wizard, or the banner of an installation set up before
 * operators existed). The core creates them, signs them in and issues the recovery code, which
 * the auth store holds until it is written down.
 */
export function FirstAdminForm({ onCreated, children }: { onCreated: () => void; children?: ReactNode }) {
  const { t } = useT();
  const createFirst = useAuthStore((s) => s.createFirst);
  const id = useId();
  const [login, setLogin] = useState('');
  const [name, setName] = useState('');
  const [positions, setPositions] = useState({ positionKk: '', positionRu: '' });
  const [secret, setSecret] = useState({ value: '', again: '' });
  const [problem, setProblem] = useState<ErrorPayload | 'mismatch' | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local = newSecretProblem(secret.value, secret.again);
    setProblem(local);
    if (local || busy) return;
    setBusy(true);
    const result = await createFirst({ login, name, ...positions, secret: secret.value });
    setBusy(false);
    if (result.ok) onCreated();
    else setProblem(result.error);
  }

  return (
    <form className="auth-form" onSubmit={(e) => void submit(e)} noValidate data-testid="first-admin">
      <p className="muted">{t('Auth.firstAdmin.text')}</p>
      <div className="auth-form-grid">
        <div className="field">
          <label htmlFor={`${id}-login`}>{t('Auth.login')}</label>
          <input
            id={`${id}-login`}
            autoComplete="username"
            spellCheck={false}
            autoFocus
            value={login}
            aria-describedby={`${id}-login-hint`}
            data-testid="admin-login"
            onChange={(e) => setLogin(e.target.value)}
          />
          <p id={`${id}-login-hint`} className="hint field-hint">
            {t('Auth.firstAdmin.loginHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('Auth.firstAdmin.name')}</label>
          <input id={`${id}-name`} autoComplete="name" value={name} data-testid="admin-name" onChange={(e) => setName(e.target.value)} />
        </div>
        <PositionFields value={positions} onChange={setPositions} testId="admin-position" labelled />
        <NewSecretFields value={secret.value} again={secret.again} onChange={(value, again) => setSecret({ value, again })} testId="admin" />
      </div>
      <LocalProblem problem={problem} testId="admin-error" />
      <div className="auth-actions">
        {children}
        <button type="submit" className="button button--primary" disabled={busy || !login.trim() || !name.trim()} data-testid="admin-submit">
          {busy ? t('Auth.firstAdmin.saving') : t('Auth.firstAdmin.submit')}
        </button>
      </div>
    </form>
  );
}
