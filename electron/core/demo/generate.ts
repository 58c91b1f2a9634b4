import type { CoreContext } from '../context';
import { EsepError } from '../../../shared/errors';
import { countMeetingsUnder } from '../db/repos/meetings.repo';
import type { DemoGenerateInput, DemoSummary } from './demo.contract';
import { generateMeetings } from './generate-meetings';
import { generateIssues } from './generate-issues';

/**
 * Demo meetings, then demo issues, for a unit's subtree, into an installation that records no
 * meetings there yet (the generators assume so). One transaction: a failure leaves the
 * installation as empty as it was.
 */
export function generateDemo(ctx: CoreContext, input: DemoGenerateInput): DemoSummary {
  const { unitKato, fromYear, toYear, seed } = input;
  const existing = countMeetingsUnder(ctx.db, unitKato);
  if (existing > 0) throw new EsepError('demo_not_empty', { kato: unitKato, meetings: existing });
  return ctx.db.transaction(() => {
    const meetings = generateMeetings(ctx, { unitKato, fromYear, toYear, seed });
    return { ...meetings, issues: generateIssues(ctx, { unitKato, seed, fromYear, target: input.issues ?? null }) };
  })();
}
