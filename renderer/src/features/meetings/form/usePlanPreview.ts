import { useEffect, useState } from 'react';
import type { PlanPreview } from '../../../../../shared/contract/meetings.contract';
import { isIsoDate } from '../../../../../shared/domain/dates';
import type { ErrorPayload } from '../../../../../shared/errors';
import { useMeetingsStore } from '../../../stores/meetings.store';

export interface PreviewState {
  /** `unit|date` the preview answers, so the form applies a suggestion once per change. */
  key: string | null;
  preview: PlanPreview | null;
  error: ErrorPayload | null;
  loading: boolean;
}

const EMPTY: PreviewState = { key: null, preview: null, error: null, loading: false };

/** The core's reading of a date for a unit: the obligation to pre-select and what to warn about. */
export function usePlanPreview(unitKato: string, date: string, excludeMeetingId: string | null): PreviewState {
  const [state, setState] = useState<PreviewState>(EMPTY);
  const preview = useMeetingsStore((s) => s.preview);
  useEffect(() => {
    if (!unitKato || !isIsoDate(date)) {
      setState(EMPTY);
      return;
    }
    let current = true;
    const key = `${unitKato}|${date}`;
    setState((s) => ({ ...s, loading: true }));
    void preview(excludeMeetingId ? { unitKato, date, excludeMeetingId } : { unitKato, date }).then((result) => {
      if (!current) return;
      if (result.ok) setState({ key, preview: result.value, error: null, loading: false });
      else setState({ key, preview: null, error: result.error, loading: false });
    });
    return () => {
      current = false;
    };
  }, [unitKato, date, excludeMeetingId, preview]);
  return state;
}
