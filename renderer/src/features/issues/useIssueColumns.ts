import { useEffect, useMemo } from 'react';
import { useIssueColumnsStore } from '../../stores/issue-columns.store';
import { shownColumns } from './columns';

/** The log's columns as shown now: the user's choice, less what gave way to a narrow table. */
export function useIssueColumns() {
  const layout = useIssueColumnsStore((s) => s.layout);
  const available = useIssueColumnsStore((s) => s.available);
  const load = useIssueColumnsStore((s) => s.load);
  useEffect(() => void load(), [load]);
  return useMemo(() => shownColumns(layout, available), [layout, available]);
}
