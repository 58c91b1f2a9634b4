import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { handler, ROOT, startCore } from './test-core';
import { issueRows, openLog, seedIssues, withScrollerHeight } from './issues-helpers';
import { renderWithI18n } from './render';

withScrollerHeight();
beforeEach(() => startCore({ setUp: true }));

const search = (value: string) => fireEvent.change(screen.getByTestId('issues-search'), { target: { value } });
const lastListInput = () => handler('issues:list').mock.calls.at(-1)![0];

describe('issue log: the empty search suggests the stem', () => {
  beforeEach(() => {
    // Kazakh texts with a Russian word in Kazakh cases: "больницами" reaches them only as a prefix of its stem
    seedIssues(2, ROOT.kato, (n) => ({ raisedOn: '2025-03-01', text: n === 1 ? 'Аудандық больницаға дәрігер керек' : 'Больницаның шатыры ағып тұр' }));
  });

  it('shows the suggestion with the empty page, and one click searches it', async () => {
    renderWithI18n(<App />);
    await openLog();
    await waitFor(() => expect(issueRows()).toHaveLength(2));
    search('больницами');
    await waitFor(() => expect(screen.getByTestId('issues-suggestion').textContent).toBe('«больницами» бойынша ештеңе табылмады. «больниц» бойынша іздеу'));
    expect(issueRows()).toHaveLength(0);

    fireEvent.click(screen.getByTestId('issues-suggestion-apply'));
    await waitFor(() => expect(lastListInput().filter).toEqual({ search: 'больниц' }));
    await waitFor(() => expect(issueRows()).toHaveLength(2));
    expect(screen.queryByTestId('issues-suggestion')).toBeNull();
    // The box shows what is searched now
    expect((screen.getByTestId('issues-search') as HTMLInputElement).value).toBe('больниц');
  });

  it('offers nothing when the stems find nothing either, or the search found something', async () => {
    renderWithI18n(<App />);
    await openLog();
    await waitFor(() => expect(issueRows()).toHaveLength(2));
    search('бассейнами');
    await waitFor(() => expect(lastListInput().filter).toEqual({ search: 'бассейнами' }));
    await waitFor(() => expect(screen.getByTestId('issues-empty')).toBeTruthy());
    expect(screen.queryByTestId('issues-suggestion')).toBeNull();
    // Both are Kazakh forms of one stem, "больница"
    search('больницаға');
    await waitFor(() => expect(issueRows()).toHaveLength(2));
    expect(screen.queryByTestId('issues-suggestion')).toBeNull();
  });
});
