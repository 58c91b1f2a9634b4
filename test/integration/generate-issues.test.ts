import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/cli';
import type { Core } from '../../electron/core/core';
import { isInSubtree } from '../../electron/core/db/repos/units.repo';
import { EOTINISH_PATTERN } from '../../shared/domain/issues/issue';
import type { Body, IssueCounts, IssueStatus } from '../../shared/contract/issues.contract';
import { openTempCore, tempDir, ABAY_DISTRICT } from '../helpers/temp-core';
import { caller } from './meeting-fixtures';

const TODAY = '2026-02-10';

function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { LANG: 'C' } });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

const generate = (dataDir: string, seed: string, ...more: string[]) =>
  cli('generate', '--data-dir', dataDir, '--unit', ABAY_DISTRICT, '--from', '2023', '--to', '2026', '--seed', seed, '--today', TODAY, '--json', ...more);

/** The issue tables as rows, without what differs between installations (origin). */
function issueRows(dataDir: string) {
  const db = new Database(path.join(dataDir, 'esep.sqlite'), { readonly: true });
  try {
    return {
      issues: db.prepare('SELECT * FROM issues ORDER BY id').all().map((r) => ({ ...(r as object), origin: undefined })),
      history: db.prepare('SELECT * FROM issue_history ORDER BY id').all(),
      prolongations: db.prepare('SELECT * FROM issue_prolongations ORDER BY id').all(),
      authors: db.prepare('SELECT * FROM issue_authors ORDER BY issue_id').all(),
      bodies: db.prepare('SELECT id, name_kk, name_ru FROM bodies ORDER BY id').all(),
    };
  } finally {
    db.close();
  }
}

describe('esep generate: issues', () => {
  let dataDir: string;
  let summary: any;
  let core: Core;
  let value: ReturnType<typeof caller>['value'];

  beforeAll(() => {
    dataDir = tempDir('esep-gen-issues-');
    const r = generate(dataDir, '7');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    summary = r.json();
    core = openTempCore({ dataDir, today: TODAY });
    ({ value } = caller(core));
  });
  afterAll(() => core.close());

  it('raises a few issues at every held meeting and some between meetings, and says so', () => {
    const held = summary.byStatus.held + summary.byStatus.closed;
    expect(summary.issues).toMatchObject({ bodies: 15 });
    expect(summary.issues.atMeetings).toBeGreaterThanOrEqual(held);
    expect(summary.issues.atMeetings).toBeLessThanOrEqual(held * 6);
    expect(summary.issues.issues).toBeGreaterThan(summary.issues.atMeetings);
    expect(value('issues:list', { filter: {}, sort: { key: 'registryNo', dir: 'asc' }, offset: 0, limit: 1 }).total).toBe(summary.issues.issues);
    const counts: IssueCounts = value('issues:counts', { filter: {} });
    expect(counts.overdue).toBe(summary.issues.overdue);
    expect(counts.onControl).toBe(summary.issues.onControl);
    for (const status of ['new', 'in_progress', 'done', 'explained', 'planned', 'forwarded', 'rejected']) expect(counts.byStatus[status], status).toBeGreaterThan(0);
    expect(summary.issues.overdue).toBeGreaterThan(0);
    expect(summary.issues.prolonged).toBeGreaterThan(0);
  });

  it('writes only issues the services could have written', () => {
    const db = core.ctx.db;
    const statuses = new Map((value('issueStatuses:list', {}) as IssueStatus[]).map((s) => [s.id, s]));
    const people = new Map((value('bodies:list', {}) as Body[]).flatMap((b) => b.people.map((p) => [p.id, p.bodyId] as const)));
    const issues = db.prepare('SELECT * FROM issues').all() as Array<Record<string, any>>;
    const meetings = new Map((db.prepare('SELECT id, unit_kato, held_on, status FROM meetings').all() as Array<Record<string, any>>).map((m) => [m.id, m]));
    const history = db.prepare('SELECT * FROM issue_history ORDER BY at, rowid').all() as Array<Record<string, any>>;
    const byIssue = new Map<string, Array<Record<string, any>>>();
    for (const h of history) (byIssue.get(h.issue_id) ?? byIssue.set(h.issue_id, []).get(h.issue_id)!).push(h);
    const prolongations = new Map<string, number>();
    for (const p of db.prepare('SELECT issue_id FROM issue_prolongations').all() as Array<{ issue_id: string }>) prolongations.set(p.issue_id, (prolongations.get(p.issue_id) ?? 0) + 1);

    const registry = new Map<string, number[]>();
    for (const i of issues) {
      const status = statuses.get(i.status_id)!;
      expect(status.closed).toBe(i.closed_on !== null);
      expect(i.outcome === null).toBe(i.closed_on === null);
      expect(i.raised_on <= TODAY).toBe(true);
      if (i.deadline) expect(i.deadline >= i.raised_on).toBe(true);
      if (i.closed_on) expect(i.closed_on >= i.raised_on && i.closed_on <= TODAY).toBe(true);
      if (i.person_id) expect(people.get(i.person_id)).toBe(i.body_id);
      if (i.locality_kato) expect(isInSubtree(db, i.unit_kato, i.locality_kato)).toBe(true);
      if (i.meeting_id) {
        const m = meetings.get(i.meeting_id)!;
        expect([m.unit_kato, m.held_on, ['held', 'closed'].includes(m.status)]).toEqual([i.unit_kato, i.raised_on, true]);
      }
      if (i.answered_on_spot) expect([i.status_id, i.answer !== '']).toEqual(['explained', true]);
      if (i.eotinish_no) expect(i.eotinish_no).toMatch(EOTINISH_PATTERN);
      const entries = byIssue.get(i.id)!;
      expect(entries[0]!.on_date).toBe(i.raised_on);
      expect(entries.at(-1)!.status_id).toBe(i.status_id);
      expect(entries.every((h) => h.on_date <= TODAY)).toBe(true);
      expect(i.revision).toBe(entries.length + (prolongations.get(i.id) ?? 0));
      (registry.get(i.unit_kato) ?? registry.set(i.unit_kato, []).get(i.unit_kato)!).push(i.registry_no);
    }
    for (const numbers of registry.values()) expect(numbers.sort((a, b) => a - b)).toEqual(numbers.map((_, k) => k + 1));
    const indexed = (db.prepare('SELECT count(*) AS n FROM issue_search').get() as { n: number }).n;
    expect(indexed).toBe(issues.length);
  });

  it('writes texts in both languages, found by a Kazakh stem in another case', () => {
    const texts = (value('issues:list', { filter: { search: 'мектеп' }, sort: { key: 'raisedOn', dir: 'desc' }, offset: 0, limit: 500 }).rows as Array<{ text: string }>).map((r) => r.text);
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.some((t) => /мектептің|мектепке/iu.test(t))).toBe(true);
    const kk = value('issues:list', { filter: { search: 'сұраймыз' }, sort: { key: 'raisedOn', dir: 'desc' }, offset: 0, limit: 1 }).total;
    const ru = value('issues:list', { filter: { search: 'просим' }, sort: { key: 'raisedOn', dir: 'desc' }, offset: 0, limit: 1 }).total;
    expect(kk).toBeGreaterThan(0);
    expect(ru).toBeGreaterThan(0);
  });

  it('lists them with esep issues', () => {
    const all = cli('issues', '--data-dir', dataDir, '--today', TODAY, '--limit', '5', '--json');
    expect(all.code).toBe(0);
    expect(all.json()).toMatchObject({ total: summary.issues.issues });
    expect(all.json().rows).toHaveLength(5);
    const overdue = cli('issues', '--data-dir', dataDir, '--today', TODAY, '--status', 'overdue', '--limit', '100000', '--json').json();
    expect(overdue.total).toBe(summary.issues.overdue);
    expect(overdue.rows.every((r: { overdue: boolean }) => r.overdue)).toBe(true);
  });
});

describe('esep generate: issues are deterministic', () => {
  it('gives identical issue rows for the same seed, others for another, and about N with --issues N', () => {
    const [a, b, c, d] = [tempDir('esep-gen-'), tempDir('esep-gen-'), tempDir('esep-gen-'), tempDir('esep-gen-')];
    expect(generate(a, '42').code).toBe(0);
    expect(generate(b, '42').code).toBe(0);
    expect(generate(c, '43').code).toBe(0);
    const [ra, rb, rc] = [issueRows(a), issueRows(b), issueRows(c)];
    expect(ra.issues.length).toBeGreaterThan(100);
    expect(rb).toEqual(ra);
    expect(rc.issues).not.toEqual(ra.issues);
    const sized = generate(d, '42', '--issues', '3000');
    expect(sized.code).toBe(0);
    expect(sized.json().issues.issues).toBeGreaterThan(2700);
    expect(sized.json().issues.issues).toBeLessThan(3300);

    // More than the log serves in one window (500): the CLI reads window after window.
    const listed = cli('issues', '--data-dir', d, '--today', TODAY, '--limit', '1234', '--json').json();
    expect(listed.total).toBe(sized.json().issues.issues);
    expect(listed.rows).toHaveLength(1234);
    expect(new Set(listed.rows.map((r: { id: string }) => r.id)).size).toBe(1234);
    expect(listed.rows.every((r: { raisedOn: string }, i: number) => i === 0 || listed.rows[i - 1].raisedOn >= r.raisedOn)).toBe(true);
  });

  it('refuses a bad --issues', () => {
    const r = generate(tempDir('esep-gen-'), '1', '--issues', 'many');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--issues/);
  });
});
