import type { TFunction } from 'i18next';
import type { ActionPlanLine } from '../contract/action-plan.contract';
import type { Language } from '../contract/schemas';
import type { UnitSummary } from '../contract/types';
import type { IsoDate } from '../domain/dates';
import { formatAmount } from '../domain/issues/plan';
import { akimOfficeName, akimOfUnit, unitFullName } from '../domain/units/office-name';
import { formatOfficialDate } from '../format/dates';
import { pageFooter, paragraph as p, type DocumentModel, type Paragraph, type TableCell } from './document';

/**
 * The action plan (план мероприятий / іс-шаралар жоспары) as printed: the akim's office, the
 * title naming the akim's meeting(s) with the population, the meeting's date or the period,
 * then one table row per measure, the measures of one issue under its number and text. Who
 * raised an issue is personal data and never printed. The XLSX export lays out the same
 * columns from `planTable`.
 */

export interface PlanDocInput {
  lines: readonly ActionPlanLine[];
  /** The unit the plan is headed by: the meeting's unit, or the root of the period's subtree. */
  unit: UnitSummary;
  /** The meeting's date for a meeting's plan; null for a period's. */
  meetingDate: IsoDate | null;
  period: { from: IsoDate; to: IsoDate } | null;
  language: Language;
  /** Names for the issues' localities and units (the unit's subtree); a code not given prints nothing. */
  places: readonly UnitSummary[];
}

export const PLAN_COLUMNS = ['no', 'issue', 'measure', 'completionForm', 'executor', 'deadline', 'fundingSource', 'fundingAmount', 'mark'] as const;
export type PlanColumn = (typeof PLAN_COLUMNS)[number];

/**
 * The printed table sets the funding source and amount in one column: apart, neither fits a
 * landscape page's share for a word like "финансирования" or an amount in the hundreds of
 * millions. The workbook keeps them apart (its amount is a number).
 */
const DOC_COLUMNS = ['no', 'issue', 'measure', 'completionForm', 'executor', 'deadline', 'funding', 'mark'] as const;
type DocColumn = (typeof DOC_COLUMNS)[number];

/** Shares of the landscape text width, in percent. */
const DOC_COLUMN_PCT: Record<DocColumn, number> = {
  no: 4,
  issue: 19,
  measure: 19,
  completionForm: 10,
  executor: 13,
  deadline: 10,
  funding: 14,
  mark: 11,
};

/** One issue of the plan with its measures, numbered in the plan's order. */
export interface PlanGroup {
  n: number;
  /** The issue's text and, on lines of their own, where it was raised and its registry number. */
  issue: string[];
  lines: Array<Record<Exclude<PlanColumn, 'no' | 'issue'>, string> & { line: ActionPlanLine }>;
}

export interface PlanHeading {
  office: string;
  title: string;
  /** "Кездесу күні: …" or "Кезеңі: … – …". */
  when: string;
}

export interface PlanTable {
  heading: PlanHeading;
  header: Record<PlanColumn, string>;
  groups: PlanGroup[];
}

function markText(line: ActionPlanLine, t: TFunction, lng: Language): string {
  // An untouched mark prints nothing: a plan is sent before anything is done.
  if (line.mark === 'not_started' && line.markNote.trim() === '' && !line.markDate) return '';
  const status = line.markDate ? `${t(`PlanDoc.mark.${line.mark}`)}, ${formatOfficialDate(line.markDate, lng)}` : t(`PlanDoc.mark.${line.mark}`);
  return [status, line.markNote.trim()].filter((s) => s !== '').join('\n');
}

/** The plan's heading and rows as text, in the document's language; `t` speaks that language. */
export function planTable(input: PlanDocInput, t: TFunction): PlanTable {
  const lng = input.language;
  const places = new Map(input.places.map((u) => [u.kato, unitFullName(u, lng)]));
  const akim = akimOfUnit(input.unit, lng);
  const heading: PlanHeading = {
    office: akimOfficeName(input.unit, lng),
    title: input.period ? t('PlanDoc.title.period', { akim }) : t('PlanDoc.title.meeting', { akim }),
    when: input.period
      ? t('PlanDoc.period', { from: formatOfficialDate(input.period.from, lng), to: formatOfficialDate(input.period.to, lng) })
      : input.meetingDate
        ? t('PlanDoc.meetingDate', { date: formatOfficialDate(input.meetingDate, lng) })
        : '',
  };
  const header = Object.fromEntries(PLAN_COLUMNS.map((c) => [c, t(`PlanDoc.columns.${c}`)])) as Record<PlanColumn, string>;

  const groups: PlanGroup[] = [];
  for (const line of input.lines) {
    let group = groups.at(-1);
    if (!group || group.lines[0]!.line.issueId !== line.issueId) {
      const i = line.issue;
      // The locality where it was raised; else, in a plan over several units, the issue's unit.
      const place = (i.localityKato ? places.get(i.localityKato) : i.unitKato !== input.unit.kato ? places.get(i.unitKato) : undefined) ?? '';
      const registry = t('PlanDoc.registryNo', { number: i.registryNo });
      group = { n: groups.length + 1, issue: [i.text.trim(), [place, registry].filter((s) => s !== '').join(', ')], lines: [] };
      groups.push(group);
    }
    group.lines.push({
      line,
      measure: line.measure.trim(),
      completionForm: line.completionForm.trim(),
      executor: line.executor.trim(),
      deadline: line.deadline ? formatOfficialDate(line.deadline, lng) : '',
      fundingSource: line.fundingSource.trim(),
      fundingAmount: line.fundingAmount.trim() === '' ? '' : formatAmount(line.fundingAmount),
      mark: markText(line, t, lng),
    });
  }
  return { heading, header, groups };
}

/** Text typed on several lines, a paragraph per line (an empty text is an empty cell). */
function lines(text: string, options: { italics?: boolean; align?: 'left' | 'center' | 'right' } = {}): Paragraph[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => p([{ text: l, italics: options.italics }], { align: options.align ?? 'left' }));
}

/** The plan as a document: landscape A4, the table in 11 pt under a 14 pt heading. */
export function actionPlanDocument(input: PlanDocInput, t: TFunction): DocumentModel {
  const { heading, header, groups } = planTable(input, t);
  const docHeader: Record<DocColumn, string> = { ...header, funding: t('PlanDoc.columns.funding') };
  const rows: TableCell[][] = [];
  for (const g of groups) {
    g.lines.forEach((l, k) => {
      const span = g.lines.length > 1 ? { rowSpan: g.lines.length } : {};
      const first: TableCell[] =
        k === 0
          ? [
              { paragraphs: [p(String(g.n), { align: 'center' })], ...span },
              { paragraphs: [...lines(g.issue[0]!), ...lines(g.issue[1]!, { italics: true })], ...span },
            ]
          : [];
      rows.push([
        ...first,
        { paragraphs: lines(l.measure) },
        { paragraphs: lines(l.completionForm) },
        { paragraphs: lines(l.executor) },
        { paragraphs: lines(l.deadline, { align: 'center' }) },
        { paragraphs: [...lines(l.fundingSource), ...lines(l.fundingAmount)] },
        { paragraphs: lines(l.mark) },
      ]);
    });
  }
  const blocks: DocumentModel['blocks'] = [
    p([{ text: heading.office, bold: true }], { align: 'center', afterPt: 12 }),
    p([{ text: heading.title, bold: true }], { align: 'center', afterPt: 6 }),
  ];
  if (heading.when) blocks.push(p(heading.when, { align: 'center', afterPt: 12 }));
  blocks.push({
    type: 'table',
    columnsPct: DOC_COLUMNS.map((c) => DOC_COLUMN_PCT[c]),
    header: DOC_COLUMNS.map((c) => ({ paragraphs: [p([{ text: docHeader[c], bold: true }], { align: 'center' })] })),
    rows,
    fontSizePt: 11,
  });
  if (groups.length === 0) blocks.push(p(t('PlanDoc.empty'), { align: 'center', beforePt: 12 }));
  return { title: heading.title, language: input.language, orientation: 'landscape', pageNumbers: pageFooter(t), blocks };
}
