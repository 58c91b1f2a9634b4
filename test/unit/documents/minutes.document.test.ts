import { describe, expect, it } from 'vitest';
import { blankMeeting } from '../../../shared/contract/meeting-defaults';
import type { Minutes } from '../../../shared/contract/minutes.contract';
import type { Language } from '../../../shared/contract/schemas';
import type { UnitSummary } from '../../../shared/contract/types';
import { blockText, type Block, type Paragraph } from '../../../shared/documents/document';
import { LINE_LETTERS, minutesDocument } from '../../../shared/documents/minutes.document';
import { createI18n } from '../../../shared/i18n';

// Names as the classifier writes them: the document spells them out.
const UNIT: UnitSummary = { kato: '103230000', kind: 'rural_okrug', nameKk: 'Қараауыл а.о.', nameRu: 'Карааульский с.о.', parent: '103200000' };
const VILLAGE: UnitSummary = { kato: '103230100', kind: 'locality', nameKk: 'Қараауыл а.', nameRu: 'с.Карааул', parent: UNIT.kato };

const meeting = {
  ...blankMeeting({ id: '6f1c7a52-3a43-4d8e-9b0e-2f1f6f8f9a01', origin: 'test', unitKato: UNIT.kato, now: 0 }),
  status: 'held' as const,
  heldOn: '2025-01-15',
  venueName: 'Мәдениет үйі',
};

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function minutes(status: 'draft' | 'final'): Minutes {
  return {
    id: id(1),
    origin: 'test',
    revision: 2,
    meetingId: meeting.id,
    status,
    finalizedAt: null,
    finalizedBy: null,
    updatedAt: 0,
    number: ' 7 ',
    date: null,
    place: '',
    chair: 'Әбенов Н.С.',
    secretary: 'Жұмабаева Г.Ә.',
    presentCount: 45,
    presentList: 'Ахметов Б.\n\n  \nСейітова А.',
    invited: '',
    items: [
      {
        id: id(2),
        title: 'Ауылдың дамуы',
        speaker: 'Әбенов Н.С.',
        heard: 'Жолдар жөнделді.\nМектеп салынды.',
        speeches: [
          { id: id(3), speaker: 'Омарова А.', localityKato: VILLAGE.kato, gist: 'Жол керек', issueKind: 'proposal', issueText: '' },
          { id: id(4), speaker: ' ', localityKato: null, gist: '', issueKind: null, issueText: '' },
        ],
        decisions: [
          { id: id(5), text: 'Жолды жөндеу', responsible: 'Аппарат', deadline: '2025-09-01' },
          { id: id(6), text: '  ', responsible: 'Ешкім', deadline: null },
          { id: id(7), text: 'Су жеткізу', responsible: '', deadline: null },
        ],
      },
      { id: id(8), title: '', speaker: '', heard: '', speeches: [], decisions: [] },
    ],
    amendments:
      status === 'final' ? [{ id: id(9), at: Date.UTC(2025, 0, 20, 6), actor: 'хатшы', reason: 'Мерзім түзетілді', changes: [] }] : [],
  };
}

function build(language: Language, status: 'draft' | 'final' = 'final') {
  return minutesDocument(
    { minutes: minutes(status), meeting, unit: UNIT, language, localities: [VILLAGE], localDate: () => '2025-01-20' },
    createI18n(language).t,
  );
}

const texts = (blocks: Block[]) => blocks.map(blockText);
const para = (b: Block | undefined) => {
  expect(b?.type).toBe('paragraph');
  return b as Paragraph;
};

const EXPECTED = {
  kk: {
    office: 'Қараауыл ауылдық округі әкімінің аппараты',
    title: 'ХАТТАМА № 7',
    kind: 'Әкімнің халықпен есепті кездесуі',
    date: '2025 жылғы 15 қаңтар',
    lines: ['Төраға: Әбенов Н.С.', 'Хатшы: Жұмабаева Г.Ә.', 'Қатысқандар: 45 адам', 'Күн тәртібі:', 'ТЫҢДАЛДЫ:', 'СӨЙЛЕДІ:', 'ШЕШТІ:'],
    speech: 'Омарова А. (Қараауыл ауылы): Жол керек',
    terms: 'Жауапты: Аппарат; Мерзімі: 2025 жылғы 1 қыркүйек',
    amendment: '2025 жылғы 20 қаңтар, хатшы: Мерзім түзетілді',
    draft: 'ЖОБА',
  },
  ru: {
    office: 'Аппарат акима Карааульского сельского округа',
    title: 'ПРОТОКОЛ № 7',
    kind: 'Отчетная встреча акима с населением',
    date: '15 января 2025 г.',
    lines: ['Председатель: Әбенов Н.С.', 'Секретарь: Жұмабаева Г.Ә.', 'Присутствовали: 45 человек', 'Повестка дня:', 'СЛУШАЛИ:', 'ВЫСТУПИЛИ:', 'РЕШИЛИ:'],
    speech: 'Омарова А. (село Карааул): Жол керек',
    terms: 'Ответственный: Аппарат; Срок: 1 сентября 2025 г.',
    amendment: '20 января 2025 г., хатшы: Мерзім түзетілді',
    draft: 'ПРОЕКТ',
  },
} as const;

describe('the minutes as a document model', () => {
  for (const lng of ['kk', 'ru'] as const) {
    const e = EXPECTED[lng];

    it(`heads the minutes with the akim's office, then title, kind, date and place (${lng})`, () => {
      const doc = build(lng);
      expect(doc.language).toBe(lng);
      expect(doc.title).toBe(lng === 'kk' ? 'ХАТТАМА 7' : 'ПРОТОКОЛ 7');
      const [office, title, kind, dateRow] = doc.blocks;
      expect(para(office)).toMatchObject({ align: 'center', runs: [{ text: e.office, bold: true }] });
      expect(para(title)).toMatchObject({ align: 'center', runs: [{ text: e.title, bold: true }] });
      expect(blockText(kind!)).toBe(e.kind);
      // Date left, the venue right (the minutes give no place: the meeting's venue stands in).
      // The date's cell as wide as the date (two letters to spare), the venue the rest.
      const datePct = Math.ceil((([...e.date].length + 2) / LINE_LETTERS) * 100);
      expect(dateRow).toMatchObject({ type: 'row', cells: [{ widthPct: datePct }, { widthPct: 100 - datePct }] });
      expect(datePct).toBeLessThan(45);
      expect(blockText(dateRow!)).toBe(`${e.date}\tМәдениет үйі`);
    });

    it(`gives a long venue a line of its own instead of a narrow column; numbers the pages (${lng})`, () => {
      const venue = 'Қараауыл ауылы, Абай көшесі 12, мәдениет үйі';
      const doc = minutesDocument(
        { minutes: { ...minutes('final'), place: venue }, meeting, unit: UNIT, language: lng, localities: [VILLAGE], localDate: () => '2025-01-20' },
        createI18n(lng).t,
      );
      const [, , , date, place] = doc.blocks;
      expect(para(date)).toMatchObject({ align: 'left', runs: [{ text: e.date }] });
      expect(para(place)).toMatchObject({ align: 'right', runs: [{ text: venue }] });
      const fits = 'Қараауыл ауылы, мәдениет үйі';
      const short = minutesDocument({ minutes: { ...minutes('final'), place: fits }, meeting, unit: UNIT, language: lng, localities: [VILLAGE] }, createI18n(lng).t);
      expect(short.blocks[3]).toMatchObject({ type: 'row' });
      expect(blockText(short.blocks[3]!)).toBe(`${e.date}\t${fits}`);
      expect(doc.pageNumbers).toBe(lng === 'kk' ? 'Бет {page} / {pages}' : 'Страница {page} из {pages}');
    });

    it(`labels, numbers and spells out what was typed (${lng})`, () => {
      const all = texts(build(lng).blocks);
      for (const line of e.lines) expect(all).toContain(line);
      expect(all).toContain('1. Ауылдың дамуы');
      expect(all).toContain('Әбенов Н.С. — Жолдар жөнделді.');
      expect(all).toContain('Мектеп салынды.');
      expect(all).toContain(e.speech);
      expect(all).toContain('1.1. Жолды жөндеу');
      expect(all).toContain(e.terms);
      // The blank decision is skipped, so the next one is 1.2.
      expect(all).toContain('1.2. Су жеткізу');
      expect(all).toContain(e.amendment);
    });

    it(`marks a draft and only a draft (${lng})`, () => {
      const draft = build(lng, 'draft');
      expect(para(draft.blocks[0])).toMatchObject({ align: 'right', runs: [{ text: e.draft, bold: true, muted: true }] });
      expect(blockText(draft.blocks[1]!)).toBe(e.office);
      expect(texts(build(lng, 'final').blocks)).not.toContain(e.draft);
      // A draft has no amendments yet.
      expect(texts(draft.blocks).some((t) => t.includes('түзетілді'))).toBe(false);
    });
  }

  it('skips empty rows: blank lines, an untitled empty item, a silent speaker, no invited', () => {
    const all = texts(build('kk').blocks);
    expect(all.filter((t) => t === 'Ахметов Б.' || t === 'Сейітова А.')).toHaveLength(2);
    expect(all).not.toContain('Шақырылғандар:');
    expect(all.some((t) => /^2\. /.test(t))).toBe(false);
    expect(all.some((t) => t.includes('Ешкім'))).toBe(false);
    // One speech between СӨЙЛЕДІ and ШЕШТІ: the blank speaker is left out.
    const spoke = all.indexOf('СӨЙЛЕДІ:');
    const decided = all.indexOf('ШЕШТІ:');
    expect(decided - spoke).toBe(2);
  });

  it('lays the item out: headings keep with their text, body lines indented', () => {
    const blocks = build('ru').blocks.filter((b): b is Paragraph => b.type === 'paragraph');
    const heading = blocks.find((b) => blockText(b) === '1. Ауылдың дамуы' && b.align === 'center')!;
    expect(heading).toMatchObject({ keepNext: true, runs: [{ bold: true }] });
    expect(blocks.find((b) => blockText(b) === 'СЛУШАЛИ:')).toMatchObject({ keepNext: true });
    expect(blocks.find((b) => blockText(b) === '1.1. Жолды жөндеу')?.firstLineIndentMm).toBe(12.5);
    expect(blocks.find((b) => blockText(b) === 'Докладчик: Әбенов Н.С.')).toMatchObject({ align: 'right', runs: [{ italics: true }] });
  });

  it('ends with both signatures', () => {
    const rows = build('kk').blocks.filter((b) => b.type === 'row').map(blockText);
    expect(rows.slice(-2)).toEqual(['Төраға\t_______________\tӘбенов Н.С.', 'Хатшы\t_______________\tЖұмабаева Г.Ә.']);
  });
});
