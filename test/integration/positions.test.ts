import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readPackage, writePackage } from '../../electron/core/exchange/bag';
import { signingKey } from '../../electron/core/services/identity.service';
import type { Minutes } from '../../shared/contract/minutes.contract';
import { documentText } from '../helpers/docx-render';
import { ABAY_DISTRICT, tempDir } from '../helpers/temp-core';
import { installation, OKRUGS, outDir, type Installation } from './exchange-fixtures';
import { issueFields } from './issue-fixtures';

/**
 * Positions in both languages, end to end on the real core: what the forms send is stored,
 * each document prints its own language's position (or the other's when one is empty), and
 * packages carry both, those of older versions (one `position`) still importing.
 */
const open: Installation[] = [];
afterEach(() => {
  for (const i of open.splice(0)) i.core.close();
});
function start(rootKato: string): Installation {
  const i = installation(rootKato);
  open.push(i);
  return i;
}

const HEAD = { fullName: 'Омаров Д.', positionKk: 'бөлім басшысы', positionRu: 'руководитель отдела', body: 'Білім бөлімі', isGovernment: false, isOblastLeadership: false };
/** Typed in Kazakh only: the Russian document falls back to it. */
const ONLY_KK = { fullName: 'Әлиев Б.', positionKk: 'мектеп директорының орынбасары', positionRu: '', body: '', isGovernment: false, isOblastLeadership: false };

/** A held meeting of the okrug with the two officials, and its minutes opened. */
function heldWithOfficials(inst: Installation): { meetingId: string; minutes: Minutes } {
  const held = inst.value('meetings:recordHeld', { unitKato: OKRUGS[0], heldOn: '2025-07-10' });
  inst.value('meetings:setOfficials', { id: held.id, revision: held.revision, officials: [HEAD, ONLY_KK] });
  return { meetingId: held.id, minutes: inst.value('minutes:open', { meetingId: held.id }) };
}

async function minutesText(inst: Installation, minutesId: string, language: 'kk' | 'ru'): Promise<string> {
  const envelope = await inst.request<{ dataBase64: string }>('minutes:exportDocx', { minutesId, language });
  if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
  return documentText(Buffer.from(envelope.value.dataBase64, 'base64'));
}

describe('positions in both languages', () => {
  it('the minutes print each official with the position of their language, else the other one', async () => {
    const okrug = start(OKRUGS[0]);
    const { meetingId, minutes } = heldWithOfficials(okrug);
    expect(okrug.value('meetings:get', { id: meetingId }).officials).toMatchObject([HEAD, ONLY_KK]);
    // The draft leaves the officials to the document.
    expect(minutes.invited).toBe('');

    const ru = await minutesText(okrug, minutes.id, 'ru');
    expect(ru).toContain('Приглашенные:');
    expect(ru).toContain('Омаров Д., руководитель отдела');
    expect(ru).not.toContain('бөлім басшысы');
    expect(ru).toContain('Әлиев Б., мектеп директорының орынбасары');
    const kk = await minutesText(okrug, minutes.id, 'kk');
    expect(kk).toContain('Омаров Д., бөлім басшысы');
    expect(kk).not.toContain('руководитель отдела');
  });

  it('minutes drafted by an older version, with the officials in their text, print each of them once', async () => {
    const okrug = start(OKRUGS[0]);
    const { minutes } = heldWithOfficials(okrug);
    const { id: _id, origin: _o, revision: _r, meetingId: _m, status: _s, finalizedAt: _f, finalizedBy: _b, updatedAt: _u, amendments: _a, ...body } = minutes;
    // What the draft was before: "name, position" per official, in the language typed; and a guest typed by hand.
    const saved: Minutes = okrug.value('minutes:save', { minutesId: minutes.id, revision: minutes.revision, body: { ...body, invited: 'Омаров Д., бөлім басшысы\nӘлиев Б., мектеп директорының орынбасары\nКим С.В., директор школы' } });
    const ru = await minutesText(okrug, saved.id, 'ru');
    const invited = ru.slice(ru.indexOf('Приглашенные:'), ru.indexOf('Повестка дня:'));
    expect(invited.split('\n').filter((l) => l.trim() !== '')).toEqual([
      'Приглашенные:',
      'Омаров Д., руководитель отдела',
      'Әлиев Б., мектеп директорының орынбасары',
      'Ким С.В., директор школы',
    ]);
  });

  it("the action plan's executor names the person with the position of the installation's language, else the other", () => {
    const okrug = start(OKRUGS[0]);
    const body = okrug.value('bodies:save', { nameKk: 'Білім бөлімі', nameRu: 'Отдел образования', archived: false });
    const ruOnly = okrug.value('bodies:savePerson', { bodyId: body.id, fullName: 'Ким С.В.', positionKk: '', positionRu: 'директор школы', archived: false });
    const both = okrug.value('bodies:savePerson', { bodyId: body.id, fullName: 'Омаров Д.', positionKk: 'бөлім басшысы', positionRu: 'руководитель отдела', archived: false });
    const held = okrug.value('meetings:recordHeld', { unitKato: OKRUGS[0], heldOn: '2025-07-10' });
    for (const [text, person] of [['Мектеп шатыры', ruOnly], ['Балабақша', both]] as const) {
      okrug.value('issues:create', { unitKato: OKRUGS[0], meetingId: held.id, raisedOn: '2025-07-10', fields: issueFields({ text, bodyId: body.id, personId: person.id }), author: null });
    }
    const plan = okrug.value('actionPlan:fill', { scope: { meetingId: held.id } });
    // The installation speaks Kazakh (exchange-fixtures sets it up so).
    expect(plan.lines.map((l: { issue: { text: string }; executor: string }) => [l.issue.text, l.executor])).toEqual([
      ['Мектеп шатыры', 'Білім бөлімі, Ким С.В. (директор школы)'],
      ['Балабақша', 'Білім бөлімі, Омаров Д. (бөлім басшысы)'],
    ]);
  });

  describe('in packages', () => {
    /** The okrug's package with its records rewritten as a version before schema 140 wrote them, signed again with its key. */
    async function asOlderVersion(okrug: Installation, file: string, rewrite: (row: Record<string, unknown>) => Record<string, unknown>): Promise<string> {
      const original = await readPackage(fs.readFileSync(file));
      const payload = new Map<string, Uint8Array>(original.payload);
      for (const kind of ['akims', 'meetings', 'body_people']) {
        const name = `records/${kind}.jsonl`;
        const rows = payload.get(name)!.toString().split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
        const rewritten = rows.map((r) => (kind === 'meetings' ? { ...r, officials: (r.officials as Array<Record<string, unknown>>).map(rewrite) } : rewrite(r)));
        payload.set(name, Buffer.from(rewritten.map((r) => `${JSON.stringify(r)}\n`).join('')));
      }
      const bytes = await writePackage({ name: original.name, info: { ...original.info, packageId: crypto.randomUUID() }, payload, signer: signingKey(okrug.core.ctx) });
      const out = path.join(tempDir('esep-older-'), `${original.name}.zip`);
      fs.writeFileSync(out, bytes);
      return out;
    }

    /** An okrug with an akim, a meeting with officials and a body's person, exported. */
    async function okrugPackage() {
      const okrug = start(OKRUGS[0]);
      okrug.value('akims:save', { unitKato: OKRUGS[0], fullName: 'Қасымов Бауыржан', positionKk: 'Ауылдық округ әкімі', positionRu: 'Аким сельского округа', termFrom: '2024-01-01', termTo: null });
      const body = okrug.value('bodies:save', { nameKk: 'Білім бөлімі', nameRu: 'Отдел образования', archived: false });
      okrug.value('bodies:savePerson', { bodyId: body.id, fullName: 'Ким С.В.', positionKk: '', positionRu: 'директор школы', archived: false });
      heldWithOfficials(okrug);
      return { okrug, file: (await okrug.exportTo(outDir())).path };
    }

    const positions = (inst: Installation, table: string) => inst.core.ctx.db.prepare(`SELECT full_name, position_kk, position_ru FROM ${table} ORDER BY full_name`).all();

    it('carry both positions', async () => {
      const { okrug, file } = await okrugPackage();
      const district = start(ABAY_DISTRICT);
      expect(await district.importFile(file, [okrug.installationId])).toMatchObject({ ok: true });
      for (const table of ['akims', 'meeting_officials', 'body_people']) expect(positions(district, table)).toEqual(positions(okrug, table));
      expect(positions(district, 'meeting_officials')).toContainEqual({ full_name: 'Омаров Д.', position_kk: 'бөлім басшысы', position_ru: 'руководитель отдела' });
    });

    it('made by an older version, with one position, still import: the text goes where its letters say', async () => {
      const { okrug, file } = await okrugPackage();
      // The older version had the one text the user typed: the Kazakh one here, else the Russian.
      const older = await asOlderVersion(okrug, file, ({ position_kk, position_ru, ...rest }) => ({ ...rest, position: (position_kk as string) || position_ru }));
      const district = start(ABAY_DISTRICT);
      expect(await district.importFile(older, [okrug.installationId])).toMatchObject({ ok: true, value: { packages: [{ counts: { akims: { new: 1 }, meetings: { new: 1 } } }] } });
      expect(positions(district, 'akims')).toEqual([{ full_name: 'Қасымов Бауыржан', position_kk: 'Ауылдық округ әкімі', position_ru: 'Аким сельского округа' }]);
      expect(positions(district, 'meeting_officials')).toEqual([
        { full_name: 'Омаров Д.', position_kk: 'бөлім басшысы', position_ru: 'руководитель отдела' },
        { full_name: 'Әлиев Б.', position_kk: 'мектеп директорының орынбасары', position_ru: '' },
      ]);
      expect(positions(district, 'body_people')).toEqual([{ full_name: 'Ким С.В.', position_kk: '', position_ru: 'директор школы' }]);
    });

    it('refuse a row with both the old and the new fields, changing nothing', async () => {
      const { okrug, file } = await okrugPackage();
      const mixed = await asOlderVersion(okrug, file, (row) => ({ ...row, position: 'аким' }));
      const district = start(ABAY_DISTRICT);
      const before = positions(district, 'akims');
      expect(await district.importFile(mixed, [okrug.installationId])).toMatchObject({ ok: false, error: { code: 'package_record_invalid' } });
      expect(positions(district, 'akims')).toEqual(before);
    });
  });
});
