import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, expect } from 'vitest';

/** The scroller's height in jsdom (which lays nothing out): 600 px show 14 rows under the header. */
export const SCROLLER_HEIGHT = 600;

/**
 * jsdom gives every element a clientHeight of 0, so a virtualiser would render no rows at all.
 * The log's scroller gets a real height; everything else keeps jsdom's 0.
 */
export function withScrollerHeight(): void {
  const original = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight');
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.dataset['testid'] === 'issues-scroller' ? SCROLLER_HEIGHT : 0;
      },
    });
  });
  afterAll(() => {
    delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
    if (original) Object.defineProperty(Element.prototype, 'clientHeight', original);
  });
}

/** The issue rows in the DOM (loaded ones; placeholders have no test id). */
export const issueRows = () => screen.queryAllByTestId(/^issue-row-\d+$/);

export const registryNos = () => issueRows().map((r) => Number(r.dataset['testid']!.replace('issue-row-', '')));

export function scroller(): HTMLElement {
  return screen.getByTestId('issues-scroller');
}

/** Scrolls the log the way a wheel or the scrollbar does (jsdom keeps scrollTop, a browser fires scroll). */
export function scrollLogTo(px: number): void {
  const el = scroller();
  el.scrollTop = px;
  fireEvent.scroll(el);
}

/** Goes to the log and waits for its first window of rows. */
export async function openLog(): Promise<HTMLElement> {
  fireEvent.click(await screen.findByTestId('nav-issues'));
  await screen.findByTestId('issues-screen');
  await waitFor(() => expect(screen.getByTestId('issues-total').textContent).toMatch(/\d/));
  return scroller();
}

export const countOf = (id: string) => screen.getByTestId(`issues-count-${id}`).querySelector('.issue-count-value')!.textContent;
