import type { IsoDate } from '../domain/dates';
import type { AssessedObligation } from '../domain/rules';
import type { UnitKind } from '../domain/units/unit-kind';
import type { Language, ResumePoint } from './schemas';
import type { AnnouncementChannel, MeetingFormat, MeetingKind, MeetingStatus, QuestionChannel } from '../domain/meetings/meeting';

export interface UnitSummary {
  kato: string;
  kind: UnitKind;
  nameKk: string;
  nameRu: string;
  parent: string | null;
}

/** A search result names its parent too: several units share a name ("Абай ауданы" ×3). */
export interface UnitSearchHit extends UnitSummary {
  parentNameKk: string | null;
  parentNameRu: string | null;
}

export interface Settings {
  language: Language | null;
  /** The akimat this installation serves; its subtree is the working set. */
  workingRoot: UnitSummary | null;
  /** Remind this many days before a window closes with nothing held. */
  reminderDays: number;
  /** The field of a meeting's draft minutes that had focus last: the app reopens there. */
  resume: ResumePoint | null;
}

export interface AppInfo {
  version: string;
  dataDir: string;
  schemaVersion: number;
  katoEdition: string | null;
  installationId: string;
  today: IsoDate;
  /** The desktop can show the system's folder dialog (exchange:chooseFolder); the browser host cannot. */
  canChooseFolder: boolean;
}

/** The long job under way (see JOB_CHANNELS): how far it is, and how many wait behind it. */
export interface JobProgress {
  channel: string;
  /** Steps done of `total` (rows, records, files); total null while it is not yet known. */
  done: number;
  total: number | null;
  queued: number;
}

export type { MeetingStatus };

/** The obligation (rule set + window) a planned meeting is meant to fulfil. */
export interface ObligationRef {
  ruleSetId: string;
  windowKey: string;
}

export interface Official {
  id: string;
  fullName: string;
  positionKk: string;
  positionRu: string;
  body: string;
  /** Point 4.1: a member of the Government or head of a central body, holding or company. */
  isGovernment: boolean;
  /** Point 5: the oblast (city) akim or a deputy. */
  isOblastLeadership: boolean;
}

export interface Akim {
  id: string;
  origin: string;
  revision: number;
  unitKato: string;
  fullName: string;
  positionKk: string;
  positionRu: string;
  termFrom: IsoDate;
  termTo: IsoDate | null;
}

export interface Meeting {
  id: string;
  origin: string;
  revision: number;
  unitKato: string;
  kind: MeetingKind;
  status: MeetingStatus;
  plannedOn: IsoDate | null;
  /** Local time of day, HH:mm. */
  plannedTime: string | null;
  heldOn: IsoDate | null;
  venueName: string;
  venueAddress: string;
  /** A locality of the unit's KATO subtree (or the unit itself). */
  venueKato: string | null;
  format: MeetingFormat;
  broadcastLinks: string[];
  akimId: string | null;
  obligation: ObligationRef | null;
  /** Required when the meeting fulfils no obligation. */
  outsideWindowReason: string;
  announcedOn: IsoDate | null;
  announcementChannels: AnnouncementChannel[];
  questionsChannels: QuestionChannel[];
  questionsFrom: IsoDate | null;
  questionsTo: IsoDate | null;
  attendance: number | null;
  onlineViewers: number | null;
  /** Why it was cancelled or postponed. */
  statusReason: string;
  /** The date it was planned for before the last postponement. */
  postponedFrom: IsoDate | null;
  officials: Official[];
  note: string;
  createdAt: number;
  updatedAt: number;
}

/** A planned meeting shown in its obligation's cell until it is held. */
export interface PlannedRef {
  id: string;
  plannedOn: IsoDate;
  status: MeetingStatus;
}

export interface GridCell extends AssessedObligation {
  planned: PlannedRef | null;
}

export interface GridRow {
  unit: UnitSummary;
  /** Depth below the working root (0 = the root), for indentation. */
  depth: number;
  obligations: GridCell[];
}

export interface ObligationsGrid {
  year: number;
  today: IsoDate;
  rows: GridRow[];
}
