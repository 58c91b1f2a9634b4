import type { IsoDate } from '../domain/dates';
import type { AssessedObligation } from '../domain/rules';
import type { UnitKind } from '../domain/units/unit-kind';
import type { Language } from './schemas';

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
}

export interface AppInfo {
  version: string;
  dataDir: string;
  schemaVersion: number;
  katoEdition: string | null;
  installationId: string;
  today: IsoDate;
}

export type MeetingStatus = 'planned' | 'announced' | 'held' | 'closed' | 'cancelled' | 'postponed';

export interface Meeting {
  id: string;
  origin: string;
  revision: number;
  unitKato: string;
  status: MeetingStatus;
  plannedOn: IsoDate | null;
  heldOn: IsoDate | null;
  note: string;
  createdAt: number;
  updatedAt: number;
}

export interface GridRow {
  unit: UnitSummary;
  /** Depth below the working root (0 = the root), for indentation. */
  depth: number;
  obligations: AssessedObligation[];
}

export interface ObligationsGrid {
  year: number;
  today: IsoDate;
  rows: GridRow[];
}
