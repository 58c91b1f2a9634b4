import type { TFunction } from 'i18next';
import type { Minutes } from '../contract/minutes.contract';
import type { Language } from '../contract/schemas';
import type { Meeting, Official, UnitSummary } from '../contract/types';
import { fromYmd, type IsoDate } from '../domain/dates';
import type { AgendaItem, Decision } from '../domain/minutes/minutes';
import { positionIn } from '../domain/people/positions';
import { akimOfficeName, unitFullName } from '../domain/units/office-name';
import { formatOfficialDate } from '../format/dates';
import { pageFooter, paragraph as p, row, type Block, type DocumentModel, type Paragraph, type Run } from './document';

export interface MinutesDocInput {
  minutes: Minutes;
  meeting: Meeting;
  unit: UnitSummary;
  language: Language;
  /** Names for the speakers' villages (KATO codes in the speeches); a code not given prints nothing. */
  localities?: readonly UnitSummary[];
  /**
   * The calendar day of an instant (an amendment's time) where the akimat is. By default this
   * computer's time zone, which is the akimat's own.
   */
  localDate?: (instant: number) => IsoDate;
}

/**
 * Letters of 14 pt Times on a line of the text width, as LibreOffice and Word print mixed
 * Kazakh and Russian text: about 56; the layout below keeps two letters to spare.
 */
export const LINE_LETTERS = 56;

/**
 * The date on the left, the venue on the right. The date's cell is as wide as the date needs
 * ("2025 жылғы 15 қыркүйек" takes more than "15 января 2025 г."), the venue has the rest of
 * the line; a venue longer than that takes a line of its own across the page rather than
 * wrapping into a narrow column.
 */
function dateAndPlace(date: string, place: string): Block[] {
  const dateLetters = [...date].length + 2;
  const venueLetters = LINE_LETTERS - dateLetters - 2;
  if ([...place].length <= venueLetters) {
    const datePct = Math.ceil((dateLetters / LINE_LETTERS) * 100);
    return [
      row([
        { widthPct: datePct, paragraphs: [p(date, { align: 'left' })] },
        { widthPct: 100 - datePct, paragraphs: [p(place, { align: 'right' })] },
      ]),
    ];
  }
  return [p(date, { align: 'left' }), p(place, { align: 'right' })];
}

function computerLocalDate(instant: number): IsoDate {
  const d = new Date(instant);
  return fromYmd(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** Multi-line text typed by the secretary, one paragraph per non-empty line. */
function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

const bold = (text: string): Run => ({ text, bold: true });
const plain = (text: string): Run => ({ text });

const nameAndPosition = (name: string, position: string) => [name, position].map((s) => s.trim()).filter((s) => s !== '').join(', ');

/**
 * The invited: the officials present, from the meeting, with their positions in the document's
 * language, then the lines the secretary typed. Minutes drafted before carried the officials
 * in their own text (in the language typed); such a line is not printed a second time.
 */
function invitedLines(officials: readonly Official[], invited: string, lng: Language): string[] {
  const drafted = new Set(officials.flatMap((o) => [o.positionKk, o.positionRu, ''].map((p) => nameAndPosition(o.fullName, p))));
  return [...officials.map((o) => nameAndPosition(o.fullName, positionIn(o, lng))), ...lines(invited).filter((l) => !drafted.has(l))];
}

/** A label in bold followed by its value on the same line ("Төраға: Н. Әбенов"). */
function labelled(label: string, value: string): Paragraph {
  return p([bold(label), plain(value === '' ? '' : ` ${value}`)]);
}

/**
 * The minutes (хаттама / протокол) in the layout akimats print: the akim's office, the title
 * and number, date and place, chair and secretary, attendance, the agenda, then per item
 * ТЫҢДАЛДЫ / СӨЙЛЕДІ / ШЕШТІ (СЛУШАЛИ / ВЫСТУПИЛИ / РЕШИЛИ), the signatures and any
 * amendments. `t` speaks the document's language (`input.language`), which need not be the UI's.
 */
export function minutesDocument(input: MinutesDocInput, t: TFunction): DocumentModel {
  const { minutes, meeting, unit, language: lng } = input;
  const localDate = input.localDate ?? computerLocalDate;
  const localities = new Map((input.localities ?? []).map((u) => [u.kato, unitFullName(u, lng)]));
  const date = minutes.date ?? meeting.heldOn ?? meeting.plannedOn;
  const place = minutes.place.trim() || [meeting.venueName, meeting.venueAddress].filter((s) => s.trim() !== '').join(', ');
  const number = minutes.number.trim();
  const title = number ? `${t('MinutesDoc.title')} ${t('MinutesDoc.number', { number })}` : t('MinutesDoc.title');

  const blocks: Block[] = [];

  if (minutes.status === 'draft') blocks.push(p([{ text: t('MinutesDoc.draft'), bold: true, muted: true }], { align: 'right', afterPt: 6 }));
  blocks.push(
    p([bold(akimOfficeName(unit, lng))], { align: 'center', afterPt: 12 }),
    p([bold(title)], { align: 'center' }),
    p(t(`MinutesDoc.kind.${meeting.kind}`), { align: 'center', afterPt: 12 }),
    ...dateAndPlace(date ? formatOfficialDate(date, lng) : '', place),
    p('', { afterPt: 6 }),
  );

  blocks.push(labelled(t('MinutesDoc.chair'), minutes.chair), labelled(t('MinutesDoc.secretary'), minutes.secretary));
  const count = minutes.presentCount === null ? '' : t('MinutesDoc.presentCount', { count: minutes.presentCount });
  blocks.push(labelled(t('MinutesDoc.present'), count));
  for (const line of lines(minutes.presentList)) blocks.push(p(line, { indent: true }));
  const invited = invitedLines(meeting.officials, minutes.invited, lng);
  if (invited.length > 0) {
    blocks.push(labelled(t('MinutesDoc.invited'), ''));
    for (const line of invited) blocks.push(p(line, { indent: true }));
  }

  const items = minutes.items.filter((i) => i.title.trim() !== '' || i.heard.trim() !== '' || i.speeches.length > 0 || i.decisions.length > 0);
  blocks.push(p([bold(t('MinutesDoc.agenda'))], { align: 'center', beforePt: 12, afterPt: 6 }));
  items.forEach((item, i) => {
    blocks.push(p(`${i + 1}. ${item.title.trim()}`, { indent: true }));
    if (item.speaker.trim() !== '') blocks.push(p([{ text: t('MinutesDoc.reporter', { name: item.speaker.trim() }), italics: true }], { align: 'right' }));
  });

  items.forEach((item, i) => blocks.push(...agendaItem(item, i + 1, t, lng, localities)));

  blocks.push(p('', { beforePt: 24 }));
  for (const [role, name] of [
    [t('MinutesDoc.sign.chair'), minutes.chair],
    [t('MinutesDoc.sign.secretary'), minutes.secretary],
  ] as const) {
    blocks.push(
      row([
        // Wide enough for «Председатель» in bold on one line.
        { widthPct: 35, paragraphs: [p([bold(role)], { align: 'left' })] },
        { widthPct: 25, paragraphs: [p('_______________', { align: 'center' })] },
        { widthPct: 40, paragraphs: [p([bold(name)], { align: 'right' })] },
      ]),
      p('', { afterPt: 12 }),
    );
  }

  if (minutes.amendments.length > 0) {
    blocks.push(p([bold(t('MinutesDoc.amendments'))], { beforePt: 12, afterPt: 6 }));
    for (const a of minutes.amendments) {
      blocks.push(p(t('MinutesDoc.amendment', { date: formatOfficialDate(localDate(a.at), lng), actor: a.actor, reason: a.reason }), { indent: true }));
    }
  }

  return { title: `${t('MinutesDoc.title')} ${number}`.trim(), language: lng, pageNumbers: pageFooter(t), blocks };
}

function agendaItem(item: AgendaItem, n: number, t: TFunction, lng: Language, localities: Map<string, string>): Paragraph[] {
  const out: Paragraph[] = [p([bold(`${n}. ${item.title.trim()}`)], { align: 'center', beforePt: 18, afterPt: 6, keepNext: true })];

  if (item.heard.trim() !== '' || item.speaker.trim() !== '') {
    out.push(p([bold(t('MinutesDoc.heard'))], { beforePt: 6, keepNext: true }));
    const [first = '', ...rest] = lines(item.heard);
    out.push(p(item.speaker.trim() ? [bold(item.speaker.trim()), plain(first ? ` — ${first}` : '')] : first, { indent: true }));
    for (const line of rest) out.push(p(line, { indent: true }));
  }

  const speeches = item.speeches.filter((s) => s.speaker.trim() !== '' || s.gist.trim() !== '');
  if (speeches.length > 0) {
    out.push(p([bold(t('MinutesDoc.spoke'))], { beforePt: 6, keepNext: true }));
    for (const s of speeches) {
      const village = s.localityKato ? localities.get(s.localityKato) : undefined;
      const who = village ? `${s.speaker.trim()} (${village})` : s.speaker.trim();
      const [first = '', ...rest] = lines(s.gist);
      out.push(p([bold(who), plain(first ? `: ${first}` : '')], { indent: true }));
      for (const line of rest) out.push(p(line, { indent: true }));
    }
  }

  const decisions = item.decisions.filter((d) => d.text.trim() !== '');
  if (decisions.length > 0) {
    out.push(p([bold(t('MinutesDoc.decided'))], { beforePt: 6, keepNext: true }));
    decisions.forEach((d, i) => out.push(...decision(d, `${n}.${i + 1}`, t, lng)));
  }
  return out;
}

function decision(d: Decision, number: string, t: TFunction, lng: Language): Paragraph[] {
  const out = [p(`${number}. ${d.text.trim()}`, { indent: true })];
  const terms = [
    d.responsible.trim() ? t('MinutesDoc.responsible', { name: d.responsible.trim() }) : null,
    d.deadline ? t('MinutesDoc.deadline', { date: formatOfficialDate(d.deadline, lng) }) : null,
  ].filter((s): s is string => s !== null);
  if (terms.length > 0) out.push(p([{ text: terms.join('; '), italics: true }], { indent: true, afterPt: 3 }));
  return out;
}
