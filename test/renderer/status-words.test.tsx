import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { FILTER_STATUSES } from '../../renderer/src/stores/calendar.store';
import { catalogs, type UiLanguage } from '../../shared/i18n';
import { startCore, testCore } from './test-core';
import { renderWithI18n } from './render';

beforeEach(() => startCore({ setUp: true }));

const text = (el: Element | null | undefined) => el?.textContent?.trim() ?? null;

/** How the year view names each status: in the filter, the year's totals, the legend and the grid's cells wide enough for a name. */
function namesOnScreen(): Record<string, Array<string | null>> {
  return Object.fromEntries(
    FILTER_STATUSES.map((s) => {
      const cell = s === 'planned' ? null : document.querySelector(`td.status-${s}[data-status="${s}"] .cell-label`);
      return [
        s,
        [
          text(screen.getByTestId(`filter-status-${s}`).closest('label')),
          text(screen.getByTestId(`count-${s}`).querySelector('.count-label')),
          text(document.querySelector(`.legend-swatch.status-${s}`)),
          ...(cell ? [text(cell)] : []),
        ],
      ];
    }),
  );
}

describe('one word for each status', () => {
  for (const lng of ['kk', 'ru'] as const satisfies readonly UiLanguage[]) {
    it(`the filter, the totals, the legend and the grid name a status alike (${lng})`, async () => {
      if (lng !== 'kk') await testCore().api.settings.setLanguage({ language: lng });
      renderWithI18n(<App />, lng);
      await screen.findByTestId('obligations-grid');
      const names = namesOnScreen();
      const status = catalogs[lng].Status as Record<string, unknown>;
      for (const s of FILTER_STATUSES) {
        const word = status[s];
        expect(typeof word, s).toBe('string');
        expect(names[s], s).toEqual(names[s]!.map(() => word));
      }
      // The district's quarter windows are wide: their names were compared too.
      expect(names['held_on_time']).toHaveLength(4);
    });
  }
});
