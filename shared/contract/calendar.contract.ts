import { z } from 'zod';
import type { GridCell, Settings, UnitSummary } from './types';
import type { IsoDate } from '../domain/dates';
import type { ComplianceStatus } from '../domain/rules';
import type { MeetingStatus } from '../domain/meetings/meeting';
import { channel, IsoDateString, Language, NoInput, Year } from './schemas';

export interface DashboardEntry {
  unit: UnitSummary;
  cell: GridCell;
  /** Days from today to the window's last day (negative once it has closed). */
  daysLeft: number;
}

/** Decree points 4.1 (group A: Government-level participants) and 5 (group B, Q1: oblast akim or a deputy). */
export interface ParticipationWarning {
  unit: UnitSummary;
  meetingId: string;
  /** The held date, or the planned date of a meeting not held yet. */
  date: IsoDate;
  status: MeetingStatus;
  point: '4.1' | '5';
}

/** Point 3: a group A akim informs the Presidential Administration and the Government within a month. */
export interface ReportDeadline {
  unit: UnitSummary;
  meetingId: string;
  heldOn: IsoDate;
  reportDue: IsoDate;
  daysLeft: number;
}

export interface Dashboard {
  year: number;
  today: IsoDate;
  /** Obligations of the year by status; `planned` counts open/upcoming ones that have a planned meeting. */
  counts: Record<ComplianceStatus | 'planned', number>;
  /** Open or upcoming windows closing within 30 days with nothing held and nothing planned. */
  closingSoon: DashboardEntry[];
  missed: DashboardEntry[];
  heldLate: DashboardEntry[];
  participation: ParticipationWarning[];
  reportDeadlines: ReportDeadline[];
}

/**
 * `meeting_unmarked`: planned on a day that has passed and not marked held (or cancelled, or
 * postponed again); `issues_overdue` / `issues_due_soon`: the working set's open issues past
 * their deadline / with a deadline from today to the reminder days ahead, one reminder each.
 */
export type ReminderKind = 'window_closing' | 'meeting_tomorrow' | 'meeting_unmarked' | 'issues_overdue' | 'issues_due_soon';

export interface Reminder {
  /** Stable for the same fact, so a reminder shown once is not shown again. */
  id: string;
  kind: ReminderKind;
  /** The window's or the meeting's unit; the working root for the issue reminders. */
  unit: UnitSummary;
  /** The window's last day, the meeting's date, today (overdue) or the last day counted as due soon. */
  date: IsoDate;
  /** Days from today to `date` (negative for a meeting already past). */
  daysLeft: number;
  meetingId: string | null;
  windowKey: string | null;
  /** How many issues an issue reminder stands for; 1 for the others. */
  count: number;
}

export interface IcsFile {
  fileName: string;
  content: string;
}

/** The calendar's read models: dashboard, reminders, iCal export. */
export const calendarContract = {
  'dashboard:get': channel<Dashboard>()(z.object({ year: Year }).strict()),
  'reminders:list': channel<Reminder[]>()(NoInput),
  'settings:setReminderDays': channel<Settings>()(z.object({ days: z.number().int().min(1).max(90) }).strict()),
  'meetings:exportIcs': channel<IcsFile>()(
    z.object({ from: IsoDateString, to: IsoDateString, language: Language }).strict(),
  ),
};
