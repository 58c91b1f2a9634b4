import type Database from 'better-sqlite3';
import { m0010Initial } from './0010-initial';
import { m0020MeetingPlanning } from './0020-meeting-planning';
import { m0030Minutes } from './0030-minutes';
import { m0040Issues } from './0040-issues';
import { m0050UnitClosure } from './0050-unit-closure';
import { m0060IssueReportCounts } from './0060-issue-report-counts';
import { m0070Ownership } from './0070-ownership';
import { m0080Outbox } from './0080-outbox';
import { m0090IssueLogIndexes } from './0090-issue-log-indexes';
import { m0100MeetingIndexes } from './0100-meeting-indexes';
import { m0110ImportRuns } from './0110-import-runs';
import { m0120SearchStems } from './0120-search-stems';
import { m0130Holidays } from './0130-holidays';
import { m0140PositionsInBothLanguages } from './0140-positions-in-both-languages';
import { m0160ImportRunEntries } from './0160-import-run-entries';
import { m0170Operators } from './0170-operators';

export interface Migration {
  /** Stored in `PRAGMA user_version` once applied; numbered in steps of 10. */
  version: number;
  name: string;
  /**
   * Rebuilds a table (SQLite's way of changing a constraint): foreign keys are switched off
   * around the transaction and every key is checked before it commits (see migrate.ts).
   */
  rebuildsTables?: boolean;
  up(db: Database.Database): void;
}

/** Listed explicitly (no directory scan) so the list is the same inside an asar archive. */
export const MIGRATIONS: readonly Migration[] = [
  m0010Initial,
  m0020MeetingPlanning,
  m0030Minutes,
  m0040Issues,
  m0050UnitClosure,
  m0060IssueReportCounts,
  m0070Ownership,
  m0080Outbox,
  m0090IssueLogIndexes,
  m0100MeetingIndexes,
  m0110ImportRuns,
  m0120SearchStems,
  m0130Holidays,
  m0140PositionsInBothLanguages,
  m0160ImportRunEntries,
  m0170Operators,
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
