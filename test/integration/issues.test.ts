import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../electron/core/db/repos/audit.repo';
import { EsepError } from '../../shared/errors';
import { registerIssues, type BulkIssue } from '../../electron/core/services/issues.service';
import type { Issue, IssueRow, IssueStatus } from '../../shared/contract/issues.contract';
import type { Minutes } from '../../shared/contract/minutes.contract';
import { openTempCore, ABAY_DISTRICT, KARAAUYL_OKRUG, KARAAUYL_VILLAGE, OUTSIDE_OKRUG } from '../helpers/temp-core';
import { caller } from './meeting-fixtures';
import { expectRefused, issueFields, issueWorld, KENGIRBAI_OKRUG, ZHIDEBAI_VILLAGE, type IssueWorld } from './issue-fixtures';

let w: IssueWorld;
beforeEach(() => {
  w = issueWorld();
});
afterEach(() => w.core.close());

const AUTHOR = { fullName: 'Сәрсенбаев Ғалым Төлеуұлы', phone: '+7 701 555 12 34', address: 'Абай көшесі, 5' };

describe('issues:create', () => {
  it('numbers issues across the unit and within the meeting, in one registry per unit', () => {
    const a = w.create();
    const b = w.create({}, { text: 'Су құбыры ескірген' });
    const c = w.create({ meetingId: null, raisedOn: '2025-06-01' }, { receivedVia: 'personal_reception' });
    const d = w.create({ unitKato: KENGIRBAI_OKRUG, meetingId: null });
    expect([a, b, c, d].map((i) => [i.unitKato, i.registryNo, i.meetingNo])).toEqual([
      [KARAAUYL_OKRUG, 1, 1],
      [KARAAUYL_OKRUG, 2, 2],
      [KARAAUYL_OKRUG, 3, null],
      [KENGIRBAI_OKRUG, 1, null],
    ]);
    expect(a).toMatchObject({ meetingId: w.held.id, raisedOn: '2025-07-10', revision: 1, closed: false, overdue: false, prolongations: 0, origin: w.core.ctx.installationId });
  });

  it('registers as new, with the registration as the first history entry and an audit entry', () => {
    const issue = w.create();
    expect(issue).toMatchObject({ statusId: 'new', outcome: null, closedOn: null });
    expect(issue.history).toEqual([
      { id: expect.any(String), at: w.core.ctx.clock.now().getTime(), onDate: '2025-07-10', actor: 'tester', statusId: 'new', outcome: null, comment: '', documentRef: '' },
    ]);
    expect(listAudit(w.core.ctx, 'issue', issue.id)).toMatchObject([{ action: 'insert', actor: 'tester', after: { id: issue.id, text: issue.text } }]);
  });

  it('starts in progress when a body is assigned, and closed as explained when answered on the spot', () => {
    const assigned = w.create({}, { bodyId: w.body.id, personId: w.head.id, deadline: '2025-08-10' });
    expect(assigned).toMatchObject({ statusId: 'in_progress', bodyId: w.body.id, personId: w.head.id, closed: false });
    expect(assigned.history.map((h) => h.statusId)).toEqual(['in_progress']);
    const answered = w.create({}, { answeredOnSpot: true, answer: 'Шамдар тамыз айында орнатылады' });
    expect(answered).toMatchObject({ statusId: 'explained', outcome: 'explained', closedOn: '2025-07-10', closed: true });
    expect(answered.history).toMatchObject([{ statusId: 'explained', outcome: 'explained' }]);
  });

  it('keeps the author apart: the list, the card and the audit never carry personal data', () => {
    const issue = w.create({ author: AUTHOR });
    expect(issue.hasAuthor).toBe(true);
    expect(w.value('issues:author', { id: issue.id })).toEqual(AUTHOR);
    const seen = JSON.stringify([issue, w.value('issues:get', { id: issue.id }), w.list(), listAudit(w.core.ctx)]);
    expect(seen).not.toMatch(/Сәрсенбаев|555 12 34|Абай көшесі/);
    expect(w.create().hasAuthor).toBe(false);
    // A form sent with every author field empty stores no row.
    expect(w.create({ author: { fullName: '', phone: '', address: '' } }).hasAuthor).toBe(false);
  });

  it('refuses bad references and dates, changing nothing', () => {
    const archivedCategory = w.value('issueCategories:save', { parentId: null, nameKk: 'Ескі', nameRu: 'Старая', archived: true });
    const base = { unitKato: KARAAUYL_OKRUG, meetingId: w.held.id, raisedOn: '2025-07-10', author: null };
    const cases: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
      ['a meeting not held yet', { ...base, meetingId: w.planned.id, fields: issueFields() }, { code: 'issue_meeting_not_held' }],
      ['an unknown meeting', { ...base, meetingId: randomUUID(), fields: issueFields() }, { code: 'not_found' }],
      ['a unit other than the meeting’s', { ...base, unitKato: KENGIRBAI_OKRUG, fields: issueFields() }, { code: 'validation', details: { fields: ['unitKato'] } }],
      ['a unit outside the working set', { ...base, unitKato: OUTSIDE_OKRUG, meetingId: null, fields: issueFields() }, { code: 'unit_outside_working_set' }],
      ['a locality of another unit', { ...base, fields: issueFields({ localityKato: ZHIDEBAI_VILLAGE }) }, { code: 'validation', details: { fields: ['fields.localityKato'], reasons: { 'fields.localityKato': 'outside_unit' } } }],
      ['an unknown category', { ...base, fields: issueFields({ categoryId: 'no-such' }) }, { code: 'validation', details: { fields: ['fields.categoryId'] } }],
      ['an archived category', { ...base, fields: issueFields({ categoryId: archivedCategory.id }) }, { code: 'validation', details: { fields: ['fields.categoryId'], reasons: { 'fields.categoryId': 'unavailable' } } }],
      ['a person of another body', { ...base, fields: issueFields({ bodyId: w.body.id, personId: w.teacher.id }) }, { code: 'validation', details: { fields: ['fields.personId'] } }],
      ['a person without a body', { ...base, fields: issueFields({ personId: w.head.id }) }, { code: 'validation', details: { fields: ['fields.personId'] } }],
      ['an unknown repeated issue', { ...base, fields: issueFields({ repeatsId: randomUUID() }) }, { code: 'validation', details: { fields: ['fields.repeatsId'] } }],
      ['a deadline before the issue', { ...base, fields: issueFields({ deadline: '2025-07-01' }) }, { code: 'validation', details: { fields: ['fields.deadline'], reasons: { 'fields.deadline': 'deadline_before_raised' } } }],
      ['an answer on the spot without its text', { ...base, fields: issueFields({ answeredOnSpot: true }) }, { code: 'validation', details: { fields: ['fields.answer'], reasons: { 'fields.answer': 'required' } } }],
      ['a date still to come', { ...base, meetingId: null, raisedOn: '2025-07-16', fields: issueFields() }, { code: 'validation', details: { fields: ['raisedOn'], reasons: { raisedOn: 'date_in_future' } } }],
      ['a malformed e-Otinish number', { ...base, fields: issueFields({ eotinishNo: 'ЖТ2022' }) }, { code: 'validation' }],
    ];
    for (const [name, input, error] of cases) {
      const before = w.snapshot();
      expect(w.call('issues:create', input), name).toMatchObject({ ok: false, error });
      expect(w.snapshot(), name).toEqual(before);
    }
  });

  it('accepts a locality of the unit and an e-Otinish number, and links a repeat', () => {
    const first = w.create({}, { localityKato: KARAAUYL_VILLAGE, eotinishNo: 'ЖТ-2022-00000742' });
    const repeat = w.create({}, { repeatsId: first.id });
    expect(first).toMatchObject({ localityKato: KARAAUYL_VILLAGE, eotinishNo: 'ЖТ-2022-00000742' });
    expect(repeat.repeatsId).toBe(first.id);
  });
});

describe('issues:update', () => {
  it('checks the revision, writes the change and audits only what changed', () => {
    const issue = w.create();
    const updated: Issue = w.value('issues:update', { id: issue.id, revision: 1, fields: { text: 'Көше жарығы әлі жоқ', onControl: true, controller: 'Әкімнің орынбасары' } });
    expect(updated).toMatchObject({ revision: 2, text: 'Көше жарығы әлі жоқ', onControl: true, controller: 'Әкімнің орынбасары', statusId: 'new' });
    expect(listAudit(w.core.ctx, 'issue', issue.id).at(-1)).toMatchObject({
      action: 'update',
      before: { text: 'Көшеде жарық жоқ', onControl: false, controller: '' },
      after: { revision: 2, text: 'Көше жарығы әлі жоқ', onControl: true, controller: 'Әкімнің орынбасары' },
    });
    expectRefused(w, 'issues:update', { id: issue.id, revision: 1, fields: { text: 'Stale' } }, { code: 'conflict', details: { revision: 2 } });
    // Nothing to change: nothing written.
    expect(w.value('issues:update', { id: issue.id, revision: 2, fields: { text: 'Көше жарығы әлі жоқ' } })).toMatchObject({ revision: 2 });
  });

  it('moves a new issue to in progress when a body is assigned, with a history entry dated today', () => {
    const issue = w.create();
    const assigned: Issue = w.value('issues:update', { id: issue.id, revision: 1, fields: { bodyId: w.body.id, personId: w.head.id } });
    expect(assigned.statusId).toBe('in_progress');
    expect(assigned.history.map((h) => [h.statusId, h.onDate])).toEqual([
      ['new', '2025-07-10'],
      ['in_progress', '2025-07-15'],
    ]);
  });

  it('sets a deadline once; after that it moves only by a prolongation', () => {
    const issue = w.create();
    const dated: Issue = w.value('issues:update', { id: issue.id, revision: 1, fields: { deadline: '2025-08-01' } });
    expect(dated.deadline).toBe('2025-08-01');
    expectRefused(w, 'issues:update', { id: issue.id, revision: 2, fields: { deadline: '2025-09-01' } }, { code: 'deadline_use_prolong', details: { deadline: '2025-08-01' } });
    expectRefused(w, 'issues:update', { id: issue.id, revision: 2, fields: { deadline: null } }, { code: 'deadline_use_prolong' });
  });

  it('keeps a reference archived since it was chosen, but refuses to choose an archived one', () => {
    const issue = w.create({}, { bodyId: w.body.id });
    w.value('bodies:save', { id: w.body.id, revision: 1, nameKk: w.body.nameKk, nameRu: w.body.nameRu, archived: true });
    expect(w.value('issues:update', { id: issue.id, revision: 1, fields: { text: 'Жаңа мәтін' } })).toMatchObject({ revision: 2, bodyId: w.body.id });
    const other = w.create();
    expectRefused(w, 'issues:update', { id: other.id, revision: 1, fields: { bodyId: w.body.id } }, { code: 'validation', details: { fields: ['fields.bodyId'] } });
  });

  it('refuses an unknown issue, a locality outside the unit, an issue repeating itself', () => {
    const issue = w.create();
    expectRefused(w, 'issues:update', { id: randomUUID(), revision: 1, fields: { text: 'x' } }, { code: 'not_found' });
    expectRefused(w, 'issues:update', { id: issue.id, revision: 1, fields: { localityKato: ZHIDEBAI_VILLAGE } }, { code: 'validation' });
    expectRefused(w, 'issues:update', { id: issue.id, revision: 1, fields: { repeatsId: issue.id } }, { code: 'validation', details: { fields: ['fields.repeatsId'] } });
  });
});

describe('issues:setStatus', () => {
  const change = (overrides: Record<string, unknown> = {}) => ({ statusId: 'done', onDate: '2025-07-14', comment: 'Шамдар орнатылды', documentRef: '№ 12-3/456', outcome: null, ...overrides });

  it('closes a selection with the status’s own outcome, keeping date, who, comment and document in the history', () => {
    const [a, b] = [w.create(), w.create()];
    const closed: Issue[] = w.value('issues:setStatus', { items: [{ id: a.id, revision: 1 }, { id: b.id, revision: 1 }], change: change() });
    expect(closed.map((i) => [i.statusId, i.outcome, i.closedOn, i.closed, i.revision])).toEqual([
      ['done', 'satisfied', '2025-07-14', true, 2],
      ['done', 'satisfied', '2025-07-14', true, 2],
    ]);
    expect(closed[0]!.history.at(-1)).toMatchObject({ statusId: 'done', outcome: 'satisfied', onDate: '2025-07-14', actor: 'tester', comment: 'Шамдар орнатылды', documentRef: '№ 12-3/456' });
    expect(listAudit(w.core.ctx, 'issue', a.id).at(-1)).toMatchObject({ before: { statusId: 'new' }, after: { statusId: 'done', outcome: 'satisfied' } });
  });

  it('takes another outcome when given, and reopening clears outcome and closing date', () => {
    const issue = w.create();
    const [refused] = w.value('issues:setStatus', { items: [{ id: issue.id, revision: 1 }], change: change({ outcome: 'refused' }) });
    expect(refused).toMatchObject({ statusId: 'done', outcome: 'refused' });
    const [reopened] = w.value('issues:setStatus', { items: [{ id: issue.id, revision: 2 }], change: change({ statusId: 'in_progress', comment: 'Қайта қаралуда' }) });
    expect(reopened).toMatchObject({ statusId: 'in_progress', outcome: null, closedOn: null, closed: false });
    expect(reopened.history.map((h: { statusId: string }) => h.statusId)).toEqual(['new', 'done', 'in_progress']);
  });

  it('is all or nothing: one stale revision in the selection changes none of them', () => {
    const [a, b, c] = [w.create(), w.create(), w.create()];
    w.value('issues:update', { id: b.id, revision: 1, fields: { text: 'Changed meanwhile' } });
    expectRefused(w, 'issues:setStatus', { items: [a, b, c].map((i) => ({ id: i.id, revision: 1 })), change: change() }, { code: 'conflict', details: { id: b.id, revision: 2 } });
    expectRefused(w, 'issues:setStatus', { items: [{ id: a.id, revision: 1 }, { id: randomUUID(), revision: 1 }], change: change() }, { code: 'not_found' });
    expectRefused(w, 'issues:setStatus', { items: [{ id: a.id, revision: 1 }, { id: a.id, revision: 1 }], change: change() }, { code: 'validation', details: { fields: ['items'] } });
  });

  it('needs an outcome to close with a status that suggests none', () => {
    const custom: IssueStatus = w.value('issueStatuses:save', { nameKk: 'Мұрағатқа', nameRu: 'В архив', closed: true, outcome: null, archived: false });
    const issue = w.create();
    expectRefused(w, 'issues:setStatus', { items: [{ id: issue.id, revision: 1 }], change: change({ statusId: custom.id }) }, { code: 'outcome_required' });
    const [closed] = w.value('issues:setStatus', { items: [{ id: issue.id, revision: 1 }], change: change({ statusId: custom.id, outcome: 'explained' }) });
    expect(closed).toMatchObject({ statusId: custom.id, outcome: 'explained', closed: true });
  });

  it('refuses an archived or unknown status, an outcome for an open one, a date to come or before the issue', () => {
    const issue = w.create();
    const items = [{ id: issue.id, revision: 1 }];
    const planned: IssueStatus = w.value('issueStatuses:list', {}).find((s: IssueStatus) => s.id === 'planned');
    w.value('issueStatuses:save', { id: 'planned', revision: planned.revision, nameKk: planned.nameKk, nameRu: planned.nameRu, closed: false, outcome: null, archived: true });
    expectRefused(w, 'issues:setStatus', { items, change: change({ statusId: 'planned' }) }, { code: 'validation', details: { fields: ['change.statusId'] } });
    expectRefused(w, 'issues:setStatus', { items, change: change({ statusId: 'no-such' }) }, { code: 'validation', details: { fields: ['change.statusId'] } });
    expectRefused(w, 'issues:setStatus', { items, change: change({ statusId: 'in_progress', outcome: 'satisfied' }) }, { code: 'validation', details: { fields: ['change.outcome'] } });
    expectRefused(w, 'issues:setStatus', { items, change: change({ onDate: '2025-07-16' }) }, { code: 'validation', details: { fields: ['change.onDate'] } });
    expectRefused(w, 'issues:setStatus', { items, change: change({ onDate: '2025-07-09' }) }, { code: 'validation', details: { fields: ['change.onDate'] } });
  });
});

describe('registerIssues (the legacy import)', () => {
  /** What the log holds of a unit's issues, by registry number instead of ids. */
  function written(unitKato: string) {
    const db = w.core.ctx.db;
    const issues = db.prepare('SELECT * FROM issues WHERE unit_kato = ? ORDER BY registry_no').all(unitKato) as Array<Record<string, unknown>>;
    const no = new Map(issues.map((i) => [i['id'] as string, i['registry_no'] as number]));
    const anonymous = (value: unknown) => JSON.parse(JSON.stringify(value ?? null).replaceAll(new RegExp([...no.keys(), unitKato].join('|'), 'g'), (m) => `#${no.get(m) ?? 'unit'}`));
    return issues.map((issue) => {
      const id = issue['id'] as string;
      const { seq, ...row } = issue;
      return {
        row: anonymous(row),
        history: anonymous(db.prepare('SELECT at, on_date, actor, status_id, outcome, comment, document_ref FROM issue_history WHERE issue_id = ? ORDER BY at, rowid').all(id)),
        author: db.prepare('SELECT full_name, phone, address FROM issue_authors WHERE issue_id = ?').get(id) ?? null,
        audit: anonymous(listAudit(w.core.ctx, 'issue', id).map(({ action, actor, at, before, after }) => ({ action, actor, at, before, after }))),
        // The search index holds no text (contentless): its token counts, and what a note's word finds.
        searchSize: (db.prepare('SELECT sz FROM issue_search_docsize WHERE id = ?').get(seq) as { sz: Buffer }).sz.toString('hex'),
        foundByNote: (db.prepare(`SELECT rowid FROM issue_search WHERE issue_search MATCH '"журнал"*'`).all() as Array<{ rowid: number }>).some((r) => r.rowid === seq),
      };
    });
  }

  it('writes for each issue what issues:create and then issues:setStatus write, after the same checks', () => {
    const rows: BulkIssue[] = [
      { raisedOn: '2025-07-01', fields: issueFields({ text: 'Мектептің шатыры ағып тұр', bodyId: w.body.id, deadline: '2025-08-01' }), author: AUTHOR, statusId: 'in_progress', note: 'журнал.xlsx, 5-жол' },
      { raisedOn: '2025-07-02', fields: issueFields({ text: 'Су құбыры ескірген', answer: 'Құбыр ауыстырылды' }), author: null, statusId: 'done', note: 'журнал.xlsx, 6-жол' },
      { raisedOn: '2025-07-03', fields: issueFields({ text: 'Көшеде жарық жоқ' }), author: null, statusId: null, note: 'журнал.xlsx, 7-жол' },
    ];
    for (const r of rows) {
      const issue = w.value('issues:create', { unitKato: KARAAUYL_OKRUG, meetingId: null, raisedOn: r.raisedOn, fields: r.fields, author: r.author });
      w.value('issues:setStatus', { items: [{ id: issue.id, revision: issue.revision }], change: { statusId: r.statusId ?? issue.statusId, onDate: r.raisedOn, comment: r.note, documentRef: '', outcome: null } });
    }
    const registered = w.core.ctx.db.transaction(() => registerIssues(w.core.ctx, KENGIRBAI_OKRUG, rows))();
    expect(registered.map((r) => r.registryNo)).toEqual([1, 2, 3]);
    expect(registered.map((r) => w.value('issues:get', { id: r.id }).registryNo)).toEqual([1, 2, 3]);
    const bulk = written(KENGIRBAI_OKRUG);
    expect(bulk.map((i) => [i.row.status_id, i.row.revision, i.history.length, i.audit.length, i.foundByNote])).toEqual([
      ['in_progress', 2, 2, 2, true],
      ['done', 2, 2, 2, true],
      ['new', 2, 2, 2, true],
    ]);
    expect(bulk).toEqual(written(KARAAUYL_OKRUG));
  });

  it('refuses what the create refuses (a village of another okrug, a day after today), and writes nothing then', () => {
    const db = w.core.ctx.db;
    const counts = () => ['issues', 'issue_history', 'issue_authors', 'audit_log', 'issue_search_docsize'].map((t) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n);
    const before = counts();
    const good: BulkIssue = { raisedOn: '2025-07-01', fields: issueFields(), author: AUTHOR, statusId: 'in_progress', note: 'журнал.xlsx, 5-жол' };
    const refusal = (rows: BulkIssue[]) => {
      try {
        db.transaction(() => registerIssues(w.core.ctx, KARAAUYL_OKRUG, rows))();
      } catch (error) {
        return error instanceof EsepError ? [error.code, error.details] : error;
      }
      return null;
    };
    expect(refusal([good, { ...good, fields: issueFields({ localityKato: ZHIDEBAI_VILLAGE }) }])).toEqual(['validation', { fields: ['fields.localityKato'], reasons: { 'fields.localityKato': 'outside_unit' } }]);
    expect(refusal([good, { ...good, raisedOn: '2025-07-16' }])).toEqual(['validation', { fields: ['raisedOn'], reasons: { raisedOn: 'date_in_future' } }]);
    expect(refusal([{ ...good, statusId: 'no-such-status' }])).toEqual(['validation', { fields: ['change.statusId'], reasons: { 'change.statusId': 'unavailable' } }]);
    expect(counts()).toEqual(before);
  });
});

describe('issues:prolong', () => {
  it('moves the deadline later with a reason; the count shows in the rows', () => {
    const issue = w.create({}, { bodyId: w.body.id, deadline: '2025-07-20' });
    const once: Issue = w.value('issues:prolong', { id: issue.id, revision: 1, newDeadline: '2025-08-20', reason: 'Мердігер ауыстырылды' });
    const twice: Issue = w.value('issues:prolong', { id: issue.id, revision: 2, newDeadline: '2025-09-20', reason: 'Қаржы бөлінбеді' });
    expect(twice).toMatchObject({ deadline: '2025-09-20', prolongations: 2, revision: 3 });
    expect(twice.prolongationList.map((p) => [p.previousDeadline, p.newDeadline, p.reason, p.actor])).toEqual([
      ['2025-07-20', '2025-08-20', 'Мердігер ауыстырылды', 'tester'],
      ['2025-08-20', '2025-09-20', 'Қаржы бөлінбеді', 'tester'],
    ]);
    expect(once.prolongations).toBe(1);
    expect(w.list().rows.find((r) => r.id === issue.id)).toMatchObject({ prolongations: 2, deadline: '2025-09-20' });
  });

  it('sets any date when there was no deadline; refuses an earlier date, a closed issue, no reason', () => {
    const issue = w.create();
    expect(w.value('issues:prolong', { id: issue.id, revision: 1, newDeadline: '2025-07-12', reason: 'Алғашқы мерзім' })).toMatchObject({ deadline: '2025-07-12' });
    expectRefused(w, 'issues:prolong', { id: issue.id, revision: 2, newDeadline: '2025-07-12', reason: 'Same day' }, { code: 'deadline_not_later', details: { deadline: '2025-07-12', newDeadline: '2025-07-12' } });
    expectRefused(w, 'issues:prolong', { id: issue.id, revision: 2, newDeadline: '2025-08-12', reason: '  ' }, { code: 'validation' });
    expectRefused(w, 'issues:prolong', { id: issue.id, revision: 1, newDeadline: '2025-08-12', reason: 'Stale' }, { code: 'conflict' });
    const closed = w.create({}, { answeredOnSpot: true, answer: 'Түсіндірілді' });
    expectRefused(w, 'issues:prolong', { id: closed.id, revision: 1, newDeadline: '2025-08-12', reason: 'x' }, { code: 'issue_closed' });
  });
});

describe('overdue is derived, never stored', () => {
  it('has no column for it, and follows the clock', () => {
    const columns = (w.core.ctx.db.prepare('PRAGMA table_info(issues)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns.some((c) => c.includes('overdue'))).toBe(false);
    const late = w.create({}, { bodyId: w.body.id, deadline: '2025-07-14' });
    const due = w.create({}, { bodyId: w.body.id, deadline: '2025-07-15' });
    expect([late.overdue, due.overdue]).toEqual([true, false]);
    // The same data folder on the next day.
    const tomorrow = openTempCore({ dataDir: w.core.paths.dataDir, today: '2025-07-16' });
    try {
      const rows: IssueRow[] = caller(tomorrow).value('issues:list', { filter: {}, sort: { key: 'registryNo', dir: 'asc' }, offset: 0, limit: 10 }).rows;
      expect(rows.map((r) => r.overdue)).toEqual([true, true]);
    } finally {
      tomorrow.close();
    }
  });
});

describe('the author: personal data apart', () => {
  it('is read and written by its own channels; the audit says that it changed, not what it says', () => {
    const issue = w.create();
    expect(w.value('issues:author', { id: issue.id })).toBeNull();
    expect(w.value('issues:setAuthor', { id: issue.id, author: AUTHOR })).toEqual(AUTHOR);
    expect(w.value('issues:get', { id: issue.id }).hasAuthor).toBe(true);
    w.value('issues:setAuthor', { id: issue.id, author: { ...AUTHOR, phone: '+7 702 000 00 00' } });
    expect(w.value('issues:author', { id: issue.id })).toMatchObject({ phone: '+7 702 000 00 00' });
    expect(w.value('issues:setAuthor', { id: issue.id, author: null })).toBeNull();
    expect(w.value('issues:get', { id: issue.id }).hasAuthor).toBe(false);
    const audit = listAudit(w.core.ctx, 'issue', issue.id).slice(1);
    expect(audit.map((a) => a.after)).toEqual([{ author: 'added' }, { author: 'changed' }, { author: 'removed' }]);
    expect(JSON.stringify(listAudit(w.core.ctx))).not.toMatch(/555 12 34|000 00 00|Сәрсенбаев/);
    // The issue itself did not change.
    expect(w.value('issues:get', { id: issue.id }).revision).toBe(1);
  });

  it('refuses a malformed phone and an unknown issue', () => {
    const issue = w.create();
    expectRefused(w, 'issues:setAuthor', { id: issue.id, author: { ...AUTHOR, phone: 'call me' } }, { code: 'validation' });
    expectRefused(w, 'issues:setAuthor', { id: randomUUID(), author: AUTHOR }, { code: 'not_found' });
  });
});

describe('issues from the minutes', () => {
  function minutesWithQuestions(): Minutes {
    const minutes: Minutes = w.value('minutes:open', { meetingId: w.held.id });
    const speech = (speaker: string, gist: string, issueKind: string | null, issueText = '', localityKato: string | null = KARAAUYL_VILLAGE) => ({
      id: randomUUID(),
      speaker,
      localityKato,
      gist,
      issueKind,
      issueText,
    });
    const body = {
      number: '3',
      date: '2025-07-10',
      place: 'Мәдениет үйі',
      chair: 'Серікбаев Н.',
      secretary: 'Қасымова Ж.',
      presentCount: 120,
      presentList: '',
      invited: '',
      items: [
        {
          id: randomUUID(),
          title: 'Ауылдық округ әкімінің есебі',
          speaker: 'Серікбаев Н.',
          heard: 'Әкім есеп берді.',
          speeches: [
            speech('Ахметов Б.', 'Су құбыры туралы', 'complaint', 'Су құбыры жиі жарылады'),
            speech('Омарова А.', 'Мектепке апаратын жол бұзылған', 'proposal'),
            speech('Нұрланов Е.', 'Рахмет айтты', null),
            speech('', 'Көше жарығы', 'question', 'Көшеге шам қою керек', null),
          ],
          decisions: [],
        },
      ],
    };
    return w.value('minutes:save', { minutesId: minutes.id, revision: minutes.revision, body });
  }

  it('registers each speech with a kind once: text, kind, village, oral, the minutes’ date, the speaker as author', () => {
    const minutes = minutesWithQuestions();
    w.create(); // an issue typed in by hand first: the minutes' ones follow it in the meeting
    const registered: Issue[] = w.value('issues:fromMinutes', { meetingId: w.held.id });
    expect(registered.map((i) => [i.meetingNo, i.kind, i.text, i.localityKato, i.receivedVia, i.raisedOn, i.statusId, i.hasAuthor])).toEqual([
      [2, 'complaint', 'Су құбыры жиі жарылады', KARAAUYL_VILLAGE, 'oral', '2025-07-10', 'new', true],
      [3, 'proposal', 'Мектепке апаратын жол бұзылған', KARAAUYL_VILLAGE, 'oral', '2025-07-10', 'new', true],
      [4, 'question', 'Көшеге шам қою керек', null, 'oral', '2025-07-10', 'new', false],
    ]);
    expect(w.value('issues:author', { id: registered[0]!.id })).toEqual({ fullName: 'Ахметов Б.', phone: '', address: '' });
    const speechIds = minutes.items[0]!.speeches.map((s) => s.id);
    expect(registered.map((i) => i.speechId)).toEqual([speechIds[0], speechIds[1], speechIds[3]]);
    // Idempotent.
    expect(w.value('issues:fromMinutes', { meetingId: w.held.id })).toEqual([]);
    expect(w.list({ meetingId: w.held.id }).total).toBe(4);
  });

  it('runs when the minutes are finalised, in the same transaction', () => {
    const minutes = minutesWithQuestions();
    w.value('minutes:finalize', { minutesId: minutes.id, revision: minutes.revision });
    expect(w.list({ meetingId: w.held.id }).rows.map((r) => r.text)).toEqual(['Су құбыры жиі жарылады', 'Мектепке апаратын жол бұзылған', 'Көшеге шам қою керек']);
    expect(w.value('issues:fromMinutes', { meetingId: w.held.id })).toEqual([]);
  });

  it('registers nothing for a meeting without minutes, and refuses a meeting not held', () => {
    expect(w.value('issues:fromMinutes', { meetingId: w.held.id })).toEqual([]);
    expectRefused(w, 'issues:fromMinutes', { meetingId: w.planned.id }, { code: 'issue_meeting_not_held' });
    expectRefused(w, 'issues:fromMinutes', { meetingId: randomUUID() }, { code: 'not_found' });
  });
});

describe('issues:carryOver', () => {
  it('lists the open issues of the meeting’s unit raised before its date, at meetings or otherwise', () => {
    const atMeeting = w.create();
    const byPhone = w.create({ meetingId: null, raisedOn: '2025-05-03' }, { receivedVia: 'call_centre' });
    const closed = w.create({}, { answeredOnSpot: true, answer: 'Түсіндірілді' });
    w.create({ unitKato: KENGIRBAI_OKRUG, meetingId: null });
    w.create({ unitKato: ABAY_DISTRICT, meetingId: null });
    const rows: IssueRow[] = w.value('issues:carryOver', { meetingId: w.planned.id });
    expect(rows.map((r) => r.id)).toEqual([byPhone.id, atMeeting.id]);
    expect(rows.map((r) => r.id)).not.toContain(closed.id);
    // For the meeting where they were raised, they are not "last time's".
    expect(w.value('issues:carryOver', { meetingId: w.held.id })).toEqual([expect.objectContaining({ id: byPhone.id })]);
    expect(w.call('issues:carryOver', { meetingId: randomUUID() })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
