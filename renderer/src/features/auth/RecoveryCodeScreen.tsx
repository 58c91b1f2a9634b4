import { useT } from '../../i18n';
import { AuthCard } from './AuthCard';
import { RecoveryCodePanel } from './RecoveryCodePanel';

/** A new code outside the wizard (after a recovery, or the banner's administrator): before the app. */
export function RecoveryCodeScreen() {
  const { t } = useT();
  return (
    <AuthCard title={t('Auth.code.title')} testId="recovery-code-screen">
      <RecoveryCodePanel />
    </AuthCard>
  );
}
