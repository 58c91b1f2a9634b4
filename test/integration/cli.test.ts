import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/cli';
import { CLI_BUNDLE, cliBundleStale } from '../../electron/cli/launch.mjs';
import { LAZY_PACKAGES } from '../../electron/cli/build';
import { completeSetup } from '../../electron/core/services/settings.service';
import { LATEST_VERSION } from '../../electron/core/db/migrations';
import { openTempCore, tempDir, ABAY_DISTRICT, KARAAUYL_OKRUG, KARAAUYL_VILLAGE, OUTSIDE_OKRUG } from '../helpers/temp-core';
import { createHandlers } from '../../electron/core/api/handlers';
import { createDispatch, dispatch } from '../../electron/core/api/dispatch';
import { demoContract } from '../../electron/core/demo/demo.contract';
import { createDemoHandlers } from '../../electron/core/demo/demo.handlers';
import { contract } from '../../shared/contract/contract';
import type { Envelope } from '../../shared/contract/envelope';
import { blankIssueFields } from '../../shared/contract/issue-defaults';
import { createI18n, errorMessage, LANGUAGES } from '../../shared/i18n';

function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { LANG: 'C' } });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

describe('esep schedule', () => {
  it('lists rural okrug windows from October 2013 on, nothing before (acceptance)', () => {
    const r = cli('schedule', '--kind', 'rural_okrug', '--from', '2013-01-01', '--to', '2014-12-31', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const rows = r.json();
    expect(rows.map((o: { windowStart: string }) => o.windowStart)).toEqual([
      '2013-10-01',
      '2014-01-01',
      '2014-04-01',
      '2014-07-01',
      '2014-10-01',
    ]);
    expect(rows[0]).toEqual({
      ruleSet: 'decree-615',
      group: 'C',
      kind: 'rural_okrug',
      windowKey: '2013-M10',
      windowStart: '2013-10-01',
      windowEnd: '2013-10-31',
      coversStart: '2013-07-01',
      coversEnd: '2013-09-30',
    });
  });

  it("gives a group B unit's first window as Q1 2014", () => {
    const rows = cli('schedule', '--kind', 'district', '--from', '2013-01-01', '--to', '2014-12-31', '--json').json();
    expect(rows.map((o: { group: string; windowStart: string; windowEnd: string }) => [o.group, o.windowStart, o.windowEnd])).toEqual([
      ['B', '2014-01-01', '2014-03-31'],
      ['B', '2014-07-01', '2014-09-30'],
    ]);
  });

  it('takes the kind from a KATO code', () => {
    const rows = cli('schedule', '--kato', '100000000', '--from', '2025-01-01', '--to', '2025-12-31', '--json').json();
    expect(rows).toMatchObject([{ group: 'A', kind: 'oblast', windowStart: '2025-01-01', coversStart: '2024-01-01', coversEnd: '2024-12-31' }]);
  });

  it('prints a readable table without --json', () => {
    const r = cli('schedule', '--kind', 'village', '--from', '2025-01-01', '--to', '2025-03-31');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^rule set\s+group\s+window/);
    expect(r.stdout).toContain('2025-M01');
  });
});

describe('esep compliance', () => {
  it('assigns held dates, gives statuses and the report due date of group A', () => {
    const r = cli('compliance', '--kind', 'oblast', '--from', '2024-01-01', '--to', '2026-12-31', '--held', '2024-04-02,2025-01-31', '--today', '2026-02-01', '--json');
    expect(r.code).toBe(0);
    expect(r.json().map((o: Record<string, unknown>) => [o.windowKey, o.status, o.heldOn, o.reportDue])).toEqual([
      ['2024-Q1', 'held_late', '2024-04-02', '2024-05-02'],
      ['2025-Q1', 'held_on_time', '2025-01-31', '2025-02-28'],
      ['2026-Q1', 'open', null, null],
    ]);
  });

  it('has no reportDue for groups B and C', () => {
    const rows = cli('compliance', '--kind', 'rural_okrug', '--from', '2025-01-01', '--to', '2025-03-31', '--held', '2025-01-10', '--today', '2025-03-01', '--json').json();
    expect(rows).toEqual([expect.objectContaining({ status: 'held_on_time', heldOn: '2025-01-10' })]);
    expect(rows[0]).not.toHaveProperty('reportDue');
  });

  /** An installation of the Abai district with one meeting held in Karaauyl on 3 April 2025. */
  function installationWithOneMeeting(): string {
    const dataDir = tempDir();
    const core = openTempCore({ dataDir, today: '2025-06-15' });
    const h = createHandlers(core, 't');
    dispatch(h, 'setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
    dispatch(h, 'meetings:recordHeld', { unitKato: KARAAUYL_OKRUG, heldOn: '2025-04-03' });
    core.close();
    return dataDir;
  }

  it('reads the same data through --db FILE', () => {
    const dataDir = installationWithOneMeeting();
    const rows = cli('compliance', '--kato', KARAAUYL_OKRUG, '--from', '2025-04-01', '--to', '2025-04-30', '--today', '2025-06-15', '--db', path.join(dataDir, 'esep.sqlite'), '--json').json();
    expect(rows).toMatchObject([{ status: 'held_on_time', heldOn: '2025-04-03' }]);
  });

  it('reads held meetings recorded in a data folder', () => {
    const dataDir = installationWithOneMeeting();
    const rows = cli('compliance', '--kato', KARAAUYL_OKRUG, '--from', '2025-04-01', '--to', '2025-04-30', '--today', '2025-06-15', '--data-dir', dataDir, '--json').json();
    expect(rows).toMatchObject([{ windowKey: '2025-M04', status: 'held_on_time', heldOn: '2025-04-03' }]);
    expect(rows[0].meetingId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('esep units', () => {
  it('looks a unit up by code, keeping the code as text', () => {
    const r = cli('units', '--kato', KARAAUYL_OKRUG, '--json');
    expect(r.json()).toEqual([{ kato: '103230000', kind: 'rural_okrug', nameKk: 'Қараауыл а.о.', nameRu: 'Карааульский с.о.', parent: '103200000' }]);
  });

  it('searches by name in either language', () => {
    const kk = cli('units', '--search', 'Абай облысы', '--json').json();
    expect(kk[0]).toMatchObject({ kato: '100000000', kind: 'oblast', parent: null });
    const ru = cli('units', '--search', 'Карааульский', '--json').json();
    expect(ru.map((u: { kato: string }) => u.kato)).toContain(KARAAUYL_OKRUG);
  });
});

describe('bad input: exit code 2, a message on stderr, nothing on stdout', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['unknown KATO code', ['units', '--kato', '999999999'], /No administrative unit has the KATO code 999999999/],
    // The app's validation message naming the option and its text; the command's usage under it gives the form.
    ['malformed KATO code', ['units', '--kato', '12AB'], /^esep: Check the input: --kato 12AB\.\n[\s\S]*CODE is a KATO code \(9 digits\)/],
    ['malformed date', ['schedule', '--kind', 'district', '--from', '2025-02-30', '--to', '2025-12-31'], /^esep: Check the input: --from 2025-02-30\.\n[\s\S]*--from YYYY-MM-DD/],
    ['--from after --to', ['schedule', '--kind', 'district', '--from', '2025-05-01', '--to', '2025-01-01'], /starts \(2025-05-01\) after it ends \(2025-01-01\)/],
    ['a kind without an akim', ['schedule', '--kind', 'locality', '--from', '2025-01-01', '--to', '2025-12-31'], /--kind/],
    ['a locality code', ['schedule', '--kato', '103230100', '--from', '2025-01-01', '--to', '2025-12-31'], /no akim of its own/],
    ['a held date after today', ['compliance', '--kind', 'village', '--from', '2025-01-01', '--to', '2025-12-31', '--held', '2025-07-01', '--today', '2025-06-01'], /has not come yet/],
    ['an unknown command', ['frobnicate'], /unknown command/],
    ['an unknown option', ['schedule', '--kind', 'district', '--frm', '2025-01-01'], /Usage/],
    ['a missing option', ['schedule', '--kind', 'district', '--to', '2025-01-01'], /--from/],
  ];
  for (const [name, args, message] of cases) {
    it(name, () => {
      const r = cli(...args, '--json');
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
    });
  }

  it('speaks Kazakh or Russian when asked', () => {
    expect(cli('units', '--kato', '999999999', '--lang', 'kk').stderr).toContain('ҚАТО коды 999999999 болатын');
    expect(cli('units', '--kato', '999999999', '--lang', 'ru').stderr).toContain('Нет административной единицы с кодом КАТО 999999999');
  });

  it('refuses a data folder holding a database from a newer Esep, leaving it untouched', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'esep.sqlite');
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_VERSION + 100}`);
    db.exec('CREATE TABLE x (y)');
    db.close();
    const before = fs.readFileSync(file);
    const r = cli('units', '--kato', KARAAUYL_OKRUG, '--data-dir', dataDir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/written by a newer Esep/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dataDir)).toEqual(['esep.sqlite']);
  });
});

describe('npm run -s esep', () => {
  it('works as a real process on the pinned Node, with exit codes', () => {
    const out = execFileSync('npm', ['run', '-s', 'esep', '--', 'schedule', '--kind', 'rural_okrug', '--from', '2013-01-01', '--to', '2013-12-31', '--json'], { encoding: 'utf8' });
    expect(JSON.parse(out)).toHaveLength(1);
    const bad = spawnSync('npm', ['run', '-s', 'esep', '--', 'units', '--kato', 'x'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
  });

  /** The bundle run as a process, with the packages it loaded (test/helpers/record-packages.ts). */
  function bundled(...args: string[]) {
    const run = spawnSync(process.execPath, ['--import', './test/helpers/record-packages.ts', CLI_BUNDLE, ...args], { encoding: 'utf8' });
    const packages = /\npackages: (.*)\n$/.exec(run.stderr)?.[1]?.split(' ') ?? [];
    return { status: run.status, stdout: run.stdout, packages };
  }

  it('runs the CLI built as JavaScript, and loads the document packages only for the commands that write documents', () => {
    const out = execFileSync('npm', ['run', '-s', 'esep', '--', 'units', '--kato', KARAAUYL_OKRUG, '--json'], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([expect.objectContaining({ kato: KARAAUYL_OKRUG })]);
    // npm run esep built it if a source was newer.
    expect(cliBundleStale()).toBe(false);

    const units = bundled('units', '--kato', KARAAUYL_OKRUG, '--json');
    expect(units.status).toBe(0);
    expect(units.packages).toContain('better-sqlite3');
    for (const name of LAZY_PACKAGES) expect(units.packages).not.toContain(name);

    const dataDir = tempDir();
    const core = openTempCore({ dataDir, today: '2025-06-15' });
    completeSetup(core.ctx, { rootKato: ABAY_DISTRICT, language: 'kk' });
    core.close();
    const file = path.join(dataDir, 'report.xlsx');
    const report = bundled('report', '--data-dir', dataDir, '--unit', ABAY_DISTRICT, '--period', '2025', '--format', 'xlsx', '--out', file, '--today', '2025-06-15');
    expect(report.status).toBe(0);
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    expect(report.packages).toContain('exceljs');
    expect(report.packages).not.toContain('docx');
    expect(report.packages).not.toContain('pdfmake');
  });
});

describe('esep issues', () => {
  /** An installation of the Abai district with three issues raised in Karaauyl on 3 April 2025. */
  function installationWithIssues(): string {
    const dataDir = tempDir();
    const core = openTempCore({ dataDir, today: '2025-06-15' });
    const h = createHandlers(core, 't');
    const ok = (channel: string, input: unknown) => {
      const r = dispatch(h, channel, input, () => {}) as { ok: boolean; value?: any; error?: unknown };
      if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
      return r.value;
    };
    ok('setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
    const meeting = ok('meetings:recordHeld', { unitKato: KARAAUYL_OKRUG, heldOn: '2025-04-03' });
    const body = ok('bodies:save', { nameKk: 'Білім бөлімі', nameRu: 'Отдел образования', archived: false });
    const fields = (text: string, more: Record<string, unknown> = {}) => ({ ...blankIssueFields(text, 'complaint'), ...more });
    const create = (text: string, more: Record<string, unknown> = {}) =>
      ok('issues:create', { unitKato: KARAAUYL_OKRUG, meetingId: meeting.id, raisedOn: '2025-04-03', fields: fields(text, more), author: null });
    create('Мектептің шатыры ағып тұр', { bodyId: body.id, deadline: '2025-05-01' });
    create('Көше жарығы жоқ');
    create('Автобус мектепке бармайды', { answeredOnSpot: true, answer: 'Маршрут қыркүйектен ашылады' });
    core.close();
    return dataDir;
  }

  it('lists the log as JSON, by status, open, overdue, and by a Kazakh word in another case', () => {
    const dataDir = installationWithIssues();
    const run = (...args: string[]) => cli('issues', '--data-dir', dataDir, '--today', '2025-06-15', '--json', ...args);
    const all = run();
    expect(all.code).toBe(0);
    expect(all.stderr).toBe('');
    expect(all.json().total).toBe(3);
    expect(Object.keys(all.json().rows[0]).sort()).toContain('overdue');
    expect(JSON.stringify(all.json())).not.toMatch(/fullName|phone/);
    expect(run('--status', 'overdue').json().rows.map((r: { text: string }) => r.text)).toEqual(['Мектептің шатыры ағып тұр']);
    expect(run('--status', 'open').json().total).toBe(2);
    expect(run('--status', 'closed').json().total).toBe(1);
    expect(run('--status', 'explained').json().rows.map((r: { text: string }) => r.text)).toEqual(['Автобус мектепке бармайды']);
    expect(run('--search', 'мектеп').json().total).toBe(2);
    // By its stem too: "мектептің" finds "мектепке" as well.
    expect(run('--search', 'МЕКТЕПТІҢ').json().total).toBe(2);
    expect(run('--search', 'коше').json().total).toBe(1);
    expect(run('--search', 'мектеп', '--status', 'open', '--limit', '1').json()).toMatchObject({ total: 1, rows: [{ text: 'Мектептің шатыры ағып тұр' }] });
  });

  it('prints a table with status names in the chosen language', () => {
    const dataDir = installationWithIssues();
    const kk = cli('issues', '--data-dir', dataDir, '--today', '2025-06-15', '--lang', 'kk');
    expect(kk.code).toBe(0);
    const lines = kk.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^unit\s+No\s+raised on\s+kind\s+status\s+deadline\s+text/);
    expect(kk.stdout).toContain('Мерзімі өткен');
    expect(kk.stdout).toContain('Түсіндірілді');
    expect(lines.at(-1)).toBe('3 of 3');
    const ru = cli('issues', '--data-dir', dataDir, '--today', '2025-06-15', '--lang', 'ru', '--status', 'overdue');
    expect(ru.stdout).toContain('В работе — Просрочено');
    expect(ru.stdout).toContain('Жалоба');
  });

  it.each([
    ['no --data-dir', false, ['issues'], /--data-dir/],
    ['an unknown status', true, ['issues', '--status', 'lost'], /--status: one of new, in_progress/],
    ['a bad limit', true, ['issues', '--limit', '0'], /--limit/],
    ['an empty search', true, ['issues', '--search', '  '], /--search/],
    ['a unit outside the working set', true, ['issues', '--unit', '113833000'], /113833000/],
  ])('refuses %s with exit code 2', (_label, withData, args, message) => {
    const r = cli(...(args as string[]), ...(withData ? ['--data-dir', installationWithIssues()] : []), '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message as RegExp);
  });

  it('is described in the help', () => {
    const help = cli('--help');
    expect(help.stdout).toMatch(/issues\s+\[--status S\] \[--search TEXT\]/);
    expect(help.stdout).toMatch(/--issues N/);
  });
});

describe('the CLI refuses what the app refuses, with the same code and message', () => {
  const TODAY = '2025-06-01';
  const range = { from: '2025-01-01', to: '2025-12-31' };
  const argvRange = ['--from', range.from, '--to', range.to];
  const listIssues = (filter: Record<string, unknown>) => ({ filter, sort: { key: 'raisedOn', dir: 'desc' }, offset: 0, limit: 50 });
  const generate = (more: Record<string, unknown>) => ({ unitKato: ABAY_DISTRICT, fromYear: 2024, toYear: 2025, seed: 1, ...more });
  const argvGenerate = (...more: string[]) => ['generate', '--unit', ABAY_DISTRICT, '--from', '2024', '--to', '2025', '--seed', '1', ...more];

  /**
   * The argv, the request the app would send for it, and for a `validation` refusal the fields
   * the envelope names → how the CLI names them (its options, with the text given).
   */
  const cases: Array<[string, string[], string, unknown, Record<string, string>?]> = [
    ['a malformed KATO code', ['units', '--kato', '12AB'], 'units:get', { kato: '12AB' }, { kato: '--kato 12AB' }],
    ['an unknown unit', ['units', '--kato', '999999999'], 'units:get', { kato: '999999999' }],
    ['a blank search', ['units', '--search', '  '], 'units:search', { query: '  ', limit: 50 }, { query: '--search "  "' }],
    ['a limit beyond the search', ['units', '--search', 'Абай', '--limit', '101'], 'units:search', { query: 'Абай', limit: 101 }, { limit: '--limit 101' }],
    ['a fractional limit', ['units', '--search', 'Абай', '--limit', '2.5'], 'units:search', { query: 'Абай', limit: 2.5 }, { limit: '--limit 2.5' }],
    ['an impossible date', ['schedule', '--kind', 'district', '--from', '2025-02-30', '--to', range.to], 'rules:schedule', { kind: 'district', from: '2025-02-30', to: range.to }, { from: '--from 2025-02-30' }],
    ['a kind without an akim', ['schedule', '--kind', 'locality', ...argvRange], 'rules:schedule', { kind: 'locality', ...range }, { kind: '--kind locality' }],
    ['neither a kind nor a unit', ['schedule', ...argvRange], 'rules:schedule', range, { kind: '--kind', kato: '--kato' }],
    ['a missing date', ['schedule', '--kind', 'district', '--to', range.to], 'rules:schedule', { kind: 'district', to: range.to }, { from: '--from' }],
    ['a period ending before it starts', ['schedule', '--kind', 'district', '--from', '2025-05-01', '--to', '2025-01-01'], 'rules:schedule', { kind: 'district', from: '2025-05-01', to: '2025-01-01' }],
    ['a locality', ['compliance', '--kato', KARAAUYL_VILLAGE, ...argvRange], 'rules:compliance', { kato: KARAAUYL_VILLAGE, ...range }],
    ['a malformed held date', ['compliance', '--kind', 'village', ...argvRange, '--held', '2025-01-10,10.02.2025'], 'rules:compliance', { kind: 'village', ...range, held: ['2025-01-10', '10.02.2025'] }, { 'held.1': '--held 10.02.2025' }],
    ['a held date after today', ['compliance', '--kind', 'village', ...argvRange, '--held', '2025-07-01'], 'rules:compliance', { kind: 'village', ...range, held: ['2025-07-01'] }],
    ['a year before the decree', ['status', '--year', '2012'], 'obligations:grid', { year: 2012 }, { year: '--year 2012' }],
    ['a year that is not a number', ['status', '--year', 'MMXXV'], 'obligations:grid', { year: Number.NaN }, { year: '--year MMXXV' }],
    ['a malformed unit in the log', ['issues', '--unit', '12345'], 'issues:list', listIssues({ unitKato: '12345' }), { 'filter.unitKato': '--unit 12345' }],
    ['a unit outside the working set', ['issues', '--unit', OUTSIDE_OKRUG], 'issues:list', listIssues({ unitKato: OUTSIDE_OKRUG })],
    ['a log window of none', ['issues', '--limit', '0'], 'issues:list', { ...listIssues({}), limit: 0 }, { limit: '--limit 0' }],
    ['a seed beyond 32 bits', argvGenerate('--seed', '4294967296'), 'demo:generate', generate({ seed: 4294967296 }), { seed: '--seed 4294967296' }],
    ['a seed in hex', argvGenerate('--seed', '0x10'), 'demo:generate', generate({ seed: Number.NaN }), { seed: '--seed 0x10' }],
    ['years the wrong way round', [...argvGenerate(), '--from', '2026'], 'demo:generate', generate({ fromYear: 2026 })],
  ];

  // An installation of the Abai district, with nothing else in it: what the CLI and the app share.
  const dataDir = tempDir('esep-cli-same-');
  const setup = openTempCore({ dataDir, today: TODAY });
  dispatch(createHandlers(setup, 't'), 'setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
  setup.close();

  const withDemo = createDispatch({ ...contract, ...demoContract });
  function app(channel: string, input: unknown): Envelope<unknown> {
    const core = openTempCore({ dataDir, today: TODAY });
    try {
      // The app's own door for its channels; the demo one only through the CLI's table.
      const envelope = channel in contract ? dispatch(createHandlers(core, 't'), channel, input) : withDemo({ ...createHandlers(core, 't'), ...createDemoHandlers(core) }, channel, input);
      return envelope as Envelope<unknown>;
    } finally {
      core.close();
    }
  }
  const withToday = (argv: string[]) => (['compliance', 'status', 'issues', 'generate'].includes(argv[0]!) ? [...argv, '--today', TODAY] : argv);

  it.each(cases)('%s', (_label, argv, channel, input, named) => {
    const envelope = app(channel, input);
    if (envelope.ok) throw new Error(`${channel} took ${JSON.stringify(input)}`);
    const { error } = envelope;
    if (named) expect(error).toEqual({ code: 'validation', details: { fields: Object.keys(named) } });
    else expect(error.code).not.toBe('validation');
    const shown = named ? { code: 'validation' as const, details: { fields: Object.values(named) } } : error;
    for (const lang of LANGUAGES) {
      const r = cli(...withToday(argv), '--data-dir', dataDir, '--lang', lang, '--json');
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr.split('\n')[0]).toBe(`esep: ${errorMessage(createI18n(lang).t, shown)}`);
    }
  });

  it('and left the installation as it was', () => {
    const core = openTempCore({ dataDir, today: TODAY });
    expect((core.ctx.db.prepare('SELECT count(*) AS n FROM meetings').get() as { n: number }).n).toBe(0);
    core.close();
  });
});
