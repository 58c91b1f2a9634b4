import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import type { Db } from '../../electron/core/db/open';
import { generateDemo } from '../../electron/core/demo/generate';
import { openByDeadlineSql } from '../../electron/core/db/repos/issues.repo';
import { MEETINGS_UNDER_SQL } from '../../electron/core/db/repos/meetings.repo';
import { UNMARKED_LISTED } from '../../electron/core/services/reminders.service';
import type { Reminder } from '../../shared/contract/calendar.contract';
import type { IssueRow } from '../../shared/contract/issues.contract';
import { addDays } from '../../shared/domain/dates';
import { ABAY_DISTRICT, KARAAUYL_OKRUG, openTempCore } from '../helpers/temp-core';
import { caller, planInput } from './meeting-fixtures';
import { issueWorld } from './issue-fixtures';

/** The bell's issue and meeting reminders (issue 13, point 7), against plain counts of the rows. */

const OPEN = `(SELECT id FROM issue_statuses WHERE closed = 0)`;
const UNDER = (root: string) => `(SELECT descendant FROM unit_closure WHERE ancestor = '${root}')`;

describe('the bell over a generated district', () => {
  const TODAY = '2025-12-20';
  let core: Core;
  let db: Db;
  let reminders: () => Reminder[];
  beforeAll(() => {
    core = openTempCore({ today: TODAY });
    const { value } = caller(core);
    value('setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
    generateDemo(core.ctx, { unitKato: ABAY_DISTRICT, fromYear: 2024, toYear: 2025, seed: 13, issues: 3000 });
    db = core.ctx.db;
    reminders = () => value('reminders:list', {});
  });
  afterAll(() => core.close());

  const count = (sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;

  it('counts the overdue and the due-soon open issues as COUNT(*) over the issues does', () => {
    const overdue = count(`SELECT count(*) AS n FROM issues WHERE unit_kato IN ${UNDER(ABAY_DISTRICT)} AND status_id IN ${OPEN} AND deadline < ?`, TODAY);
    const dueBy = addDays(TODAY, 7);
    const dueSoon = count(`SELECT count(*) AS n FROM issues WHERE unit_kato IN ${UNDER(ABAY_DISTRICT)} AND status_id IN ${OPEN} AND deadline >= ? AND deadline <= ?`, TODAY, dueBy);
    expect(overdue).toBeGreaterThan(0);
    const list = reminders();
    expect(list.find((r) => r.kind === 'issues_overdue')).toMatchObject({ id: `issues_overdue:${ABAY_DISTRICT}:${TODAY}`, count: overdue, date: TODAY, unit: { kato: ABAY_DISTRICT } });
    const soon = list.find((r) => r.kind === 'issues_due_soon');
    if (dueSoon === 0) expect(soon).toBeUndefined();
    else expect(soon).toMatchObject({ count: dueSoon, date: dueBy, daysLeft: 7 });

    // The log behind each entry shows as many issues as the entry says.
    const { value } = caller(core);
    const total = (filter: Record<string, unknown>) => (value('issues:list', { filter, sort: { key: 'registryNo', dir: 'desc' }, offset: 0, limit: 1 }) as { total: number }).total;
    expect(total({ overdue: true })).toBe(overdue);
    expect(total({ dueBy })).toBe(dueSoon);
  });

  it('lists the meetings planned on a day gone by and not marked held, oldest first, as the rows say', () => {
    // The generator marks every past meeting held: three are planned for days gone by, one for tomorrow.
    const { value } = caller(core);
    const okrugs = (db.prepare(`SELECT descendant AS kato FROM unit_closure c JOIN units u ON u.kato = c.descendant WHERE ancestor = ? AND u.kind = 'rural_okrug' ORDER BY kato LIMIT 4`).all(ABAY_DISTRICT) as Array<{ kato: string }>).map((r) => r.kato);
    ['2025-12-03', '2025-12-19', '2025-12-01', '2025-12-21'].forEach((date, i) => value('meetings:plan', planInput(okrugs[i]!, date, null)));
    const unmarked = db
      .prepare(
        `SELECT id FROM meetings WHERE unit_kato IN ${UNDER(ABAY_DISTRICT)} AND deleted_at IS NULL AND status IN ('planned', 'announced', 'postponed') AND planned_on < ? ORDER BY planned_on, id LIMIT ?`,
      )
      .all(TODAY, UNMARKED_LISTED) as Array<{ id: string }>;
    expect(unmarked).toHaveLength(3);
    expect(reminders().filter((r) => r.kind === 'meeting_unmarked').map((r) => r.meetingId)).toEqual(unmarked.map((r) => r.id));
  });

  it('reads indexes, never every row: issues_unit_status per unit and status, meetings_upcoming', () => {
    const explain = (sql: string, params: Record<string, unknown>) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>).map((r) => r.detail).join('\n');
    const issues = explain(openByDeadlineSql, { unit: ABAY_DISTRICT, from: '', to: TODAY });
    expect(issues).toMatch(/SEARCH i USING COVERING INDEX issues_unit_status \(unit_kato=\? AND status_id=\? AND deadline>\? AND deadline<\?\)/);
    expect(issues).not.toMatch(/SCAN i\b/);
    const meetings = explain(MEETINGS_UNDER_SQL.unmarked, { root: ABAY_DISTRICT, today: TODAY, limit: UNMARKED_LISTED });
    expect(meetings).toMatch(/USING INDEX meetings_upcoming \(unit_kato=\? AND planned_on<\?\)/);
    expect(meetings).not.toMatch(/SCAN m\b/);
  });
});

describe('the bell’s issue and meeting reminders', () => {
  it('follow the deadlines, the statuses and the reminder days; a held meeting leaves the list', () => {
    const w = issueWorld('2025-07-15');
    const deadline = (d: string | null) => ({ deadline: d });
    const late = w.create({}, deadline('2025-07-14'));
    w.create({}, deadline('2025-07-15'));
    w.create({}, deadline('2025-07-22'));
    w.create({}, deadline('2025-07-23'));
    w.create({}, deadline(null));
    const closedLate = w.create({}, deadline('2025-07-12'));
    w.value('issues:setStatus', {
      items: [{ id: closedLate.id, revision: closedLate.revision }],
      change: { statusId: 'done', onDate: '2025-07-15', comment: '', documentRef: '', outcome: 'satisfied' },
    });
    const byKind = (kind: string) => (w.value('reminders:list', {}) as Reminder[]).find((r) => r.kind === kind);

    // Reminder days 7 (the default): due soon is 15–22 July inclusive.
    expect(byKind('issues_overdue')).toMatchObject({ count: 1 });
    expect(byKind('issues_due_soon')).toMatchObject({ count: 2, date: '2025-07-22' });
    w.value('settings:setReminderDays', { days: 8 });
    expect(byKind('issues_due_soon')).toMatchObject({ count: 3, date: '2025-07-23' });

    const rows = (w.list({ dueBy: '2025-07-23' }) as { rows: IssueRow[] }).rows;
    expect(rows.map((r) => r.deadline).sort()).toEqual(['2025-07-15', '2025-07-22', '2025-07-23']);

    w.value('issues:setStatus', {
      items: [{ id: late.id, revision: late.revision }],
      change: { statusId: 'done', onDate: '2025-07-15', comment: '', documentRef: '', outcome: 'satisfied' },
    });
    expect(byKind('issues_overdue')).toBeUndefined();

    // A meeting planned on 14 July, the day before today, and never marked held.
    const { value } = caller(w.core);
    const past = value('meetings:plan', planInput(KARAAUYL_OKRUG, '2025-07-14', '2025-M07'));
    expect(byKind('meeting_unmarked')).toMatchObject({ id: `meeting_unmarked:${past.id}:2025-07-14`, meetingId: past.id, daysLeft: -1, unit: { kato: KARAAUYL_OKRUG } });
    value('meetings:markHeld', { id: past.id, revision: past.revision, heldOn: '2025-07-14', attendance: 40, onlineViewers: null });
    expect(byKind('meeting_unmarked')).toBeUndefined();
    w.core.close();
  });
});
