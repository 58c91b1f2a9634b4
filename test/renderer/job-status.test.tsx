import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { JOB_SHOWN_AFTER_MS } from '../../renderer/src/stores/jobs.store';
import { handler, holdNext, startCore } from './test-core';
import { renderWithI18n } from './render';

/*
 * The header tells what long job runs and how far it is: after JOB_SHOWN_AFTER_MS of waiting
 * (a quick report shows nothing), with the figures the door's pool answers on jobs:progress.
 * A core in line has no job beside its request, so the progress the pool would give is
 * stated here; what the strip does with it, and when, is the screen's own.
 */
/** The Reports screen asked again for its report, which the core holds until `release()`. */
async function reportOnItsWay(): Promise<() => void> {
  renderWithI18n(<App />);
  fireEvent.click(await screen.findByTestId('nav-reports'));
  await screen.findByTestId('report-body');
  const release = holdNext('reports:get');
  fireEvent.click(screen.getByTestId('nav-calendar'));
  fireEvent.click(screen.getByTestId('nav-reports'));
  return release;
}

describe('the job status in the header', () => {
  beforeEach(() => startCore({ setUp: true, language: 'ru' }));

  it('shows the job under way with its figures while the screen waits, and goes when it is done', async () => {
    handler('jobs:progress').mockImplementation(() => ({ channel: 'issuesImport:commit', done: 4500, total: 13000, queued: 1 }));
    const release = await reportOnItsWay();
    // Not at once: a report that takes a moment flashes nothing.
    expect(screen.queryByTestId('job-status')).toBeNull();
    const status = await screen.findByTestId('job-status', {}, { timeout: JOB_SHOWN_AFTER_MS + 2000 });
    expect(status.textContent).toBe('Импорт журнала: 4\u00a0500 из 13\u00a0000 · ещё 1 задача в очереди');
    expect(status.querySelector('progress')!.getAttribute('max')).toBe('13000');
    // The other screens answer meanwhile.
    fireEvent.click(screen.getByTestId('nav-issues'));
    await screen.findByTestId('issues-screen');
    release();
    await waitFor(() => expect(screen.queryByTestId('job-status')).toBeNull());
  });

  it('names the job without figures where the door has none', async () => {
    const release = await reportOnItsWay();
    const status = await screen.findByTestId('job-status', {}, { timeout: JOB_SHOWN_AFTER_MS + 2000 });
    expect(status.textContent).toBe('Отчет формируется…');
    expect(status.querySelector('progress')!.hasAttribute('max')).toBe(false);
    release();
    await waitFor(() => expect(screen.queryByTestId('job-status')).toBeNull());
  });
});
