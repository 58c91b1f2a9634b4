import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { openTempCore, ABAY_DISTRICT, KARAAUYL_OKRUG, KARAAUYL_VILLAGE } from '../helpers/temp-core';
import { listAudit } from '../../electron/core/db/repos/audit.repo';
import { getMinutes, writeMinutes } from '../../electron/core/db/repos/minutes.repo';
import type { Minutes } from '../../shared/contract/minutes.contract';
import type { AgendaItem, MinutesBody } from '../../shared/domain/minutes/minutes';
import { caller, planInput } from './meeting-fixtures';

const TODAY = '2025-07-15';
const KENGIRBAI_OKRUG = '103233000';
const ZHIDEBAI_VILLAGE = '103233127'; // a locality of Kengirbai okrug, not of Karaauyl

let core: Core;
let call: ReturnType<typeof caller>['call'];
let value: ReturnType<typeof caller>['value'];
let meetingId: string;

function body(m: MinutesBody): MinutesBody {
  const { number, date, place, chair, secretary, presentCount, presentList, invited, items } = m;
  return { number, date, place, chair, secretary, presentCount, presentList, invited, items };
}

function speech(speaker: string, gist: string, localityKato: string | null = KARAAUYL_VILLAGE) {
  return { id: randomUUID(), speaker, localityKato, gist, issueKind: null, issueText: '' };
}

/** A full protocol: one agenda item, three speakers (one raising an issue), two decisions. */
function fullBody(base: MinutesBody): MinutesBody {
  const item: AgendaItem = {
    id: randomUUID(),
    title: 'Ауылдық округ әкімінің есебі',
    speaker: 'Серікбаев Н.',
    heard: 'Әкім 2025 жылдың бірінші жартысындағы жұмыс туралы баяндады.',
    speeches: [
      speech('Ахметов Б.', 'Су құбыры туралы'),
      { ...speech('Омарова А.', 'Мектепке жол'), issueKind: 'proposal', issueText: 'Мектепке апаратын жолды жөндеу' },
      speech('Нұрланов Е.', 'Көше жарығы', null),
    ],
    decisions: [
      { id: randomUUID(), text: 'Есеп назарға алынсын.', responsible: '', deadline: null },
      { id: randomUUID(), text: 'Жолды жөндеу жоспарлансын.', responsible: 'Аппарат', deadline: '2025-09-01' },
    ],
  };
  return { ...base, number: '3', chair: 'Серікбаев Н.', secretary: 'Қасымова Ж.', presentList: '', items: [item] };
}

/** Everything a refused request could have touched. */
function snapshot() {
  const db = core.ctx.db;
  return {
    minutes: db.prepare('SELECT * FROM minutes ORDER BY id').all(),
    items: db.prepare('SELECT * FROM minutes_items ORDER BY id').all(),
    speeches: db.prepare('SELECT * FROM minutes_speeches ORDER BY id').all(),
    decisions: db.prepare('SELECT * FROM minutes_decisions ORDER BY id').all(),
    amendments: db.prepare('SELECT * FROM minutes_amendments ORDER BY id').all(),
    audit: listAudit(core.ctx).length,
  };
}

function expectRefusedWithoutChange(channel: string, input: unknown, error: Record<string, unknown>) {
  const before = snapshot();
  expect(call(channel, input)).toMatchObject({ ok: false, error });
  expect(snapshot()).toEqual(before);
}

const minutesAudit = (id: string) => listAudit(core.ctx, 'minutes', id);

beforeAll(() => {
  core = openTempCore({ today: TODAY });
  ({ call, value } = caller(core));
  value('setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
  const planned = value(
    'meetings:plan',
    planInput(KARAAUYL_OKRUG, '2025-07-10', '2025-M07', { venueName: 'Мәдениет үйі', venueAddress: 'Абай көшесі, 12', venueKato: KARAAUYL_VILLAGE }),
  );
  meetingId = planned.id;
});
afterAll(() => core.close());

describe('the minutes of a meeting', () => {
  it('are refused for a meeting that has not been held', () => {
    expectRefusedWithoutChange('minutes:open', { meetingId }, { code: 'meeting_not_held' });
    expectRefusedWithoutChange('minutes:open', { meetingId: randomUUID() }, { code: 'not_found' });
  });

  it('start as a draft pre-filled from the held meeting, created once', () => {
    let meeting = value('meetings:get', { id: meetingId });
    meeting = value('meetings:setOfficials', {
      id: meetingId,
      revision: meeting.revision,
      officials: [
        { fullName: 'Жұмабеков Д.', positionKk: 'облыс әкімінің орынбасары', positionRu: '', body: 'Облыс әкімдігі', isGovernment: false, isOblastLeadership: true },
        { fullName: 'Ержанов С.', positionKk: 'аудан әкімі', positionRu: '', body: 'Аудан әкімдігі', isGovernment: false, isOblastLeadership: false },
      ],
    });
    value('meetings:markHeld', { id: meetingId, revision: meeting.revision, heldOn: '2025-07-10', attendance: 57, onlineViewers: null });

    const minutes: Minutes = value('minutes:open', { meetingId });
    expect(minutes).toMatchObject({
      meetingId,
      revision: 1,
      status: 'draft',
      origin: core.ctx.installationId,
      number: '',
      date: '2025-07-10',
      place: 'Мәдениет үйі, Абай көшесі, 12',
      chair: '',
      secretary: '',
      presentCount: 57,
      presentList: '',
      // The officials are printed from the meeting, in the document's language (minutes-docx.test.ts).
      invited: '',
      items: [],
      amendments: [],
      finalizedAt: null,
      finalizedBy: null,
    });
    expect(value('minutes:open', { meetingId })).toEqual(minutes);
    expect(minutesAudit(minutes.id)).toMatchObject([{ action: 'insert', actor: 'tester', after: { id: minutes.id, meetingId } }]);
  });

  it('autosave stores the whole body and reads it back equal, auditing only the changed paths', () => {
    const opened: Minutes = value('minutes:open', { meetingId });
    const full = fullBody(body(opened));
    const saved: Minutes = value('minutes:save', { minutesId: opened.id, revision: 1, body: full });
    expect(saved.revision).toBe(2);
    expect(body(saved)).toEqual(full);
    expect(body(value('minutes:open', { meetingId }))).toEqual(full);
    expect(core.ctx.db.prepare('SELECT ordinal, speaker FROM minutes_speeches ORDER BY ordinal').all()).toEqual([
      { ordinal: 0, speaker: 'Ахметов Б.' },
      { ordinal: 1, speaker: 'Омарова А.' },
      { ordinal: 2, speaker: 'Нұрланов Е.' },
    ]);
    const item = full.items[0]!;
    expect(minutesAudit(opened.id).at(-1)).toMatchObject({
      action: 'update',
      after: { revision: 2, changed: ['number', 'chair', 'secretary', `items.${item.id}`] },
    });

    const edited = { ...full, items: [{ ...item, heard: `${item.heard} Жол мәселесі айтылды.` }] };
    const again: Minutes = value('minutes:save', { minutesId: opened.id, revision: 2, body: edited });
    expect(again.revision).toBe(3);
    expect(minutesAudit(opened.id).at(-1)).toMatchObject({ after: { revision: 3, changed: [`items.${item.id}.heard`] } });
  });

  it('refuses a save from a stale revision without changing anything', () => {
    const current: Minutes = value('minutes:open', { meetingId });
    expectRefusedWithoutChange(
      'minutes:save',
      { minutesId: current.id, revision: current.revision - 1, body: { ...body(current), chair: 'Басқа' } },
      { code: 'conflict', details: { revision: current.revision } },
    );
  });

  it('a save identical to what is stored keeps the revision and writes no audit entry', () => {
    const current: Minutes = value('minutes:open', { meetingId });
    const before = snapshot();
    expect(value('minutes:save', { minutesId: current.id, revision: current.revision, body: body(current) })).toEqual(current);
    expect(snapshot()).toEqual(before);
  });

  it('refuses a speaker from a village outside the meeting unit, and duplicate ids', () => {
    const current: Minutes = value('minutes:open', { meetingId });
    const item = current.items[0]!;
    const outside = { ...body(current), items: [{ ...item, speeches: [...item.speeches, speech('Бөтен', '', ZHIDEBAI_VILLAGE)] }] };
    expectRefusedWithoutChange(
      'minutes:save',
      { minutesId: current.id, revision: current.revision, body: outside },
      { code: 'validation', details: { fields: ['items.0.speeches.3.localityKato'] } },
    );
    const twice = { ...body(current), items: [item, { ...item, speeches: [], decisions: [] }] };
    expectRefusedWithoutChange(
      'minutes:save',
      { minutesId: current.id, revision: current.revision, body: twice },
      { code: 'validation', details: { fields: ['items.1.id'] } },
    );
  });

  it('a save is one transaction: a row the database refuses half-way leaves the previous body whole', () => {
    const other = value('meetings:recordHeld', { unitKato: KENGIRBAI_OKRUG, heldOn: '2025-07-05' });
    const otherMinutes: Minutes = value('minutes:open', { meetingId: other.id });
    const taken = { id: randomUUID(), title: 'Басқа округ', speaker: '', heard: '', speeches: [], decisions: [] };
    value('minutes:save', { minutesId: otherMinutes.id, revision: 1, body: { ...body(otherMinutes), items: [taken] } });

    const current: Minutes = value('minutes:open', { meetingId });
    // The second item reuses a row id of the other minutes: only the primary key catches it.
    const clash = { ...body(current), items: [...current.items, { ...taken, title: 'Екінші' }] };
    expectRefusedWithoutChange('minutes:save', { minutesId: current.id, revision: current.revision, body: clash }, { code: 'internal' });

    // The same at the repository level with a foreign key: a village that is not in the units table.
    const before = snapshot();
    const unknownVillage = { ...current.items[0]!, id: randomUUID(), speeches: [speech('Белгісіз', '', '999999999')], decisions: [] };
    expect(() =>
      core.ctx.db.transaction(() => writeMinutes(core.ctx.db, { ...current, revision: current.revision + 1, items: [...current.items, unknownVillage] }))(),
    ).toThrow(/FOREIGN KEY/);
    expect(snapshot()).toEqual(before);
    expect(getMinutes(core.ctx.db, current.id)).toEqual(current);
  });

  it('finalising lists what is missing, then makes the minutes final', () => {
    const other = value('meetings:recordHeld', { unitKato: KENGIRBAI_OKRUG, heldOn: '2025-07-06' });
    const empty: Minutes = value('minutes:open', { meetingId: other.id });
    expectRefusedWithoutChange(
      'minutes:finalize',
      { minutesId: empty.id, revision: empty.revision },
      { code: 'minutes_incomplete', details: { problems: ['chair_missing', 'secretary_missing', 'attendance_missing', 'no_agenda_item'] } },
    );

    const current: Minutes = value('minutes:open', { meetingId });
    const final: Minutes = value('minutes:finalize', { minutesId: current.id, revision: current.revision });
    expect(final).toMatchObject({ status: 'final', revision: current.revision + 1, finalizedBy: 'tester', finalizedAt: core.ctx.clock.now().getTime() });
    expect(value('minutes:open', { meetingId })).toEqual(final);
    expect(minutesAudit(current.id).at(-1)).toMatchObject({ action: 'update', after: { revision: final.revision, action: 'finalize' } });
    expectRefusedWithoutChange('minutes:finalize', { minutesId: final.id, revision: final.revision }, { code: 'invalid_transition' });
  });

  it('final minutes refuse an autosave; a draft refuses an amendment', () => {
    const final: Minutes = value('minutes:open', { meetingId });
    expectRefusedWithoutChange('minutes:save', { minutesId: final.id, revision: final.revision, body: { ...body(final), chair: 'Басқа' } }, { code: 'minutes_final' });
    const other = value('meetings:recordHeld', { unitKato: KENGIRBAI_OKRUG, heldOn: '2025-07-07' });
    const draft: Minutes = value('minutes:open', { meetingId: other.id });
    expectRefusedWithoutChange(
      'minutes:amend',
      { minutesId: draft.id, revision: draft.revision, reason: 'Қате', body: { ...body(draft), chair: 'Басқа' } },
      { code: 'invalid_transition' },
    );
  });

  it('an amendment needs a change and a reason, and records who, when, why and what', () => {
    const final: Minutes = value('minutes:open', { meetingId });
    expectRefusedWithoutChange(
      'minutes:amend',
      { minutesId: final.id, revision: final.revision, reason: 'Қате', body: body(final) },
      { code: 'validation', details: { fields: ['body'] } },
    );
    expectRefusedWithoutChange(
      'minutes:amend',
      { minutesId: final.id, revision: final.revision, reason: '   ', body: { ...body(final), secretary: 'Қасымова Ж. Б.' } },
      { code: 'validation', details: { fields: ['reason'] } },
    );

    const item = final.items[0]!;
    const decision = item.decisions[1]!;
    const changed = { ...body(final), items: [{ ...item, decisions: [item.decisions[0]!, { ...decision, deadline: '2025-10-01' }] }] };
    const amended: Minutes = value('minutes:amend', { minutesId: final.id, revision: final.revision, reason: ' Мерзім қате жазылған ', body: changed });
    const change = { path: `items.${item.id}.decisions.${decision.id}.deadline`, before: '2025-09-01', after: '2025-10-01' };
    expect(amended).toMatchObject({ status: 'final', revision: final.revision + 1, finalizedAt: final.finalizedAt });
    expect(body(amended)).toEqual(changed);
    expect(amended.amendments).toEqual([
      { id: expect.any(String), at: core.ctx.clock.now().getTime(), actor: 'tester', reason: 'Мерзім қате жазылған', changes: [change] },
    ]);
    expect(value('minutes:open', { meetingId })).toEqual(amended);
    expect(minutesAudit(final.id).at(-1)).toMatchObject({
      action: 'update',
      after: { revision: amended.revision, action: 'amend', amendmentId: amended.amendments[0]!.id, reason: 'Мерзім қате жазылған', changed: [change.path] },
    });
  });

  it('the audit log holds one entry per step that changed the minutes', () => {
    const minutes: Minutes = value('minutes:open', { meetingId });
    expect(minutesAudit(minutes.id).map((e) => [e.action, (e.after as { action?: string }).action ?? null, (e.after as { revision: number }).revision])).toEqual([
      ['insert', null, 1],
      ['update', null, 2],
      ['update', null, 3],
      ['update', 'finalize', 4],
      ['update', 'amend', 5],
    ]);
  });
});
