import { randomUUID } from 'node:crypto';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { createHandlers } from '../../electron/core/api/handlers';
import { dispatch } from '../../electron/core/api/dispatch';
import { openTempCore, ABAY_DISTRICT, KARAAUYL_OKRUG, KARAAUYL_VILLAGE } from '../helpers/temp-core';
import type { Minutes } from '../../shared/contract/minutes.contract';
import { caller, planInput } from './meeting-fixtures';

let core: Core;
let minutes: Minutes;

beforeAll(() => {
  core = openTempCore({ today: '2025-07-15' });
  const { value } = caller(core);
  value('setup:complete', { rootKato: ABAY_DISTRICT, language: 'kk' });
  const planned = value('meetings:plan', planInput(KARAAUYL_OKRUG, '2025-07-10', '2025-M07', { venueName: 'Мәдениет үйі' }));
  value('meetings:markHeld', { id: planned.id, revision: planned.revision, heldOn: '2025-07-10', attendance: 57, onlineViewers: null });
  const opened: Minutes = value('minutes:open', { meetingId: planned.id });
  minutes = value('minutes:save', {
    minutesId: opened.id,
    revision: opened.revision,
    body: {
      number: '3',
      date: opened.date,
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
          speeches: [{ id: randomUUID(), speaker: 'Омарова А.', localityKato: KARAAUYL_VILLAGE, gist: 'Мектепке жол жөндеу керек', issueKind: 'proposal', issueText: 'Мектепке апаратын жолды жөндеу' }],
          decisions: [{ id: randomUUID(), text: 'Жолды жөндеу жоспарлансын.', responsible: 'Аппарат', deadline: '2025-09-01' }],
        },
      ],
    },
  });
});
afterAll(() => core.close());

describe('minutes:exportDocx through the dispatcher', () => {
  it('answers with a Word document of the minutes in the asked language', async () => {
    const handlers = createHandlers(core, 't');
    for (const [language, heading] of [['kk', 'ХАТТАМА'], ['ru', 'ПРОТОКОЛ']] as const) {
      const envelope = await dispatch(handlers, 'minutes:exportDocx', { minutesId: minutes.id, language });
      expect(envelope.ok).toBe(true);
      if (!envelope.ok) return;
      const file = envelope.value as { fileName: string; mime: string; dataBase64: string };
      expect(file.fileName).toBe(`${language === 'kk' ? 'Хаттама — Қараауыл а.о.' : 'Протокол — Карааульский с.о.'} — 2025-07-10.docx`);
      expect(file.mime).toMatch(/wordprocessingml/);
      const xml = strFromU8(unzipSync(Buffer.from(file.dataBase64, 'base64'))['word/document.xml']!);
      expect(xml).toContain(heading);
      expect(xml).toContain('Жолды жөндеу жоспарлансын.');
      expect(xml).toContain('Омарова А.');
    }
  });

  it('turns an unknown minutes id into an error envelope, asynchronously', async () => {
    const envelope = await dispatch(createHandlers(core, 't'), 'minutes:exportDocx', { minutesId: randomUUID(), language: 'kk' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
