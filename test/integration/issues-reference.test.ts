import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../electron/core/db/repos/audit.repo';
import type { Body, IssueCategory, IssueStatus } from '../../shared/contract/issues.contract';
import { SEED_CATEGORIES, SEED_STATUS_CODES } from '../../shared/domain/issues/issue';
import { expectRefused, issueWorld, type IssueWorld } from './issue-fixtures';

let w: IssueWorld;
beforeEach(() => {
  w = issueWorld();
});
afterEach(() => w.core.close());

const statuses = (): IssueStatus[] => w.value('issueStatuses:list', {});
const status = (id: string) => statuses().find((s) => s.id === id)!;
const saveStatusInput = (s: IssueStatus, overrides: Record<string, unknown> = {}) => ({
  id: s.id,
  revision: s.revision,
  nameKk: s.nameKk,
  nameRu: s.nameRu,
  closed: s.closed,
  outcome: s.outcome,
  archived: s.archived,
  ...overrides,
});

describe('statuses', () => {
  it('are seeded from the glossary, ids being the codes, in order', () => {
    const list = statuses();
    expect(list.map((s) => s.id).sort()).toEqual([...SEED_STATUS_CODES].sort());
    expect(list.every((s) => s.code === s.id)).toBe(true);
    expect(status('done')).toMatchObject({ nameRu: 'Исполнено', nameKk: 'Орындалды', closed: true, outcome: 'satisfied', archived: false });
    expect(list.map((s) => s.ordinal)).toEqual([...list.map((s) => s.ordinal)].sort((a, b) => a - b));
  });

  it('takes custom ones, typed open or closed, placed after the others', () => {
    const open: IssueStatus = w.value('issueStatuses:save', { nameKk: 'Сараптамада', nameRu: 'На экспертизе', closed: false, outcome: null, archived: false });
    const closed: IssueStatus = w.value('issueStatuses:save', { nameKk: 'Біріктірілді', nameRu: 'Объединено', closed: true, outcome: 'explained', archived: false });
    expect(open).toMatchObject({ code: null, closed: false, revision: 1 });
    expect(closed.ordinal).toBeGreaterThan(open.ordinal);
    expect(Math.max(...statuses().map((s) => s.ordinal))).toBe(closed.ordinal);
    expect(listAudit(w.core.ctx, 'issue_status', closed.id)).toMatchObject([{ action: 'insert' }]);
    // Renamed: the revision counts.
    const renamed: IssueStatus = w.value('issueStatuses:save', saveStatusInput(open, { nameRu: 'На экспертизе у специалиста' }));
    expect(renamed).toMatchObject({ revision: 2, nameRu: 'На экспертизе у специалиста' });
  });

  it('keep the type of a seed status; a custom one changes type only while no issue has it', () => {
    expectRefused(w, 'issueStatuses:save', saveStatusInput(status('done'), { closed: false, outcome: null }), { code: 'validation', details: { fields: ['closed'] } });
    const custom: IssueStatus = w.value('issueStatuses:save', { nameKk: 'Күтуде', nameRu: 'Ожидание', closed: false, outcome: null, archived: false });
    const retyped: IssueStatus = w.value('issueStatuses:save', saveStatusInput(custom, { closed: true, outcome: 'explained' }));
    const issue = w.create();
    w.value('issues:setStatus', { items: [{ id: issue.id, revision: 1 }], change: { statusId: custom.id, onDate: '2025-07-12', comment: '', documentRef: '', outcome: null } });
    expectRefused(w, 'issueStatuses:save', saveStatusInput(retyped, { closed: false, outcome: null }), { code: 'status_in_use' });
  });

  it('can be archived while in use: the issues keep it, no new change may choose it', () => {
    const issue = w.create();
    w.value('issues:setStatus', { items: [{ id: issue.id, revision: 1 }], change: { statusId: 'planned', onDate: '2025-07-12', comment: '', documentRef: '', outcome: null } });
    w.value('issueStatuses:save', saveStatusInput(status('planned'), { archived: true }));
    expect(w.value('issues:get', { id: issue.id }).statusId).toBe('planned');
    const other = w.create();
    expectRefused(w, 'issues:setStatus', { items: [{ id: other.id, revision: 1 }], change: { statusId: 'planned', onDate: '2025-07-12', comment: '', documentRef: '', outcome: null } }, { code: 'validation' });
  });

  it('refuse an outcome on an open status, archiving the statuses the app assigns, a stale revision, an unknown id', () => {
    expectRefused(w, 'issueStatuses:save', { nameKk: 'А', nameRu: 'А', closed: false, outcome: 'satisfied', archived: false }, { code: 'validation', details: { fields: ['outcome'] } });
    for (const id of ['new', 'in_progress', 'explained']) {
      expectRefused(w, 'issueStatuses:save', saveStatusInput(status(id), { archived: true }), { code: 'validation', details: { fields: ['archived'] } });
    }
    expectRefused(w, 'issueStatuses:save', saveStatusInput(status('done'), { revision: 7 }), { code: 'conflict' });
    expectRefused(w, 'issueStatuses:save', saveStatusInput(status('done'), { id: 'no-such' }), { code: 'not_found' });
  });
});

describe('categories', () => {
  const categories = (): IssueCategory[] => w.value('issueCategories:list', {});

  it('are seeded from the glossary and grow into a tree', () => {
    expect(categories().map((c) => c.id)).toEqual(SEED_CATEGORIES.map((c) => c.code));
    const lighting: IssueCategory = w.value('issueCategories:save', { parentId: 'power', nameKk: 'Көше жарығы', nameRu: 'Уличное освещение', archived: false });
    const lamps: IssueCategory = w.value('issueCategories:save', { parentId: lighting.id, nameKk: 'Шамдар', nameRu: 'Фонари', archived: false });
    expect(lamps).toMatchObject({ parentId: lighting.id, code: null, revision: 1 });
    const issue = w.create({}, { categoryId: lamps.id });
    expect(w.list({ categoryId: 'power' }).rows.map((r) => r.id)).toEqual([issue.id]);
  });

  it('refuse a cycle, an unknown or archived parent', () => {
    const a: IssueCategory = w.value('issueCategories:save', { parentId: null, nameKk: 'А', nameRu: 'А', archived: false });
    const b: IssueCategory = w.value('issueCategories:save', { parentId: a.id, nameKk: 'Б', nameRu: 'Б', archived: false });
    const c: IssueCategory = w.value('issueCategories:save', { parentId: b.id, nameKk: 'В', nameRu: 'В', archived: false });
    const move = (cat: IssueCategory, parentId: string | null) => ({ id: cat.id, revision: cat.revision, parentId, nameKk: cat.nameKk, nameRu: cat.nameRu, archived: false });
    expectRefused(w, 'issueCategories:save', move(a, c.id), { code: 'validation', details: { fields: ['parentId'] } });
    expectRefused(w, 'issueCategories:save', move(a, a.id), { code: 'validation', details: { fields: ['parentId'] } });
    expectRefused(w, 'issueCategories:save', move(a, 'no-such'), { code: 'validation', details: { fields: ['parentId'] } });
    const old: IssueCategory = w.value('issueCategories:save', { parentId: null, nameKk: 'Ескі', nameRu: 'Старая', archived: true });
    expectRefused(w, 'issueCategories:save', move(c, old.id), { code: 'validation', details: { fields: ['parentId'] } });
    // Moving a leaf up the tree is fine.
    expect(w.value('issueCategories:save', move(c, a.id))).toMatchObject({ parentId: a.id, revision: 2 });
  });
});

describe('bodies and their people', () => {
  it('lists bodies with their people; a person stays in their body', () => {
    const bodies: Body[] = w.value('bodies:list', {});
    expect(bodies.find((b) => b.id === w.body.id)!.people.map((p) => p.fullName)).toEqual(['Сейітов Нұрлан']);
    const moved = { id: w.head.id, revision: 1, bodyId: w.other.id, fullName: 'Сейітов Нұрлан', positionKk: '', positionRu: '', archived: false };
    expectRefused(w, 'bodies:savePerson', moved, { code: 'validation', details: { fields: ['bodyId'] } });
    expect(w.value('bodies:savePerson', { ...moved, bodyId: w.body.id, positionKk: 'басшы', positionRu: '' })).toMatchObject({ positionKk: 'басшы', positionRu: '', revision: 2 });
  });

  it('take no new people into an archived body, and refuse an unknown body', () => {
    const archived: Body = w.value('bodies:save', { id: w.other.id, revision: 1, nameKk: w.other.nameKk, nameRu: w.other.nameRu, archived: true });
    expect(archived).toMatchObject({ archived: true, revision: 2, people: [expect.objectContaining({ fullName: 'Омарова Айгүл' })] });
    expectRefused(w, 'bodies:savePerson', { bodyId: w.other.id, fullName: 'Жаңа адам', positionKk: '', positionRu: '', archived: false }, { code: 'validation' });
    expectRefused(w, 'bodies:savePerson', { bodyId: 'no-such', fullName: 'Жаңа адам', positionKk: '', positionRu: '', archived: false }, { code: 'validation' });
    expectRefused(w, 'bodies:save', { id: w.body.id, revision: 9, nameKk: 'x', nameRu: 'x', archived: false }, { code: 'conflict' });
    expect(listAudit(w.core.ctx, 'body', w.other.id).map((a) => a.action)).toEqual(['insert', 'update']);
  });
});

describe('saved filters', () => {
  it('keep a named filter, refuse a name taken, and are removed by id', () => {
    const saved = w.value('savedFilters:save', { name: 'Мерзімі өткен', filter: { overdue: true, search: 'жол' } });
    expect(saved).toEqual({ id: expect.any(String), name: 'Мерзімі өткен', filter: { overdue: true, search: 'жол' } });
    expectRefused(w, 'savedFilters:save', { name: 'Мерзімі өткен', filter: {} }, { code: 'name_taken', details: { name: 'Мерзімі өткен' } });
    w.value('savedFilters:save', { name: 'Бақылауда', filter: { onControl: true } });
    expect(w.value('savedFilters:list', {}).map((f: { name: string }) => f.name)).toEqual(['Бақылауда', 'Мерзімі өткен']);
    expect(w.value('savedFilters:remove', { id: saved.id })).toEqual({ id: saved.id });
    expectRefused(w, 'savedFilters:remove', { id: saved.id }, { code: 'not_found' });
    expect(w.value('savedFilters:list', {}).map((f: { name: string }) => f.name)).toEqual(['Бақылауда']);
  });

  it('validate on save and re-validate on read: a filter that no longer fits is left out', () => {
    expectRefused(w, 'savedFilters:save', { name: 'Bad', filter: { unitKato: 'x' } }, { code: 'validation' });
    const insert = w.core.ctx.db.prepare("INSERT INTO saved_filters (id, scope, name, filter_json, created_at) VALUES (?, 'issues', ?, ?, 0)");
    insert.run(randomUUID(), 'Old shape', JSON.stringify({ status: 'new' }));
    insert.run(randomUUID(), 'Bad date', JSON.stringify({ from: '2025-02-30' }));
    w.value('savedFilters:save', { name: 'Good', filter: { kind: 'complaint' } });
    expect(w.value('savedFilters:list', {})).toEqual([{ id: expect.any(String), name: 'Good', filter: { kind: 'complaint' } }]);
  });
});
