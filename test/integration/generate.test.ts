import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runCli } from '../../electron/cli/cli';
import { openTempCore, tempDir, ABAI_OBLAST, ABAY_DISTRICT, KARAAUYL_OKRUG } from '../helpers/temp-core';
import type { Core } from '../../electron/core/core';
import { listAudit } from '../../electron/core/db/repos/audit.repo';
import { listAkimsOfUnit } from '../../electron/core/db/repos/akims.repo';
import { isInSubtree, subtree } from '../../electron/core/db/repos/units.repo';
import { mulberry32 } from '../../electron/core/demo/generate-meetings';
import { MeetingPlanFields } from '../../shared/contract/meetings.contract';
import { isReportingKind } from '../../shared/domain/units/unit-kind';
import { caller } from './meeting-fixtures';
import type { Meeting, ObligationsGrid } from '../../shared/contract/types';

const TODAY = '2026-02-10';

function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { LANG: 'C' } });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

function generate(dataDir: string, unit: string, from: string, to: string, seed: string) {
  return cli('generate', '--data-dir', dataDir, '--unit', unit, '--from', from, '--to', to, '--seed', seed, '--today', TODAY, '--json');
}

/** Every meeting, akim and official row, with the installation-specific origin left out. */
function rows(dataDir: string) {
  const db = new Database(path.join(dataDir, 'esep.sqlite'), { readonly: true });
  try {
    const strip = (list: unknown[]) => list.map((r) => ({ ...(r as Record<string, unknown>), origin: undefined }));
    return {
      meetings: strip(db.prepare('SELECT * FROM meetings ORDER BY id').all()),
      officials: db.prepare('SELECT * FROM meeting_officials ORDER BY id').all(),
      akims: strip(db.prepare('SELECT * FROM akims ORDER BY id').all()),
    };
  } finally {
    db.close();
  }
}

describe('esep generate: a whole oblast', () => {
  let dataDir: string;
  let core: Core;
  let value: ReturnType<typeof caller>['value'];
  let summary: any;

  beforeAll(() => {
    dataDir = tempDir('esep-gen-');
    const r = generate(dataDir, ABAI_OBLAST, '2014', '2026', '615');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    summary = r.json();
    core = openTempCore({ dataDir, today: TODAY });
    ({ value } = caller(core));
    // Thirteen years of a whole oblast, by a CLI process: ~5 s here, over 10 s on a loaded CI machine.
  }, 120_000);
  afterAll(() => core.close());

  it('sets the working root and reports what it made', () => {
    expect(value('settings:get', {})).toMatchObject({ workingRoot: { kato: ABAI_OBLAST } });
    const units = subtree(core.ctx.db, ABAI_OBLAST).filter((u) => isReportingKind(u.kind)).length;
    expect(summary).toMatchObject({ root: ABAI_OBLAST, unit: ABAI_OBLAST, fromYear: 2014, toYear: 2026, seed: 615, today: TODAY, units });
    expect(summary.meetings).toBe(Object.values(summary.byStatus as Record<string, number>).reduce((a, b) => a + b, 0));
    for (const status of ['planned', 'announced', 'postponed', 'held', 'closed', 'cancelled']) expect(summary.byStatus[status], status).toBeGreaterThan(0);
    expect(summary.akims).toBeGreaterThanOrEqual(units);
  });

  it('writes only meetings the lifecycle could have produced, each audited', () => {
    const meetings: Meeting[] = value('meetings:list', {});
    expect(meetings).toHaveLength(summary.meetings);
    const audited = new Set(listAudit(core.ctx, 'meeting').filter((e) => e.action === 'insert').map((e) => e.entityId));
    const uuid = z.uuid();
    for (const m of meetings) {
      expect(audited.has(m.id)).toBe(true);
      expect(uuid.safeParse(m.id).success && m.officials.every((o) => uuid.safeParse(o.id).success)).toBe(true);
      const { id: _id, origin: _o, revision: _r, unitKato: _u, status: _s, heldOn: _h, announcedOn: _a, announcementChannels: _c, attendance: _at, onlineViewers: _v, statusReason: _sr, postponedFrom: _p, officials: _of, createdAt: _ca, updatedAt: _ua, ...fields } = m;
      expect(MeetingPlanFields.safeParse(fields).error?.issues ?? []).toEqual([]);
      expect(m.obligation).not.toBeNull();
      expect(m.createdAt).toBeLessThanOrEqual(m.updatedAt);
      if (m.venueKato) expect(isInSubtree(core.ctx.db, m.unitKato, m.venueKato)).toBe(true);
      const akim = listAkimsOfUnit(core.ctx.db, m.unitKato).find((a) => a.id === m.akimId)!;
      expect(akim.termFrom <= m.plannedOn! && (akim.termTo === null || m.plannedOn! <= akim.termTo)).toBe(true);
      if (m.status === 'held' || m.status === 'closed') {
        expect(m.heldOn! <= TODAY).toBe(true);
        expect(m.attendance).toBeGreaterThanOrEqual(20);
        expect(m.attendance).toBeLessThanOrEqual(400);
      } else {
        expect(m.heldOn).toBeNull();
        expect(m.attendance).toBeNull();
      }
      if (m.status === 'planned' || m.status === 'announced' || m.status === 'postponed') expect(m.plannedOn! > TODAY).toBe(true);
      if (m.status === 'postponed' || m.status === 'cancelled') expect(m.statusReason).not.toBe('');
      if (m.announcedOn) expect(m.announcedOn <= TODAY && m.announcedOn <= m.plannedOn!).toBe(true);
    }
  });

  it('makes every held meeting fulfil the obligation it names, on time or late', () => {
    const fulfilled = new Map<string, string>();
    for (let year = 2014; year <= 2026; year++) {
      const grid: ObligationsGrid = value('obligations:grid', { year });
      for (const row of grid.rows) for (const cell of row.obligations) if (cell.meeting?.id) fulfilled.set(cell.meeting.id, cell.windowKey);
    }
    const held: Meeting[] = value('meetings:list', { statuses: ['held', 'closed'] });
    expect(held.every((m) => fulfilled.get(m.id) === m.obligation!.windowKey)).toBe(true);
  });

  it('gives the dashboard something of everything: missed, late, closing soon, both participation warnings', () => {
    const d2025 = value('dashboard:get', { year: 2025 });
    expect(d2025.missed.length).toBeGreaterThan(0);
    expect(d2025.heldLate.length).toBeGreaterThan(0);
    expect(d2025.counts.held_on_time).toBeGreaterThan(d2025.counts.missed + d2025.counts.held_late);
    const points = new Set<string>();
    for (let year = 2014; year <= 2026; year++) for (const w of value('dashboard:get', { year }).participation) points.add(w.point);
    expect([...points].sort()).toEqual(['4.1', '5']);
    const d2026 = value('dashboard:get', { year: 2026 });
    expect(d2026.counts.planned).toBeGreaterThan(0);
    expect(d2026.reportDeadlines.length + d2026.closingSoon.length).toBeGreaterThan(0);
  });

  it('status --json agrees with the grid and with compliance for each unit', () => {
    for (const year of [2025, 2026]) {
      const r = cli('status', '--data-dir', dataDir, '--year', String(year), '--today', TODAY, '--json');
      expect(r.code).toBe(0);
      const status = r.json() as Array<{ kato: string; kind: string; windowStart: string; windowEnd: string; status: string; meetingId: string | null }>;
      const grid: ObligationsGrid = value('obligations:grid', { year });
      expect(status).toEqual(
        grid.rows.flatMap((row) =>
          row.obligations.map((c) => ({ kato: row.unit.kato, kind: row.unit.kind, windowStart: c.windowStart, windowEnd: c.windowEnd, status: c.status, meetingId: c.meeting?.id ?? null })),
        ),
      );
      expect(Object.keys(status[0]!).sort()).toEqual(['kato', 'kind', 'meetingId', 'status', 'windowEnd', 'windowStart']);

      for (const kato of [ABAI_OBLAST, ABAY_DISTRICT, KARAAUYL_OKRUG, '101800000', '103233000']) {
        const c = cli('compliance', '--kato', kato, '--from', `${year}-01-01`, '--to', `${year}-12-31`, '--today', TODAY, '--data-dir', dataDir, '--json');
        expect(c.code).toBe(0);
        const fromCompliance = c.json().map((o: Record<string, unknown>) => ({ windowStart: o.windowStart, windowEnd: o.windowEnd, status: o.status, meetingId: o.meetingId }));
        const fromStatus = status.filter((s) => s.kato === kato).map(({ windowStart, windowEnd, status: st, meetingId }) => ({ windowStart, windowEnd, status: st, meetingId }));
        expect(fromStatus.length).toBeGreaterThan(0);
        expect(fromStatus).toEqual(fromCompliance);
      }
    }
  });

  it('prints a readable status table without --json', () => {
    const r = cli('status', '--data-dir', dataDir, '--year', '2026', '--today', TODAY, '--lang', 'ru');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^KATO\s+unit\s+window/);
    expect(lines[1]).toContain('область Абай');
  });

  it('refuses to generate twice into the same installation, or for a unit outside its working set', () => {
    const before = rows(dataDir).meetings.length;
    const again = generate(dataDir, ABAY_DISTRICT, '2014', '2026', '615');
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already recorded/);
    const outside = generate(dataDir, '110000000', '2024', '2024', '1');
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/110000000/);
    expect(rows(dataDir).meetings.length).toBe(before);
  });
});

describe('esep generate: determinism', () => {
  it('gives identical rows, ids included, for the same seed, and different ones for another', () => {
    const [a, b, c] = [tempDir('esep-gen-'), tempDir('esep-gen-'), tempDir('esep-gen-')];
    expect(generate(a, ABAY_DISTRICT, '2023', '2026', '42').code).toBe(0);
    expect(generate(b, ABAY_DISTRICT, '2023', '2026', '42').code).toBe(0);
    expect(generate(c, ABAY_DISTRICT, '2023', '2026', '43').code).toBe(0);
    const [ra, rb, rc] = [rows(a), rows(b), rows(c)];
    expect(ra.meetings.length).toBeGreaterThan(100);
    expect(rb).toEqual(ra);
    expect(rc.meetings).not.toEqual(ra.meetings);
    // The installation ids differ, so origins do: only they were left out.
    const origins = (dir: string) => new Database(path.join(dir, 'esep.sqlite'), { readonly: true }).prepare('SELECT DISTINCT origin FROM meetings').all();
    expect(origins(a)).not.toEqual(origins(b));
  });

  it('mulberry32 is a fixed sequence', () => {
    const next = mulberry32(42);
    const first = [next(), next(), next()];
    const again = mulberry32(42);
    expect([again(), again(), again()]).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(first[0]);
  });
});

describe('esep status and generate: bad input exits 2 with a message and nothing on stdout', () => {
  const dir = tempDir('esep-gen-bad-');
  it.each([
    ['an unknown unit', ['generate', '--data-dir', dir, '--unit', '999999999', '--from', '2024', '--to', '2025', '--seed', '1'], /999999999/],
    ['a malformed unit', ['generate', '--data-dir', dir, '--unit', '12345', '--from', '2024', '--to', '2025', '--seed', '1'], /12345/],
    ['--from after --to', ['generate', '--data-dir', dir, '--unit', ABAY_DISTRICT, '--from', '2026', '--to', '2024', '--seed', '1'], /2026.*2024/],
    ['no --data-dir', ['generate', '--unit', ABAY_DISTRICT, '--from', '2024', '--to', '2025', '--seed', '1'], /--data-dir/],
    ['no --seed', ['generate', '--data-dir', dir, '--unit', ABAY_DISTRICT, '--from', '2024', '--to', '2025'], /--seed/],
    ['a bad year', ['generate', '--data-dir', dir, '--unit', ABAY_DISTRICT, '--from', '24', '--to', '2025', '--seed', '1'], /--from/],
    ['a bad --today', ['generate', '--data-dir', dir, '--unit', ABAY_DISTRICT, '--from', '2024', '--to', '2025', '--seed', '1', '--today', '2025-02-30'], /2025-02-30/],
    ['status without --data-dir', ['status', '--year', '2025'], /--data-dir/],
    ['status without --year', ['status', '--data-dir', dir], /--year/],
    ['status before setup', ['status', '--data-dir', dir, '--year', '2025'], /akimat/],
  ])('%s', (_label, args, message) => {
    const r = cli(...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message as RegExp);
  });

  it('left that folder without meetings or a working root', () => {
    const r = cli('status', '--data-dir', dir, '--year', '2025', '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/akimat/);
  });
});
