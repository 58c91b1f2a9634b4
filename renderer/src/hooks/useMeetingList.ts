import { useEffect, useState } from 'react';
import type { Meeting } from '../../../shared/contract/types';
import type { ErrorPayload } from '../../../shared/errors';
import { listKey, useMeetingsStore, type ListQuery } from '../stores/meetings.store';
import { errorOf } from '../stores/result';

/** Meetings for a query, fetched again after every change; the last answer stays on screen meanwhile. */
export function useMeetingList(query: ListQuery | null): { meetings: Meeting[] | null; error: ErrorPayload | null } {
  const key = query ? listKey(query) : null;
  const version = useMeetingsStore((s) => s.version);
  const loadList = useMeetingsStore((s) => s.loadList);
  const meetings = useMeetingsStore((s) => (key ? (s.lists[key] ?? null) : null));
  const [error, setError] = useState<ErrorPayload | null>(null);

  useEffect(() => {
    if (!query) return;
    let current = true;
    void loadList(query).then((result) => {
      if (current) setError(errorOf(result));
    });
    return () => {
      current = false;
    };
    // The key stands for the query's content: a new object with the same content is no new query.
  }, [key, version, loadList]);

  return { meetings, error };
}
