import { describe, expect, it } from 'vitest';
import { SEED_STATUSES, suggestedOutcome } from '../../../shared/domain/issues/issue';
import { markOfIssue } from '../../../shared/domain/issues/plan';

describe('the outcome a status change starts with', () => {
  const seed = (code: string) => {
    const s = SEED_STATUSES.find((x) => x.code === code)!;
    return { code: s.code, closed: s.closed, outcome: s.outcome };
  };

  it.each([
    ['done', 'satisfied'],
    ['explained', 'explained'],
    ['rejected', 'refused'],
    // Passed on to another body: the seed says "explained", but nobody explained anything here.
    ['forwarded', null],
    ['new', null],
    ['in_progress', null],
    ['planned', null],
  ])('%s → %s', (code, outcome) => {
    expect(suggestedOutcome(seed(code))).toBe(outcome);
  });

  it('takes an added closing status at its word, and never suggests one for an open status', () => {
    expect(suggestedOutcome({ code: null, closed: true, outcome: 'refused' })).toBe('refused');
    expect(suggestedOutcome({ code: null, closed: true, outcome: null })).toBeNull();
    expect(suggestedOutcome({ code: null, closed: false, outcome: 'satisfied' })).toBeNull();
  });
});

describe('the plan mark an issue implies', () => {
  it.each([
    [{ statusId: 'new', outcome: null }, 'not_started'],
    [{ statusId: 'planned', outcome: null }, 'in_progress'],
    [{ statusId: 'done', outcome: 'satisfied' }, 'done'],
    [{ statusId: 'forwarded', outcome: 'explained' }, 'done'],
    [{ statusId: 'rejected', outcome: 'refused' }, 'not_done'],
  ] as const)('%j → %s', (issue, mark) => {
    expect(markOfIssue(issue)).toBe(mark);
  });
});
