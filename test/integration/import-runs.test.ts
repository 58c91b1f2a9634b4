import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { createHandlers } from '../../electron/core/api/handlers';
import { dispatch } from '../../electron/core/api/dispatch';
import { beginImportRun, noteRunSlice } from '../../electron/core/services/import-runs';
import type { Envelope } from '../../shared/contract/envelope';
import type { ImportPreview } from '../../shared/contract/issues-import.contract';
import { ABAY_DISTRICT, KARAAUYL_OKRUG, openTempCore, tempDir } from '../helpers/temp-core';
import { excelDate, legacyWorkbook, RU_HEADERS, ruRow } from '../helpers/legacy-xlsx';

/*
 * A legacy import writes in slices (services/import-runs.ts) and is still all or nothing: a
 * slice that fails takes the earlier ones back with it, and a run a crash cut short is taken
 * back at the next start. The issue tables are compared whole, before and after.
 */
const TODAY = '2025-06-15';
let core: Core | undefined;
afterEach(() => core?.close());

function open(dataDir: string) {
  core = openTempCore({ today: TODAY, dataDir });
  const handlers = createHandlers(core, 'test');
  const call = async <T>(channel: string, input: unknown) => (await dispatch(handlers, channel, input, () => {})) as Envelope<T>;
  return { core, call };
}

function issueTables(c: Core) {
  const all = (sql: string) => c.ctx.db.prepare(sql).raw().all();
  return {
    issues: all('SELECT * FROM issues ORDER BY seq'),
    authors: all('SELECT * FROM issue_authors ORDER BY issue_id'),
    history: all('SELECT * FROM issue_history ORDER BY id'),
    search: all('SELECT rowid FROM issue_search ORDER BY rowid'),
    runSlices: all('SELECT * FROM import_run_slices'),
  };
}

async function workbook(rows: number) {
  return legacyWorkbook({
    name: 'Журнал',
    headers: RU_HEADERS,
    rows: Array.from({ length: rows }, (_, i) => ruRow(i + 1, { date: excelDate('2025-03-01'), kind: 'Вопрос', text: `Ремонт дороги № ${i + 1}`, name: 'Ахметов Б.' })),
  });
}

describe('an import in slices', () => {
  it('takes back every slice already written when a later one fails, leaving the log as it was', async () => {
    const { core: c, call } = open(tempDir());
    await call('setup:complete', { rootKato: ABAY_DISTRICT, language: 'ru' });
    await call('issues:create', { unitKato: KARAAUYL_OKRUG, meetingId: null, raisedOn: '2025-01-05', fields: fields('Старый вопрос'), author: null });
    const source = { fileName: 'журнал.xlsx', dataBase64: (await workbook(3000)).toString('base64') };
    const preview = (await call<ImportPreview>('issuesImport:preview', { source })) as { ok: true; value: ImportPreview };
    const before = issueTables(c);
    // The 2,990th row fails as a full disk or a broken constraint would, well after the first slices committed.
    c.ctx.db.exec(`CREATE TEMP TRIGGER fail_late BEFORE INSERT ON main.issues WHEN NEW.text = 'Ремонт дороги № 2990' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
    let slices = 0;
    c.ctx.progress = () => slices++;
    const result = await call('issuesImport:commit', { source, mapping: preview.value.suggested, unitKato: KARAAUYL_OKRUG, onlyValid: true });
    expect(result.ok).toBe(false);
    expect(slices).toBeGreaterThan(1);
    expect(issueTables(c)).toEqual(before);
    expect(c.ctx.db.prepare(`SELECT state FROM import_runs`).pluck().all()).toEqual(['undone']);
    c.ctx.db.exec('DROP TRIGGER temp.fail_late');
    // The same file goes in whole afterwards.
    const again = await call<{ imported: number }>('issuesImport:commit', { source, mapping: preview.value.suggested, unitKato: KARAAUYL_OKRUG, onlyValid: true });
    expect(again).toMatchObject({ ok: true, value: { imported: 3000 } });
    expect(c.ctx.db.prepare('SELECT count(*) FROM issues').pluck().get()).toBe(3001);
  }, 120_000);

  it('is taken back at the next start when a crash cut it short', async () => {
    const dataDir = tempDir();
    const { core: c, call } = open(dataDir);
    await call('setup:complete', { rootKato: ABAY_DISTRICT, language: 'ru' });
    const before = issueTables(c);
    // What a crash after two slices leaves: the run `running`, its issues committed.
    const run = beginImportRun(c.ctx, 'журнал.xlsx', KARAAUYL_OKRUG);
    for (const text of ['Первый', 'Второй']) {
      const created = await call<{ id: string }>('issues:create', { unitKato: KARAAUYL_OKRUG, meetingId: null, raisedOn: '2025-01-05', fields: fields(text), author: { fullName: 'Омарова А.', phone: '', address: '' } });
      if (!created.ok) throw new Error(JSON.stringify(created.error));
      const seq = c.ctx.db.prepare('SELECT seq FROM issues WHERE id = ?').pluck().get(created.value.id) as number;
      c.ctx.db.transaction(() => noteRunSlice(c.ctx, run, [seq]))();
    }
    expect(c.ctx.db.prepare('SELECT count(*) FROM issues').pluck().get()).toBe(2);
    c.close();
    core = undefined;

    const reopened = open(dataDir).core;
    expect(issueTables(reopened)).toEqual(before);
    expect(reopened.ctx.db.prepare('SELECT state FROM import_runs WHERE id = ?').pluck().get(run)).toBe('undone');
  });
});

function fields(text: string) {
  return {
    kind: 'question', receivedVia: 'oral', collective: false, categoryId: null, localityKato: null, answeredOnSpot: false, answer: '',
    bodyId: null, personId: null, deadline: null, onControl: false, controller: '', eotinishNo: '', repeatsId: null, text,
  };
}
