import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { CoreContext } from '../context';
import type { ImportPreview, ImportReport, issuesImportContract } from '../../../shared/contract/issues-import.contract';
import { EsepError } from '../../../shared/errors';
import { createI18n } from '../../../shared/i18n';
import {
  checkImportRows,
  IMPORT_FIELDS,
  importReport,
  importRulesFrom,
  issueFieldsOf,
  issueTextKey,
  suggestMapping,
  unmappedRequired,
  type ImportDraft,
  type ImportMapping,
  type ImportRules,
  type RowCheck,
} from '../../../shared/domain/issues/legacy-import';
import { listBodies, listCategories, listStatuses } from '../db/repos/issue-reference.repo';
import { subtree } from '../db/repos/units.repo';
import { appendAudit } from '../db/repos/audit.repo';
import { prepared } from '../db/statements';
import { type SearchEntry, writeSearchRows } from './issue-search';
import type { LoadedWorkbook, SheetRows } from '../import/xlsx-reader';
import { requireWorkingReportingUnit } from './units.service';
import { getSettings, requireWorkingRoot } from './settings.service';
import { registerIssues, type BulkIssue } from './issues.service';
import { beginImportRun, finishImportRun, noteRunSlice, undoImportRun } from './import-runs';

type In<K extends keyof typeof issuesImportContract> = z.output<(typeof issuesImportContract)[K]['input']>;
type Source = In<'issuesImport:preview'>['source'];

/** How many rows under the header the preview shows. */
export const PREVIEW_ROWS = 10;

/**
 * The workbook last read, by the hash of its bytes: preview, check and commit send the same
 * file, and reading a large one takes seconds. Read-only once loaded, so sharing it is safe;
 * forgotten once its import is done.
 */
let lastRead: { sha256: string; workbook: LoadedWorkbook } | null = null;

async function readSource(source: Source): Promise<{ sha256: string; workbook: LoadedWorkbook; sheet: SheetRows }> {
  const data = Buffer.from(source.dataBase64, 'base64');
  const sha256 = createHash('sha256').update(data).digest('hex');
  // Imported here, not at the top: exceljs takes longer to load than most commands take to run.
  const workbook = lastRead?.sha256 === sha256 ? lastRead.workbook : await (await import('../import/xlsx-reader')).loadXlsx(data, source.fileName);
  lastRead = { sha256, workbook };
  return { sha256, workbook, sheet: workbook.read(source.sheet) };
}

export async function previewImport(ctx: CoreContext, input: In<'issuesImport:preview'>): Promise<ImportPreview> {
  requireWorkingRoot(ctx);
  const { workbook, sheet } = await readSource(input.source);
  return {
    sheets: workbook.sheets,
    sheet: sheet.sheet,
    headerRow: sheet.headerRow,
    columns: sheet.columns,
    sample: sheet.rows.slice(0, PREVIEW_ROWS).map((r) => ({ row: r.row, cells: r.cells.map((c) => c.text) })),
    rowCount: sheet.rows.length,
    suggested: suggestMapping(sheet.columns),
  };
}

/** Every row checked against the log as it is now; nothing is written. */
export async function checkImport(ctx: CoreContext, input: In<'issuesImport:check'>): Promise<ImportReport> {
  const { sheet } = await readSource(input.source);
  return ctx.db.transaction(() => importReport(checkSheet(ctx, sheet, input.mapping, input.unitKato)))();
}

/** How long one slice holds the write lock: the longest a short write waits behind the import. */
export const IMPORT_SLICE_MS = 100;

/**
 * Either every row goes in, or none when one is invalid and `onlyValid` is not set. The rows
 * are checked first, then written in slices of IMPORT_SLICE_MS, each its own transaction, so
 * that the minutes autosave and the log's other writes go on meanwhile; the run is recorded
 * before the first slice and undone whole if a slice fails, or at the next start after a crash
 * (import-runs.ts): the import is still all or nothing. Each issue gets what the log's own create
 * writes (registry number, history, audit, search index), then its mapped status with a note
 * naming the file and the row (registerIssues, which checks each row's references again).
 */
export async function commitImport(ctx: CoreContext, input: In<'issuesImport:commit'>): Promise<ImportReport> {
  const { sha256, sheet } = await readSource(input.source);
  const note = importNote(ctx);
  // One snapshot for the check, without the write lock: reading takes no turn from anyone.
  const checks = ctx.db.transaction(() => checkSheet(ctx, sheet, input.mapping, input.unitKato)).deferred();
  const invalid = checks.filter((c) => !c.draft).length;
  if (invalid > 0 && !input.onlyValid) {
    throw new EsepError('import_invalid', { invalid, report: { ...importReport(checks) } });
  }
  const valid = checks.filter((c): c is RowCheck & { draft: ImportDraft } => c.draft !== null);
  const imported = new Map<number, number>();
  const run = beginImportRun(ctx, input.source.fileName, input.unitKato);
  // The slices' commits need not each reach the disk (synchronous FULL's fsync, dozens of them):
  // a power cut that loses some leaves the run `running`, and the start takes it back whole.
  // The last commit, in FULL again, makes the log durable with everything before it.
  const synchronous = ctx.db.pragma('synchronous', { simple: true }) as number;
  ctx.db.pragma('synchronous = NORMAL');
  try {
    // The search entries go in with the last commit, as one segment of the index rather than one
    // per slice: the imported issues are found by a search once the import is done.
    const search: Array<SearchEntry> = [];
    // Rows per slice, adjusted after each to what fits in IMPORT_SLICE_MS on this machine now.
    let rows = 100;
    for (let next = 0; next < valid.length; ) {
      const slice = valid.slice(next, next + rows);
      const started = performance.now();
      ctx.db.transaction(() => {
        const registered = registerIssues(ctx, input.unitKato, slice.map((c) => bulkIssueOf(c.draft, note(input.source.fileName, c.row))), search);
        registered.forEach((issue, i) => imported.set(slice[i]!.row, issue.registryNo));
        noteRunSlice(ctx, run, registered.map((issue) => issue.seq));
      })();
      next += slice.length;
      rows = Math.max(10, Math.min(5000, Math.round((rows * IMPORT_SLICE_MS) / Math.max(1, performance.now() - started))));
      ctx.progress?.(imported.size, valid.length);
      ctx.yieldToWriters?.();
    }
    ctx.db.pragma(`synchronous = ${synchronous}`);
    ctx.db.transaction(() => {
      writeSearchRows(ctx.db, search, true);
      appendAudit(ctx, {
        action: 'load',
        entity: 'issue_import',
        entityId: run,
        after: { fileName: input.source.fileName, sha256, sheet: sheet.sheet, unitKato: input.unitKato, imported: imported.size, rejected: invalid },
      });
      finishImportRun(ctx, run);
    })();
  } catch (error) {
    ctx.db.pragma(`synchronous = ${synchronous}`);
    try {
      undoImportRun(ctx, run);
    } catch {
      // Left `running`: the next start undoes it. The user hears of the first failure.
    }
    throw error;
  }
  lastRead = null;
  return importReport(checks, imported);
}

/** The history note of an imported issue, in the installation's language (it is data, not UI). */
function importNote(ctx: CoreContext): (fileName: string, row: number) => string {
  const { t } = createI18n(getSettings(ctx).language ?? 'kk');
  return (fileName, row) => t('Import.historyNote', { fileName, row });
}

function checkSheet(ctx: CoreContext, sheet: SheetRows, mapping: ImportMapping, unitKato: string): RowCheck[] {
  requireWorkingReportingUnit(ctx, unitKato);
  requireMapping(mapping, sheet.columns.length);
  return checkImportRows(sheet.rows, mapping, importRules(ctx, unitKato));
}

function requireMapping(mapping: ImportMapping, columns: number): void {
  const missing = unmappedRequired(mapping);
  if (missing.length > 0) throw new EsepError('import_mapping_incomplete', { fields: missing });
  const outside = IMPORT_FIELDS.filter((f) => (mapping[f] ?? 0) >= columns);
  if (outside.length > 0) throw new EsepError('validation', { fields: outside.map((f) => `mapping.${f}`) });
}

/** The reference data and the log as the import matches against them: loaded once per run. */
function importRules(ctx: CoreContext, unitKato: string): ImportRules {
  const root = requireWorkingRoot(ctx);
  const inUnit = new Set(subtree(ctx.db, unitKato).map((u) => u.kato));
  const places = subtree(ctx.db, root).map((u) => ({ ...u, inUnit: inUnit.has(u.kato) }));
  const sameDay = prepared(ctx.db, 'SELECT registry_no, text FROM issues WHERE unit_kato = ? AND raised_on = ?');
  return importRulesFrom({
    today: ctx.clock.today(),
    categories: listCategories(ctx.db),
    statuses: listStatuses(ctx.db),
    bodies: listBodies(ctx.db),
    places,
    existing: (raisedOn, textKey) => {
      const rows = sameDay.all(unitKato, raisedOn) as Array<{ registry_no: number; text: string }>;
      return rows.find((r) => issueTextKey(r.text) === textKey)?.registry_no ?? null;
    },
  });
}

/**
 * A valid row as the log registers it (see registerIssues: what the log's own create and status
 * change write), then given its status: the mapped one, or the one the create gave it, so that
 * every imported issue's history names its file and row. The change is dated the day the issue
 * was raised: a legacy log does not say when a status was reached, and the import day would put
 * old closures into the current period's reports.
 */
function bulkIssueOf(draft: ImportDraft, note: string): BulkIssue {
  return {
    raisedOn: draft.raisedOn,
    fields: issueFieldsOf(draft),
    author: draft.author ? { ...draft.author, address: '' } : null,
    statusId: draft.statusId,
    note,
  };
}
