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
  // "Not now" puts it away until Esep starts again: at 1366×768 every line of the log counts.
  const [later, setLater] = useState(false);
  if (!open || (later && !creating)) return null;
  return (
    <section className={`note-box first-admin-banner${creating ? '' : ' first-admin-banner--row'}`} aria-labelledby="first-admin-title" data-testid="first-admin-banner">
      <p className="first-admin-banner-text">
        <strong id="first-admin-title">{t('Auth.banner.title')}.</strong> {t('Auth.banner.text')}
      </p>
      {creating ? (
        <FirstAdminForm onCreated={() => setCreating(false)}>
          <button type="button" className="button" onClick={() => setCreating(false)} data-testid="admin-cancel">
            {t('Auth.banner.cancel')}
          </button>
        </FirstAdminForm>
      ) : (
        <div className="first-admin-banner-actions">
          <button type="button" className="button button--primary" onClick={() => setCreating(true)} data-testid="first-admin-open">
            {t('Auth.banner.create')}
          </button>
          <button type="button" className="button" onClick={() => setLater(true)} data-testid="first-admin-later">
            {t('Auth.banner.cancel')}
          </button>
        </div>
      )}
    </section>
  );
}
