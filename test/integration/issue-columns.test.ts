import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { listAudit } from '../../electron/core/db/repos/audit.repo';
import { putSetting } from '../../electron/core/db/repos/settings.repo';
import { openTempCore, tempDir, ABAY_DISTRICT } from '../helpers/temp-core';
import { caller } from './meeting-fixtures';

let dataDir: string;
let core: Core;
let call: ReturnType<typeof caller>['call'];
let value: ReturnType<typeof caller>['value'];

function open() {
  core = openTempCore({ today: '2026-04-10', dataDir });
  ({ call, value } = caller(core));
}
const storedRow = () => core.ctx.db.prepare("SELECT value FROM settings WHERE key = 'issue_columns'").pluck().get();

beforeEach(() => {
  dataDir = tempDir();
  open();
  value('setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
});
afterEach(() => core.close());

describe('the issue log’s columns, per installation', () => {
  it('has none stored at first, keeps a layout across a restart, and forgets it on reset', () => {
    expect(value('settings:issueColumns', {})).toBeNull();
    const layout = { hidden: ['raisedOn', 'body'], widths: { status: 220, deadline: 120 } };
    expect(value('settings:setIssueColumns', { layout })).toEqual(layout);
    const audited = listAudit(core.ctx).length;

    core.close();
    open();
    expect(value('settings:issueColumns', {})).toEqual(layout);

    expect(value('settings:setIssueColumns', { layout: null })).toBeNull();
    expect(storedRow()).toBeUndefined();
    expect(value('settings:issueColumns', {})).toBeNull();
    // A layout is nobody's record: not in the audit log.
    expect(listAudit(core.ctx).length).toBe(audited);
  });

  it('refuses a layout that hides the number or the question, names a column twice or an unknown one, or sizes out of bounds', () => {
    const good = { hidden: ['body'], widths: { body: 200 } };
    value('settings:setIssueColumns', { layout: good });
    for (const layout of [
      { hidden: ['registryNo'], widths: {} },
      { hidden: ['text'], widths: {} },
      { hidden: ['body', 'body'], widths: {} },
      { hidden: ['author'], widths: {} },
      { hidden: [], widths: { status: 20 } },
      { hidden: [], widths: { status: 5000 } },
      { hidden: [], widths: { status: 120.5 } },
      { hidden: [], widths: { author: 120 } },
      { hidden: [], widths: {}, order: [] },
    ]) {
      expect(call('settings:setIssueColumns', { layout })).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
    expect(value('settings:issueColumns', {})).toEqual(good);
  });

  it('reads a stored value this version cannot parse as the defaults, not as an error', () => {
    for (const stored of ['{not json', JSON.stringify({ hidden: ['text'], widths: {} }), JSON.stringify({ columns: 3 })]) {
      putSetting(core.ctx.db, 'issue_columns', stored, 0);
      expect(call('settings:issueColumns', {})).toEqual({ ok: true, value: null });
    }
  });
});
