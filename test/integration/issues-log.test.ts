import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssueCounts, IssueRow, IssueStatus } from '../../shared/contract/issues.contract';
import { ISSUE_SORT_KEYS } from '../../shared/contract/issues.contract';
import { issueQuerySql } from '../../electron/core/db/repos/issues.repo';
import { matchExpression } from '../../electron/core/services/issue-search';
import { ABAY_DISTRICT, KARAAUYL_OKRUG, KARAAUYL_VILLAGE } from '../helpers/temp-core';
import { issueWorld, KENGIRBAI_OKRUG, ZHIDEBAI_VILLAGE, type IssueWorld } from './issue-fixtures';

/**
 * The log: filters, sorts, windows, counts and the full-text search, over one installation
 * with a dozen issues of every kind (today is 15 July 2025).
 */
let w: IssueWorld;
const ids: Record<string, string> = {};
let roads: string;
let potholes: string;

beforeAll(() => {
  w = issueWorld();
  roads = 'roads';
  potholes = w.value('issueCategories:save', { parentId: 'roads', nameKk: 'Шұңқырлар', nameRu: 'Ямы', archived: false }).id;
  const add = (key: string, unit: Parameters<IssueWorld['create']>[0], fields: Record<string, unknown>) => {
    ids[key] = w.create(unit, fields).id;
  };
  add('school', {}, { text: 'Мектептің шатыры ағып тұр', categoryId: 'education', localityKato: KARAAUYL_VILLAGE, kind: 'complaint' });
  add('elek', {}, { text: 'ЕЛЕК ауылына жол салу керек', categoryId: roads, bodyId: w.body.id, personId: w.head.id, deadline: '2025-07-12' });
  add('yolka', {}, { text: 'Новогодняя ёлка на площади', categoryId: 'culture', kind: 'proposal' });
  add('street', {}, { text: 'Көшеге жарық орнату', categoryId: 'power', bodyId: w.body.id, deadline: '2025-08-30', onControl: true, controller: 'Орынбасар' });
  add('pothole', { meetingId: null, raisedOn: '2025-03-02' }, { text: 'Дорога в яме', categoryId: potholes, receivedVia: 'call_centre', bodyId: w.other.id, deadline: '2025-04-01' });
  add('syntax', { meetingId: null, raisedOn: '2025-04-15' }, { text: 'Свет OR газ "срочно" (очень) *звезда* NEAR end', categoryId: 'gas' });
  add('answered', {}, { text: 'Автобус мектепке бармайды', answeredOnSpot: true, answer: 'Маршрут қыркүйектен ашылады', categoryId: 'transport' });
  add('kengir', { unitKato: KENGIRBAI_OKRUG, meetingId: null, raisedOn: '2025-06-20' }, { text: 'Жидебай ауылында су жоқ', localityKato: ZHIDEBAI_VILLAGE, categoryId: 'water', onControl: true });
  add('district', { unitKato: ABAY_DISTRICT, meetingId: null, raisedOn: '2025-01-10' }, { text: 'Аудандық ауруханаға дәрігер керек', categoryId: 'health', deadline: '2025-02-01' });
  // Closed with a comment and a document that the search must reach.
  const pothole = w.value('issues:get', { id: ids.pothole });
  w.value('issues:setStatus', {
    items: [{ id: ids.pothole, revision: pothole.revision }],
    change: { statusId: 'done', onDate: '2025-05-01', comment: 'Асфальт төселді, акт қабылданды', documentRef: 'Хат № 04-12/345', outcome: null },
  });
  w.value('issues:prolong', { id: ids.district, revision: 1, newDeadline: '2025-03-01', reason: 'Штат бекітілмеді' });
});
afterAll(() => w.core.close());

const all = () => w.list().rows;
const idsOf = (rows: IssueRow[]) => rows.map((r) => Object.keys(ids).find((k) => ids[k] === r.id)).sort();
const found = (filter: Record<string, unknown>) => idsOf(w.list(filter).rows);
const search = (text: string) => found({ search: text });

describe('full-text search, Kazakh and Russian', () => {
  it('finds a word in another grammatical case by its stem', () => {
    expect(search('мектеп')).toEqual(['answered', 'school']);
    // Since schema 120 also by its stem: "мектептің" and "мектепке" are both "мектеп".
    expect(search('Мектептің')).toEqual(['answered', 'school']);
    expect(search('шатыр')).toEqual(['school']);
  });

  it('folds case, ё, and Kazakh letters typed on a Russian keyboard', () => {
    expect(search('Елек')).toEqual(['elek']);
    expect(search('елек')).toEqual(['elek']);
    expect(search('ёлка')).toEqual(['yolka']);
    expect(search('елка')).toEqual(['yolka']);
    expect(search('көше')).toEqual(['street']);
    expect(search('коше')).toEqual(['street']);
    expect(search('КОШЕГЕ')).toEqual(['street']);
    expect(search('к\u006fше')).toEqual(['street']); // a Latin o typed inside a Cyrillic word
    // й is a letter of its own, not и: not a prefix of "жидебай", found only because the
    // Russian stemmer cuts both to "жидеба"
    expect(matchExpression('жидебаи')).toBe('("жидебаи"* OR {body ru} : "жидеба")');
    expect(search('жидебаи')).toEqual(['kengir']);
    expect(search('жидебай')).toEqual(['kengir']);
  });

  it('requires every word, each as a prefix', () => {
    expect(search('жол керек')).toEqual(['elek']);
    expect(search('мек авто')).toEqual(['answered']);
    expect(search('мектеп газ')).toEqual([]);
  });

  it('searches the answer, the history comments and documents, the e-Otinish number', () => {
    expect(search('маршрут')).toEqual(['answered']);
    expect(search('асфальт')).toEqual(['pothole']);
    expect(search('04-12/345')).toEqual(['pothole']);
  });

  it('follows edits of the text and the e-Otinish number', () => {
    const other = issueWorld();
    try {
      const tagged = other.create({}, { text: 'Тіркелген өтініш', eotinishNo: 'ЖТ-2022-00000742' });
      const hits = (q: string) => other.list({ search: q }).rows.map((r) => r.id);
      expect(hits('ЖТ-2022-00000742')).toEqual([tagged.id]);
      expect(hits('00000742')).toEqual([tagged.id]);
      other.value('issues:update', { id: tagged.id, revision: 1, fields: { text: 'Өзгертілген мәтін', eotinishNo: '' } });
      expect(hits('тіркелген')).toEqual([]);
      expect(hits('00000742')).toEqual([]);
      expect(hits('өзгертілген')).toEqual([tagged.id]);
    } finally {
      other.core.close();
    }
  });

  it('treats FTS syntax typed in the box as text', () => {
    for (const q of ['Свет OR газ', '"срочно"', '(очень)', '*звезда*', 'NEAR', 'газ -свет', '^свет', 'газ:', 'свет + газ']) {
      expect(search(q), q).toEqual(['syntax']);
    }
    // OR is a word to find, not an operator: "свет OR мектеп" would otherwise find both.
    expect(search('свет OR мектеп')).toEqual([]);
    expect(search('газ AND')).toEqual([]);
    // Nor is a column filter: "body" is a word that text does not have.
    expect(search('body:газ')).toEqual([]);
    for (const q of ['"', '(', ')', '*', 'AND', '"unterminated', 'NOT', '{', ':', "'"]) {
      const result = w.call('issues:list', { filter: { search: q }, sort: { key: 'registryNo', dir: 'asc' }, offset: 0, limit: 10 });
      expect(result.ok, q).toBe(true);
    }
    expect(matchExpression('a OR "b" (c*)')).toBe('"a"* AND "or"* AND "b"* AND "c"*');
    expect(matchExpression(' "()*: ')).toBeNull();
  });

  it('combines with the filters', () => {
    expect(found({ search: 'жол', unitKato: KARAAUYL_OKRUG, overdue: true })).toEqual(['elek']);
    expect(found({ search: 'су', unitKato: KENGIRBAI_OKRUG })).toEqual(['kengir']);
    expect(found({ search: 'су', unitKato: KARAAUYL_OKRUG })).toEqual([]);
  });
});

describe('filters', () => {
  it('covers the unit and everything under it', () => {
    expect(w.list().total).toBe(9);
    expect(found({ unitKato: ABAY_DISTRICT })).toHaveLength(9);
    expect(found({ unitKato: KENGIRBAI_OKRUG })).toEqual(['kengir']);
    expect(found({ unitKato: KARAAUYL_OKRUG })).toEqual(['answered', 'elek', 'pothole', 'school', 'street', 'syntax', 'yolka']);
  });

  it('takes a category with its sub-categories', () => {
    expect(found({ categoryId: 'roads' })).toEqual(['elek', 'pothole']);
    expect(found({ categoryId: potholes })).toEqual(['pothole']);
  });

  it('filters by locality, status, open/closed, body, person, meeting, kind, dates, on control', () => {
    expect(found({ localityKato: KARAAUYL_VILLAGE })).toEqual(['school']);
    expect(found({ localityKato: KENGIRBAI_OKRUG })).toEqual(['kengir']);
    expect(found({ statusIds: ['done', 'explained'] })).toEqual(['answered', 'pothole']);
    expect(found({ open: false })).toEqual(['answered', 'pothole']);
    expect(found({ open: true })).toHaveLength(7);
    expect(found({ bodyId: w.body.id })).toEqual(['elek', 'street']);
    expect(found({ personId: w.head.id })).toEqual(['elek']);
    expect(found({ meetingId: w.held.id })).toEqual(['answered', 'elek', 'school', 'street', 'yolka']);
    expect(found({ kind: 'proposal' })).toEqual(['yolka']);
    expect(found({ from: '2025-03-01', to: '2025-06-30' })).toEqual(['kengir', 'pothole', 'syntax']);
    expect(found({ onControl: true })).toEqual(['kengir', 'street']);
    expect(found({ onControl: false })).toHaveLength(7);
  });

  it('derives overdue: a deadline before today on an open issue', () => {
    // pothole's deadline passed but it was closed; street's is still to come.
    expect(found({ overdue: true })).toEqual(['district', 'elek']);
    expect(found({ overdue: false })).toHaveLength(7);
    expect(all().filter((r) => r.overdue).map((r) => r.id).sort()).toEqual([ids.district, ids.elek].sort());
  });

  it('refuses a backwards period and a unit outside the working set', () => {
    expect(w.call('issues:list', { filter: { from: '2025-06-01', to: '2025-01-01' }, sort: { key: 'raisedOn', dir: 'asc' }, offset: 0, limit: 10 })).toMatchObject({
      ok: false,
      error: { code: 'range_invalid' },
    });
    expect(w.call('issues:counts', { filter: { unitKato: '113833000' } })).toMatchObject({ ok: false, error: { code: 'unit_outside_working_set' } });
  });
});

describe('sorting and windows', () => {
  it('sorts by every key both ways; windows never overlap and together give the whole list', () => {
    const total = w.list().total;
    for (const key of ISSUE_SORT_KEYS) {
      for (const dir of ['asc', 'desc'] as const) {
        const whole = w.list({}, { key, dir }).rows;
        const windows = [0, 3, 6, 9].flatMap((offset) => w.list({}, { key, dir }, offset, 3).rows);
        expect(windows.map((r) => r.id), `${key} ${dir}`).toEqual(whole.map((r) => r.id));
        expect(new Set(whole.map((r) => r.id)).size).toBe(total);
      }
    }
    const byDeadline = (dir: 'asc' | 'desc') => w.list({}, { key: 'deadline', dir }).rows.map((r) => r.deadline);
    expect(byDeadline('asc')).toEqual(['2025-03-01', '2025-04-01', '2025-07-12', '2025-08-30', null, null, null, null, null]);
    expect(byDeadline('desc').slice(0, 4)).toEqual(['2025-08-30', '2025-07-12', '2025-04-01', '2025-03-01']);
    expect(w.list({}, { key: 'raisedOn', dir: 'asc' }).rows[0]!.id).toBe(ids.district);
    expect(w.list({}, { key: 'unit', dir: 'asc' }).rows.map((r) => [r.unitKato, r.registryNo]).slice(0, 3)).toEqual([
      [ABAY_DISTRICT, 1],
      [KARAAUYL_OKRUG, 1],
      [KARAAUYL_OKRUG, 2],
    ]);
    const statuses: IssueStatus[] = w.value('issueStatuses:list', {});
    const rank = (id: string) => statuses.find((s) => s.id === id)!.ordinal;
    const byStatus = w.list({}, { key: 'status', dir: 'asc' }).rows.map((r) => rank(r.statusId));
    expect(byStatus).toEqual([...byStatus].sort((a, b) => a - b));
  });
});

describe('counts', () => {
  it('agree with the list’s totals, over the filter without its status part', () => {
    for (const filter of [{}, { unitKato: KARAAUYL_OKRUG }, { search: 'жол' }, { statusIds: ['done'] }, { open: true, overdue: true }, { onControl: true }]) {
      const counts: IssueCounts = w.value('issues:counts', { filter });
      const { statusIds: _s, open: _o, overdue: _d, ...rest } = filter as Record<string, unknown>;
      expect(counts.total, JSON.stringify(filter)).toBe(w.list(rest).total);
      for (const [statusId, n] of Object.entries(counts.byStatus)) expect(n, statusId).toBe(w.list({ ...rest, statusIds: [statusId] }).total);
      expect(counts.overdue, JSON.stringify(filter)).toBe(w.list({ ...rest, overdue: true }).total);
      expect(counts.onControl).toBe(w.list({ ...rest, onControl: true }).total);
    }
    const counts: IssueCounts = w.value('issues:counts', { filter: {} });
    expect(counts).toMatchObject({ total: 9, overdue: 2, onControl: 2, byStatus: { new: 5, in_progress: 2, done: 1, explained: 1, planned: 0, rejected: 0 } });
  });
});

describe('query plans', () => {
  const plan = (filter: Parameters<typeof issueQuerySql>[0], shape: Parameters<typeof issueQuerySql>[1]) => {
    const { sql, params } = issueQuerySql(filter, shape);
    const rows = w.core.ctx.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ ...params, limit: 50, offset: 0 }) as Array<{ detail: string }>;
    return rows.map((r) => r.detail).join('\n');
  };
  const base = { unitKato: ABAY_DISTRICT, today: '2025-07-15' };

  it('searches through the FTS index, ranges overdue within each unit, finds a meeting’s issues by index', () => {
    expect(plan({ ...base, match: '"мектеп"*' }, { kind: 'total' })).toMatch(/VIRTUAL TABLE INDEX/);
    expect(plan({ ...base, overdue: true }, { kind: 'total' })).toMatch(/COVERING INDEX issues_unit_status \(unit_kato=\? AND status_id=\? AND deadline<\?\)/);
    expect(plan(base, { kind: 'counts' })).toMatch(/COVERING INDEX issues_unit_status/);
    expect(plan({ ...base, meetingId: w.held.id }, { kind: 'page', sort: { key: 'registryNo', dir: 'asc' } })).toMatch(/\(meeting_id=\?\)/);
  });

  it('takes the unit and locality subtrees from a range of the closure’s key, never a scan or a walk', () => {
    const page = plan({ ...base, localityKato: KARAAUYL_OKRUG }, { kind: 'page', sort: { key: 'raisedOn', dir: 'desc' } });
    expect(page).toMatch(/SEARCH i USING (COVERING )?INDEX \w+ \((unit|locality)_kato=\?/);
    expect(page.match(/SEARCH unit_closure USING PRIMARY KEY \(ancestor=\?\)/g)).toHaveLength(2);
    expect(page).not.toMatch(/SCAN unit_closure|RECURSIVE|units_parent/);
  });
});
