import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { CoreContext } from '../context';
import type { ImportCheck, ImportPreview, ImportReport, issuesImportContract } from '../../../shared/contract/issues-import.contract';
import { EsepError } from '../../../shared/errors';
import { createI18n } from '../../../shared/i18n';
import {
  checkImportRows,
  IMPORT_FIELDS,
  importReport,
  importRulesFrom,
  issueFieldsOf,
  issueTextKey,
  nameKey,
  suggestMapping,
  unmappedRequired,
  type ImportDraft,
  type ImportMapping,
  type ImportRules,
  type RowCheck,
} from '../../../shared/domain/issues/legacy-import';
import {
  answersByKey,
  invalidAnswers,
  unknownValues,
  withAnswers,
  type CreatedEntry,
  type ReferenceField,
  type ValueAnswer,
  type ValueTargets,
} from '../../../shared/domain/issues/import-values';
import { listBodies, listCategories, listStatuses, nextCategoryOrdinal, saveBody, saveCategory } from '../db/repos/issue-reference.repo';
import { subtree } from '../db/repos/units.repo';
import { appendAudit } from '../db/repos/audit.repo';
import { prepared } from '../db/statements';
import { type SearchEntry, writeSearchRows } from './issue-search';
import type { LoadedWorkbook, SheetRows } from '../import/xlsx-reader';
import { requireWorkingReportingUnit } from './units.service';
import { getSettings, requireWorkingRoot } from './settings.service';
import { registerIssues, type BulkIssue } from './issues.service';
import { beginImportRun, finishImportRun, noteRunEntry, noteRunSlice, undoImportRun } from './import-runs';

type In<K extends keyof typeof issuesImportContract> = z.output<(typeof issuesImportContract)[K]['input']>;
type Source = In<'issuesImport:preview'>['source'];
/** A check or a commit as the core's own callers may send it too: without answers when there are none. */
type Run<K extends 'issuesImport:check' | 'issuesImport:commit'> = Omit<In<K>, 'values'> & { values?: ValueAnswer[] };

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

/** Every row checked against the log as it is now, with the values no entry matches; nothing is written. */
export async function checkImport(ctx: CoreContext, input: Run<'issuesImport:check'>): Promise<ImportCheck> {
  const { sheet } = await readSource(input.source);
  return ctx.db.transaction(() => {
    const { checks, created, rules, targets } = checkSheet(ctx, sheet, input);
    // Against the lists alone, before the answers: the step lists every value while it is answered.
    const values = unknownValues(sheet.rows, input.mapping, rules, targets);
    return { ...importReport(checks, new Map(), created.map(createdEntry)), values, targets };
  })();
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
export async function commitImport(ctx: CoreContext, input: Run<'issuesImport:commit'>): Promise<ImportReport> {
  const { sha256, sheet } = await readSource(input.source);
  const note = importNote(ctx);
  // One snapshot for the check, without the write lock: reading takes no turn from anyone.
  const { checks, created } = ctx.db.transaction(() => checkSheet(ctx, sheet, input)).deferred();
  const invalid = checks.filter((c) => !c.draft).length;
  if (invalid > 0 && !input.onlyValid) {
    throw new EsepError('import_invalid', { invalid, report: { ...importReport(checks) } });
  }
  const valid = checks.filter((c): c is RowCheck & { draft: ImportDraft } => c.draft !== null);
  const imported = new Map<number, number>();
  const run = beginImportRun(ctx, input.source.fileName, input.unitKato);
  // Before the first slice, in a transaction of their own recorded with the run: a failure
  // later takes them back with the issues (undoImportRun).
  try {
    ctx.db.transaction(() => createEntries(ctx, run, created))();
  } catch (error) {
    undoImportRun(ctx, run);
    throw error;
  }
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
        after: {
          fileName: input.source.fileName,
          sha256,
          sheet: sheet.sheet,
          unitKato: input.unitKato,
          imported: imported.size,
          rejected: invalid,
          // What the run created beside its issues, for whoever wonders where a body came from.
          ...(created.length > 0 ? { created: created.map(({ field, id, name }) => ({ field, id, name })) } : {}),
        },
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
  return importReport(checks, imported, created.map(createdEntry));
}

/** The history note of an imported issue, in the installation's language (it is data, not UI). */
function importNote(ctx: CoreContext): (fileName: string, row: number) => string {
  const { t } = createI18n(getSettings(ctx).language ?? 'kk');
  return (fileName, row) => t('Import.historyNote', { fileName, row });
}

/** An entry a "create" answer stands for, with the id it gets if the import writes it. */
interface NewEntry extends CreatedEntry {
  id: string;
}

const createdEntry = ({ field, name, rows }: NewEntry): CreatedEntry => ({ field, name, rows });

interface SheetCheck {
  checks: RowCheck[];
  /** The lists' own rules, before the answers, and what a value can be mapped to. */
  rules: ImportRules;
  targets: ValueTargets;
  /** The "create" answers that rows about to be imported use, each once. */
  created: NewEntry[];
}

/**
 * The rows checked with the user's answers in front of the reference lists. A "create" answer
 * is given an id when a row first uses it, so the check and the import see the same rows valid;
 * only the answers a valid row uses are created.
 */
function checkSheet(ctx: CoreContext, sheet: SheetRows, input: { mapping: ImportMapping; unitKato: string; values?: ValueAnswer[] }): SheetCheck {
  const values = input.values ?? [];
  requireWorkingReportingUnit(ctx, input.unitKato);
  requireMapping(input.mapping, sheet.columns.length);
  const { rules, targets } = importRules(ctx, input.unitKato);
  const bad = invalidAnswers(values, targets);
  if (bad.length > 0) throw new EsepError('validation', { fields: bad.map((i) => `values.${i}.to`) });
  const names = new Map(values.filter((a) => a.to.kind === 'create').map((a) => [`${a.field}\u0000${nameKey(a.value)}`, a.value.replace(/\s+/g, ' ')]));
  const entries = new Map<string, NewEntry>();
  const answered = withAnswers(rules, answersByKey(values), (field, key) => {
    const slot = `${field}\u0000${key}`;
    let entry = entries.get(slot);
    if (!entry) {
      entry = { field, name: names.get(slot)!, rows: 0, id: randomUUID() };
      entries.set(slot, entry);
    }
    return entry.id;
  });
  const checks = checkImportRows(sheet.rows, input.mapping, answered);
  const byId = new Map([...entries.values()].map((e) => [e.id, e]));
  for (const { draft } of checks) {
    for (const id of [draft?.bodyId, draft?.categoryId]) {
      const entry = id ? byId.get(id) : undefined;
      if (entry) entry.rows++;
    }
  }
  const created = [...entries.values()].filter((e) => e.rows > 0).sort((a, b) => FIELD_ORDER[a.field] - FIELD_ORDER[b.field]);
  return { checks, rules, targets, created };
}

const FIELD_ORDER: Record<ReferenceField, number> = { body: 0, category: 1, status: 2, locality: 3 };

/** The bodies and categories of "create" answers, named as the file writes them in both languages (editable later). */
function createEntries(ctx: CoreContext, run: string, entries: readonly NewEntry[]): void {
  for (const e of entries) {
    if (e.field === 'body') {
      const body = { id: e.id, nameKk: e.name, nameRu: e.name, archived: false, revision: 1 };
      saveBody(ctx.db, body, ctx.installationId);
      appendAudit(ctx, { action: 'insert', entity: 'body', entityId: e.id, after: body });
      noteRunEntry(ctx, run, 'body', e.id);
    } else {
      const category = { id: e.id, code: null, parentId: null, nameKk: e.name, nameRu: e.name, ordinal: nextCategoryOrdinal(ctx.db), archived: false, revision: 1 };
      saveCategory(ctx.db, category, ctx.installationId);
      appendAudit(ctx, { action: 'insert', entity: 'issue_category', entityId: e.id, after: category });
      noteRunEntry(ctx, run, 'category', e.id);
    }
  }
}

function requireMapping(mapping: ImportMapping, columns: number): void {
  const missing = unmappedRequired(mapping);
  if (missing.length > 0) throw new EsepError('import_mapping_incomplete', { fields: missing });
  const outside = IMPORT_FIELDS.filter((f) => (mapping[f] ?? 0) >= columns);
  if (outside.length > 0) throw new EsepError('validation', { fields: outside.map((f) => `mapping.${f}`) });
}

/**
 * The reference data and the log as the import matches against them, loaded once per run; and
 * what a value can be mapped to: what the log lets a new issue choose (no archived entry, no
 * closing status without an outcome, a place of the unit).
 */
function importRules(ctx: CoreContext, unitKato: string): { rules: ImportRules; targets: ValueTargets } {
  const root = requireWorkingRoot(ctx);
  const units = subtree(ctx.db, unitKato);
  const inUnit = new Set(units.map((u) => u.kato));
  const places = subtree(ctx.db, root).map((u) => ({ ...u, inUnit: inUnit.has(u.kato) }));
  const sameDay = prepared(ctx.db, 'SELECT registry_no, text FROM issues WHERE unit_kato = ? AND raised_on = ?');
  const categories = listCategories(ctx.db);
  const statuses = listStatuses(ctx.db);
  const bodies = listBodies(ctx.db);
  const target = ({ id, nameKk, nameRu }: { id: string; nameKk: string; nameRu: string }) => ({ id, nameKk, nameRu });
  const targets: ValueTargets = {
    body: bodies.filter((b) => !b.archived).map(target),
    category: categories.filter((c) => !c.archived).map(target),
    status: statuses.filter((s) => !s.archived && !(s.closed && s.outcome === null)).map(target),
    locality: units.filter((u) => u.kato !== unitKato || units.length === 1).map((u) => ({ id: u.kato, nameKk: u.nameKk, nameRu: u.nameRu, depth: u.depth })),
  };
  const rules = importRulesFrom({
    today: ctx.clock.today(),
    categories,
    statuses,
    bodies,
    places,
    existing: (raisedOn, textKey) => {
      const rows = sameDay.all(unitKato, raisedOn) as Array<{ registry_no: number; text: string }>;
      return rows.find((r) => issueTextKey(r.text) === textKey)?.registry_no ?? null;
    },
  });
  return { rules, targets };
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
