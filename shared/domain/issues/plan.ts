import { firstDayOfMonth, lastDayOfMonth, type IsoDate } from '../dates';
import { foldedWords } from '../text/fold';
import { AUTO_STATUS, type Outcome, type PlanMark } from './issue';

/**
 * The action plan (план мероприятий / іс-шаралар жоспары): one or more measures per citizens'
 * issue. Pure rules shared by the core (fill, export) and the renderer (the period picker).
 */

/** A funding amount as the user may type it: "1250000", "1 250 000", "1 250 000,50". */
export const AMOUNT_PATTERN = /^\d{1,3}(?:[ \u00a0]?\d{3})*(?:[.,]\d{1,2})?$/;

/** Tenge as digits with an optional fraction: "1 250 000,5" → { whole: "1250000", fraction: "50" }. */
function amountParts(amount: string): { whole: string; fraction: string } | null {
  const text = amount.trim();
  if (!AMOUNT_PATTERN.test(text)) return null;
  const [whole = '', fraction = ''] = text.replace(/[ \u00a0]/g, '').split(/[.,]/);
  return { whole: whole.replace(/^0+(?=\d)/, ''), fraction: fraction === '' ? '' : fraction.padEnd(2, '0') };
}

/**
 * The amount as a number for a spreadsheet cell (which holds every number as a double anyway);
 * null for an empty or invalid text. Stored amounts stay text: only the XLSX needs a number,
 * so that a column can be summed.
 */
export function amountValue(amount: string): number | null {
  const parts = amountParts(amount);
  return parts ? Number(`${parts.whole}.${parts.fraction || '0'}`) : null;
}

/** The amount as printed: thousands apart by a no-break space, a decimal comma ("1 250 000,50"). */
export function formatAmount(amount: string): string {
  const parts = amountParts(amount);
  if (!parts) return amount.trim();
  const grouped = parts.whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return parts.fraction ? `${grouped},${parts.fraction}` : grouped;
}

export const PERIOD_KINDS = ['quarter', 'half', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A reporting period of a year: quarter 1–4, half-year 1–2, or the whole year (n ignored). */
export function periodRange(kind: PeriodKind, year: number, n = 1): { from: IsoDate; to: IsoDate } {
  const months = kind === 'quarter' ? 3 : kind === 'half' ? 6 : 12;
  const first = kind === 'year' ? 1 : (n - 1) * months + 1;
  return { from: firstDayOfMonth(year, first), to: lastDayOfMonth(year, first + months - 1) };
}

/** The preset a range is exactly (so a picker can show it), or null for a custom range. */
export function periodOf(from: IsoDate, to: IsoDate): { kind: PeriodKind; year: number; n: number } | null {
  const year = Number(from.slice(0, 4));
  for (const kind of PERIOD_KINDS) {
    const count = kind === 'quarter' ? 4 : kind === 'half' ? 2 : 1;
    for (let n = 1; n <= count; n++) {
      const r = periodRange(kind, year, n);
      if (r.from === from && r.to === to) return { kind, year, n };
    }
  }
  return null;
}

const words = (text: string) => new Set(foldedWords(text).filter((w) => w.length >= 4).map((w) => w.slice(0, 5)));

/**
 * Which decision of the minutes item an issue was raised under is about that issue: the only
 * one, or the one sharing most words with it (compared by their first five letters, which
 * absorbs most Kazakh and Russian endings). Null when several decisions share nothing with it.
 */
export function matchingDecision<D extends { text: string }>(issueText: string, decisions: readonly D[]): D | null {
  const candidates = decisions.filter((d) => d.text.trim() !== '');
  if (candidates.length <= 1) return candidates[0] ?? null;
  const issueWords = words(issueText);
  let best: D | null = null;
  let bestScore = 0;
  for (const d of candidates) {
    let score = 0;
    for (const w of words(d.text)) if (issueWords.has(w)) score++;
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

/**
 * The mark an issue's state implies for its plan rows: closed with a refusal → not done, closed
 * otherwise → done, open and still as registered → not started, open and taken up → in progress.
 */
export function markOfIssue(issue: { statusId: string; outcome: Outcome | null }): PlanMark {
  if (issue.outcome === 'refused') return 'not_done';
  if (issue.outcome !== null) return 'done';
  return issue.statusId === AUTO_STATUS.registered ? 'not_started' : 'in_progress';
}
