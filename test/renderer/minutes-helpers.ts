import { fireEvent, screen } from '@testing-library/react';
import { createElement } from 'react';
import { App } from '../../renderer/src/App';
import type { UiLanguage } from '../../shared/i18n';
import { testCore } from './test-core';
import { renderWithI18n } from './render';

/** The id of the district's meeting held on 12 February, recorded by startCore({ setUp: true }). */
export function heldId(): string {
  const held = testCore().seeded.districtHeld;
  if (!held) throw new Error('No held meeting: call startCore({ setUp: true })');
  return held.id;
}

/** The app, then the minutes of the held meeting from its card; resolves once they are loaded. */
export async function openHeldMinutes(lng: UiLanguage = 'kk'): Promise<void> {
  renderWithI18n(createElement(App), lng);
  fireEvent.click(await screen.findByTestId('nav-meetings'));
  fireEvent.click(await screen.findByTestId(`meeting-open-${heldId()}`));
  fireEvent.click(await screen.findByTestId('meeting-minutes'));
  await screen.findByTestId('minutes-status');
}
