import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/cli';
import type { Core } from '../../electron/core/core';
import { createHandlers } from '../../electron/core/api/handlers';
import { dispatch } from '../../electron/core/api/dispatch';
import { listAudit } from '../../electron/core/db/repos/audit.repo';
import type { Envelope } from '../../shared/contract/envelope';
import type { RuleSetInput } from '../../shared/contract/rules.contract';
import { REPORTING_UNIT_KINDS } from '../../shared/domain/units/unit-kind';
import { openTempCore, tempDir, ABAY_DISTRICT, KARAAUYL_OKRUG } from '../helpers/temp-core';

/** Issue 3's example of later legislation: every akim once a year in Q1, on the previous year. */
const YEARLY_2026: RuleSetInput = {
  nameKk: 'Барлық әкімдер жылына бір рет, бірінші тоқсанда',
  nameRu: 'Все акимы раз в год, в первом квартале',
  effectiveFrom: '2026-01-01',
  groups: [
    {
      code: 'ALL',
      kinds: [...REPORTING_UNIT_KINDS],
      windows: [{ key: 'Q1', startMonth: 1, lengthMonths: 3, coversOffsetMonths: -12, coversMonths: 12 }],
      reportDueMonths: null,
    },
  ],
};

function withGroup(over: Partial<RuleSetInput['groups'][number]>, set: Partial<RuleSetInput> = {}): RuleSetInput {
  return { ...YEARLY_2026, ...set, groups: [{ ...YEARLY_2026.groups[0]!, ...over }] };
}

let core: Core;
let call: (channel: string, input: unknown) => Envelope<any>;

function ok<T = any>(channel: string, input: unknown): T {
  const result = call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const storedCount = () => (core.ctx.db.prepare('SELECT count(*) AS n FROM rule_sets').get() as { n: number }).n;

type Grid = { rows: { unit: { kato: string; kind: string }; obligations: { ruleSetId: string; windowKey: string; status: string }[] }[] };

function cells(grid: Grid) {
  return grid.rows.map((r) => [r.unit.kato, r.obligations.map((o) => `${o.ruleSetId}:${o.windowKey}:${o.status}`)]);
}

beforeAll(() => {
  core = openTempCore({ today: '2026-11-27' });
  const handlers = createHandlers(core, '0.0.0-test');
  call = (channel, input) => dispatch(handlers, channel, input, () => {}) as Envelope<any>;
  ok('setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
  ok('meetings:recordHeld', { unitKato: KARAAUYL_OKRUG, heldOn: '2025-04-10' });
  ok('meetings:recordHeld', { unitKato: ABAY_DISTRICT, heldOn: '2026-02-03' });
});
afterAll(() => core.close());

describe('rules:list', () => {
  it('lists the built-in Decree 615 alone, read-only, on a new installation', () => {
    const list = ok('rules:list', {});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: 'decree-615', builtIn: true, effectiveFrom: '2013-10-01', effectiveTo: null });
  });
});

describe('adding a rule set that supersedes 615 from 2026', () => {
  let grid2025: Grid;
  let grid2026: Grid;
  let added: { id: string };

  beforeAll(() => {
    grid2025 = ok('obligations:grid', { year: 2025 });
    grid2026 = ok('obligations:grid', { year: 2026 });
    added = ok('rules:add', { ruleSet: YEARLY_2026 });
  });

  it('stores it with a new UUID, this installation as origin and revision 1, with an audit entry', () => {
    expect(added).toMatchObject({ ...YEARLY_2026, effectiveTo: null, builtIn: false });
    expect(added.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const row = core.ctx.db.prepare('SELECT origin, revision, effective_to FROM rule_sets WHERE id = ?').get(added.id);
    expect(row).toEqual({ origin: core.ctx.installationId, revision: 1, effective_to: null });
    const audit = listAudit(core.ctx, 'rule_set', added.id);
    expect(audit).toMatchObject([{ action: 'insert', actor: 'tester', after: { id: added.id, effectiveFrom: '2026-01-01' } }]);
  });

  it('lists the built-in set first, then the new one', () => {
    expect(ok('rules:list', {}).map((r: { id: string; builtIn: boolean }) => [r.id, r.builtIn])).toEqual([
      ['decree-615', true],
      [added.id, false],
    ]);
  });

  it('leaves 2025 exactly as it was, held meetings included', () => {
    const after = ok<Grid>('obligations:grid', { year: 2025 });
    expect(after).toEqual(grid2025);
    expect(cells(after).find(([kato]) => kato === KARAAUYL_OKRUG)![1]).toContain('decree-615:2025-M04:held_on_time');
  });

  it('gives every unit of the working set, district and rural okrugs alike, one Q1 window in 2026', () => {
    const after = ok<Grid>('obligations:grid', { year: 2026 });
    const kinds = new Set(after.rows.map((r) => r.unit.kind));
    expect(kinds.has('district') && kinds.has('rural_okrug')).toBe(true);
    expect(after.rows.length).toBe(grid2026.rows.length);
    for (const row of after.rows) {
      expect(row.obligations.map((o) => [o.ruleSetId, o.windowKey])).toEqual([[added.id, '2026-Q1']]);
    }
    // The district's February meeting now fulfils the yearly window; nobody else met in Q1.
    const statuses = Object.fromEntries(after.rows.map((r) => [r.unit.kato, r.obligations[0]!.status]));
    expect(statuses[ABAY_DISTRICT]).toBe('held_on_time');
    expect(statuses[KARAAUYL_OKRUG]).toBe('missed');
  });

  it('never touches the meetings themselves', () => {
    expect(ok('meetings:list', { unitKato: ABAY_DISTRICT }).map((m: { heldOn: string }) => m.heldOn)).toEqual(['2026-02-03']);
  });

  it('refuses a second set taking over the same kinds on the same day, storing nothing', () => {
    const before = [storedCount(), listAudit(core.ctx).length];
    const ruleSet = withGroup({ kinds: ['rural_okrug'] }, { nameKk: 'Екінші', nameRu: 'Второй' });
    expect(call('rules:add', { ruleSet })).toEqual({
      ok: false,
      error: { code: 'rule_set_invalid', details: { problems: ['rule_sets_same_start'] } },
    });
    expect([storedCount(), listAudit(core.ctx).length]).toEqual(before);
  });

  it('removing it lets 615 govern 2026 again, with an audit entry', () => {
    expect(ok('rules:remove', { id: added.id })).toEqual({ id: added.id });
    expect(ok('obligations:grid', { year: 2026 })).toEqual(grid2026);
    expect(ok('rules:list', {})).toHaveLength(1);
    expect(listAudit(core.ctx, 'rule_set', added.id).map((a) => a.action)).toEqual(['insert', 'delete']);
    expect(listAudit(core.ctx, 'rule_set', added.id)[1]!.before).toMatchObject({ id: added.id });
  });

  it('has kept the removed set as a tombstone at the next revision, so an exchange package can carry the removal', () => {
    expect(core.ctx.db.prepare('SELECT revision, deleted_at FROM rule_sets WHERE id = ?').get(added.id)).toEqual({ revision: 2, deleted_at: core.ctx.clock.now().getTime() });
    expect(call('rules:remove', { id: added.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // A tombstone is no longer in force: a set starting the same day may be added again.
    const again = ok('rules:add', { ruleSet: YEARLY_2026 });
    expect(again).toMatchObject({ effectiveFrom: YEARLY_2026.effectiveFrom });
    ok('rules:remove', { id: again.id });
  });
});

describe('refused rule sets', () => {
  it.each([
    ['windows that overlap', withGroup({ windows: [...YEARLY_2026.groups[0]!.windows, { key: 'M03', startMonth: 3, lengthMonths: 2, coversOffsetMonths: -3, coversMonths: 3 }] }), ['windows_overlap']],
    ['a month 13', withGroup({ windows: [{ key: 'Q1', startMonth: 13, lengthMonths: 3, coversOffsetMonths: -12, coversMonths: 12 }] }), ['window_start_month_invalid']],
    ['an end before its start', { ...YEARLY_2026, effectiveTo: '2025-12-31' }, ['effective_to_before_from']],
    [
      'a kind in two groups',
      { ...YEARLY_2026, groups: [YEARLY_2026.groups[0]!, { ...YEARLY_2026.groups[0]!, code: 'B', kinds: ['village'] }] },
      ['kind_in_two_groups'],
    ],
    ['the same start as Decree 615', { ...YEARLY_2026, effectiveFrom: '2013-10-01' }, ['rule_sets_same_start']],
    ['a window key with a space', withGroup({ windows: [{ ...YEARLY_2026.groups[0]!.windows[0]!, key: 'Q 1' }] }), ['window_key_invalid']],
  ] as const)('%s → rule_set_invalid %j, nothing stored', (_, ruleSet, problems) => {
    const before = [storedCount(), listAudit(core.ctx).length];
    expect(call('rules:add', { ruleSet })).toEqual({ ok: false, error: { code: 'rule_set_invalid', details: { problems } } });
    expect([storedCount(), listAudit(core.ctx).length]).toEqual(before);
  });

  it.each([
    ['an id from the client', { ...YEARLY_2026, id: 'mine' }, '(input)'],
    ['a blank Kazakh name', { ...YEARLY_2026, nameKk: '   ' }, 'ruleSet.nameKk'],
    ['a start before 2013', { ...YEARLY_2026, effectiveFrom: '2012-12-31' }, 'ruleSet.effectiveFrom'],
    ['an impossible date', { ...YEARLY_2026, effectiveFrom: '2026-02-30' }, 'ruleSet.effectiveFrom'],
    ['a locality, which has no akim', withGroup({ kinds: ['locality' as 'village'] }), 'ruleSet.groups.0.kinds.0'],
    ['no groups', { ...YEARLY_2026, groups: [] }, 'ruleSet.groups'],
    ['a fractional month', withGroup({ windows: [{ ...YEARLY_2026.groups[0]!.windows[0]!, lengthMonths: 1.5 }] }), 'ruleSet.groups.0.windows.0.lengthMonths'],
  ])('%s → validation, nothing stored', (_, ruleSet, field) => {
    const before = storedCount();
    const result = call('rules:add', { ruleSet });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    const fields = (!result.ok && result.error.details?.['fields']) as string[];
    if (field === '(input)') expect(fields).toEqual(['ruleSet']);
    else expect(fields).toContain(field);
    expect(storedCount()).toBe(before);
  });

  it('refuses to remove the built-in set, and an unknown id, changing nothing', () => {
    const before = listAudit(core.ctx).length;
    expect(call('rules:remove', { id: 'decree-615' })).toEqual({ ok: false, error: { code: 'rule_set_builtin', details: { id: 'decree-615' } } });
    expect(call('rules:remove', { id: 'nope' })).toEqual({ ok: false, error: { code: 'not_found', details: { id: 'nope' } } });
    expect(listAudit(core.ctx).length).toBe(before);
  });

  it('takes an explicit end date and a superseded 615 for rural okrugs only', () => {
    const okrugs = ok('rules:add', {
      ruleSet: withGroup({ kinds: ['rural_okrug'] }, { effectiveFrom: '2027-01-01', effectiveTo: '2030-12-31' }),
    });
    expect(okrugs).toMatchObject({ effectiveTo: '2030-12-31' });
    const grid = ok<Grid>('obligations:grid', { year: 2027 });
    for (const row of grid.rows) {
      const expected = row.unit.kind === 'rural_okrug' ? [`${okrugs.id}:2027-Q1`] : ['decree-615:2027-Q1', 'decree-615:2027-Q3'];
      expect(row.obligations.map((o) => `${o.ruleSetId}:${o.windowKey}`)).toEqual(expected);
    }
    ok('rules:remove', { id: okrugs.id });
  });
});

describe('the CLI reads the rule sets of a data folder', () => {
  function cli(...args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { LANG: 'C' } });
    return { code, stdout, stderr };
  }

  it('schedule --data-dir honours an added set; without it, Decree 615 alone', () => {
    const dataDir = tempDir();
    const other = openTempCore({ dataDir, today: '2026-11-27' });
    const h = createHandlers(other, 't');
    const added = dispatch(h, 'rules:add', { ruleSet: YEARLY_2026 }) as Envelope<{ id: string }>;
    other.close();
    expect(added.ok).toBe(true);
    const id = added.ok ? added.value.id : '';

    const args = ['schedule', '--kind', 'rural_okrug', '--from', '2025-01-01', '--to', '2026-12-31', '--json'];
    const withData = cli(...args, '--data-dir', dataDir);
    expect(withData.code).toBe(0);
    expect(withData.stderr).toBe('');
    expect(JSON.parse(withData.stdout).map((o: { ruleSet: string; windowKey: string }) => `${o.ruleSet}:${o.windowKey}`)).toEqual([
      'decree-615:2025-M01',
      'decree-615:2025-M04',
      'decree-615:2025-M07',
      'decree-615:2025-M10',
      `${id}:2026-Q1`,
    ]);
    expect(JSON.parse(withData.stdout).at(-1)).toMatchObject({ windowStart: '2026-01-01', windowEnd: '2026-03-31', coversStart: '2025-01-01', coversEnd: '2025-12-31' });

    const without = JSON.parse(cli(...args).stdout) as { ruleSet: string }[];
    expect(without).toHaveLength(8);
    expect(without.every((o) => o.ruleSet === 'decree-615')).toBe(true);
  });
});
