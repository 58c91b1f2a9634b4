import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { listAudit } from '../../electron/core/db/repos/audit.repo';
import type { ActionPlan, ActionPlanLine, PlanRowFields } from '../../shared/contract/action-plan.contract';
import { ABAY_DISTRICT, KARAAUYL_OKRUG, OUTSIDE_OKRUG } from '../helpers/temp-core';
import { DECISION_LIGHT, DECISION_WATER, insertIssue, KENGIRBAI_OKRUG, planWorld } from './plan-fixtures';

let world: ReturnType<typeof planWorld>;
let core: Core;

beforeEach(() => {
  world = planWorld();
  core = world.core;
});
afterEach(() => core.close());

const fields = (overrides: Partial<PlanRowFields> = {}): PlanRowFields => ({
  measure: 'Жарық шамдарын ауыстыру',
  completionForm: 'Акт выполненных работ',
  executor: 'Аппарат акима',
  deadline: '2025-09-01',
  fundingSource: 'Местный бюджет',
  fundingAmount: '1 250 000,50',
  mark: 'in_progress',
  markNote: '',
  markDate: null,
  ...overrides,
});

const meetingScope = () => ({ scope: { meetingId: world.meeting.id } });

describe('actionPlan:fill and actionPlan:list', () => {
  it('lists nothing before filling, and says how many issues wait for a row', () => {
    const plan: ActionPlan = world.value('actionPlan:list', meetingScope());
    expect(plan).toEqual({ lines: [], issuesWithoutRow: 3 });
  });

  it('starts a row for every issue from its answer, its decision, its body and person, its deadline', () => {
    const plan: ActionPlan = world.value('actionPlan:fill', meetingScope());
    expect(plan.issuesWithoutRow).toBe(0);
    expect(plan.lines.map((l) => [l.issue.meetingNo, l.ordinal, l.measure, l.executor, l.deadline])).toEqual([
      // The decision about the street light (the item had two), its responsible and deadline.
      [1, 1, DECISION_LIGHT, 'Ауылдық округ әкімінің аппараты', '2025-09-01'],
      // The water decision; the body and person in the installation's language; the issue's own deadline.
      [2, 1, DECISION_WATER, 'Отдел жилищно-коммунального хозяйства, Сейітов Нұрлан (начальник отдела)', '2025-07-25'],
      // Answered on the spot: the answer is the measure; no decision is about it.
      [3, 1, 'Жаңа топ 1 қыркүйектен ашылады', '', null],
    ]);
    const first = plan.lines[0]!;
    expect(first).toMatchObject({ revision: 1, mark: 'not_started', completionForm: '', fundingAmount: '', markDate: null });
    expect(first.issue).toEqual({
      registryNo: 1,
      meetingNo: 1,
      unitKato: KARAAUYL_OKRUG,
      localityKato: '103230100',
      text: 'Көше жарығы жоқ',
      kind: 'question',
      raisedOn: '2025-07-10',
      meetingId: world.meeting.id,
    });
    // No personal data travels with the plan.
    expect(JSON.stringify(plan)).not.toMatch(/Сәрсенбаев Ғалым Төлеуұлы|555 12 34/);
    expect(listAudit(core.ctx, 'action_plan_row').filter((a) => a.action === 'insert')).toHaveLength(3);
  });

  it('is idempotent: a second fill adds only rows for issues that have none', () => {
    world.value('actionPlan:fill', meetingScope());
    const again: ActionPlan = world.value('actionPlan:fill', meetingScope());
    expect(again.lines).toHaveLength(3);
    insertIssue(core, { meetingId: world.meeting.id, meetingNo: 4, text: 'Спорт алаңы керек' });
    expect((world.value('actionPlan:list', meetingScope()) as ActionPlan).issuesWithoutRow).toBe(1);
    const third: ActionPlan = world.value('actionPlan:fill', meetingScope());
    expect(third.lines.map((l) => l.issue.meetingNo)).toEqual([1, 2, 3, 4]);
    expect(third.lines[3]).toMatchObject({ measure: '', executor: '', deadline: null });
    expect(listAudit(core.ctx, 'action_plan_row')).toHaveLength(4);
  });

  it('covers a unit’s subtree over a period, unit by unit and by registry number', () => {
    const district = insertIssue(core, { unitKato: ABAY_DISTRICT, raisedOn: '2025-05-02', text: 'Аудандық жол' });
    insertIssue(core, { unitKato: KENGIRBAI_OKRUG, raisedOn: '2025-06-30', text: 'Кеңгірбай: су' });
    insertIssue(core, { unitKato: KENGIRBAI_OKRUG, raisedOn: '2025-03-31', text: 'Outside the period' });
    const scope = { unitKato: ABAY_DISTRICT, from: '2025-04-01', to: '2025-09-30' };
    const plan: ActionPlan = world.value('actionPlan:fill', { scope });
    expect(plan.lines.map((l) => [l.issue.unitKato, l.issue.registryNo])).toEqual([
      [ABAY_DISTRICT, 1],
      [KARAAUYL_OKRUG, 1],
      [KARAAUYL_OKRUG, 2],
      [KARAAUYL_OKRUG, 3],
      [KENGIRBAI_OKRUG, 1],
    ]);
    expect(plan.lines[0]!.issueId).toBe(district);
    // An okrug's own plan over the period leaves out its parent and its siblings.
    const okrug: ActionPlan = world.value('actionPlan:list', { scope: { unitKato: KARAAUYL_OKRUG, from: '2025-07-01', to: '2025-07-31' } });
    expect(okrug.lines).toHaveLength(3);
  });

  it('refuses a period that runs backwards, a unit outside the working set, an unknown meeting', () => {
    expect(world.call('actionPlan:list', { scope: { unitKato: ABAY_DISTRICT, from: '2025-09-30', to: '2025-04-01' } })).toMatchObject({
      ok: false,
      error: { code: 'range_invalid' },
    });
    expect(world.call('actionPlan:list', { scope: { unitKato: OUTSIDE_OKRUG, from: '2025-01-01', to: '2025-12-31' } })).toMatchObject({
      ok: false,
      error: { code: 'unit_outside_working_set' },
    });
    expect(world.call('actionPlan:fill', { scope: { meetingId: randomUUID() } })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(world.call('actionPlan:list', { scope: { meetingId: world.meeting.id, unitKato: ABAY_DISTRICT } })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
  });
});

describe('actionPlan:saveRow and actionPlan:removeRow', () => {
  it('adds measures to an issue with the next ordinal, keeping the amount as typed', () => {
    const a: ActionPlanLine = world.value('actionPlan:saveRow', { issueId: world.issues.light, fields: fields() });
    const b: ActionPlanLine = world.value('actionPlan:saveRow', { issueId: world.issues.light, fields: fields({ measure: 'Тіреуіштерді жөндеу', fundingAmount: '' }) });
    expect([a.ordinal, b.ordinal]).toEqual([1, 2]);
    expect(a).toMatchObject({ revision: 1, fundingAmount: '1 250 000,50', mark: 'in_progress' });
    const stored = core.ctx.db.prepare('SELECT funding_amount, typeof(funding_amount) AS t FROM action_plan_rows WHERE id = ?').get(a.id);
    expect(stored).toEqual({ funding_amount: '1 250 000,50', t: 'text' });
    // Fill leaves an issue that has rows alone.
    const plan: ActionPlan = world.value('actionPlan:fill', meetingScope());
    expect(plan.lines.filter((l) => l.issueId === world.issues.light).map((l) => l.ordinal)).toEqual([1, 2]);
  });

  it('updates with the revision read, refuses a stale one, and writes nothing for no change', () => {
    const created: ActionPlanLine = world.value('actionPlan:saveRow', { issueId: world.issues.water, fields: fields() });
    const updated: ActionPlanLine = world.value('actionPlan:saveRow', {
      id: created.id,
      revision: 1,
      issueId: world.issues.water,
      fields: fields({ mark: 'done', markNote: 'Су тасымалданды', markDate: '2025-07-20' }),
    });
    expect(updated).toMatchObject({ revision: 2, mark: 'done', markDate: '2025-07-20', ordinal: 1 });
    const stale = world.call('actionPlan:saveRow', { id: created.id, revision: 1, issueId: world.issues.water, fields: fields() });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', details: { revision: 2 } } });
    const same: ActionPlanLine = world.value('actionPlan:saveRow', {
      id: created.id,
      revision: 2,
      issueId: world.issues.water,
      fields: fields({ mark: 'done', markNote: 'Су тасымалданды', markDate: '2025-07-20' }),
    });
    expect(same.revision).toBe(2);
    const audit = listAudit(core.ctx, 'action_plan_row', created.id);
    expect(audit.map((a) => a.action)).toEqual(['insert', 'update']);
    expect(audit[1]!.before).toMatchObject({ mark: 'in_progress' });
    expect(audit[1]!.after).toMatchObject({ mark: 'done', revision: 2 });
  });

  it('validates the amount, the dates, the issue and the id/revision pairing', () => {
    const bad = (input: Record<string, unknown>) => world.call('actionPlan:saveRow', input);
    for (const amount of ['12,5,0', '1.234.567', 'сто', '-5', '1 2345']) {
      expect(bad({ issueId: world.issues.light, fields: fields({ fundingAmount: amount }) }), amount).toMatchObject({
        ok: false,
        error: { code: 'validation', details: { fields: ['fields.fundingAmount'] } },
      });
    }
    for (const amount of ['0', '999', '1250000', '1 250 000', '1 250 000.5', '15,75']) {
      expect(bad({ issueId: world.issues.light, fields: fields({ fundingAmount: amount }) }).ok, amount).toBe(true);
    }
    expect(bad({ issueId: world.issues.light, fields: fields({ deadline: '2025-02-30' }) })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(bad({ issueId: randomUUID(), fields: fields() })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const row: ActionPlanLine = world.value('actionPlan:saveRow', { issueId: world.issues.light, fields: fields() });
    expect(bad({ id: row.id, issueId: world.issues.light, fields: fields() })).toMatchObject({ ok: false, error: { code: 'validation', details: { fields: ['revision'] } } });
    expect(bad({ id: row.id, revision: 1, issueId: world.issues.water, fields: fields() })).toMatchObject({ ok: false, error: { code: 'validation', details: { fields: ['issueId'] } } });
    expect(bad({ revision: 1, issueId: world.issues.light, fields: fields() })).toMatchObject({ ok: false, error: { code: 'validation', details: { fields: ['id'] } } });
  });

  it('removes a row at the revision read, and refuses a stale or unknown one', () => {
    const row: ActionPlanLine = world.value('actionPlan:saveRow', { issueId: world.issues.light, fields: fields() });
    world.value('actionPlan:saveRow', { id: row.id, revision: 1, issueId: world.issues.light, fields: fields({ measure: 'Өзгерді' }) });
    expect(world.call('actionPlan:removeRow', { id: row.id, revision: 1 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(world.value('actionPlan:removeRow', { id: row.id, revision: 2 })).toEqual({ id: row.id });
    expect(world.call('actionPlan:removeRow', { id: row.id, revision: 2 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const audit = listAudit(core.ctx, 'action_plan_row', row.id);
    expect(audit.map((a) => a.action)).toEqual(['insert', 'update', 'delete']);
    expect(audit[2]!.before).toMatchObject({ measure: 'Өзгерді' });
    // The issue has no row again: the next fill starts one.
    expect((world.value('actionPlan:list', meetingScope()) as ActionPlan).issuesWithoutRow).toBe(3);
    // The removed row stays as a tombstone at the next revision and keeps its number.
    expect(core.ctx.db.prepare('SELECT revision, deleted_at IS NOT NULL AS gone FROM action_plan_rows WHERE id = ?').get(row.id)).toEqual({ revision: 3, gone: 1 });
    const refilled = (world.value('actionPlan:fill', meetingScope()) as ActionPlan).lines.filter((l) => l.issueId === world.issues.light);
    expect(refilled.map((l) => [l.ordinal, l.origin])).toEqual([[2, core.ctx.installationId]]);
  });
});
