import type { MinutesBody } from './minutes';

/**
 * What is missing from minutes that may still be finalised: the secretary is asked before
 * finalising, and may go on. (What finalising refuses outright is `completenessProblems`.)
 *
 * - `number_missing`, `date_missing`: the header lacks the minutes' number or date;
 * - `item_untitled`: an agenda item with content but no title;
 * - `item_no_speeches`: an agenda item nobody spoke on;
 * - `item_no_decision`: an agenda item with no decision row;
 * - `decision_empty`: a decision row left without its text (so an item is not listed twice);
 * - `speech_no_speaker`: what was said, with no one named as saying it.
 *
 * Agenda items that are wholly empty are not listed item by item: they print nothing.
 */
export type MinutesGapKind = 'number_missing' | 'date_missing' | 'item_untitled' | 'item_no_speeches' | 'item_no_decision' | 'decision_empty' | 'speech_no_speaker';

export interface MinutesGap {
  kind: MinutesGapKind;
  /** The agenda item's index, for the gaps of an item. */
  item?: number;
  /** The decision's or speech's index within its item. */
  row?: number;
}

const blank = (s: string) => s.trim() === '';

/** The gaps in reading order: header first, then each item's from its title to its decisions. */
export function minutesGaps(body: MinutesBody): MinutesGap[] {
  const gaps: MinutesGap[] = [];
  if (blank(body.number)) gaps.push({ kind: 'number_missing' });
  if (body.date === null) gaps.push({ kind: 'date_missing' });
  body.items.forEach((it, item) => {
    const empty = blank(it.title) && blank(it.speaker) && blank(it.heard) && it.speeches.length === 0 && it.decisions.length === 0;
    if (empty) return;
    if (blank(it.title)) gaps.push({ kind: 'item_untitled', item });
    it.speeches.forEach((s, row) => {
      if (blank(s.speaker) && !blank(s.gist)) gaps.push({ kind: 'speech_no_speaker', item, row });
    });
    if (!it.speeches.some((s) => !blank(s.speaker) || !blank(s.gist))) gaps.push({ kind: 'item_no_speeches', item });
    it.decisions.forEach((d, row) => {
      if (blank(d.text)) gaps.push({ kind: 'decision_empty', item, row });
    });
    if (it.decisions.length === 0) gaps.push({ kind: 'item_no_decision', item });
  });
  return gaps;
}

/** True when an agenda item holds anything typed: deleting it then asks first. */
export function itemHasContent(body: MinutesBody, item: number): boolean {
  const it = body.items[item];
  if (!it) return false;
  return (
    !blank(it.title) ||
    !blank(it.speaker) ||
    !blank(it.heard) ||
    it.speeches.some((s) => !blank(s.speaker) || !blank(s.gist) || !blank(s.issueText) || s.localityKato !== null || s.issueKind !== null) ||
    it.decisions.some((d) => !blank(d.text) || !blank(d.responsible) || d.deadline !== null)
  );
}
