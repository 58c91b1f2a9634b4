import { z } from 'zod';
import { channel, Id, IsoDateString, KatoCode, NoInput, PositionFields, RequiredText, Revision, Text } from './schemas';
import { EOTINISH_PATTERN, ISSUE_KINDS, OUTCOMES, RECEIVED_VIA, type IssueKind, type Outcome, type ReceivedVia } from '../domain/issues/issue';
import type { IsoDate } from '../domain/dates';

/** Reference rows: seed rows are named by their code ('new', 'roads'), user-made ones by a uuid. */
const RefId = z.string().min(1).max(64).regex(/^[a-z0-9_-]+$/, 'ref');

/* ---------------------------------------------------------------- reference data */

export interface IssueStatus {
  id: string;
  /** The seed code ('new', 'done'…), null for a status an administrator added. */
  code: string | null;
  nameKk: string;
  nameRu: string;
  closed: boolean;
  /** The outcome a closing status suggests. */
  outcome: Outcome | null;
  ordinal: number;
  archived: boolean;
  revision: number;
}

export interface IssueCategory {
  id: string;
  code: string | null;
  parentId: string | null;
  nameKk: string;
  nameRu: string;
  ordinal: number;
  archived: boolean;
  revision: number;
}

export interface BodyPerson {
  id: string;
  bodyId: string;
  fullName: string;
  positionKk: string;
  positionRu: string;
  archived: boolean;
  revision: number;
}

/** A responsible body (отдел, ГУ, КГП…) and its people. */
export interface Body {
  id: string;
  nameKk: string;
  nameRu: string;
  archived: boolean;
  revision: number;
  people: BodyPerson[];
}

/* ---------------------------------------------------------------- issues */

/** One row of the log: what the table shows (the author is never in it). */
export interface IssueRow {
  id: string;
  /** The installation that recorded it: the log marks one received from below (read-only here). */
  origin: string;
  revision: number;
  unitKato: string;
  /** Across the unit, 1, 2, 3…: the registry number. */
  registryNo: number;
  meetingId: string | null;
  /** Within the meeting, 1, 2, 3…. */
  meetingNo: number | null;
  raisedOn: IsoDate;
  kind: IssueKind;
  text: string;
  categoryId: string | null;
  localityKato: string | null;
  bodyId: string | null;
  personId: string | null;
  deadline: IsoDate | null;
  statusId: string;
  /** The status is of the closed type. */
  closed: boolean;
  /** Derived on read: a deadline before today on an open issue. Never stored. */
  overdue: boolean;
  onControl: boolean;
  outcome: Outcome | null;
  closedOn: IsoDate | null;
  prolongations: number;
  eotinishNo: string;
}

export interface IssueHistoryEntry {
  id: string;
  at: number;
  onDate: IsoDate;
  actor: string;
  statusId: string;
  outcome: Outcome | null;
  comment: string;
  documentRef: string;
}

export interface Prolongation {
  id: string;
  at: number;
  actor: string;
  previousDeadline: IsoDate | null;
  newDeadline: IsoDate;
  reason: string;
}

export interface Issue extends IssueRow {
  speechId: string | null;
  receivedVia: ReceivedVia;
  collective: boolean;
  answeredOnSpot: boolean;
  answer: string;
  controller: string;
  repeatsId: string | null;
  createdAt: number;
  updatedAt: number;
  /** Oldest first; the first entry is the registration. */
  history: IssueHistoryEntry[];
  prolongationList: Prolongation[];
  /** Personal data exists (read it with issues:author). */
  hasAuthor: boolean;
}

/** Personal data, apart from the issue: read only by those who need it, exported only on request. */
export interface IssueAuthor {
  fullName: string;
  phone: string;
  address: string;
}

const AuthorInput = z
  .object({ fullName: Text(300), phone: Text(40).regex(/^[+\d\s()-]*$/, 'phone'), address: Text(500) })
  .strict();

const EotinishNo = z
  .string()
  .trim()
  .max(40)
  .refine((s) => s === '' || EOTINISH_PATTERN.test(s.toUpperCase()), 'eotinish');

/** The fields a user edits; every one is given on create, any subset on update. */
const IssueFields = z
  .object({
    kind: z.enum(ISSUE_KINDS),
    receivedVia: z.enum(RECEIVED_VIA),
    collective: z.boolean(),
    text: RequiredText(10_000),
    categoryId: RefId.nullable(),
    localityKato: KatoCode.nullable(),
    answeredOnSpot: z.boolean(),
    answer: Text(10_000),
    bodyId: RefId.nullable(),
    personId: RefId.nullable(),
    deadline: IsoDateString.nullable(),
    onControl: z.boolean(),
    controller: Text(300),
    eotinishNo: EotinishNo,
    repeatsId: Id.nullable(),
  })
  .strict();
export type IssueFields = z.infer<typeof IssueFields>;

export const IssueFilter = z
  .object({
    /** The unit and everything under it. */
    unitKato: KatoCode.optional(),
    localityKato: KatoCode.optional(),
    /** The category and its sub-categories. */
    categoryId: RefId.optional(),
    statusIds: z.array(RefId).max(50).optional(),
    /** true: open issues only; false: closed only. */
    open: z.boolean().optional(),
    bodyId: RefId.optional(),
    personId: RefId.optional(),
    overdue: z.boolean().optional(),
    /** Open issues whose deadline is from today to this date (the bell's "due soon"). */
    dueBy: IsoDateString.optional(),
    onControl: z.boolean().optional(),
    meetingId: Id.optional(),
    kind: z.enum(ISSUE_KINDS).optional(),
    from: IsoDateString.optional(),
    to: IsoDateString.optional(),
    /** Full text over the issue, its answer and its history comments; kk/ru, case and ё folded, prefixes. */
    search: Text(200).optional(),
  })
  .strict();
export type IssueFilter = z.infer<typeof IssueFilter>;

export const ISSUE_SORT_KEYS = ['registryNo', 'raisedOn', 'deadline', 'status', 'category', 'unit'] as const;
export type IssueSortKey = (typeof ISSUE_SORT_KEYS)[number];
const IssueSort = z.object({ key: z.enum(ISSUE_SORT_KEYS), dir: z.enum(['asc', 'desc']) }).strict();
export type IssueSort = z.infer<typeof IssueSort>;

export interface IssuePage {
  rows: IssueRow[];
  /** How many match the filter (the list is fetched a window at a time). */
  total: number;
  /**
   * When a search finds nothing: the search cut to its words' stems ("больницами" → "больниц"),
   * given only if it finds something under the same filter.
   */
  suggestion?: string;
}

export interface IssueCounts {
  total: number;
  byStatus: Record<string, number>;
  overdue: number;
  onControl: number;
}

const StatusChange = z
  .object({
    statusId: RefId,
    onDate: IsoDateString,
    comment: Text(5000),
    documentRef: Text(300),
    /** Required when the status is of the closed type (defaults to the status's own outcome). */
    outcome: z.enum(OUTCOMES).nullable(),
  })
  .strict();

/* ---------------------------------------------------------------- the contract */

export const issuesContract = {
  'issues:list': channel<IssuePage>()(
    z
      .object({
        filter: IssueFilter,
        sort: IssueSort,
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(500),
      })
      .strict(),
  ),
  /** Counts by status (and overdue, on control) over the filter without its status part. */
  'issues:counts': channel<IssueCounts>()(z.object({ filter: IssueFilter }).strict()),
  'issues:get': channel<Issue>()(z.object({ id: Id }).strict()),
  'issues:create': channel<Issue>()(
    z
      .object({
        unitKato: KatoCode,
        meetingId: Id.nullable(),
        raisedOn: IsoDateString,
        fields: IssueFields,
        author: AuthorInput.nullable(),
      })
      .strict(),
  ),
  'issues:update': channel<Issue>()(z.object({ id: Id, revision: Revision, fields: IssueFields.partial() }).strict()),
  /** One change of status for a selection (bulk); all or nothing. */
  'issues:setStatus': channel<Issue[]>()(
    z
      .object({ items: z.array(z.object({ id: Id, revision: Revision }).strict()).min(1).max(5000), change: StatusChange })
      .strict(),
  ),
  'issues:prolong': channel<Issue>()(z.object({ id: Id, revision: Revision, newDeadline: IsoDateString, reason: RequiredText(2000) }).strict()),
  /** Registers the questions captured in a meeting's minutes (speeches with a kind) not yet in the log. */
  'issues:fromMinutes': channel<Issue[]>()(z.object({ meetingId: Id }).strict()),
  /** Open issues of the meeting's unit raised before its date (at earlier meetings or otherwise): the agenda's "report on them". */
  'issues:carryOver': channel<IssueRow[]>()(z.object({ meetingId: Id }).strict()),
  'issues:author': channel<IssueAuthor | null>()(z.object({ id: Id }).strict()),
  'issues:setAuthor': channel<IssueAuthor | null>()(z.object({ id: Id, author: AuthorInput.nullable() }).strict()),

  'issueStatuses:list': channel<IssueStatus[]>()(NoInput),
  'issueStatuses:save': channel<IssueStatus>()(
    z
      .object({
        id: RefId.optional(),
        revision: Revision.optional(),
        nameKk: RequiredText(200),
        nameRu: RequiredText(200),
        closed: z.boolean(),
        outcome: z.enum(OUTCOMES).nullable(),
        archived: z.boolean(),
      })
      .strict(),
  ),
  'issueCategories:list': channel<IssueCategory[]>()(NoInput),
  'issueCategories:save': channel<IssueCategory>()(
    z
      .object({
        id: RefId.optional(),
        revision: Revision.optional(),
        parentId: RefId.nullable(),
        nameKk: RequiredText(200),
        nameRu: RequiredText(200),
        archived: z.boolean(),
      })
      .strict(),
  ),
  'bodies:list': channel<Body[]>()(NoInput),
  'bodies:save': channel<Body>()(
    z.object({ id: RefId.optional(), revision: Revision.optional(), nameKk: RequiredText(300), nameRu: RequiredText(300), archived: z.boolean() }).strict(),
  ),
  'bodies:savePerson': channel<BodyPerson>()(
    z
      .object({
        id: RefId.optional(),
        revision: Revision.optional(),
        bodyId: RefId,
        fullName: RequiredText(300),
        ...PositionFields,
        archived: z.boolean(),
      })
      .strict(),
  ),

  'savedFilters:list': channel<Array<{ id: string; name: string; filter: IssueFilter }>>()(NoInput),
  'savedFilters:save': channel<{ id: string; name: string; filter: IssueFilter }>()(z.object({ name: RequiredText(100), filter: IssueFilter }).strict()),
  'savedFilters:remove': channel<{ id: string }>()(z.object({ id: Id }).strict()),

} as const;

