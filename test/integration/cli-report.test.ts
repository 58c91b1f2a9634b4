import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/cli';
import { tempDir, ABAY_DISTRICT, KARAAUYL_OKRUG, KARAAUYL_VILLAGE, OUTSIDE_OKRUG } from '../helpers/temp-core';
import type { ErrorPayload } from '../../shared/errors';
import { createI18n, errorMessage, LANGUAGES } from '../../shared/i18n';

function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { LANG: 'C' } });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

const TODAY = '2026-06-15';
const FIGURES = ['meetings', 'attendance', 'officials', 'issues'] as const;

type Counts = { [key: string]: number | Counts };
interface Row extends Record<(typeof FIGURES)[number], Counts> {
  kato: string;
  depth: number;
}

/** The rows added up leaf by leaf, maps key by key: what every total of the report must be. */
function sumOfRows(rows: Row[]): Record<string, Counts> {
  const add = (a: Counts, b: Counts): Counts => {
    const out: Counts = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = typeof v === 'number' ? ((out[k] as number | undefined) ?? 0) + v : add((out[k] as Counts | undefined) ?? {}, v);
    return out;
  };
  return Object.fromEntries(FIGURES.map((f) => [f, rows.reduce<Counts>((sum, r) => add(sum, r[f]), {})]));
}

let dataDir: string;

beforeAll(() => {
  dataDir = tempDir('esep-cli-report-');
  const generated = cli('generate', '--data-dir', dataDir, '--unit', ABAY_DISTRICT, '--from', '2024', '--to', '2026', '--seed', '7', '--today', TODAY);
  expect(generated.code, generated.stderr).toBe(0);
});

const run = (...args: string[]) => cli(...args, '--data-dir', dataDir, '--today', TODAY);

function report(period: string, unit = ABAY_DISTRICT) {
  const r = run('report', '--unit', unit, '--period', period, '--format', 'json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.json();
}

/** How many issues `esep issues` finds (its total, whatever --limit shows). */
function logged(unit: string, period: string, status?: string): number {
  const r = run('issues', '--unit', unit, '--period', period, '--limit', '1', '--json', ...(status === undefined ? [] : ['--status', status]));
  expect(r.code, r.stderr).toBe(0);
  return r.json().total;
}

describe('esep report --format json', () => {
  it('prints only the report: the unit, the period, the figures, and a row of the same figures per reporting unit', () => {
    const r = report('2025');
    expect(r.unit).toMatchObject({ kato: ABAY_DISTRICT, nameKk: 'Абай ауданы', nameRu: 'Абайский район' });
    expect(r.period).toEqual({ start: '2025-01-01', end: '2025-12-31' });
    const shape = {
      meetings: { required: expect.any(Number), heldOnTime: expect.any(Number), heldLate: expect.any(Number), missed: expect.any(Number), open: expect.any(Number), upcoming: expect.any(Number) },
      attendance: { people: expect.any(Number), onlineViewers: expect.any(Number) },
      issues: { total: expect.any(Number), closed: expect.any(Number), overdue: expect.any(Number), byStatus: expect.any(Object), byCategory: expect.any(Object) },
    };
    expect(r).toMatchObject(shape);
    expect(r.units).toHaveLength(10);
    for (const row of r.units) expect(row).toMatchObject({ kato: expect.stringMatching(/^\d{9}$/), ...shape });
    expect(r.units[0]).toMatchObject({ kato: ABAY_DISTRICT, depth: 0 });
    expect(r.issues.total).toBeGreaterThan(50);
    expect(Object.values(r.issues.byStatus).reduce((a: number, b) => a + (b as number), 0)).toBe(r.issues.total);
    expect(Object.values(r.issues.byCategory).reduce((a: number, b) => a + (b as number), 0)).toBe(r.issues.total);
    // Derived at the top only: a median and a share do not add up over rows.
    expect(r.resolvedShare).toBeCloseTo(r.issues.closed / r.issues.total, 10);
    expect(r.medianDaysToClose).toBeGreaterThan(0);
    expect(r.units[0]).not.toHaveProperty('medianDaysToClose');
  });

  it.each(['2025', '2026', '2025-H2', '2026-Q1', '2024-03-15..2025-08-31'])('%s: every total is the sum of the unit rows', (period) => {
    const r = report(period);
    expect(Object.fromEntries(FIGURES.map((f) => [f, r[f]]))).toEqual(sumOfRows(r.units));
    expect(r.meetings.required).toBeGreaterThan(0);
  });

  it.each(['2025', '2026'])('%s: each unit’s meetings are its cells of `esep status --year`', (year) => {
    const r = report(year);
    const status = run('status', '--year', year, '--json');
    expect(status.code).toBe(0);
    const cells: Array<{ kato: string; status: string }> = status.json();
    expect(new Set(cells.map((c) => c.kato))).toEqual(new Set(r.units.map((u: Row) => u.kato)));
    for (const unit of r.units) {
      const own = cells.filter((c) => c.kato === unit.kato);
      const count = (s: string) => own.filter((c) => c.status === s).length;
      expect(unit.meetings, unit.kato).toMatchObject({
        required: own.length,
        heldOnTime: count('held_on_time'),
        heldLate: count('held_late'),
        missed: count('missed'),
        open: count('open'),
        upcoming: count('upcoming'),
      });
    }
    if (year === '2026') expect(r.meetings.open + r.meetings.upcoming).toBeGreaterThan(0);
  });

  it('counts the issues `esep issues --period` lists: the subtree’s in the totals, an okrug’s (with its villages) in its row', () => {
    const r = report('2025');
    expect(logged(ABAY_DISTRICT, '2025')).toBe(r.issues.total);
    expect(logged(ABAY_DISTRICT, '2025', 'closed')).toBe(r.issues.closed);
    expect(logged(ABAY_DISTRICT, '2025', 'open')).toBe(r.issues.total - r.issues.closed);
    expect(logged(ABAY_DISTRICT, '2025', 'overdue')).toBe(r.issues.overdue);
    expect(r.issues.overdue).toBeGreaterThan(0);
    for (const [status, count] of Object.entries(r.issues.byStatus)) expect(logged(ABAY_DISTRICT, '2025', status), status).toBe(count);
    const okrugs: Row[] = r.units.filter((u: Row) => u.depth === 1);
    expect(okrugs).toHaveLength(9);
    for (const okrug of okrugs) {
      const issues = okrug.issues as { total: number; overdue: number; closed: number };
      expect([logged(okrug.kato, '2025'), logged(okrug.kato, '2025', 'overdue'), logged(okrug.kato, '2025', 'closed')], okrug.kato).toEqual([issues.total, issues.overdue, issues.closed]);
    }
    // The okrug's own report is its row.
    expect(report('2025', KARAAUYL_OKRUG).issues).toEqual(r.units.find((u: Row) => u.kato === KARAAUYL_OKRUG).issues);
  });

  it('--json prints the same; --out FILE writes it there (and only it) and prints the path', () => {
    const json = report('2025-Q3');
    expect(run('report', '--unit', ABAY_DISTRICT, '--period', '2025-Q3', '--json').json()).toEqual(json);
    const dir = tempDir('esep-report-out-');
    const out = path.join(dir, 'abay-2025-q3.json');
    fs.writeFileSync(out, 'an older report');
    const r = run('report', '--unit', ABAY_DISTRICT, '--period', '2025-Q3', '--format', 'json', '--out', out);
    expect([r.code, r.stderr, r.stdout]).toEqual([0, '', `${out}\n`]);
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toEqual(json);
    expect(fs.readdirSync(dir)).toEqual(['abay-2025-q3.json']);
    expect(run('report', '--unit', ABAY_DISTRICT, '--period', '2025-Q3', '--format', 'json', '--out', out, '--json').json()).toEqual({ file: out });
  });
});

describe('esep report as a table', () => {
  it('lists the units with their figures and a totals line, in the chosen language', () => {
    const json = report('2025');
    const ru = run('report', '--unit', ABAY_DISTRICT, '--period', '2025', '--lang', 'ru');
    expect(ru.code).toBe(0);
    const lines = ru.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Отчет за период: Абайский район (103200000), 2025-01-01 – 2025-12-31');
    expect(lines[2]).toMatch(/^КАТО\s+Единица\s+Положено\s+Проведена в срок\s+Проведена с опозданием\s+Не проведена\s+Срок идет\s+Предстоит\s+Участники\s+Онлайн\s+Вопросы\s+Закрыто\s+Просрочено$/);
    expect(lines[3]).toMatch(/^103200000\s+Абайский район\s/);
    expect(lines[4]).toMatch(/^103230000 {4}Карааульский с\.о\.\s/);
    const total = lines.find((l) => l.trim().startsWith('Итого'))!;
    const { meetings: m, attendance: a, issues: i } = json;
    expect(total.trim().split(/\s{2,}/)).toEqual(['Итого', ...[m.required, m.heldOnTime, m.heldLate, m.missed, m.open, m.upcoming, a.people, a.onlineViewers, i.total, i.closed, i.overdue].map(String)]);
    expect(lines.at(-1)).toMatch(/^Закрыто \d+(,\d)?\s% поднятых вопросов; медиана срока закрытия: \d+(,\d)? дн\.$/);
    const kk = run('report', '--unit', ABAY_DISTRICT, '--period', '2025', '--lang', 'kk');
    expect(kk.stdout).toContain('Кезеңдік есеп: Абай ауданы (103200000)');
    expect(kk.stdout).toMatch(/\n\s+Барлығы\s/);
  });

  it('is described in the help', () => {
    const help = cli('--help').stdout;
    expect(help).toMatch(/report\s+--unit CODE --period P \[--format json\|docx\|xlsx\|pdf\] \[--out FILE\]/);
    expect(help).toMatch(/issues\s+.*\[--period P\]/);
  });
});

describe('bad input to esep report: exit code 2, the message in the reader’s language, no file', () => {
  const cases: Array<[string, string[], ErrorPayload]> = [
    ['an unknown unit', ['--unit', '999999999', '--period', '2025'], { code: 'unit_unknown', details: { kato: '999999999' } }],
    ['a unit outside the working set', ['--unit', OUTSIDE_OKRUG, '--period', '2025'], { code: 'unit_outside_working_set', details: { kato: OUTSIDE_OKRUG, root: ABAY_DISTRICT } }],
    ['a locality', ['--unit', KARAAUYL_VILLAGE, '--period', '2025'], { code: 'unit_not_reporting', details: { kato: KARAAUYL_VILLAGE } }],
    ['a malformed unit', ['--unit', '12AB', '--period', '2025'], { code: 'validation', details: { fields: ['--unit 12AB'] } }],
    ['no unit', ['--period', '2025'], { code: 'validation', details: { fields: ['--unit'] } }],
    ['a fifth quarter', ['--unit', ABAY_DISTRICT, '--period', '2025-Q5'], { code: 'validation', details: { fields: ['--period 2025-Q5'] } }],
    ['a month', ['--unit', ABAY_DISTRICT, '--period', '2025-03'], { code: 'validation', details: { fields: ['--period 2025-03'] } }],
    ['an impossible day', ['--unit', ABAY_DISTRICT, '--period', '2025-02-30..2025-03-31'], { code: 'validation', details: { fields: ['--period 2025-02-30..2025-03-31'] } }],
    ['an end before the start', ['--unit', ABAY_DISTRICT, '--period', '2025-06-30..2025-01-01'], { code: 'range_invalid', details: { from: '2025-06-30', to: '2025-01-01' } }],
    ['no period', ['--unit', ABAY_DISTRICT], { code: 'validation', details: { fields: ['--period'] } }],
    ['a format there is none of', ['--unit', ABAY_DISTRICT, '--period', '2025', '--format', 'csv'], { code: 'validation', details: { fields: ['--format csv'] } }],
    ['an impossible today', ['--unit', ABAY_DISTRICT, '--period', '2025', '--today', '2026-02-30'], { code: 'date_invalid', details: { date: '2026-02-30' } }],
  ];

  it.each(cases)('%s', (_label, args, error) => {
    for (const lang of LANGUAGES) {
      const dir = tempDir('esep-report-bad-');
      const format = args.includes('--format') ? [] : ['--format', 'json'];
      const r = cli('report', ...args, ...format, '--out', path.join(dir, 'report.json'), '--data-dir', dataDir, '--lang', lang, ...(args.includes('--today') ? [] : ['--today', TODAY]));
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr.split('\n')[0]).toBe(`esep: ${errorMessage(createI18n(lang).t, error)}`);
      expect(fs.readdirSync(dir)).toEqual([]);
    }
  });

  it('a folder for --out that does not exist', () => {
    const dir = tempDir('esep-report-bad-');
    const out = path.join(dir, 'missing', 'report.json');
    const r = run('report', '--unit', ABAY_DISTRICT, '--period', '2025', '--format', 'json', '--out', out, '--lang', 'kk');
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(`esep: ${errorMessage(createI18n('kk').t, { code: 'file_unwritable', details: { file: out } })}\n`);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('--out without --format', () => {
    const r = run('report', '--unit', ABAY_DISTRICT, '--period', '2025', '--out', path.join(tempDir(), 'r.json'));
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/^esep: --out needs --format\n/);
  });

  it('esep issues reads --period the same way', () => {
    const reversed = run('issues', '--period', '2025-06-30..2025-01-01', '--lang', 'ru');
    expect([reversed.code, reversed.stdout]).toEqual([2, '']);
    expect(reversed.stderr.split('\n')[0]).toBe(`esep: ${errorMessage(createI18n('ru').t, { code: 'range_invalid', details: { from: '2025-06-30', to: '2025-01-01' } })}`);
    const malformed = run('issues', '--period', '2025-H3');
    expect([malformed.code, malformed.stderr.split('\n')[0]]).toEqual([2, 'esep: Check the input: --period 2025-H3.']);
  });
});

describe('esep report --format docx|xlsx|pdf', () => {
  const MAGIC = { docx: 'PK', xlsx: 'PK', pdf: '%PDF' } as const;

  /** The CLI as main.ts runs it: a document export answers with a promise of the exit code. */
  async function document(format: keyof typeof MAGIC, unit: string, ...more: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(['report', '--unit', unit, '--period', '2025', '--format', format, '--data-dir', dataDir, '--today', TODAY, ...more], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      env: { LANG: 'C' },
    });
    return { code, stdout, stderr };
  }

  it.each(['docx', 'xlsx', 'pdf'] as const)('%s: writes the document to --out and prints its path', async (format) => {
    const dir = tempDir('esep-report-doc-');
    const out = path.join(dir, `report.${format}`);
    const r = await document(format, ABAY_DISTRICT, '--out', out, '--lang', 'ru');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(`${out}\n`);
    const bytes = fs.readFileSync(out);
    expect(bytes.subarray(0, MAGIC[format].length).toString('latin1')).toBe(MAGIC[format]);
    expect(fs.readdirSync(dir)).toEqual([`report.${format}`]);
  });

  it('without --out: the document’s own name, in the current folder', async () => {
    const dir = tempDir('esep-report-cwd-');
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = await document('pdf', ABAY_DISTRICT, '--json');
      expect(r.code, r.stderr).toBe(0);
      const { file } = JSON.parse(r.stdout);
      expect(path.dirname(file)).toBe(fs.realpathSync(dir));
      expect(path.basename(file)).toBe('Есеп — Абай ауданы — 2025.pdf');
      expect(fs.readFileSync(file).subarray(0, 4).toString('latin1')).toBe('%PDF');
    } finally {
      process.chdir(cwd);
    }
  });

  it('bad input: exit code 2 in the reader’s language and no file', async () => {
    const dir = tempDir('esep-report-doc-');
    const r = await document('docx', OUTSIDE_OKRUG, '--lang', 'kk', '--out', path.join(dir, 'r.docx'));
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(r.stderr).toBe(`esep: ${errorMessage(createI18n('kk').t, { code: 'unit_outside_working_set', details: { kato: OUTSIDE_OKRUG, root: ABAY_DISTRICT } })}\n`);
  });
});

