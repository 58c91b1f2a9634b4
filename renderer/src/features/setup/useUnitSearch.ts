import { useEffect, useState } from 'react';
import type { UnitSearchHit } from '../../../../shared/contract/types';
import type { ErrorPayload } from '../../../../shared/errors';
import { api } from '../../api';
import { toErrorPayload } from '../../stores/result';

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
  const trimmed = query.trim();

  useEffect(() => {
    if (trimmed === '') {
      setState(EMPTY);
      return;
    }
    let current = true;
    setState((s) => ({ ...s, searching: true }));
    const timer = setTimeout(() => {
      api.units
        .search({ query: trimmed, reportingOnly: true, limit: LIMIT })
        .then((results) => {
          if (current) setState({ results, answered: trimmed, searching: false, error: null });
        })
        .catch((error: unknown) => {
          if (current) setState({ results: [], answered: trimmed, searching: false, error: toErrorPayload(error) });
        });
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [trimmed]);

  return state;
}
