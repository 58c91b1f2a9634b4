import { useState } from 'react';
import { useT } from '../../i18n';
import { useAuthStore } from '../../stores/auth.store';
import { FirstAdminForm } from './FirstAdminForm';

/**
 * An installation set up by a version before operators: open to anyone at the computer until
 * an administrator exists. The gate shows the recovery code once they are created.
 */
export function FirstAdminBanner() {
  const { t } = useT();
  const open = useAuthStore((s) => s.state !== null && !s.state.operatorsExist);
  const [creating, setCreating] = useState(false);
  if (!open) return null;
  return (
    <section className="note-box first-admin-banner" aria-labelledby="first-admin-title" data-testid="first-admin-banner">
      <h2 id="first-admin-title" className="subsection-title">
        {t('Auth.banner.title')}
      </h2>
      <p>{t('Auth.banner.text')}</p>
      {creating ? (
        <FirstAdminForm onCreated={() => setCreating(false)}>
          <button type="button" className="button" onClick={() => setCreating(false)} data-testid="admin-cancel">
            {t('Auth.banner.cancel')}
          </button>
        </FirstAdminForm>
      ) : (
        <div>
          <button type="button" className="button button--primary" onClick={() => setCreating(true)} data-testid="first-admin-open">
            {t('Auth.banner.create')}
          </button>
        </div>
      )}
    </section>
  );
}
