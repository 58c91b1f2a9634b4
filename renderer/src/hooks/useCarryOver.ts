import { useEffect, useState } from 'react';
import type { IssueRow } from '../../../shared/contract/issues.contract';
import type { ErrorPayload } from '../../../shared/errors';
import { useIssuesStore } from '../stores/issues.store';

export interface CarryOver {
  /** Null until the answer arrives. */
  issues: IssueRow[] | null;
  error: ErrorPayload | null;
}

/** The open issues of the meeting's unit raised at earlier meetings: what its agenda reports on. */
export function useCarryOver(meetingId: string): CarryOver {
  const [state, setState] = useState<CarryOver>({ issues: null, error: null });
  const carryOver = useIssuesStore((s) => s.carryOver);
  useEffect(() => {
    let current = true;
    setState({ issues: null, error: null });
    void carryOver(meetingId).then((result) => {
      if (current) setState(result.ok ? { issues: result.value, error: null } : { issues: null, error: result.error });
    });
    return () => {
      current = false;
    };
  }, [meetingId, carryOver]);
  return state;
}
