import { useId, useState } from 'react';
import { useT } from '../../i18n';
import { useAuthStore } from '../../stores/auth.store';

/**
 * The recovery code, shown once: large, in groups of five, printable alone, and gone for good
 * once the person says it is written down.
 */
export function RecoveryCodePanel({ onKept }: { onKept?: () => void }) {
  const { t } = useT();
  const code = useAuthStore((s) => s.recoveryCode);
  const codeKept = useAuthStore((s) => s.codeKept);
  const id = useId();
  const [kept, setKept] = useState(false);
  if (!code) return null;
  return (
    <div className="auth-form" data-testid="recovery-code-step">
      <p>{t('Auth.code.text')}</p>
      <section className="auth-code" aria-labelledby={`${id}-label`}>
        <p id={`${id}-label`} className="auth-code-label">
          {t('Auth.code.label')}
        </p>
        <p className="auth-code-value" data-testid="recovery-code">
          {code.split('-').map((group, i) => (
            <span key={i} className="auth-code-group">
              {group}
            </span>
          ))}
        </p>
        <p className="auth-code-note">{t('Auth.code.printNote')}</p>
      </section>
      <label className="auth-check">
        <input type="checkbox" checked={kept} onChange={(e) => setKept(e.target.checked)} data-testid="recovery-code-kept" />
        <span>{t('Auth.code.kept')}</span>
      </label>
      <div className="auth-actions">
        <button type="button" className="button" onClick={() => window.print()} data-testid="recovery-code-print">
          {t('Auth.code.print')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={!kept}
          data-testid="recovery-code-continue"
          onClick={() => {
            codeKept();
            onKept?.();
          }}
        >
          {t('Auth.code.continue')}
        </button>
      </div>
    </div>
  );
}
