import { expect } from 'vitest';
import type { Core } from '../../electron/core/core';
import type { Body, Issue, IssuePage } from '../../shared/contract/issues.contract';
import { blankIssueFields } from '../../shared/contract/issue-defaults';
import { openTempCore, ABAY_DISTRICT, KARAAUYL_OKRUG } from '../helpers/temp-core';
import { listAudit } from '../../electron/core/db/repos/audit.repo';
import { caller, planInput } from './meeting-fixtures';

export const KENGIRBAI_OKRUG = '103233000';
export const ZHIDEBAI_VILLAGE = '103233127'; // a locality of Kengirbai okrug, not of Karaauyl

/** Every editable field of an issue, nothing optional filled in; overrides add the rest. */
export function issueFields(overrides: Record<string, unknown> = {}) {
  return { ...blankIssueFields('Көшеде жарық жоқ'), ...overrides };
}

/**
 * An installation of the Abai district with a held meeting in Karaauyl okrug (10 July 2025), a
 * planned one (not held yet), and a body with two people; `today` is 15 July 2025.
 */
export function issueWorld(today = '2025-07-15', dataDir?: string) {
  const core: Core = openTempCore({ today, ...(dataDir ? { dataDir } : {}) });
  const { call, value } = caller(core);
  value('setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
  const held = value('meetings:recordHeld', { unitKato: KARAAUYL_OKRUG, heldOn: '2025-07-10' });
  const planned = value('meetings:plan', planInput(KARAAUYL_OKRUG, '2025-10-02', '2025-M10'));
  const body: Body = value('bodies:save', { nameKk: 'Тұрғын үй-коммуналдық шаруашылық бөлімі', nameRu: 'Отдел ЖКХ', archived: false });
  const head = value('bodies:savePerson', { bodyId: body.id, fullName: 'Сейітов Нұрлан', positionKk: 'бөлім басшысы', positionRu: '', archived: false });
  const other: Body = value('bodies:save', { nameKk: 'Білім бөлімі', nameRu: 'Отдел образования', archived: false });
  const teacher = value('bodies:savePerson', { bodyId: other.id, fullName: 'Омарова Айгүл', positionKk: 'маман', positionRu: '', archived: false });

  const create = (overrides: { unitKato?: string; meetingId?: string | null; raisedOn?: string; author?: unknown } = {}, fields: Record<string, unknown> = {}): Issue =>
    value('issues:create', {
      unitKato: overrides.unitKato ?? KARAAUYL_OKRUG,
      meetingId: overrides.meetingId === undefined ? held.id : overrides.meetingId,
      raisedOn: overrides.raisedOn ?? '2025-07-10',
      fields: issueFields(fields),
      author: overrides.author ?? null,
    });

  const list = (filter: Record<string, unknown> = {}, sort = { key: 'registryNo', dir: 'asc' }, offset = 0, limit = 500): IssuePage =>
    value('issues:list', { filter, sort, offset, limit });

  /** Everything a refused request could have touched. */
  const snapshot = () => {
    const db = core.ctx.db;
    const all = (sql: string) => db.prepare(sql).all();
    return {
      issues: all('SELECT * FROM issues ORDER BY seq'),
      authors: all('SELECT * FROM issue_authors ORDER BY issue_id'),
      history: all('SELECT * FROM issue_history ORDER BY id'),
      prolongations: all('SELECT * FROM issue_prolongations ORDER BY id'),
      search: all('SELECT rowid FROM issue_search ORDER BY rowid'),
      statuses: all('SELECT * FROM issue_statuses ORDER BY id'),
      categories: all('SELECT * FROM issue_categories ORDER BY id'),
      bodies: all('SELECT * FROM bodies ORDER BY id'),
      people: all('SELECT * FROM body_people ORDER BY id'),
      savedFilters: all('SELECT * FROM saved_filters ORDER BY id'),
      audit: listAudit(core.ctx).length,
    };
  };

  return { core, call, value, held, planned, body, head, other, teacher, create, list, snapshot };
}

export type IssueWorld = ReturnType<typeof issueWorld>;

/** Asserts the request is refused with `error` and that no table changed. */
export function expectRefused(w: IssueWorld, channel: string, input: unknown, error: Record<string, unknown>) {
  const before = w.snapshot();
  expect(w.call(channel, input)).toMatchObject({ ok: false, error });
  expect(w.snapshot()).toEqual(before);
}
