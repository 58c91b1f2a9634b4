import { create } from 'zustand';
import { api } from '../api';
import type { FileData } from '../../../shared/contract/minutes.contract';
import type { PeriodReport, ReportExportInput } from '../../../shared/contract/reports.contract';
import type { ReportPeriod } from '../../../shared/domain/reports/period';
import type { ErrorPayload } from '../../../shared/errors';
import { attempt, type Result } from './result';
import { onReset } from './reset';

/** What a report is asked for: a reporting unit of the working set (its subtree) over a period. */
export interface ReportQuery {
  unitKato: string;
  period: ReportPeriod;
}

interface ReportsData {
  /** The latest report asked for; null until the screen first opens. */
  query: ReportQuery | null;
  /** The latest report that arrived: it stays on screen (dimmed) while a newer one loads. */
  report: PeriodReport | null;
  loading: boolean;
  error: ErrorPayload | null;
  /** Bumped when a change elsewhere may have moved the figures: the screen asks again. */
  version: number;
}

interface ReportsActions {
  /** Asks for a report; a later request wins over an earlier one that answers after it. */
  load(query: ReportQuery): Promise<Result<PeriodReport>>;
  /** The figures may be stale (a meeting changed): the report on screen is fetched again. */
  invalidate(): void;
  /** The report, or a group A unit's point 3 note, as a file to save. */
  export(input: ReportExportInput): Promise<Result<FileData>>;
}

export type ReportsState = ReportsData & ReportsActions;

const initial: ReportsData = { query: null, report: null, loading: false, error: null, version: 0 };

// Not state: which request is the latest (nothing renders from it).
let latestRequest = 0;

/** The Reports screen's report: one reports:get per unit and period picked. */
export const useReportsStore = create<ReportsState>()((set, get) => ({
  ...initial,

  async load(query) {
    const request = ++latestRequest;
    set({ query, loading: true, error: null });
    const result = await attempt(() => api.reports.get(query));
    if (request === latestRequest) set(result.ok ? { report: result.value, loading: false } : { loading: false, error: result.error });
    return result;
  },

  invalidate() {
    if (get().query !== null) set((s) => ({ version: s.version + 1 }));
  },

  async export(input) {
    const result = await attempt(() => api.reports.export(input));
    // The first export of a note is the day point 3 counts it as sent: the rows on screen move.
    if (result.ok && input.document === 'point3') get().invalidate();
    return result;
  },
}));

onReset(() => {
  latestRequest = 0;
  useReportsStore.setState(initial);
});
