import type { MeetingPlanInput } from '../../shared/contract/meetings.contract';
import { emptyPlan } from '../../shared/contract/meeting-defaults';
import type { Meeting } from '../../shared/contract/types';
import { testCore } from './test-core';

/**
 * Set-up steps written through the real core (validated, audited, as the app would), not seen
 * by the handler spies, so a test asserts only what its screen sent.
 */

/** A planned meeting in the window its date suggests (the form is tested on its own). */
export async function seedPlanned(unitKato: string, plannedOn: string, fields: Partial<MeetingPlanInput> = {}): Promise<Meeting> {
  const { api } = testCore();
  const preview = await api.meetings.preview({ unitKato, date: plannedOn });
  const obligation = preview.suggested ? { ruleSetId: preview.suggested.ruleSetId, windowKey: preview.suggested.windowKey } : null;
  return api.meetings.plan({
    unitKato,
    ...emptyPlan(plannedOn, obligation),
    outsideWindowReason: obligation ? '' : 'Сынақ',
    ...fields,
  });
}
