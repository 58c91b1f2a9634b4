import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { issueFields, issueWorld, expectRefused, type IssueWorld } from './issue-fixtures';
import { trustOrigin } from './origin-fixtures';
import { KARAAUYL_OKRUG } from '../helpers/temp-core';
import { createI18n, errorMessage } from '../../shared/i18n';
import { getUnit } from '../../electron/core/db/repos/units.repo';

/**
 * Only a record's origin changes it (docs/exchange.md §Ownership). Received records are written
 * here as the importer writes them: the rows as they are, with the sender's installation id.
 */
let w: IssueWorld;
let okrug: string;
beforeEach(() => {
  w = issueWorld();
  okrug = trustOrigin(w.core, { unitKato: KARAAUYL_OKRUG }).id;
});
afterEach(() => w.core.close());

function receive(table: string, id: string): void {
  w.core.ctx.db.prepare(`UPDATE ${table} SET origin = ? WHERE id = ?`).run(okrug, id);
}

const foreign = () => ({ code: 'record_foreign', details: { origin: okrug, unitKato: KARAAUYL_OKRUG } });

describe('a received issue', () => {
  it('is refused to every change, with its source named, and nothing changes', () => {
    const issue = w.create();
    receive('issues', issue.id);
    const r = { id: issue.id, revision: issue.revision };
    expectRefused(w, 'issues:update', { ...r, fields: { text: 'Басқа мәтін' } }, foreign());
    expectRefused(w, 'issues:setStatus', { items: [r], change: { statusId: 'in_progress', onDate: '2025-07-12', comment: '', documentRef: '', outcome: null } }, foreign());
    expectRefused(w, 'issues:prolong', { ...r, newDeadline: '2025-12-01', reason: 'Қаражат жоқ' }, foreign());
    expectRefused(w, 'issues:setAuthor', { id: issue.id, author: { fullName: 'Ахметов Серік', phone: '', address: '' } }, foreign());
  });

  it('refuses a status change of a selection that holds one, whole', () => {
    const own = w.create();
    const received = w.create();
    receive('issues', received.id);
    const items = [own, received].map((i) => ({ id: i.id, revision: i.revision }));
    expectRefused(w, 'issues:setStatus', { items, change: { statusId: 'in_progress', onDate: '2025-07-12', comment: '', documentRef: '', outcome: null } }, foreign());
  });

  it('names its source, in the language the installation is set to', () => {
    const issue = w.create();
    receive('issues', issue.id);
    const result = w.call('issues:update', { id: issue.id, revision: issue.revision, fields: { text: 'Басқа' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const name = getUnit(w.core.ctx.db, KARAAUYL_OKRUG)!.nameKk;
    expect(errorMessage(createI18n('kk').t, result.error)).toBe(`Бұл жазба басқа орнатудан алынған (${name}): оны тек сол орнатуда өзгертуге болады.`);
  });

  it('can still be read, and its own installation may keep changing its own', () => {
    const issue = w.create();
    const received = w.create();
    receive('issues', received.id);
    expect(w.value('issues:get', { id: received.id })).toMatchObject({ id: received.id, origin: okrug });
    expect(w.call('issues:update', { id: issue.id, revision: issue.revision, fields: { text: 'Түзетілген мәтін' } })).toMatchObject({ ok: true });
  });
});

describe('a received meeting', () => {
  it('takes no change, no minutes, no files and no new issues', () => {
    receive('meetings', w.held.id);
    receive('meetings', w.planned.id);
    expectRefused(w, 'meetings:cancel', { id: w.planned.id, revision: w.planned.revision, reason: 'Жауын' }, foreign());
    expectRefused(w, 'meetings:remove', { id: w.planned.id }, foreign());
    expectRefused(w, 'minutes:open', { meetingId: w.held.id }, foreign());
    expectRefused(w, 'issues:create', { unitKato: KARAAUYL_OKRUG, meetingId: w.held.id, raisedOn: '2025-07-10', fields: issueFields(), author: null }, foreign());
    expectRefused(w, 'attachments:add', { meetingId: w.held.id, kind: 'other', fileName: 'a.pdf', dataBase64: Buffer.from('%PDF-1.4\n%%EOF').toString('base64') }, foreign());
  });

  it('lets this installation record issues outside it, on the same unit', () => {
    receive('meetings', w.held.id);
    expect(w.call('issues:create', { unitKato: KARAAUYL_OKRUG, meetingId: null, raisedOn: '2025-07-10', fields: issueFields(), author: null })).toMatchObject({ ok: true });
  });
});

describe('received reference rows', () => {
  it('a body from below stays editable here: reference lists are each installation\'s own vocabulary', () => {
    receive('bodies', w.body.id);
    expect(w.call('bodies:save', { id: w.body.id, revision: w.body.revision, nameKk: w.body.nameKk, nameRu: w.body.nameRu, archived: true })).toMatchObject({ ok: true });
  });
});
