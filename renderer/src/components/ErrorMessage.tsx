import { useCallback } from 'react';
import { isIsoDate } from '../../../shared/domain/dates';
import type { ErrorPayload } from '../../../shared/errors';
import { errorMessage } from '../../../shared/i18n';
import { formatUiDate, looksLikeIsoDate } from '../format/dates';
import { useT } from '../i18n';

/** Translates an error payload; dates in its details are shown the way the UI shows dates. */
export function useErrorText(): (error: ErrorPayload) => string {
  const { t, lng } = useT();
  return useCallback(
    (error: ErrorPayload) => {
      if (!error.details) return errorMessage(t, error);
      const details = Object.fromEntries(
        Object.entries(error.details).map(([key, value]) => [
          key,
          typeof value === 'string' && looksLikeIsoDate(value) && isIsoDate(value) ? formatUiDate(value, lng) : value,
        ]),
      );
      return errorMessage(t, { code: error.code, details });
    },
    [t, lng],
  );
}

export function ErrorMessage({ error, testId }: { error: ErrorPayload | null; testId?: string }) {
  const text = useErrorText();
  if (!error) return null;
  return (
    <p className="message message--error" role="alert" data-testid={testId}>
      {text(error)}
    </p>
  );
}
