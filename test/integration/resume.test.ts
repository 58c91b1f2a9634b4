import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { listAudit } from '../../electron/core/db/repos/audit.repo';
import type { Minutes } from '../../shared/contract/minutes.contract';
import type { MinutesBody } from '../../shared/domain/minutes/minutes';
import { openTempCore, tempDir, ABAY_DISTRICT, KARAAUYL_OKRUG } from '../helpers/temp-core';
import { caller } from './meeting-fixtures';

const TODAY = '2025-07-15';

let dataDir: string;
let core: Core;
let call: ReturnType<typeof caller>['call'];
let value: ReturnType<typeof caller>['value'];
let held: string;
let other: string;

function open() {
  core = openTempCore({ today: TODAY, dataDir });
  ({ call, value } = caller(core));
}

/** What a refused request could have touched. */
function snapshot() {
  return { settings: core.ctx.db.prepare('SELECT * FROM settings ORDER BY key').all(), audit: listAudit(core.ctx).length };
}

const resume = () => value('settings:get', {}).resume;

beforeEach(() => {
  dataDir = tempDir();
  open();
  value('setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
  held = value('meetings:recordHeld', { unitKato: KARAAUYL_OKRUG, heldOn: '2025-07-01' }).id;
  other = value('meetings:recordHeld', { unitKato: KARAAUYL_OKRUG, heldOn: '2025-04-01' }).id;
});
afterEach(() => core.close());

describe('where the secretary was typing', () => {
  it('is nothing until set, then round-trips through settings and a restart, unaudited', () => {
    expect(resume()).toBeNull();
    const audit = listAudit(core.ctx).length;
    expect(value('settings:setResume', { resume: { meetingId: held, field: 'speech-0-2-gist' } })).toMatchObject({
      language: 'kk',
      resume: { meetingId: held, field: 'speech-0-2-gist' },
    });
    expect(value('settings:setResume', { resume: { meetingId: other, field: 'minutes-chair' } }).resume).toEqual({ meetingId: other, field: 'minutes-chair' });
    expect(listAudit(core.ctx)).toHaveLength(audit);

    core.close();
    open();
    expect(resume()).toEqual({ meetingId: other, field: 'minutes-chair' });
    expect(value('settings:setResume', { resume: null }).resume).toBeNull();
    expect(resume()).toBeNull();
    expect(core.ctx.db.prepare("SELECT * FROM settings WHERE key = 'resume'").all()).toEqual([]);
  });

  it.each([
    ['a field with capitals', { resume: { meetingId: randomUUID(), field: 'Minutes-Chair' } }],
    ['a field that would break a selector', { resume: { meetingId: randomUUID(), field: 'a"]' } }],
    ['an empty field', { resume: { meetingId: randomUUID(), field: '' } }],
    ['a field over 100 characters', { resume: { meetingId: randomUUID(), field: 'a'.repeat(101) } }],
    ['a meeting id that is not a UUID', { resume: { meetingId: '42', field: 'minutes-chair' } }],
    ['an extra key', { resume: { meetingId: randomUUID(), field: 'minutes-chair', caret: 3 } }],
    ['no resume at all', {}],
  ])('refuses %s and changes nothing', (_, input) => {
    value('settings:setResume', { resume: { meetingId: held, field: 'minutes-number' } });
    const before = snapshot();
    expect(call('settings:setResume', input)).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(snapshot()).toEqual(before);
    expect(resume()).toEqual({ meetingId: held, field: 'minutes-number' });
  });

  it('refuses a meeting that does not exist and changes nothing', () => {
    const before = snapshot();
    expect(call('settings:setResume', { resume: { meetingId: randomUUID(), field: 'minutes-chair' } })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(snapshot()).toEqual(before);
  });

  it('reads as nothing once the meeting is deleted', () => {
    value('settings:setResume', { resume: { meetingId: held, field: 'minutes-chair' } });
    value('meetings:remove', { id: held });
    expect(resume()).toBeNull();
  });

  it('holds while the minutes are a draft and reads as nothing once they are final', () => {
    const opened: Minutes = value('minutes:open', { meetingId: held });
    value('settings:setResume', { resume: { meetingId: held, field: 'item-0-title' } });
    const body: MinutesBody = {
      number: '1',
      date: '2025-07-01',
      place: 'Мәдениет үйі',
      chair: 'Серікбаев Н.',
      secretary: 'Қасымова Ж.',
      presentCount: 40,
      presentList: '',
      invited: '',
      items: [{ id: randomUUID(), title: 'Әкімнің есебі', speaker: 'Серікбаев Н.', heard: '', speeches: [], decisions: [] }],
    };
    const saved: Minutes = value('minutes:save', { minutesId: opened.id, revision: opened.revision, body });
    expect(resume()).toEqual({ meetingId: held, field: 'item-0-title' });
    value('minutes:finalize', { minutesId: saved.id, revision: saved.revision });
    expect(resume()).toBeNull();
  });

  it('reads a stored value this version cannot understand as nothing', () => {
    for (const stored of ['not json', '{"meetingId":"x","field":"minutes-chair"}', `{"meetingId":"${held}","field":"A B"}`]) {
      core.ctx.db.prepare("INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('resume', ?, 0)").run(stored);
      expect(resume()).toBeNull();
    }
  });
});
