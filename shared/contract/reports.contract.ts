import { z } from 'zod';
import type { ParticipationWarning } from './calendar.contract';
import type { UnitSummary } from './types';
import type { FileData } from './minutes.contract';
import { channel, IsoDateString, KatoCode, Language } from './schemas';
import type { IsoDate } from '../domain/dates';
import type { Outcome } from '../domain/issues/issue';
import type { Figures, MeetingFigures } from '../domain/reports/figures';
import type { ReportPeriod } from '../domain/reports/period';

export type { Figures, ReportPeriod };

/** One reporting unit of the subtree with its own figures (not its children's). */
export interface ReportUnitRow extends UnitSummary, Figures {
  /** Levels under the report's unit (0: the unit itself). */
  depth: number;
  /** Its Decree 615 group in the period (A, B, C), null if another rule set governs it. */
  group: string | null;
}

/** Decree point 3 for a group A unit: its meeting, the day the information note is due, and whether it is late. */
export interface Point3Row {
  unit: UnitSummary;
  windowKey: string;
  /** What its information note reports on (for Decree 615 the calendar year before the meeting): the period to export the note for. */
  covers: ReportPeriod;
  /** The meeting that fulfils the obligation (what the row opens), null before one is held. */
  meetingId: string | null;
  heldOn: IsoDate | null;
  reportDue: IsoDate | null;
  /** The first export of the point 3 note for this unit and year, if any. */
  reportedOn: IsoDate | null;
  /** Due and not reported by the due day (as of today). */
  late: boolean;
}

export interface TrendQuarter extends ReportPeriod {
  /** `2025-Q3`. */
  key: string;
  /** The windows opening in the quarter (meetings held are the period's figure, not the trend's). */
  meetings: Omit<MeetingFigures, 'held'>;
  issuesRaised: number;
  /** Of those raised in the quarter, closed by today. */
  issuesClosed: number;
}

/** The names a report's keys stand for, in both languages (reference data, not UI text). */
export interface ReportStatus {
  id: string;
  nameKk: string;
  nameRu: string;
  closed: boolean;
  outcome: Outcome | null;
}
export interface ReportCategory {
  id: string;
  nameKk: string;
  nameRu: string;
}

/**
 * A period report of a unit consolidated over its subtree of the working set: the totals (the
 * sum of the rows, always), a row per reporting unit, and what the decree asks to watch. Keyed
 * by unit and record only, so records received from lower installations count like local ones.
 */
export interface PeriodReport extends Figures {
  unit: UnitSummary;
  period: ReportPeriod;
  today: IsoDate;
  units: ReportUnitRow[];
  statuses: ReportStatus[];
  /** The top-level categories `issues.byCategory` counts by (sub-categories rolled up). */
  categories: ReportCategory[];
  participation: ParticipationWarning[];
  point3: Point3Row[];
  /** The last eight quarters up to the period's end, for the whole subtree. */
  trend: TrendQuarter[];
}

/**
 * An issue of the annex of unresolved issues: raised in the period and not closed today. The
 * author's name and phone are there only when the export asked for personal data.
 */
export interface UnresolvedIssueRow {
  unit: UnitSummary;
  registryNo: number;
  raisedOn: IsoDate;
  text: string;
  /** Its own category (a sub-category is named as it is). */
  category: { nameKk: string; nameRu: string } | null;
  body: { nameKk: string; nameRu: string } | null;
  person: string | null;
  deadline: IsoDate | null;
  /** Days past the deadline today; null when not overdue. */
  daysOverdue: number | null;
  author: { fullName: string; phone: string } | null;
}

export const REPORT_SECTIONS = ['summary', 'units', 'categories', 'unresolved', 'charts'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const REPORT_FORMATS = ['docx', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The period report, or (for a group A unit) the point 3 information note with the lower akims' results. */
export const REPORT_DOCUMENTS = ['period', 'point3'] as const;
export type ReportDocument = (typeof REPORT_DOCUMENTS)[number];

export const ReportPeriodInput = z.object({ start: IsoDateString, end: IsoDateString }).strict();

const ReportQuery = { unitKato: KatoCode, period: ReportPeriodInput };

export const ReportExportInput = z
  .object({
    ...ReportQuery,
    document: z.enum(REPORT_DOCUMENTS),
    format: z.enum(REPORT_FORMATS),
    /** The document's language, independent of the UI's. */
    language: Language,
    sections: z.array(z.enum(REPORT_SECTIONS)).min(1).max(REPORT_SECTIONS.length),
    /** Authors' names and phones in the annex; off unless asked, and recorded when on. */
    personalData: z.boolean(),
  })
  .strict();
export type ReportExportInput = z.infer<typeof ReportExportInput>;

/** Period reports (issue 10): the figures on screen, and the documents that leave the akimat. */
export const reportsContract = {
  'reports:get': channel<PeriodReport>()(z.object(ReportQuery).strict()),
  /** The report (or the point 3 note) as a file, recorded in the audit log as an export. */
  'reports:export': channel<FileData>()(ReportExportInput),
};
