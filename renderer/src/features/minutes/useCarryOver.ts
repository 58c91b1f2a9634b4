import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import type { IssueRow } from '../../../../shared/contract/issues.contract';
import type { ErrorPayload } from '../../../../shared/errors';
import { api } from '../../api';
import { toErrorPayload } from '../../stores/result';
import type { IssueNames } from '../issues/names';

export interface CarryOver {
  /** Null until the answer arrives. */
  issues: IssueRow[] | null;
  error: ErrorPayload | null;
}

/** The open issues of the meeting's unit raised at earlier meetings: what its agenda reports on. */
export function useCarryOver(meetingId: string): CarryOver {
  const [state, setState] = useState<CarryOver>({ issues: null, error: null });
  useEffect(() => {
    let current = true;
    setState({ issues: null, error: null });
    api.issues
      .carryOver({ meetingId })
      .then((issues) => current && setState({ issues, error: null }))
      .catch((error: unknown) => current && setState({ issues: null, error: toErrorPayload(error) }));
    return () => {
      current = false;
    };
  }, [meetingId]);
  return state;
}

/** "тіркеу № 12: Көше жарығы жоқ — Орындалуда, мерзімі өткен": one open issue on one line. */
export function carryOverLine(issue: IssueRow, names: IssueNames, t: TFunction): string {
  const status = issue.overdue ? t('ActionPlan.carryOver.statusOverdue', { status: names.status(issue.statusId) }) : names.status(issue.statusId);
  return t('ActionPlan.carryOver.line', { number: issue.registryNo, text: issue.text.trim(), status });
}
