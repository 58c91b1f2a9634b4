import { z } from 'zod';
import { channel, KatoCode, RequiredText, Text } from './schemas';
import {
  IMPORT_FIELDS,
  IMPORT_PROBLEM_CODES,
  REQUIRED_IMPORT_FIELDS,
  type ImportField,
  type ImportProblem,
  type ImportProblemCode,
  type ImportReport,
  type ImportRowResult,
} from '../domain/issues/legacy-import';
import {
  canCreate,
  REFERENCE_FIELDS,
  type CreatedEntry,
  type ReferenceField,
  type UnknownValue,
  type ValueAnswer,
  type ValueChoice,
  type ValueTarget,
  type ValueTargets,
} from '../domain/issues/import-values';

/* ---------------------------------------------------------------- legacy import */

// The fields, problem codes and the report live with the pure rules that make them (shared/domain).
export { IMPORT_FIELDS, IMPORT_PROBLEM_CODES, REQUIRED_IMPORT_FIELDS };
export { REFERENCE_FIELDS };
export type { ImportField, ImportProblem, ImportProblemCode, ImportReport, ImportRowResult };
export type { CreatedEntry, ReferenceField, UnknownValue, ValueAnswer, ValueChoice, ValueTarget, ValueTargets };

/** A legacy log is a few thousand rows; 25 MB of .xlsx is far beyond any of them. */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

const ImportSource = z
  .object({
    fileName: Text(300),
    /** An .xlsx workbook, base64 of at most MAX_IMPORT_BYTES. */
    dataBase64: z.string().min(1).max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4),
    sheet: Text(200).optional(),
  })
  .strict();

const ImportMapping = z.partialRecord(z.enum(IMPORT_FIELDS), z.number().int().min(0).max(200));
export type ImportMapping = z.infer<typeof ImportMapping>;

export interface ImportPreview {
  sheets: string[];
  sheet: string;
  /** The header's row number as Excel shows it: the first row with three or more cells of text. */
  headerRow: number;
  /** The header row's cells, as text. */
  columns: string[];
  /**
   * The first rows under the header, as text (a date the sheet stores as yyyy-MM-dd), each with
   * its row number as Excel shows it: the report names rows by those numbers.
   */
  sample: Array<{ row: number; cells: string[] }>;
  /** The rows under the header that are not empty. */
  rowCount: number;
  /** Columns matched to fields by their header (kk/ru/en names), for the user to confirm. */
  suggested: ImportMapping;
}

const ValueChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('existing'), id: z.string().min(1).max(64) }).strict(),
  z.object({ kind: z.literal('create') }).strict(),
  z.object({ kind: z.literal('empty') }).strict(),
]);

/** The user's answer for a value no entry matched; "create" only where the list is the installation's own. */
const ValueAnswerSchema = z
  .object({ field: z.enum(REFERENCE_FIELDS), value: RequiredText(300), to: ValueChoiceSchema })
  .strict()
  .refine((a) => a.to.kind !== 'create' || canCreate(a.field), { path: ['to'], message: 'create' });

/** What a check adds to the report: the values no entry matched, and the entries they can be mapped to. */
export interface ImportCheck extends ImportReport {
  values: UnknownValue[];
  targets: ValueTargets;
}

const ImportRun = z
  .object({
    source: ImportSource,
    mapping: ImportMapping,
    /** The unit the imported issues belong to (their registry). */
    unitKato: KatoCode,
    /** The answers of the value-mapping step; a value not answered is looked up as it is. */
    values: z.array(ValueAnswerSchema).max(5000).default([]),
  })
  .strict();

/** A legacy Excel log brought in: preview, check row by row, import in one transaction. */
export const issuesImportContract = {
  'issuesImport:preview': channel<ImportPreview>()(z.object({ source: ImportSource }).strict()),
  /** Validates every row with the answers given, and lists the values no entry matches; imports nothing. */
  'issuesImport:check': channel<ImportCheck>()(ImportRun),
  /**
   * Imports in one transaction: every row, or with `onlyValid` the valid ones. Without it, any
   * invalid row refuses the whole import (`import_invalid`, the report in the details). A row
   * whose unit, date and text are already in the log is invalid (`duplicate`), so a file
   * imported twice is refused, or with `onlyValid` adds nothing, and each row says why. The
   * bodies and categories answered "create" that an imported row uses are created in the same
   * run (taken back with it), once each, and listed in the report.
   */
  'issuesImport:commit': channel<ImportReport>()(ImportRun.extend({ onlyValid: z.boolean() }).strict()),
} as const;
