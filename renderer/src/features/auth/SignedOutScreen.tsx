import { useState } from 'react';
import { useT } from '../../i18n';
import { AuthCard } from './AuthCard';
import { RecoveryForm } from './RecoveryForm';
import { SignInForm } from './SignInForm';

/** Operators exist and nobody is signed in: sign in, or recover the administrator's secret. */
export function SignedOutScreen() {
  const { t } = useT();
  const [recovering, setRecovering] = useState(false);
  return recovering ? (
    <AuthCard title={t('Auth.recovery.title')} testId="recovery-screen">
      <RecoveryForm onBack={() => setRecovering(false)} />
    </AuthCard>
  ) : (
    <AuthCard title={t('Auth.signIn.title')} testId="signin-screen">
      <SignInForm onForgot={() => setRecovering(true)} />
    </AuthCard>
  );
}
