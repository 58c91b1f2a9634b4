import { ErrorMessage } from '../../components/ErrorMessage';
import type { ErrorPayload } from '../../../../shared/errors';
import { useT } from '../../i18n';

/** The core's refusal, or what the form itself found (the two secrets differ). */
export function LocalProblem({ problem, testId }: { problem: ErrorPayload | 'mismatch' | null; testId: string }) {
  const { t } = useT();
  if (problem === 'mismatch') {
    return (
      <p className="message message--error" role="alert" data-testid={testId}>
        {t('Auth.mismatch')}
      </p>
    );
  }
  return <ErrorMessage error={problem} testId={testId} />;
}
