import { fireEvent, screen } from '@testing-library/react';
import { createElement } from 'react';
import { App } from '../../renderer/src/App';
import { renderWithI18n } from './render';

/** The district's meeting held on 12 February, seeded by resetWorld({ setUp: true }). */
export const HELD_ID = '00000000-0000-4000-8000-000000000001';

/** The app, then the minutes of the held meeting from its card; resolves once they are loaded. */
export async function openHeldMinutes(): Promise<void> {
  renderWithI18n(createElement(App));
  fireEvent.click(await screen.findByTestId('nav-meetings'));
  fireEvent.click(await screen.findByTestId(`meeting-open-${HELD_ID}`));
  fireEvent.click(await screen.findByTestId('meeting-minutes'));
  await screen.findByTestId('minutes-status');
}
