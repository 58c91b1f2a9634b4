import type { IsoDate } from '../dates';

/** What a speaker raised; each becomes a citizens' issue in the issue log. */
export const ISSUE_KINDS = ['question', 'proposal', 'remark', 'complaint', 'request'] as const;
export type IssueKind = (typeof ISSUE_KINDS)[number];

export const ATTACHMENT_KINDS = ['photo', 'minutes_scan', 'presentation', 'attendance_list', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export interface Speech {
  id: string;
  speaker: string;
  /** The speaker's village (a locality of the unit's KATO subtree). */
  localityKato: string | null;
  gist: string;
  /** Set when the speech raised an issue: ВЫСТУПИЛИ → the issue log. */
  issueKind: IssueKind | null;
  issueText: string;
}

export interface Decision {
  id: string;
  text: string;
  responsible: string;
  deadline: IsoDate | null;
}

/** One agenda item: СЛУШАЛИ / ТЫҢДАЛДЫ, ВЫСТУПИЛИ / СӨЙЛЕДІ, РЕШИЛИ / ШЕШТІ. */
export interface AgendaItem {
  id: string;
  title: string;
  speaker: string;
  heard: string;
  speeches: Speech[];
  decisions: Decision[];
}

/** Everything the secretary types; saved whole on every autosave. */
export interface MinutesBody {
  number: string;
  date: IsoDate | null;
  place: string;
  chair: string;
  secretary: string;
  presentCount: number | null;
  presentList: string;
  invited: string;
  items: AgendaItem[];
}

export type MinutesProblem = 'chair_missing' | 'secretary_missing' | 'attendance_missing' | 'no_agenda_item';

/** What finalising requires: a chair, a secretary, the attendance, and at least one agenda item. */
export function completenessProblems(body: MinutesBody): MinutesProblem[] {
  const problems: MinutesProblem[] = [];
  if (body.chair.trim() === '') problems.push('chair_missing');
  if (body.secretary.trim() === '') problems.push('secretary_missing');
  if (body.presentCount === null && body.presentList.trim() === '') problems.push('attendance_missing');
  if (!body.items.some((i) => i.title.trim() !== '')) problems.push('no_agenda_item');
  return problems;
}
