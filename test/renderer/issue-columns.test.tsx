import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { resetAllStores } from '../../renderer/src/stores/reset';
import { useIssueColumnsStore } from '../../renderer/src/stores/issue-columns.store';
import { COLUMN_DEFS } from '../../renderer/src/features/issues/columns';
import { handler, OKRUG, OKRUG_2, ROOT, startCore, testCore } from './test-core';
import { issueRows, openLog, seedIssues, withScrollerHeight } from './issues-helpers';
import { renderWithI18n } from './render';

withScrollerHeight();
beforeEach(() => startCore({ setUp: true }));

const heads = () => screen.getAllByRole('columnheader').map((h) => h.dataset['testid'] ?? 'select');
const defaultWidth = (id: string) => COLUMN_DEFS.find((c) => c.id === id)!.width!;
const resizer = (id: string) => screen.getByTestId(`issues-resize-${id}`);
const template = () => screen.getByTestId('issues-scroller').style.getPropertyValue('--issue-cols');
/** What the core has stored, read through its own handler. */
const stored = () => testCore().api.settings.issueColumns({});

async function openColumns() {
  fireEvent.click(screen.getByTestId('issues-columns'));
  return screen.findByTestId('issues-columns-panel');
}

describe('issue log: the unit of each issue', () => {
  it('names each row’s unit under its registry number, where numbers repeat from unit to unit', async () => {
    // No. 1 and No. 2 in each of two okrugs and in the district itself.
    seedIssues(2, OKRUG.kato, (n) => ({ raisedOn: '2025-03-01', text: `Қараауылдағы сұрақ ${n}` }));
    seedIssues(2, OKRUG_2.kato, (n) => ({ raisedOn: '2025-03-02', text: `Кеңгірбайдағы сұрақ ${n}` }));
    seedIssues(2, ROOT.kato, (n) => ({ raisedOn: '2025-03-03', text: `Аудандағы сұрақ ${n}` }));
    renderWithI18n(<App />);
    await openLog();
    await waitFor(() => expect(issueRows()).toHaveLength(6));
    const unitOf = (text: string) => {
      const row = issueRows().find((r) => r.textContent!.includes(text))!;
      return within(row).getByTestId(/^issue-unit-/).textContent;
    };
    expect(unitOf('Қараауылдағы сұрақ 1')).toBe(OKRUG.nameKk);
    expect(unitOf('Кеңгірбайдағы сұрақ 2')).toBe(OKRUG_2.nameKk);
    expect(unitOf('Аудандағы сұрақ 1')).toBe(ROOT.nameKk);
  });

  it('names the unit in Russian for a Russian user', async () => {
    await testCore().api.settings.setLanguage({ language: 'ru' });
    seedIssues(1, OKRUG_2.kato, () => ({ raisedOn: '2025-03-02', text: 'Ремонт дороги' }));
    renderWithI18n(<App />, 'ru');
    await openLog();
    await waitFor(() => expect(issueRows()).toHaveLength(1));
    expect(within(issueRows()[0]!).getByTestId('issue-unit-1').textContent).toBe(OKRUG_2.nameRu);
  });
});

describe('issue log: columns chosen, sized and remembered', () => {
  beforeEach(() => {
    seedIssues(3, OKRUG.kato, (n) => ({ raisedOn: '2025-03-01', text: `Сұрақ ${n}`, fields: { deadline: '2025-04-01' } }));
  });

  it('shows the default columns, hides and shows one, and never hides the number or the question', async () => {
    renderWithI18n(<App />);
    await openLog();
    await waitFor(() => expect(issueRows()).toHaveLength(3));
    // The category is off by default: the question keeps the room at 1366 px.
    expect(heads()).toEqual(['select', 'issues-head-registryNo', 'issues-head-raisedOn', 'issues-head-text', 'issues-head-unit', 'issues-head-body', 'issues-head-deadline', 'issues-head-status']);
    const panel = await openColumns();
    for (const fixed of ['registryNo', 'text']) {
      const box = within(panel).getByTestId(`issues-column-${fixed}`) as HTMLInputElement;
      expect(box.checked).toBe(true);
      expect(box.disabled).toBe(true);
    }
    expect((within(panel).getByTestId('issues-column-category') as HTMLInputElement).checked).toBe(false);

    fireEvent.click(within(panel).getByTestId('issues-column-body'));
    fireEvent.click(within(panel).getByTestId('issues-column-category'));
    expect(heads()).toEqual(['select', 'issues-head-registryNo', 'issues-head-raisedOn', 'issues-head-text', 'issues-head-category', 'issues-head-unit', 'issues-head-deadline', 'issues-head-status']);
    // Every row has the same cells as the header.
    for (const row of issueRows()) expect(row.querySelectorAll('[role="gridcell"]')).toHaveLength(8);
    expect(screen.getByTestId('issues-scroller').getAttribute('aria-colcount')).toBe('8');
    await waitFor(async () => expect(await stored()).toEqual({ hidden: ['body'], widths: {} }));

    // Escape closes the chooser and gives the focus back to its button.
    fireEvent.keyDown(panel, { key: 'Escape' });
    expect(screen.queryByTestId('issues-columns-panel')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('issues-columns'));
  });

  it('resizes a column with the keyboard and with the mouse; the question takes the rest', async () => {
    renderWithI18n(<App />);
    await openLog();
    await waitFor(() => expect(issueRows()).toHaveLength(3));
    const width = defaultWidth('deadline');
    const edge = resizer('deadline');
    expect(edge.getAttribute('role')).toBe('separator');
    expect(edge.getAttribute('aria-label')).toBe('«Мерзімі» бағанының ені');
    expect(edge.getAttribute('aria-valuenow')).toBe(String(width));
    // The question has no edge of its own: it is what the others leave.
    expect(screen.queryByTestId('issues-resize-text')).toBeNull();

    fireEvent.keyDown(edge, { key: 'ArrowRight' });
    fireEvent.keyDown(resizer('deadline'), { key: 'ArrowRight', shiftKey: true });
    expect(resizer('deadline').getAttribute('aria-valuenow')).toBe(String(width + 8 + 40));
    expect(template()).toContain(`${width + 48}px`);
    expect(template()).toMatch(/minmax\(\d+px, 1fr\)/);

    // A drag follows the pointer and is stored when let go.
    const status = resizer('status');
    const before = defaultWidth('status');
    fireEvent.pointerDown(status, { button: 0, clientX: 500, pointerId: 1 });
    fireEvent.pointerMove(status, { clientX: 440, pointerId: 1 });
    expect(template()).toContain(`${before - 60}px`);
    fireEvent.pointerUp(status, { clientX: 440, pointerId: 1 });
    await waitFor(async () => expect(await stored()).toEqual({ hidden: ['category'], widths: { deadline: width + 48, status: before - 60 } }));

    // Never narrower than a date can be read in, whatever the key or the drag.
    fireEvent.keyDown(resizer('status'), { key: 'Home' });
    expect(resizer('status').getAttribute('aria-valuenow')).toBe('48');
  });

  it('remembers the columns after a reload, and resets them to the defaults', async () => {
    const first = renderWithI18n(<App />);
    await openLog();
    await waitFor(() => expect(issueRows()).toHaveLength(3));
    fireEvent.click(within(await openColumns()).getByTestId('issues-column-raisedOn'));
    fireEvent.keyDown(resizer('body'), { key: 'ArrowLeft', shiftKey: true });
    await waitFor(async () => expect(await stored()).toEqual({ hidden: ['raisedOn', 'category'], widths: { body: defaultWidth('body') - 40 } }));

    // A reload: the page and everything it held are gone; the core keeps the layout.
    first.unmount();
    resetAllStores();
    expect(useIssueColumnsStore.getState().loaded).toBe(false);
    renderWithI18n(<App />);
    await openLog();
    await waitFor(() => expect(issueRows()).toHaveLength(3));
    await waitFor(() => expect(heads()).not.toContain('issues-head-raisedOn'));
    expect(heads()).not.toContain('issues-head-category');
    expect(resizer('body').getAttribute('aria-valuenow')).toBe(String(defaultWidth('body') - 40));
    expect(handler('settings:issueColumns')).toHaveBeenCalled();

    fireEvent.click(within(await openColumns()).getByTestId('issues-columns-reset'));
    expect(heads()).toContain('issues-head-raisedOn');
    expect(resizer('body').getAttribute('aria-valuenow')).toBe(String(defaultWidth('body')));
    await waitFor(async () => expect(await stored()).toBeNull());
    expect(handler('settings:setIssueColumns')).toHaveBeenLastCalledWith({ layout: null });
  });
});
