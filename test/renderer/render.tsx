import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { UiLanguage } from '../../shared/i18n';
import { createUiI18n } from '../../renderer/src/i18n';

/** Renders with a fresh i18next instance, as main.tsx does. */
export function renderWithI18n(ui: ReactElement, lng: UiLanguage = 'kk') {
  const i18n = createUiI18n(lng);
  return { i18n, ...render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>) };
}
