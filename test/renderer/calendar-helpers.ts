import { fireEvent, screen } from '@testing-library/react';
import type { MeetingPlanInput } from '../../shared/contract/meetings.contract';
import { emptyPlan } from '../../shared/contract/meeting-defaults';
import type { Meeting } from '../../shared/contract/types';
import { fakeApi } from './fake-api';

/** A planned meeting put straight into the fake core (the form is tested on its own). */
export async function seedPlanned(unitKato: string, plannedOn: string, fields: Partial<MeetingPlanInput> = {}): Promise<Meeting> {
  const preview = await fakeApi.meetings.preview({ unitKato, date: plannedOn });
  const obligation = preview.suggested ? { ruleSetId: preview.suggested.ruleSetId, windowKey: preview.suggested.windowKey } : null;
  const meeting = await fakeApi.meetings.plan({
    unitKato,
    ...emptyPlan(plannedOn, obligation),
    outsideWindowReason: obligation ? '' : 'Сынақ',
    ...fields,
  });
  fakeApi.meetings.preview.mockClear();
  fakeApi.meetings.plan.mockClear();
  return meeting;
}

export const value = (testId: string) => (screen.getByTestId(testId) as HTMLInputElement).value;

export function change(testId: string, text: string): void {
  fireEvent.change(screen.getByTestId(testId), { target: { value: text } });
}
