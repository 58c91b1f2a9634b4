import fs from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildMinutesDocx } from '../../electron/core/export/minutes.docx';
import type { Minutes } from '../../shared/contract/minutes.contract';
import type { UnitSummary } from '../../shared/contract/types';
import type { Language } from '../../shared/contract/schemas';
import { blankMeeting } from '../../shared/contract/meeting-defaults';
import { detectFileType } from '../../electron/core/files/file-type';
import { documentText, footerParts, officeRenderer, renderDocx } from '../helpers/docx-render';

const UNIT: UnitSummary = { kato: '103230000', kind: 'rural_okrug', nameKk: 'Қараауыл ауылдық округі', nameRu: 'Караульский сельский округ', parent: '103200000' };
const VILLAGE: UnitSummary = { kato: '103230100', kind: 'locality', nameKk: 'Қараауыл ауылы', nameRu: 'село Караул', parent: '103230000' };

const meeting = {
  ...blankMeeting({ id: '6f1c7a52-3a43-4d8e-9b0e-2f1f6f8f9a01', origin: 'test', unitKato: UNIT.kato, now: 0 }),
  status: 'held' as const,
  heldOn: '2025-01-15',
  venueName: 'Мәдениет үйі',
};

const DECISION_1 = 'Көше жарығын қалпына келтіру жұмыстарын ұйымдастыру';
const DECISION_2 = 'Обеспечить подвоз питьевой воды в село Караул';

function minutes(status: 'draft' | 'final'): Minutes {
  return {
    id: '0b7e3c2a-1d4f-4a6b-8c9d-0e1f2a3b4c5d',
    origin: 'test',
    revision: 3,
    meetingId: meeting.id,
    status,
    finalizedAt: status === 'final' ? Date.UTC(2025, 0, 16, 6) : null,
    finalizedBy: status === 'final' ? 'хатшы' : null,
    updatedAt: Date.UTC(2025, 0, 16, 6),
    number: '3',
    date: '2025-01-15',
    place: 'Қараауыл ауылы, Мәдениет үйі',
    chair: 'Әбенов Нұрлан Серікұлы',
    secretary: 'Жұмабаева Гүлнәр Әсетқызы',
    presentCount: 124,
    presentList: '',
    invited: 'Аудандық тұрғын үй-коммуналдық шаруашылық бөлімінің басшысы Өтегенов Қ.Ә.\nНачальник районного отдела образования Ким С.В.',
    items: [
      {
        id: '11111111-1111-4111-8111-111111111111',
        title: 'Ауылдық округ әкімінің 2024 жылы атқарылған жұмыстар туралы есебі',
        speaker: 'Әбенов Н.С.',
        heard: 'Ауылдық округ әкімі 2024 жылғы әлеуметтік-экономикалық даму қорытындылары туралы баяндады: жолдар жөнделді, мектептің шатыры ауыстырылды.',
        speeches: [
          { id: '22222222-2222-4222-8222-222222222221', speaker: 'Сәрсенбаев Ғалым', localityKato: VILLAGE.kato, gist: 'Көшелерде жарық жоқ, қашан қалпына келтіріледі?', issueKind: 'question', issueText: 'Көше жарығы' },
          { id: '22222222-2222-4222-8222-222222222222', speaker: 'Иванова Мария Петровна', localityKato: null, gist: 'В селе нет питьевой воды с августа, просим организовать подвоз.', issueKind: 'request', issueText: 'Подвоз воды' },
          { id: '22222222-2222-4222-8222-222222222223', speaker: 'Құрманғалиева Үміт', localityKato: VILLAGE.kato, gist: 'Балабақшаға орын жетіспейді, һәм спорт алаңы қажет.', issueKind: 'proposal', issueText: '' },
        ],
        decisions: [
          { id: '33333333-3333-4333-8333-333333333331', text: DECISION_1, responsible: 'Ауылдық округ әкімінің аппараты', deadline: '2025-03-01' },
          { id: '33333333-3333-4333-8333-333333333332', text: DECISION_2, responsible: 'ГКП «Су арнасы»', deadline: '2025-02-01' },
        ],
      },
    ],
    amendments:
      status === 'final'
        ? [{ id: '44444444-4444-4444-8444-444444444441', at: Date.UTC(2025, 0, 20, 6), actor: 'хатшы', reason: 'Шешімнің мерзімі түзетілді', changes: [] }]
        : [],
  };
}

/** The formal header: the akim's office, written out from the unit's name. */
const OFFICE: Record<Language, string> = {
  kk: 'Қараауыл ауылдық округі әкімінің аппараты',
  ru: 'Аппарат акима Караульского сельского округа',
};

const EXPECTED: Record<Language, { headings: string[]; others: string[] }> = {
  kk: {
    headings: ['ХАТТАМА', 'ТЫҢДАЛДЫ:', 'СӨЙЛЕДІ:', 'ШЕШТІ:', 'Төраға', 'Хатшы', 'Қатысқандар:', 'Шақырылғандар:', 'Күн тәртібі:'],
    others: [OFFICE.kk, '2025 жылғы 15 қаңтар', '124 адам', 'Сәрсенбаев Ғалым (Қараауыл ауылы)', 'Мерзімі: 2025 жылғы 1 наурыз'],
  },
  ru: {
    headings: ['ПРОТОКОЛ', 'СЛУШАЛИ:', 'ВЫСТУПИЛИ:', 'РЕШИЛИ:', 'Председатель', 'Секретарь', 'Присутствовали:', 'Приглашенные:', 'Повестка дня:'],
    others: [OFFICE.ru, '15 января 2025 г.', '124 человека', 'Сәрсенбаев Ғалым (село Караул)', 'Срок: 1 марта 2025 г.'],
  },
};

const TEXTS = [DECISION_1, DECISION_2, 'Иванова Мария Петровна', 'Әбенов Нұрлан Серікұлы', 'Жұмабаева Гүлнәр Әсетқызы'];

function build(language: Language, status: 'draft' | 'final' = 'final') {
  return buildMinutesDocx({ minutes: minutes(status), meeting, unit: UNIT, language, localities: [VILLAGE] });
}

describe('the minutes as DOCX', () => {
  for (const language of ['kk', 'ru'] as const) {
    it(`lays out the protocol in ${language}`, async () => {
      const docx = await build(language);
      expect(detectFileType(docx)).toBe('docx');
      const text = documentText(docx);
      for (const s of [...EXPECTED[language].headings, ...EXPECTED[language].others, ...TEXTS]) expect(text).toContain(s);
      expect(text).not.toMatch(/MinutesDoc\./);
      // Final minutes carry no draft mark; the amendment is listed.
      expect(text).not.toMatch(/^(ЖОБА|ПРОЕКТ)$/m);
      expect(text).toContain('Шешімнің мерзімі түзетілді');
      // Numbered agenda and decisions.
      expect(text).toMatch(/^1\. Ауылдық округ әкімінің/m);
      expect(text).toContain(`1.1. ${DECISION_1}`);
      expect(text).toContain(`1.2. ${DECISION_2}`);
    });
  }

  it('marks a draft and sets the civil-service page and font', async () => {
    const docx = await build('ru', 'draft');
    expect(documentText(docx).split('\n').slice(0, 2)).toEqual(['ПРОЕКТ', OFFICE.ru]);
    const files = unzipSync(new Uint8Array(docx));
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar [^>]*w:left="1701"/);
    const styles = strFromU8(files['word/styles.xml']!);
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(styles).toMatch(/<w:sz w:val="28"\/>/);
  });

  it('numbers its pages in the footer with Word fields, in the document language; spaces lines at 1.15', async () => {
    for (const [language, words] of [
      ['kk', ['Бет ', ' / ']],
      ['ru', ['Страница ', ' из ']],
    ] as const) {
      const docx = await build(language);
      expect(footerParts(docx)).toEqual([words[0], '{PAGE}', words[1], '{NUMPAGES}']);
      const files = unzipSync(new Uint8Array(docx));
      // The rule said: LibreOffice reads a bare w:line as exact twips.
      expect(strFromU8(files['word/styles.xml']!)).toMatch(/<w:pPrDefault><w:pPr><w:spacing w:line="276" w:lineRule="auto"\/>/);
    }
  });

  it('gives the venue the width it needs: 65 % of the line beside the date, or a line of its own', async () => {
    const gridOf = (xml: string) => [...xml.slice(0, xml.indexOf('</w:tbl>')).matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    // A4 less the 30 mm and 20 mm margins, in twips.
    const textWidth = 11906 - 1701 - 1134;
    const short = strFromU8(unzipSync(new Uint8Array(await build('kk')))['word/document.xml']!);
    // "2025 жылғы 15 қаңтар" and two letters to spare, of 56 on a line: 40 %.
    expect(gridOf(short)).toEqual([Math.round(textWidth * 0.4), Math.round(textWidth * 0.6)]);
    const venue = 'Қараауыл ауылы, Абай көшесі 12, мәдениет үйі';
    const long = await buildMinutesDocx({ minutes: { ...minutes('final'), place: venue }, meeting, unit: UNIT, language: 'kk', localities: [VILLAGE] });
    const xml = strFromU8(unzipSync(new Uint8Array(long))['word/document.xml']!);
    // The first table is now the signatures', after the venue's own right-aligned paragraph.
    expect(xml.indexOf(venue)).toBeLessThan(xml.indexOf('<w:tbl>'));
    expect(xml.slice(0, xml.indexOf(venue))).toMatch(/<w:jc w:val="right"\/>(?:(?!<w:p>).)*$/s);
  });

  describe('rendered by LibreOffice', () => {
    const soffice = officeRenderer();
    const optOut = process.env.ESEP_NO_LIBREOFFICE === '1';

    if (!soffice) {
      it('needs LibreOffice and poppler (set ESEP_NO_LIBREOFFICE=1 to skip)', ({ skip }) => {
        if (optOut) skip();
        throw new Error(
          'libreoffice and pdftotext/pdftoppm must be on the PATH to render the minutes ' +
            '(apt-get install libreoffice-writer-nogui poppler-utils), or set ESEP_NO_LIBREOFFICE=1 to skip this check',
        );
      });
      return;
    }

    for (const language of ['kk', 'ru'] as const) {
      it(`opens in LibreOffice and renders in ${language}`, { timeout: 120_000 }, async () => {
        const { text, png } = renderDocx(soffice, await build(language, 'draft'), `minutes-${language}`);
        for (const s of EXPECTED[language].headings) expect(text).toContain(s);
        expect(text).toContain(language === 'kk' ? 'ЖОБА' : 'ПРОЕКТ');
        for (const letter of 'әғқңөұүһі') expect(text, `letter ${letter}`).toContain(letter);
        // Long lines may wrap in the PDF: compare with whitespace collapsed.
        const flat = text.replace(/\s+/g, ' ');
        for (const s of [OFFICE[language], DECISION_1, DECISION_2]) expect(flat).toContain(s);
        expect(fs.statSync(png).size).toBeGreaterThan(1000);
      });
    }

    it('prints "page N of M" on each page of long minutes, the venue on one line, Kazakh lines apart', { timeout: 120_000 }, async () => {
      const base = minutes('final');
      const speeches = Array.from({ length: 24 }, (_, n) => ({
        ...base.items[0]!.speeches[0]!,
        id: `22222222-2222-4222-8222-2222222223${String(n).padStart(2, '0')}`,
        gist: 'Ауылдағы көшелерде жарық жоқ, жолдар жөнделмеген, Құрылыс, Ғимарат, Өзен, Ұлы, Үй, Һәм, Іс.',
      }));
      const venue = 'Қараауыл ауылы, Абай көшесі 12, мәдениет үйі';
      const docx = await buildMinutesDocx({
        minutes: { ...base, place: venue, items: [{ ...base.items[0]!, speeches }] },
        meeting,
        unit: UNIT,
        language: 'ru',
        localities: [VILLAGE],
      });
      const { info, text, lines } = renderDocx(soffice, docx, 'minutes-long-ru');
      const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      expect(pages).toBeGreaterThan(1);
      for (let n = 1; n <= pages; n++) expect(text).toContain(`Страница ${n} из ${pages}`);
      // The venue is on one line of the PDF, not wrapped into a column.
      expect(text.split('\n').some((line) => line.trim() === venue)).toBe(true);
      // The lines of one speech: 1.15 apart at least (14 pt: 16.1 pt), and no line's letters
      // reach into the next one's (the boxes hold the marks of Ә, Ғ, Қ, Ң, Ө, Ұ, Ү, Һ, І).
      const speech = lines.filter((l) => /Құрылыс|Ғимарат|Һәм/.test(l.text));
      expect(speech.length).toBeGreaterThan(3);
      for (const [a, b] of speech.slice(1).map((l, n) => [speech[n]!, l] as const)) {
        expect(b.top - a.top).toBeGreaterThanOrEqual(14 * 1.15);
        expect(b.top).toBeGreaterThanOrEqual(a.bottom);
      }
    });
  });
});
