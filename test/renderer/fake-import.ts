import { vi } from 'vitest';
import type { ImportMapping, ImportPreview } from '../../shared/contract/issues-import.contract';
import type { IssueRow } from '../../shared/contract/issues.contract';
import type { IsoDate } from '../../shared/domain/dates';
import {
  checkImportRows,
  importReport,
  importRulesFrom,
  issueFieldsOf,
  issueTextKey,
  suggestMapping,
  unmappedRequired,
  type PlaceRow,
  type RowCheck,
} from '../../shared/domain/issues/legacy-import';
import { EsepError } from '../../shared/errors';
import type { createFakeIssues } from './fake-issues';

/**
 * A stand-in for the import channels. jsdom cannot run exceljs, so a "workbook" here is JSON
 * (`legacyFile` makes one); everything after reading it is the core's: the same suggestion,
 * the same row checks (shared/domain), all or nothing, and the issues created through the
 * fake issue log, so the log shows them afterwards.
 */
export interface FakeSheet {
  name: string;
  headerRow: number;
  columns: string[];
  rows: Array<{ row: number; cells: string[] }>;
}

/** A picked file holding the sheets (as the fake reads them). */
export function legacyFile(fileName: string, ...sheets: FakeSheet[]): File {
  return new File([JSON.stringify(sheets)], fileName, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

/** A sheet whose header is on `headerRow` and whose rows follow it, numbered as Excel would. */
export function fakeSheet(name: string, columns: string[], rows: string[][], headerRow = 1): FakeSheet {
  return { name, headerRow, columns, rows: rows.map((cells, i) => ({ row: headerRow + 1 + i, cells })) };
}

export interface ImportWorldDeps {
  today: IsoDate;
  /** The working set's units, each marked whether it lies in `unitKato`. */
  places(unitKato: string): PlaceRow[];
  issues: ReturnType<typeof createFakeIssues>['api'];
}

type Source = { fileName: string; dataBase64: string; sheet?: string };
type Run = { source: Source; mapping: ImportMapping; unitKato: string };

function readSheets(source: Source): FakeSheet[] {
  try {
    const bytes = Uint8Array.from(atob(source.dataBase64), (c) => c.charCodeAt(0));
    const sheets = JSON.parse(new TextDecoder().decode(bytes)) as FakeSheet[];
    if (!Array.isArray(sheets) || sheets.length === 0) throw new Error('no sheets');
    return sheets;
  } catch {
    throw new EsepError('import_file_invalid', { fileName: source.fileName });
  }
}

function readSheet(source: Source): { sheets: FakeSheet[]; sheet: FakeSheet } {
  const sheets = readSheets(source);
  const sheet = source.sheet === undefined ? sheets[0]! : sheets.find((s) => s.name === source.sheet);
  if (!sheet) throw new EsepError('not_found', { sheet: source.sheet ?? '' });
  return { sheets, sheet };
}

export function createFakeImport(deps: ImportWorldDeps) {
  const { issues } = deps;

  async function checkAll(run: Run): Promise<RowCheck[]> {
    const { sheet } = readSheet(run.source);
    const missing = unmappedRequired(run.mapping);
    if (missing.length > 0) throw new EsepError('import_mapping_incomplete', { fields: missing });
    const [categories, statuses, bodies, page] = await Promise.all([
      issues.issueCategories.list({}),
      issues.issueStatuses.list({}),
      issues.bodies.list({}),
      issues.issues.list({ filter: { unitKato: run.unitKato }, sort: { key: 'registryNo', dir: 'asc' }, offset: 0, limit: 500 }),
    ]);
    const existing: IssueRow[] = page.rows.filter((r) => r.unitKato === run.unitKato);
    return checkImportRows(
      sheet.rows.map((r) => ({ row: r.row, cells: r.cells.map((text) => ({ text, date: null, number: null })) })),
      run.mapping,
      importRulesFrom({
        today: deps.today,
        categories,
        statuses,
        bodies,
        places: deps.places(run.unitKato),
        existing: (raisedOn, key) => existing.find((r) => r.raisedOn === raisedOn && issueTextKey(r.text) === key)?.registryNo ?? null,
      }),
    );
  }

  const api = {
    issuesImport: {
      preview: vi.fn(async ({ source }: { source: Source }): Promise<ImportPreview> => {
        const { sheets, sheet } = readSheet(source);
        return {
          sheets: sheets.map((s) => s.name),
          sheet: sheet.name,
          headerRow: sheet.headerRow,
          columns: sheet.columns,
          sample: sheet.rows.slice(0, 10),
          rowCount: sheet.rows.length,
          suggested: suggestMapping(sheet.columns),
        };
      }),
      check: vi.fn(async (run: Run) => importReport(await checkAll(run))),
      commit: vi.fn(async (run: Run & { onlyValid: boolean }) => {
        const checks = await checkAll(run);
        const invalid = checks.filter((c) => !c.draft).length;
        if (invalid > 0 && !run.onlyValid) throw new EsepError('import_invalid', { invalid, report: { ...importReport(checks) } });
        const imported = new Map<number, number>();
        for (const { draft } of checks) {
          if (!draft) continue;
          const issue = await issues.issues.create({
            unitKato: run.unitKato,
            meetingId: null,
            raisedOn: draft.raisedOn,
            fields: issueFieldsOf(draft),
            author: draft.author ? { ...draft.author, address: '' } : null,
          });
          imported.set(draft.row, issue.registryNo);
        }
        return importReport(checks, imported);
      }),
    },
  };
  return { api };
}
