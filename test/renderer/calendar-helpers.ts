import { fireEvent, screen } from '@testing-library/react';
import { OKRUG, OKRUG_2 } from './test-core';

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
