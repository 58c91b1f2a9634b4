import { z } from 'zod';
import { isIsoDate } from '../../../shared/domain/dates';
import type { PackageKind } from '../../../shared/domain/exchange/record-kinds';
import { splitLegacyPosition } from '../../../shared/domain/people/positions';

/**
 * The records of a package, as they travel (docs/exchange-format.md §Records): one JSON object
 * per line, its fields the columns of the table as Esep stores them (snake_case, flags as 0/1,
 * dates as YYYY-MM-DD, instants as epoch milliseconds, lists as JSON text), an aggregate's
 * parts nested under it. Columns that are this installation's own bookkeeping (the issue's
 * local `seq`, the prolongation count its triggers keep) do not travel.
 *
 * One table describes each kind, and it drives the three places that must agree: what the
 * exporter selects, what the importer accepts (a strict zod schema: unknown fields, wrong
 * types and oversized text are refused) and what it writes.
 */

const UUID = z.uuid();
/** Reference rows shipped with the app have readable ids (`in_progress`, `decree-615`). */
const REF_ID = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/);
const ORIGIN = z.union([UUID, z.literal('seed')]);
const KATO = z.string().regex(/^\d{9}$/);
const DATE = z.string().refine(isIsoDate, 'date');
const INT = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const POSITIVE = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const FLAG = z.union([z.literal(0), z.literal(1)]);
/** Lone surrogates (a JSON `\ud800`) are not text: SQLite would store them as garbage. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const text = (max: number) => z.string().max(max).refine((s) => !LONE_SURROGATE.test(s), 'utf16');
const SHORT = text(1_000);
const LONG = text(100_000);
const jsonText = (max: number) =>
  text(max).refine((s) => {
    try {
      JSON.parse(s);
      return true;
    } catch {
      return false;
    }
  }, 'json');
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values);
const nullable = <T extends z.ZodType>(t: T) => t.nullable();

const OUTCOME = nullable(oneOf(['satisfied', 'explained', 'refused']));
const ISSUE_KIND = oneOf(['question', 'proposal', 'remark', 'complaint', 'request']);

export interface ChildSpec {
  /** The field of the parent's object that holds the list. */
  field: string;
  table: string;
  /** The column naming the parent, filled in on insert (it does not travel). */
  parentColumn: string;
  columns: Record<string, z.ZodType>;
  order: string;
  children?: ChildSpec[];
  /** Rewrites a row as an older version sent it into today's columns, before it is checked. */
  legacy?: (row: Record<string, unknown>) => unknown;
}

export interface KindSpec {
  kind: PackageKind;
  table: string;
  /** Reference rows are added where missing and never overwritten; records are replaced by a higher revision. */
  reference: boolean;
  columns: Record<string, z.ZodType>;
  children: ChildSpec[];
  /** A one-to-one part (the issue's author), or none. */
  part?: { field: string; table: string; keyColumn: string; columns: Record<string, z.ZodType> };
  legacy?: (row: Record<string, unknown>) => unknown;
}

/**
 * Before issue 13 a person had one `position`; a package made then still imports, the text
 * going where the migration of this database put its own (splitLegacyPosition). A row with
 * both forms, or a `position` that is not text, is left for the strict schema to refuse.
 */
function legacyPosition(row: Record<string, unknown>): unknown {
  if (!('position' in row) || 'position_kk' in row || 'position_ru' in row || typeof row.position !== 'string') return row;
  const { position, ...rest } = row;
  const split = splitLegacyPosition(position);
  return { ...rest, position_kk: split.positionKk, position_ru: split.positionRu };
}

const officials: ChildSpec = {
  field: 'officials',
  table: 'meeting_officials',
  parentColumn: 'meeting_id',
  order: 'ordinal',
  columns: { id: UUID, ordinal: INT, full_name: SHORT, position_kk: SHORT, position_ru: SHORT, body: SHORT, is_government: FLAG, is_oblast_leadership: FLAG },
  legacy: legacyPosition,
};

const minutesItems: ChildSpec = {
  field: 'items',
  table: 'minutes_items',
  parentColumn: 'minutes_id',
  order: 'ordinal',
  columns: { id: UUID, ordinal: INT, title: LONG, speaker: SHORT, heard: LONG },
  children: [
    {
      field: 'decisions',
      table: 'minutes_decisions',
      parentColumn: 'item_id',
      order: 'ordinal',
      columns: { id: UUID, ordinal: INT, text: LONG, responsible: SHORT, deadline: nullable(DATE) },
    },
    {
      field: 'speeches',
      table: 'minutes_speeches',
      parentColumn: 'item_id',
      order: 'ordinal',
      columns: { id: UUID, ordinal: INT, speaker: SHORT, locality_kato: nullable(KATO), gist: LONG, issue_kind: nullable(ISSUE_KIND), issue_text: LONG },
    },
  ],
};

const amendments: ChildSpec = {
  field: 'amendments',
  table: 'minutes_amendments',
  parentColumn: 'minutes_id',
  order: 'at, id',
  columns: { id: UUID, at: INT, actor: SHORT, reason: LONG, changes_json: jsonText(1_000_000) },
};

const history: ChildSpec = {
  field: 'history',
  table: 'issue_history',
  parentColumn: 'issue_id',
  order: 'at, id',
  columns: { id: UUID, at: INT, on_date: DATE, actor: SHORT, status_id: REF_ID.or(UUID), outcome: OUTCOME, comment: LONG, document_ref: SHORT },
};

const prolongations: ChildSpec = {
  field: 'prolongations',
  table: 'issue_prolongations',
  parentColumn: 'issue_id',
  order: 'at, id',
  columns: { id: UUID, at: INT, actor: SHORT, previous_deadline: nullable(DATE), new_deadline: DATE, reason: LONG },
};

const record = { id: UUID, origin: ORIGIN, revision: POSITIVE };
const reference = { id: REF_ID.or(UUID), origin: ORIGIN, revision: POSITIVE };

export const KIND_SPECS: readonly KindSpec[] = [
  {
    kind: 'issue_statuses',
    table: 'issue_statuses',
    reference: true,
    children: [],
    columns: { ...reference, code: nullable(SHORT), name_kk: SHORT, name_ru: SHORT, closed: FLAG, outcome: OUTCOME, ordinal: z.number().int(), archived: FLAG },
  },
  {
    kind: 'issue_categories',
    table: 'issue_categories',
    reference: true,
    children: [],
    columns: { ...reference, code: nullable(SHORT), parent_id: nullable(REF_ID.or(UUID)), name_kk: SHORT, name_ru: SHORT, ordinal: z.number().int(), archived: FLAG },
  },
  {
    kind: 'bodies',
    table: 'bodies',
    reference: true,
    children: [],
    columns: { ...reference, name_kk: SHORT, name_ru: SHORT, archived: FLAG },
  },
  {
    kind: 'body_people',
    table: 'body_people',
    reference: true,
    children: [],
    legacy: legacyPosition,
    columns: { ...reference, body_id: REF_ID.or(UUID), full_name: SHORT, position_kk: SHORT, position_ru: SHORT, archived: FLAG },
  },
  {
    kind: 'rule_sets',
    table: 'rule_sets',
    reference: true,
    children: [],
    columns: {
      ...reference,
      name_kk: SHORT,
      name_ru: SHORT,
      effective_from: DATE,
      effective_to: nullable(DATE),
      groups_json: jsonText(1_000_000),
      created_at: INT,
      updated_at: INT,
      deleted_at: nullable(INT),
    },
  },
  {
    kind: 'akims',
    table: 'akims',
    reference: false,
    children: [],
    legacy: legacyPosition,
    columns: { ...record, unit_kato: KATO, full_name: SHORT, position_kk: SHORT, position_ru: SHORT, term_from: DATE, term_to: nullable(DATE), created_at: INT, updated_at: INT, deleted_at: nullable(INT) },
  },
  {
    kind: 'meetings',
    table: 'meetings',
    reference: false,
    children: [officials],
    columns: {
      ...record,
      unit_kato: KATO,
      status: oneOf(['planned', 'announced', 'held', 'closed', 'cancelled', 'postponed']),
      planned_on: nullable(DATE),
      held_on: nullable(DATE),
      note: LONG,
      created_at: INT,
      updated_at: INT,
      deleted_at: nullable(INT),
      kind: oneOf(['reporting', 'field', 'unscheduled']),
      planned_time: nullable(text(20)),
      venue_name: SHORT,
      venue_address: SHORT,
      venue_kato: nullable(KATO),
      format: oneOf(['in_person', 'online', 'hybrid']),
      broadcast_links: jsonText(20_000),
      akim_id: nullable(UUID),
      rule_set_id: nullable(REF_ID.or(UUID)),
      window_key: nullable(SHORT),
      outside_window_reason: LONG,
      announced_on: nullable(DATE),
      announcement_channels: jsonText(20_000),
      questions_channels: jsonText(20_000),
      questions_from: nullable(DATE),
      questions_to: nullable(DATE),
      attendance: nullable(INT),
      online_viewers: nullable(INT),
      status_reason: LONG,
      postponed_from: nullable(DATE),
    },
  },
  {
    kind: 'minutes',
    table: 'minutes',
    reference: false,
    children: [minutesItems, amendments],
    columns: {
      ...record,
      meeting_id: UUID,
      number: SHORT,
      date: nullable(DATE),
      place: SHORT,
      chair: SHORT,
      secretary: SHORT,
      present_count: nullable(INT),
      present_list: LONG,
      invited: LONG,
      status: oneOf(['draft', 'final']),
      finalized_at: nullable(INT),
      finalized_by: nullable(SHORT),
      created_at: INT,
      updated_at: INT,
    },
  },
  {
    kind: 'attachments',
    table: 'attachments',
    reference: false,
    children: [],
    columns: {
      ...record,
      meeting_id: UUID,
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      file_name: text(255),
      mime: text(100),
      size: INT,
      kind: oneOf(['photo', 'minutes_scan', 'presentation', 'attendance_list', 'other']),
      created_at: INT,
      deleted_at: nullable(INT),
    },
  },
  {
    kind: 'issues',
    table: 'issues',
    reference: false,
    children: [history, prolongations],
    part: {
      field: 'author',
      table: 'issue_authors',
      keyColumn: 'issue_id',
      columns: { full_name: SHORT, phone: text(100), address: SHORT },
    },
    columns: {
      ...record,
      unit_kato: KATO,
      registry_no: POSITIVE,
      meeting_id: nullable(UUID),
      meeting_no: nullable(POSITIVE),
      speech_id: nullable(UUID),
      raised_on: DATE,
      kind: ISSUE_KIND,
      received_via: oneOf(['oral', 'written', 'advance_email', 'advance_box', 'advance_website', 'call_centre', 'personal_reception']),
      collective: FLAG,
      text: LONG,
      category_id: nullable(REF_ID.or(UUID)),
      locality_kato: nullable(KATO),
      answered_on_spot: FLAG,
      answer: LONG,
      body_id: nullable(REF_ID.or(UUID)),
      person_id: nullable(REF_ID.or(UUID)),
      deadline: nullable(DATE),
      on_control: FLAG,
      controller: SHORT,
      eotinish_no: SHORT,
      repeats_id: nullable(UUID),
      status_id: REF_ID.or(UUID),
      outcome: OUTCOME,
      closed_on: nullable(DATE),
      created_at: INT,
      updated_at: INT,
    },
  },
  {
    kind: 'action_plan_rows',
    table: 'action_plan_rows',
    reference: false,
    children: [],
    columns: {
      ...record,
      issue_id: UUID,
      ordinal: z.number().int(),
      measure: LONG,
      completion_form: SHORT,
      executor: SHORT,
      deadline: nullable(DATE),
      funding_source: SHORT,
      funding_amount: text(40),
      mark: oneOf(['not_started', 'in_progress', 'done', 'not_done']),
      mark_note: LONG,
      mark_date: nullable(DATE),
      created_at: INT,
      updated_at: INT,
      deleted_at: nullable(INT),
    },
  },
];

export const specOf = (kind: PackageKind): KindSpec => KIND_SPECS.find((s) => s.kind === kind)!;

/** The path of a kind's file under data/. */
export const recordsPath = (kind: PackageKind) => `records/${kind}.jsonl`;
/** An attachment's bytes under data/, named by their SHA-256. */
export const attachmentPath = (sha256: string) => `attachments/${sha256}`;
/** The packages from below, carried unchanged under data/. */
export const FORWARDED_DIR = 'forwarded/';
export const forwardedPath = (packageId: string) => `${FORWARDED_DIR}${packageId}.zip`;

/** A record as it travels: its columns, its parts nested under their fields. */
export type TravellingRecord = Record<string, unknown> & { id: string; origin: string; revision: number };

/** Today's strict schema, behind the rewrite of an older version's row when the spec has one. */
function withLegacy(schema: z.ZodType, legacy: ((row: Record<string, unknown>) => unknown) | undefined): z.ZodType {
  if (!legacy) return schema;
  return z.preprocess((value) => (value !== null && typeof value === 'object' && !Array.isArray(value) ? legacy(value as Record<string, unknown>) : value), schema);
}

function childSchema(child: ChildSpec): z.ZodType {
  const nested = Object.fromEntries((child.children ?? []).map((c) => [c.field, z.array(childSchema(c)).max(10_000)]));
  return withLegacy(z.object({ ...child.columns, ...nested }).strict(), child.legacy);
}

/** The strict schema of one line of a kind's file. */
export function recordSchema(spec: KindSpec): z.ZodType<TravellingRecord> {
  const children = Object.fromEntries(spec.children.map((c) => [c.field, z.array(childSchema(c)).max(10_000)]));
  const part = spec.part ? { [spec.part.field]: z.object(spec.part.columns).strict().nullable() } : {};
  return withLegacy(z.object({ ...spec.columns, ...children, ...part }).strict(), spec.legacy) as unknown as z.ZodType<TravellingRecord>;
}
