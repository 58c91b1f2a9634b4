import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { Minutes } from '../../../shared/contract/minutes.contract';
import type { Meeting, UnitSummary } from '../../../shared/contract/types';
import type { Language } from '../../../shared/contract/schemas';
import type { AgendaItem, Decision } from '../../../shared/domain/minutes/minutes';
import { formatOfficialDate } from '../../../shared/format/dates';
import type { TFunction } from 'i18next';
import { createI18n } from '../../../shared/i18n';

export interface MinutesDocInput {
  minutes: Minutes;
  meeting: Meeting;
  unit: UnitSummary;
  language: Language;
  /** Names for the speakers' villages (KATO codes in the speeches); a code not given prints nothing. */
  localities?: readonly UnitSummary[];
}

/** The civil-service standard: Times New Roman 14 pt on A4, margins 2 cm, the left one 3 cm. */
const FONT = 'Times New Roman';
const SIZE = 28; // half-points
/** Rounded, not truncated: A4 is 11906 × 16838 twips, the size Word itself writes. */
const mm = (v: number) => Math.round((v * 1440) / 25.4);
const A4 = { width: mm(210), height: mm(297) };
const MARGIN = { top: mm(20), bottom: mm(20), right: mm(20), left: mm(30) };
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const INDENT = mm(12.5);

const nameIn = (u: UnitSummary, lng: Language) => (lng === 'kk' ? u.nameKk : u.nameRu);

/** Multi-line text typed by the secretary, one paragraph per non-empty line. */
function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

function p(children: ParagraphChild[] | string, options: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean; before?: number; after?: number; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    children: typeof children === 'string' ? [new TextRun(children)] : children,
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    indent: options.indent ? { firstLine: INDENT } : undefined,
    spacing: { before: options.before ?? 0, after: options.after ?? 0 },
    keepNext: options.keepNext,
  });
}

const bold = (text: string) => new TextRun({ text, bold: true });
const plain = (text: string) => new TextRun(text);

/** A label in bold followed by its value on the same line ("Төраға: Н. Әбенов"). */
function labelled(label: string, value: string): Paragraph {
  return p([bold(label), plain(value === '' ? '' : ` ${value}`)]);
}

function cell(children: Paragraph[], widthPct: number): TableCell {
  return new TableCell({
    children,
    width: { size: Math.round((TEXT_WIDTH * widthPct) / 100), type: WidthType.DXA },
    verticalAlign: VerticalAlign.BOTTOM,
    borders: {
      top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
      bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
      left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
      right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
    },
  });
}

/** A borderless row across the text width: how protocols put the date left and the place right. */
function layoutRow(cells: Array<{ children: Paragraph[]; widthPct: number }>): Table {
  return new Table({
    rows: [new TableRow({ children: cells.map((c) => cell(c.children, c.widthPct)) })],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: cells.map((c) => Math.round((TEXT_WIDTH * c.widthPct) / 100)),
    layout: TableLayoutType.FIXED,
    margins: { left: 0, right: 0 },
    borders: TableBorders.NONE,
  });
}

/**
 * The minutes (хаттама / протокол) as a Word document in the layout akimats print: the
 * akimat's name, the title and number, date and place, chair and secretary, attendance, the
 * agenda, then per item ТЫҢДАЛДЫ / СӨЙЛЕДІ / ШЕШТІ (СЛУШАЛИ / ВЫСТУПИЛИ / РЕШИЛИ), the
 * signatures and any amendments. No I/O: the caller saves or sends the bytes.
 */
export async function buildMinutesDocx(input: MinutesDocInput): Promise<Buffer> {
  const { minutes, meeting, unit, language: lng } = input;
  const t = createI18n(lng).t;
  const localities = new Map((input.localities ?? []).map((u) => [u.kato, nameIn(u, lng)]));
  const date = minutes.date ?? meeting.heldOn ?? meeting.plannedOn;
  const place = minutes.place.trim() || [meeting.venueName, meeting.venueAddress].filter((s) => s.trim() !== '').join(', ');

  const body: Array<Paragraph | Table> = [];

  if (minutes.status === 'draft') {
    body.push(p([new TextRun({ text: t('MinutesDoc.draft'), bold: true, color: '808080', characterSpacing: 60 })], { align: AlignmentType.RIGHT, after: 120 }));
  }
  body.push(
    p([bold(nameIn(unit, lng).toLocaleUpperCase(lng))], { align: AlignmentType.CENTER, after: 240 }),
    p([bold(minutes.number.trim() ? `${t('MinutesDoc.title')} ${t('MinutesDoc.number', { number: minutes.number.trim() })}` : t('MinutesDoc.title'))], {
      align: AlignmentType.CENTER,
    }),
    p([plain(t(`MinutesDoc.kind.${meeting.kind}`))], { align: AlignmentType.CENTER, after: 240 }),
  );
  body.push(
    layoutRow([
      { children: [p(date ? formatOfficialDate(date, lng) : '', { align: AlignmentType.LEFT })], widthPct: 40 },
      { children: [p(place, { align: AlignmentType.RIGHT })], widthPct: 60 },
    ]),
    p('', { after: 120 }),
  );

  body.push(labelled(t('MinutesDoc.chair'), minutes.chair), labelled(t('MinutesDoc.secretary'), minutes.secretary));
  const count = minutes.presentCount === null ? '' : t('MinutesDoc.presentCount', { count: minutes.presentCount });
  body.push(labelled(t('MinutesDoc.present'), count));
  for (const line of lines(minutes.presentList)) body.push(p(line, { indent: true }));
  if (minutes.invited.trim() !== '') {
    body.push(labelled(t('MinutesDoc.invited'), ''));
    for (const line of lines(minutes.invited)) body.push(p(line, { indent: true }));
  }

  const items = minutes.items.filter((i) => i.title.trim() !== '' || i.heard.trim() !== '' || i.speeches.length > 0 || i.decisions.length > 0);
  body.push(p([bold(t('MinutesDoc.agenda'))], { align: AlignmentType.CENTER, before: 240, after: 120 }));
  items.forEach((item, i) => {
    body.push(p(`${i + 1}. ${item.title.trim()}`, { indent: true }));
    if (item.speaker.trim() !== '') body.push(p([new TextRun({ text: t('MinutesDoc.reporter', { name: item.speaker.trim() }), italics: true })], { align: AlignmentType.RIGHT }));
  });

  items.forEach((item, i) => body.push(...agendaItem(item, i + 1, t, lng, localities)));

  body.push(p('', { before: 480 }));
  for (const [role, name] of [
    [t('MinutesDoc.sign.chair'), minutes.chair],
    [t('MinutesDoc.sign.secretary'), minutes.secretary],
  ] as const) {
    body.push(
      layoutRow([
        { children: [p([bold(role)], { align: AlignmentType.LEFT })], widthPct: 25 },
        { children: [p('_______________', { align: AlignmentType.CENTER })], widthPct: 30 },
        { children: [p([bold(name)], { align: AlignmentType.RIGHT })], widthPct: 45 },
      ]),
      p('', { after: 240 }),
    );
  }

  if (minutes.amendments.length > 0) {
    body.push(p([bold(t('MinutesDoc.amendments'))], { before: 240, after: 120 }));
    for (const a of minutes.amendments) {
      body.push(p(t('MinutesDoc.amendment', { date: formatOfficialDate(localIsoDate(a.at), lng), actor: a.actor, reason: a.reason }), { indent: true }));
    }
  }

  const doc = new Document({
    creator: 'Esep',
    title: `${t('MinutesDoc.title')} ${minutes.number}`.trim(),
    styles: { default: { document: { run: { font: FONT, size: SIZE }, paragraph: { spacing: { line: 240 } } } } },
    sections: [{ properties: { page: { size: A4, margin: MARGIN } }, children: body }],
  });
  return Packer.toBuffer(doc);
}

function agendaItem(item: AgendaItem, n: number, t: TFunction, lng: Language, localities: Map<string, string>): Paragraph[] {
  const out: Paragraph[] = [p([bold(`${n}. ${item.title.trim()}`)], { align: AlignmentType.CENTER, before: 360, after: 120, keepNext: true })];

  if (item.heard.trim() !== '' || item.speaker.trim() !== '') {
    out.push(p([bold(t('MinutesDoc.heard'))], { before: 120, keepNext: true }));
    const [first = '', ...rest] = lines(item.heard);
    out.push(p(item.speaker.trim() ? [bold(item.speaker.trim()), plain(first ? ` — ${first}` : '')] : first, { indent: true }));
    for (const line of rest) out.push(p(line, { indent: true }));
  }

  const speeches = item.speeches.filter((s) => s.speaker.trim() !== '' || s.gist.trim() !== '');
  if (speeches.length > 0) {
    out.push(p([bold(t('MinutesDoc.spoke'))], { before: 120, keepNext: true }));
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
    out.push(p([bold(t('MinutesDoc.decided'))], { before: 120, keepNext: true }));
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
  if (terms.length > 0) out.push(p([new TextRun({ text: terms.join('; '), italics: true })], { indent: true, after: 60 }));
  return out;
}

/** The calendar day of an instant on this computer (the akimat's own time zone). */
function localIsoDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
