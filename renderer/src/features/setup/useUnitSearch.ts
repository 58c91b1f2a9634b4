import { useEffect, useState } from 'react';
import type { UnitSearchHit } from '../../../../shared/contract/types';
import type { ErrorPayload } from '../../../../shared/errors';
import { useUnitsStore } from '../../stores/units.store';

const SEARCH_DEBOUNCE_MS = 250;
const LIMIT = 30;

export interface UnitSearch {
  results: UnitSearchHit[];
  /** The query the results answer (trimmed); null before the first answer. */
  answered: string | null;
  searching: boolean;
  error: ErrorPayload | null;
}

const EMPTY: UnitSearch = { results: [], answered: null, searching: false, error: null };

/** Units with an akim matching a query (Kazakh or Russian name, or a KATO code), debounced. */
export function useUnitSearch(query: string): UnitSearch {
  const [state, setState] = useState<UnitSearch>(EMPTY);
  const search = useUnitsStore((s) => s.search);
  const trimmed = query.trim();

  useEffect(() => {
    if (trimmed === '') {
      setState(EMPTY);
      return;
    }
    let current = true;
    setState((s) => ({ ...s, searching: true }));
    const timer = setTimeout(() => {
      void search({ query: trimmed, reportingOnly: true, limit: LIMIT }).then((result) => {
        if (!current) return;
        if (result.ok) setState({ results: result.value, answered: trimmed, searching: false, error: null });
        else setState({ results: [], answered: trimmed, searching: false, error: result.error });
      });
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [trimmed, search]);

  return state;
}
