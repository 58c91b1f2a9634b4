import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { openTempCore, tempDir, ABAY_DISTRICT, KARAAUYL_OKRUG, KARAAUYL_VILLAGE, OUTSIDE_OKRUG } from '../helpers/temp-core';
import { createHandlers } from '../../electron/core/api/handlers';
import { dispatch } from '../../electron/core/api/dispatch';
import { listAudit } from '../../electron/core/db/repos/audit.repo';
import { countUnits } from '../../electron/core/db/repos/units.repo';
import type { Envelope } from '../../shared/contract/envelope';

let core: Core;
let handlers: ReturnType<typeof createHandlers>;
const call = (channel: string, input: unknown) => dispatch(handlers, channel, input, () => {}) as Envelope<any>;

beforeAll(() => {
  // A real first open: the classifier load itself is under test here.
  core = openTempCore({ today: '2025-06-15', firstOpen: true });
  handlers = createHandlers(core, '0.0.0-test');
});
afterAll(() => core.close());

describe('first open', () => {
  it('loads the whole KATO classifier once, with an audit entry', () => {
    expect(countUnits(core.ctx.db)).toBe(15_594);
    const loads = listAudit(core.ctx, 'kato_edition');
    expect(loads).toHaveLength(1);
    expect(loads[0]!.entityId).toBe('NK RK 11-2025');
  });

  it('builds the unit closure with it: each unit under itself, and under everything its parent is under, one level deeper', () => {
    const db = core.ctx.db;
    const n = (sql: string) => db.prepare(sql).pluck().get() as number;
    expect(n('SELECT count(*) FROM unit_closure WHERE depth = 0 AND ancestor = descendant')).toBe(countUnits(db));
    expect(
      n(`SELECT count(*) FROM units u JOIN unit_closure up ON up.descendant = u.parent_kato
         WHERE NOT EXISTS (SELECT 1 FROM unit_closure c WHERE c.ancestor = up.ancestor AND c.descendant = u.kato AND c.depth = up.depth + 1)`),
    ).toBe(0);
    // Nothing else: a unit has its parent's rows plus its own.
    expect(n('SELECT count(*) FROM unit_closure')).toBe(
      countUnits(db) + n('SELECT count(*) FROM units u JOIN unit_closure up ON up.descendant = u.parent_kato'),
    );
  });

  it('reports app info with the installation id and edition', () => {
    const info = call('app:info', {});
    expect(info).toMatchObject({ ok: true, value: { katoEdition: 'NK RK 11-2025', today: '2025-06-15' } });
    expect(info.ok && info.value.installationId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('units', () => {
  it('finds a unit by its Kazakh name, its Russian name, a Russian-keyboard spelling or its code', () => {
    const byKk = call('units:search', { query: 'Қараауыл', reportingOnly: true });
    const byRu = call('units:search', { query: 'Карааульский', reportingOnly: true });
    const folded = call('units:search', { query: 'караауыл а.о', reportingOnly: true });
    const byCode = call('units:search', { query: KARAAUYL_OKRUG });
    for (const result of [byKk, byRu, folded, byCode]) {
      expect(result.ok).toBe(true);
      expect(result.ok && result.value.map((u: { kato: string }) => u.kato)).toContain(KARAAUYL_OKRUG);
    }
  });

  it("names each hit's parent, so units sharing a name can be told apart", () => {
    const hits = call('units:search', { query: 'Абай ауданы', reportingOnly: true });
    const abay = hits.ok && hits.value.filter((u: { nameKk: string }) => u.nameKk === 'Абай ауданы');
    expect(abay.map((u: { kato: string; parentNameKk: string; parentNameRu: string }) => [u.kato, u.parentNameKk, u.parentNameRu])).toEqual([
      ['791110000', 'Шымкент қ.', 'г.Шымкент'],
      ['103200000', 'Абай облысы', 'область Абай'],
      ['353200000', 'Қарағанды облысы', 'Карагандинская область'],
    ]);
  });

  it('leaves localities out of a reporting-only search', () => {
    const all = call('units:search', { query: 'Қараауыл', limit: 50 });
    const reporting = call('units:search', { query: 'Қараауыл', limit: 50, reportingOnly: true });
    expect(all.ok && all.value.some((u: { kind: string }) => u.kind === 'locality')).toBe(true);
    expect(reporting.ok && reporting.value.some((u: { kind: string }) => u.kind === 'locality')).toBe(false);
  });

  it('rejects a malformed code and an unknown one with distinct errors', () => {
    expect(call('units:get', { kato: '12345' })).toEqual({ ok: false, error: { code: 'validation', details: { fields: ['kato'] } } });
    expect(call('units:get', { kato: '999999999' })).toMatchObject({ ok: false, error: { code: 'unit_unknown' } });
    expect(call('units:get', { kato: 103230000 })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});

describe('setup and meetings', () => {
  it('needs setup before the working set can be used', () => {
    expect(call('obligations:grid', { year: 2025 })).toMatchObject({ ok: false, error: { code: 'setup_required' } });
  });

  it('refuses a locality as the working root and changes nothing', () => {
    const before = listAudit(core.ctx).length;
    expect(call('setup:complete', { rootKato: KARAAUYL_VILLAGE, language: 'kk' })).toMatchObject({
      ok: false,
      error: { code: 'unit_not_reporting' },
    });
    expect(call('settings:get', {})).toEqual({ ok: true, value: { language: null, workingRoot: null, reminderDays: 7, resume: null } });
    expect(listAudit(core.ctx)).toHaveLength(before);
  });

  it('completes setup for a district: language and working root saved and audited', () => {
    const result = call('setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
    expect(result).toMatchObject({ ok: true, value: { language: 'kk', workingRoot: { kato: ABAY_DISTRICT, kind: 'district' } } });
    const settings = listAudit(core.ctx, 'setting');
    expect(settings.map((e) => [e.entityId, e.after, e.actor])).toEqual([
      ['language', 'kk', 'tester'],
      ['working_root', ABAY_DISTRICT, 'tester'],
    ]);
  });

  it('builds the grid of the working set: the district (group B) and its okrugs (group C), no localities', () => {
    const grid = call('obligations:grid', { year: 2025 });
    expect(grid.ok).toBe(true);
    if (!grid.ok) return;
    const rows = grid.value.rows as Array<{ unit: { kato: string; kind: string }; depth: number; obligations: Array<{ windowKey: string; status: string }> }>;
    expect(rows[0]!.unit.kato).toBe(ABAY_DISTRICT);
    expect(rows[0]!.depth).toBe(0);
    expect(rows[0]!.obligations.map((o) => [o.windowKey, o.status])).toEqual([
      ['2025-Q1', 'missed'],
      ['2025-Q3', 'upcoming'],
    ]);
    expect(rows.every((r) => r.unit.kind !== 'locality')).toBe(true);
    const okrug = rows.find((r) => r.unit.kato === KARAAUYL_OKRUG)!;
    expect(okrug.depth).toBe(1);
    expect(okrug.obligations.map((o) => [o.windowKey, o.status])).toEqual([
      ['2025-M01', 'missed'],
      ['2025-M04', 'missed'],
      ['2025-M07', 'upcoming'],
      ['2025-M10', 'upcoming'],
    ]);
  });

  it('records a held meeting, audits it and changes the grid cell', () => {
    const recorded = call('meetings:recordHeld', { unitKato: KARAAUYL_OKRUG, heldOn: '2025-04-10', note: '  Клуб  ' });
    expect(recorded).toMatchObject({ ok: true, value: { unitKato: KARAAUYL_OKRUG, status: 'held', heldOn: '2025-04-10', note: 'Клуб', revision: 1 } });
    const meeting = recorded.ok ? recorded.value : null;
    expect(meeting.origin).toBe(core.ctx.installationId);
    expect(listAudit(core.ctx, 'meeting', meeting.id)).toMatchObject([{ action: 'insert', actor: 'tester' }]);

    const late = call('meetings:recordHeld', { unitKato: KARAAUYL_OKRUG, heldOn: '2025-02-20' });
    expect(late.ok).toBe(true);
    const grid = call('obligations:grid', { year: 2025 });
    const okrug = grid.ok && grid.value.rows.find((r: { unit: { kato: string } }) => r.unit.kato === KARAAUYL_OKRUG);
    expect(okrug.obligations.map((o: { status: string; meeting: { heldOn: string } | null }) => [o.status, o.meeting?.heldOn ?? null])).toEqual([
      ['held_late', '2025-02-20'],
      ['held_on_time', '2025-04-10'],
      ['upcoming', null],
      ['upcoming', null],
    ]);
    expect(call('meetings:list', { unitKato: KARAAUYL_OKRUG, year: 2025 })).toMatchObject({
      ok: true,
      value: [{ heldOn: '2025-02-20' }, { heldOn: '2025-04-10' }],
    });
  });

  it('refuses a future date, a unit outside the working set and a locality, changing nothing', () => {
    const before = listAudit(core.ctx).length;
    expect(call('meetings:recordHeld', { unitKato: KARAAUYL_OKRUG, heldOn: '2025-06-16' })).toEqual({
      ok: false,
      error: { code: 'date_in_future', details: { date: '2025-06-16', today: '2025-06-15' } },
    });
    expect(call('meetings:recordHeld', { unitKato: KARAAUYL_OKRUG, heldOn: '2025-02-30' })).toMatchObject({
      ok: false,
      error: { code: 'validation', details: { fields: ['heldOn'] } },
    });
    expect(call('meetings:recordHeld', { unitKato: OUTSIDE_OKRUG, heldOn: '2025-04-01' })).toMatchObject({
      ok: false,
      error: { code: 'unit_outside_working_set' },
    });
    expect(call('meetings:recordHeld', { unitKato: KARAAUYL_VILLAGE, heldOn: '2025-04-01' })).toMatchObject({
      ok: false,
      error: { code: 'unit_not_reporting' },
    });
    expect(call('meetings:recordHeld', { unitKato: KARAAUYL_OKRUG, heldOn: '2025-04-01', extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(listAudit(core.ctx)).toHaveLength(before);
  });

  it('removes a meeting as a tombstone: gone from the grid, kept in the table and the audit log', () => {
    const list = call('meetings:list', { unitKato: KARAAUYL_OKRUG });
    const late = list.ok && list.value.find((m: { heldOn: string }) => m.heldOn === '2025-02-20');
    expect(call('meetings:remove', { id: late.id })).toEqual({ ok: true, value: { id: late.id } });
    expect(call('meetings:remove', { id: late.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const row = core.ctx.db.prepare('SELECT deleted_at, revision FROM meetings WHERE id = ?').get(late.id) as { deleted_at: number; revision: number };
    expect(row.deleted_at).toBeGreaterThan(0);
    expect(row.revision).toBe(2);
    expect(listAudit(core.ctx, 'meeting', late.id).map((e) => e.action)).toEqual(['insert', 'delete']);
    const grid = call('obligations:grid', { year: 2025 });
    const okrug = grid.ok && grid.value.rows.find((r: { unit: { kato: string } }) => r.unit.kato === KARAAUYL_OKRUG);
    expect(okrug.obligations[0].status).toBe('missed');
  });
});

describe('dispatch', () => {
  it('answers an unknown channel and a crashing service with an envelope, never an exception', () => {
    expect(call('nope:nothing', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const logged: unknown[] = [];
    const broken = { ...handlers, 'app:info': () => { throw new Error('secret internals'); } } as typeof handlers;
    expect(dispatch(broken, 'app:info', {}, (e) => logged.push(e))).toEqual({ ok: false, error: { code: 'internal' } });
    expect(logged).toHaveLength(1);
  });
});

describe('reopening', () => {
  it('keeps the installation id, settings and meetings, and does not reload KATO', () => {
    const dataDir = tempDir();
    const first = openTempCore({ dataDir });
    const id = first.ctx.installationId;
    const h = createHandlers(first, 't');
    dispatch(h, 'setup:complete', { rootKato: ABAY_DISTRICT, language: 'ru' });
    dispatch(h, 'meetings:recordHeld', { unitKato: KARAAUYL_OKRUG, heldOn: '2025-01-15' });
    first.close();

    const second = openTempCore({ dataDir });
    expect(second.ctx.installationId).toBe(id);
    expect(second.migration.from).toBe(second.migration.to);
    expect(listAudit(second.ctx, 'kato_edition')).toHaveLength(1);
    const h2 = createHandlers(second, 't');
    expect(dispatch(h2, 'settings:get', {})).toMatchObject({ ok: true, value: { language: 'ru', workingRoot: { kato: ABAY_DISTRICT } } });
    expect(dispatch(h2, 'meetings:list', { unitKato: KARAAUYL_OKRUG })).toMatchObject({ ok: true, value: [{ heldOn: '2025-01-15' }] });
    second.close();
  });
});
