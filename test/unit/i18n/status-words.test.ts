import { describe, expect, it } from 'vitest';
import type { ComplianceStatus } from '../../../shared/domain/rules';
import { flatCatalog } from '../../helpers/flat-catalog';

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Every compliance status (the record makes the compiler list them all). */
const COMPLIANCE: Record<ComplianceStatus, true> = { upcoming: true, open: true, held_on_time: true, held_late: true, missed: true };
/** An obligation's statuses and the planned one the calendar adds: named once, under `Status`. */
const STATUSES = [...Object.keys(COMPLIANCE), 'planned'];
const NAMES = new Set(STATUSES.flatMap((s) => [s, camel(s)]));
/** Where a catalog keeps a set of status names (a filter's options, a short form, table columns). */
const SETS = new Set(['status', 'statuses', 'short', 'columns']);
/**
 * The documents write sentences and count columns whose grammar follows their own nouns
 * ("проведено в срок: 5"); the screens name a status, and do it with `Status`.
 */
const DOCUMENTS = /^(ReportDoc|PlanDoc|MinutesDoc)\./;

describe('status words', () => {
  for (const lng of ['kk', 'ru'] as const) {
    const flat = flatCatalog(lng);
    const word = (s: string) => flat.get(`Status.${s}`);

    it(`names every calendar status once, under Status (${lng})`, () => {
      for (const s of STATUSES) expect(word(s), s).toBeTruthy();
      const elsewhere = [...flat.keys()].filter((key) => {
        const parts = key.split('.');
        return !DOCUMENTS.test(key) && parts[0] !== 'Status' && NAMES.has(parts.at(-1)!) && SETS.has(parts.at(-2)!);
      });
      // A meeting's own lifecycle also has "planned": the same word as the calendar's.
      expect(elsewhere).toEqual(['Meeting.status.planned']);
      expect(flat.get('Meeting.status.planned')).toBe(word('planned'));
    });

    it(`gives every status its own word (${lng})`, () => {
      const words = STATUSES.map(word);
      expect(new Set(words).size).toBe(words.length);
    });

    it(`calls an overdue issue the same in the log, the reports and the CLI (${lng})`, () => {
      const overdue = flat.get('Issues.overdue');
      expect(overdue).toBeTruthy();
      expect(flat.get('Reports.table.columns.overdue')).toBe(overdue);
      expect(flat.get('Cli.report.columns.overdue')).toBe(overdue);
    });
  }
});
