import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { createHandlers } from '../../electron/core/api/handlers';
import { dispatch } from '../../electron/core/api/dispatch';
import { createIssue } from '../../electron/core/services/issues.service';
import { beginImportRun, noteRunEntry } from '../../electron/core/services/import-runs';
import { saveBody } from '../../electron/core/db/repos/issue-reference.repo';
import type { Envelope } from '../../shared/contract/envelope';
import type { ImportCheck, ImportReport, ValueAnswer } from '../../shared/contract/issues-import.contract';
import { blankIssueFields } from '../../shared/contract/issue-defaults';
import { ABAY_DISTRICT, KARAAUYL_OKRUG, KARAAUYL_VILLAGE, openTempCore, tempDir } from '../helpers/temp-core';
import { legacyWorkbook } from '../helpers/legacy-xlsx';

/*
 * Issue 13, point 3: a legacy log on a fresh installation. It has no bodies at all, and its
 * categories are the seed's, named otherwise than the file names them: without the value
 * mapping every row fails; with it every row goes in, the entries it creates exist once, and an
 * import that fails takes them back.
 */
const TODAY = '2025-06-15';
let core: Core;
let handlers: ReturnType<typeof createHandlers>;

async function call<T = any>(channel: string, input: unknown): Promise<Envelope<T>> {
  return (await dispatch(handlers, channel, input, (e) => console.error(e))) as Envelope<T>;
}
async function value<T = any>(channel: string, input: unknown): Promise<T> {
  const result = await call<T>(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value;
}

const HEADERS = ['Дата', 'Содержание вопроса', 'Категория', 'Ответственный', 'Статус', 'Населённый пункт'];
const MAPPING = { raisedOn: 0, text: 1, category: 2, body: 3, status: 4, locality: 5 };
const source = (data: Buffer, fileName = 'журнал-2024.xlsx') => ({ fileName, dataBase64: data.toString('base64') });

/** Six rows; every body and every category is written as no entry of a fresh installation is. */
const legacyLog = () =>
  legacyWorkbook({
    headers: HEADERS,
    rows: [
      ['10.01.2025', 'Ремонт дороги на улице Абая', 'Дороги', 'Аппарат акима', 'В работе', 'с.Карааул'],
      ['11.01.2025', 'Ямочный ремонт у школы', 'дороги ', 'аппарат  АКИМА', 'Выполнен', 'Карауыл'],
      ['12.01.2025', 'Нет учебников', 'Образование', 'Отдел образования', 'В работе', 'с.Медеу'],
      ['13.01.2025', 'Ремонт спортзала школы', 'ОБРАЗОВАНИЕ', 'Отдел образования', '', ''],
      ['14.01.2025', 'Вывоз мусора', 'Благоустройство села', 'ГУ ЖКХ', 'Выполнен', 'Карауыл'],
      ['15.01.2025', 'Озеленение парка', 'Благоустройство села', 'Аппарат акима', '', 'с.Кокбай'],
    ],
  });

const ANSWERS: ValueAnswer[] = [
  { field: 'body', value: 'Аппарат акима', to: { kind: 'create' } },
  { field: 'body', value: 'Отдел образования', to: { kind: 'create' } },
  { field: 'body', value: 'ГУ ЖКХ', to: { kind: 'empty' } },
  { field: 'category', value: 'Дороги', to: { kind: 'existing', id: 'roads' } },
  { field: 'category', value: 'Образование', to: { kind: 'existing', id: 'education' } },
  { field: 'category', value: 'Благоустройство села', to: { kind: 'create' } },
  { field: 'status', value: 'Выполнен', to: { kind: 'existing', id: 'done' } },
  { field: 'locality', value: 'Карауыл', to: { kind: 'existing', id: KARAAUYL_VILLAGE } },
];

const count = (sql: string, ...params: unknown[]) => core.ctx.db.prepare(sql).pluck().get(...params) as number;
const bodies = () => core.ctx.db.prepare('SELECT name_kk, name_ru FROM bodies ORDER BY name_ru').raw().all() as string[][];
const categoryIds = () => core.ctx.db.prepare('SELECT id FROM issue_categories ORDER BY id').pluck().all() as string[];

let log: Buffer;
let seedCategories: string[];

beforeAll(async () => {
  core = openTempCore({ today: TODAY });
  handlers = createHandlers(core, '0.0.0-test');
  await value('setup:complete', { rootKato: ABAY_DISTRICT, language: 'ru' });
  log = await legacyLog();
  seedCategories = categoryIds();
});
afterAll(() => core.close());

describe('the value mapping of a legacy import on a fresh installation', () => {
  it('without answers every row fails; the values no entry matches are listed once each, with their rows and a guess', async () => {
    expect(bodies()).toEqual([]);
    const check = await value<ImportCheck>('issuesImport:check', { source: source(log), mapping: MAPPING, unitKato: ABAY_DISTRICT });
    expect(check).toMatchObject({ valid: 0, invalid: 6, created: [] });
    expect(check.values.map((v) => [v.field, v.value, v.rows, v.problem, v.guess])).toEqual([
      ['body', 'Аппарат акима', 3, 'unknown', null],
      ['body', 'Отдел образования', 2, 'unknown', null],
      ['body', 'ГУ ЖКХ', 1, 'unknown', null],
      ['category', 'Дороги', 2, 'unknown', 'roads'],
      ['category', 'Образование', 2, 'unknown', 'education'],
      ['category', 'Благоустройство села', 2, 'unknown', null],
      ['status', 'Выполнен', 2, 'unknown', null],
      ['locality', 'Карауыл', 2, 'unknown', KARAAUYL_VILLAGE],
    ]);
    // What each can be mapped to: no body yet; a status that can be chosen; the district's places, not the district.
    expect(check.targets.body).toEqual([]);
    expect(check.targets.category.map((c) => c.id)).toEqual(expect.arrayContaining(['roads', 'education', 'other']));
    expect(check.targets.status.map((s) => s.id)).toEqual(['new', 'in_progress', 'planned', 'done', 'explained', 'forwarded', 'rejected']);
    expect(check.targets.locality.map((l) => l.id)).toContain(KARAAUYL_VILLAGE);
    expect(check.targets.locality.map((l) => l.id)).not.toContain(ABAY_DISTRICT);
  });

  it('the check with the answers recounts: every row valid, and says what would be created; nothing is written', async () => {
    const check = await value<ImportCheck>('issuesImport:check', { source: source(log), mapping: MAPPING, unitKato: ABAY_DISTRICT, values: ANSWERS });
    expect(check).toMatchObject({ valid: 6, invalid: 0, imported: 0 });
    expect(check.created).toEqual([
      { field: 'body', name: 'Аппарат акима', rows: 3 },
      { field: 'body', name: 'Отдел образования', rows: 2 },
      { field: 'category', name: 'Благоустройство села', rows: 2 },
    ]);
    // The list stays whole while it is answered.
    expect(check.values).toHaveLength(8);
    expect(bodies()).toEqual([]);
    expect(categoryIds()).toEqual(seedCategories);
    expect(count('SELECT count(*) FROM issues')).toBe(0);
  });

  it('refuses an answer that cannot stand: a status or locality to create, an entry that cannot be chosen', async () => {
    const check = (values: unknown) => call('issuesImport:check', { source: source(log), mapping: MAPPING, unitKato: ABAY_DISTRICT, values });
    expect(await check([{ field: 'status', value: 'Выполнен', to: { kind: 'create' } }])).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await check([{ field: 'locality', value: 'Карауыл', to: { kind: 'create' } }])).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await check([{ field: 'locality', value: 'Карауыл', to: { kind: 'existing', id: '113833000' } }])).toMatchObject({
      ok: false,
      error: { code: 'validation', details: { fields: ['values.0.to'] } },
    });
    expect(await check([ANSWERS[0], { field: 'category', value: 'Дороги', to: { kind: 'existing', id: 'no-such' } }])).toMatchObject({
      ok: false,
      error: { code: 'validation', details: { fields: ['values.1.to'] } },
    });
  });

  it('imports every row: the created entries once each, on the rows that name them, the mapped ones as chosen', async () => {
    const report = await value<ImportReport>('issuesImport:commit', { source: source(log), mapping: MAPPING, unitKato: ABAY_DISTRICT, values: ANSWERS, onlyValid: false });
    expect(report).toMatchObject({ valid: 6, invalid: 0, imported: 6 });
    expect(report.created.map((c) => [c.field, c.name, c.rows])).toEqual([
      ['body', 'Аппарат акима', 3],
      ['body', 'Отдел образования', 2],
      ['category', 'Благоустройство села', 2],
    ]);
    expect(bodies()).toEqual([
      ['Аппарат акима', 'Аппарат акима'],
      ['Отдел образования', 'Отдел образования'],
    ]);
    const added = categoryIds().filter((id) => !seedCategories.includes(id));
    expect(added).toHaveLength(1);
    const rows = core.ctx.db
      .prepare(
        `SELECT i.text, b.name_ru AS body, c.id AS category, c.name_ru AS categoryName, i.status_id, i.locality_kato
         FROM issues i LEFT JOIN bodies b ON b.id = i.body_id LEFT JOIN issue_categories c ON c.id = i.category_id ORDER BY i.registry_no`,
      )
      .raw()
      .all();
    expect(rows).toEqual([
      ['Ремонт дороги на улице Абая', 'Аппарат акима', 'roads', 'Дороги и мосты', 'in_progress', KARAAUYL_VILLAGE],
      ['Ямочный ремонт у школы', 'Аппарат акима', 'roads', 'Дороги и мосты', 'done', KARAAUYL_VILLAGE],
      ['Нет учебников', 'Отдел образования', 'education', 'Образование (школы, детсады)', 'in_progress', '103245100'],
      // A row with a body and no status starts as the log's own create leaves it: in progress.
      ['Ремонт спортзала школы', 'Отдел образования', 'education', 'Образование (школы, детсады)', 'in_progress', null],
      ['Вывоз мусора', null, added[0], 'Благоустройство села', 'done', KARAAUYL_VILLAGE],
      ['Озеленение парка', 'Аппарат акима', added[0], 'Благоустройство села', 'in_progress', '103247100'],
    ]);
    // The run's bookkeeping is gone; the audit names what the import created.
    expect(count('SELECT count(*) FROM import_run_entries')).toBe(0);
    const audit = core.ctx.db.prepare(`SELECT entity, action FROM audit_log WHERE entity IN ('body', 'issue_category') ORDER BY seq`).raw().all();
    expect(audit).toEqual([
      ['body', 'insert'],
      ['body', 'insert'],
      ['issue_category', 'insert'],
    ]);
    const run = JSON.parse(core.ctx.db.prepare(`SELECT after_json FROM audit_log WHERE entity = 'issue_import'`).pluck().get() as string);
    expect(run.created.map((c: { name: string }) => c.name)).toEqual(['Аппарат акима', 'Отдел образования', 'Благоустройство села']);
  });

  it('a later file naming the same values finds the entries the first one created: nothing is created twice', async () => {
    const next = await legacyWorkbook({
      headers: HEADERS,
      rows: [
        ['01.02.2025', 'Свет на остановке', 'благоустройство  села', 'АППАРАТ АКИМА', '', ''],
        ['02.02.2025', 'Новые парты', 'Образование', 'отдел образования', '', ''],
      ],
    });
    const check = await value<ImportCheck>('issuesImport:check', { source: source(next, 'февраль.xlsx'), mapping: MAPPING, unitKato: ABAY_DISTRICT });
    expect(check.values.map((v) => [v.field, v.value])).toEqual([['category', 'Образование']]);
    await value('issuesImport:commit', {
      source: source(next, 'февраль.xlsx'),
      mapping: MAPPING,
      unitKato: ABAY_DISTRICT,
      values: [{ field: 'category', value: 'Образование', to: { kind: 'existing', id: 'education' } }],
      onlyValid: false,
    });
    expect(bodies()).toHaveLength(2);
    expect(count(`SELECT count(*) FROM issue_categories WHERE name_ru = 'Благоустройство села'`)).toBe(1);
    expect(count('SELECT count(*) FROM issues')).toBe(8);
  });

  it('an import that fails takes back the entries it created, except one that another window came to use meanwhile', async () => {
    const rows = Array.from({ length: 600 }, (_, i) => ['03.03.2025', `Спортивная площадка № ${i + 1}`, 'Спорт', i % 2 ? 'Отдел культуры' : 'Отдел спорта', '', '']);
    const data = await legacyWorkbook({ headers: HEADERS, rows });
    const answers: ValueAnswer[] = [
      { field: 'body', value: 'Отдел культуры', to: { kind: 'create' } },
      { field: 'body', value: 'Отдел спорта', to: { kind: 'create' } },
      { field: 'category', value: 'Спорт', to: { kind: 'create' } },
    ];
    const bodiesBefore = bodies();
    const categoriesBefore = categoryIds();
    const issuesBefore = count('SELECT count(*) FROM issues');
    core.ctx.db.exec(`CREATE TEMP TRIGGER fail_late BEFORE INSERT ON main.issues WHEN NEW.text = 'Спортивная площадка № 590' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
    // After the first slice, another window gives its own issue to a body the import created.
    let typed = false;
    core.ctx.progress = () => {
      if (typed) return;
      typed = true;
      const culture = core.ctx.db.prepare(`SELECT id FROM bodies WHERE name_ru = 'Отдел культуры'`).pluck().get() as string;
      createIssue(core.ctx, { unitKato: ABAY_DISTRICT, meetingId: null, raisedOn: '2025-03-04', author: null, fields: { ...blankIssueFields('Ремонт Дома культуры'), bodyId: culture } });
    };
    try {
      const result = await call('issuesImport:commit', { source: source(data, 'спорт.xlsx'), mapping: MAPPING, unitKato: ABAY_DISTRICT, values: answers, onlyValid: false });
      expect(result.ok).toBe(false);
    } finally {
      core.ctx.db.exec('DROP TRIGGER temp.fail_late');
      core.ctx.progress = undefined;
    }
    expect(typed).toBe(true);
    expect(count('SELECT count(*) FROM issues')).toBe(issuesBefore + 1);
    expect(bodies()).toEqual([...bodiesBefore, ['Отдел культуры', 'Отдел культуры']].sort((a, b) => a[1]!.localeCompare(b[1]!)));
    expect(categoryIds()).toEqual(categoriesBefore);
    expect(count('SELECT count(*) FROM import_run_entries')).toBe(0);
    const undone = JSON.parse(core.ctx.db.prepare(`SELECT after_json FROM audit_log WHERE entity = 'issue_import' AND action = 'delete'`).pluck().get() as string);
    expect(undone).toMatchObject({ removedEntries: 2, keptEntries: 1 });
  }, 60_000);
});

describe('a run a crash cut short', () => {
  it('is taken back at the next start with the body it created', async () => {
    const dataDir = tempDir();
    let c = openTempCore({ today: TODAY, dataDir });
    try {
      await dispatch(createHandlers(c, 'test'), 'setup:complete', { rootKato: ABAY_DISTRICT, language: 'ru' }, () => {});
      // What a crash right after the entries' transaction leaves: the run `running`, its body committed.
      const run = beginImportRun(c.ctx, 'журнал.xlsx', KARAAUYL_OKRUG);
      c.ctx.db.transaction(() => {
        saveBody(c.ctx.db, { id: 'a8a4f0de-7d2b-4a51-9a57-3f0f7a3f2f11', nameKk: 'Аппарат акима', nameRu: 'Аппарат акима', archived: false, revision: 1 }, c.ctx.installationId);
        noteRunEntry(c.ctx, run, 'body', 'a8a4f0de-7d2b-4a51-9a57-3f0f7a3f2f11');
      })();
      expect(c.ctx.db.prepare('SELECT count(*) FROM bodies').pluck().get()).toBe(1);
    } finally {
      c.close();
    }
    c = openTempCore({ today: TODAY, dataDir });
    try {
      expect(c.ctx.db.prepare('SELECT count(*) FROM bodies').pluck().get()).toBe(0);
      expect(c.ctx.db.prepare('SELECT count(*) FROM import_run_entries').pluck().get()).toBe(0);
      expect(c.ctx.db.prepare('SELECT state FROM import_runs').pluck().all()).toEqual(['undone']);
    } finally {
      c.close();
    }
  });
});
