import { fireEvent, screen } from '@testing-library/react';
import type { MeetingPlanInput } from '../../shared/contract/meetings.contract';
import { emptyPlan } from '../../shared/contract/meeting-defaults';
import type { Meeting } from '../../shared/contract/types';
import { fakeApi } from './fake-api';
import { OKRUG, OKRUG_2 } from './test-core';

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

/**
 * The rural okrugs of Abay district in the classifier, in the grid's (KATO) order: the two
 * test-core names and seven more. The working set is the district and these nine.
 */
export const ABAY_OKRUGS: ReadonlyArray<{ kato: string; nameKk: string }> = [
  OKRUG,
  OKRUG_2,
  { kato: '103235000', nameKk: 'Арқат а.о.' },
  { kato: '103239000', nameKk: 'Қасқабұлақ а.о.' },
  { kato: '103243000', nameKk: 'Құндызды а.о.' },
  { kato: '103245000', nameKk: 'Медеу а.о.' },
  { kato: '103247000', nameKk: 'Көкбай а.о.' },
  { kato: '103249000', nameKk: 'Тоқтамыс а.о.' },
  { kato: '103253000', nameKk: 'Сарыжал а.о.' },
];
