import { randomUUID } from 'node:crypto';
import type { Core } from '../../electron/core/core';
import type { Minutes } from '../../shared/contract/minutes.contract';
import { ABAY_DISTRICT, KARAAUYL_OKRUG, KARAAUYL_VILLAGE, openTempCore } from '../helpers/temp-core';
import { caller, planInput } from './meeting-fixtures';

export const KENGIRBAI_OKRUG = '103233000';

export const DECISION_LIGHT = 'Көше жарығын қалпына келтіру жұмыстарын ұйымдастыру';
export const DECISION_WATER = 'Обеспечить подвоз питьевой воды в село Караул';

export interface IssueSeed {
  unitKato?: string;
  meetingId?: string | null;
  meetingNo?: number | null;
  speechId?: string | null;
  raisedOn?: string;
  text: string;
  localityKato?: string | null;
  answer?: string;
  bodyId?: string | null;
  personId?: string | null;
  deadline?: string | null;
}

/**
 * An issue row written straight into the log's table (the plan reads the log; it does not need
 * the issue service to build one). Registry numbers follow on per unit.
 */
export function insertIssue(core: Core, seed: IssueSeed): string {
  const { db } = core.ctx;
  const unitKato = seed.unitKato ?? KARAAUYL_OKRUG;
  const id = randomUUID();
  const registryNo = (db.prepare('SELECT coalesce(max(registry_no), 0) + 1 AS n FROM issues WHERE unit_kato = ?').get(unitKato) as { n: number }).n;
  db.prepare(
    `INSERT INTO issues (id, origin, unit_kato, registry_no, meeting_id, meeting_no, speech_id, raised_on, kind, received_via, text,
       locality_kato, answer, body_id, person_id, deadline, status_id, created_at, updated_at)
     VALUES (?, 'test', ?, ?, ?, ?, ?, ?, 'question', 'oral', ?, ?, ?, ?, ?, ?, 'new', 0, 0)`,
  ).run(
    id,
    unitKato,
    registryNo,
    seed.meetingId ?? null,
    seed.meetingNo ?? null,
    seed.speechId ?? null,
    seed.raisedOn ?? '2025-07-10',
    seed.text,
    seed.localityKato ?? null,
    seed.answer ?? '',
    seed.bodyId ?? null,
    seed.personId ?? null,
    seed.deadline ?? null,
  );
  // Personal data that must never reach the plan.
  db.prepare("INSERT INTO issue_authors (issue_id, full_name, phone, address) VALUES (?, 'Сәрсенбаев Ғалым Төлеуұлы', '+7 701 555 12 34', '')").run(id);
  return id;
}

/**
 * The Karaauyl okrug after its July meeting: minutes with three speeches raising issues (light,
 * water, a kindergarten) and two decisions, a body with a person, and the three issues in the
 * log, the third answered on the spot.
 */
export function planWorld(today = '2025-07-15') {
  const core = openTempCore({ today });
  const { value, call } = caller(core);
  value('setup:complete', { rootKato: ABAY_DISTRICT, language: 'ru' });
  const planned = value('meetings:plan', planInput(KARAAUYL_OKRUG, '2025-07-10', '2025-M07', { venueName: 'Мәдениет үйі' }));
  const meeting = value('meetings:markHeld', { id: planned.id, revision: planned.revision, heldOn: '2025-07-10', attendance: 57, onlineViewers: null });
  const opened: Minutes = value('minutes:open', { meetingId: meeting.id });
  const speech = { light: randomUUID(), water: randomUUID(), kindergarten: randomUUID() };
  value('minutes:save', {
    minutesId: opened.id,
    revision: opened.revision,
    body: {
      number: '3',
      date: '2025-07-10',
      place: opened.place,
      chair: 'Серікбаев Н.',
      secretary: 'Қасымова Ж.',
      presentCount: 57,
      presentList: '',
      invited: '',
      items: [
        {
          id: randomUUID(),
          title: 'Ауылдық округ әкімінің есебі',
          speaker: 'Серікбаев Н.',
          heard: 'Әкім жарты жылдағы жұмыс туралы баяндады.',
          speeches: [
            { id: speech.light, speaker: 'Сәрсенбаев Ғалым', localityKato: KARAAUYL_VILLAGE, gist: 'Көшелерде жарық жоқ', issueKind: 'question', issueText: 'Көше жарығы жоқ' },
            { id: speech.water, speaker: 'Иванова Мария', localityKato: null, gist: 'Нет питьевой воды', issueKind: 'request', issueText: 'Подвоз питьевой воды' },
            { id: speech.kindergarten, speaker: 'Омарова А.', localityKato: KARAAUYL_VILLAGE, gist: 'Балабақшада орын жоқ', issueKind: 'proposal', issueText: 'Балабақшаға орын' },
          ],
          decisions: [
            { id: randomUUID(), text: DECISION_LIGHT, responsible: 'Ауылдық округ әкімінің аппараты', deadline: '2025-09-01' },
            { id: randomUUID(), text: DECISION_WATER, responsible: 'ГКП «Су арнасы»', deadline: '2025-08-01' },
          ],
        },
      ],
    },
  });

  const { db } = core.ctx;
  db.prepare("INSERT INTO bodies (id, origin, name_kk, name_ru) VALUES ('housing', 'test', 'Тұрғын үй-коммуналдық шаруашылығы бөлімі', 'Отдел жилищно-коммунального хозяйства')").run();
  db.prepare("INSERT INTO body_people (id, origin, body_id, full_name, position_kk, position_ru) VALUES ('housing-head', 'test', 'housing', 'Сейітов Нұрлан', 'бөлім бастығы', 'начальник отдела')").run();

  const issues = {
    light: insertIssue(core, { meetingId: meeting.id, meetingNo: 1, speechId: speech.light, text: 'Көше жарығы жоқ', localityKato: KARAAUYL_VILLAGE }),
    water: insertIssue(core, {
      meetingId: meeting.id,
      meetingNo: 2,
      speechId: speech.water,
      text: 'Подвоз питьевой воды',
      bodyId: 'housing',
      personId: 'housing-head',
      deadline: '2025-07-25',
    }),
    kindergarten: insertIssue(core, {
      meetingId: meeting.id,
      meetingNo: 3,
      speechId: speech.kindergarten,
      text: 'Балабақшаға орын',
      localityKato: KARAAUYL_VILLAGE,
      answer: 'Жаңа топ 1 қыркүйектен ашылады',
    }),
  };
  return { core, value, call, meeting, issues };
}
