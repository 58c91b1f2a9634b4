import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bodyOf } from '../../renderer/src/stores/minutes.store';
import { handler, holdNext, startCore, testCore } from './test-core';
import { change } from './calendar-helpers';
import { heldId, openHeldMinutes } from './minutes-helpers';

beforeEach(() => startCore({ setUp: true }));
afterEach(() => vi.useRealTimers());

async function openMinutes() {
  await openHeldMinutes();
  await screen.findByTestId('minutes-editor');
}

/** A PNG's signature: all the core needs to tell a PNG by its bytes. */
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d];

const field = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;
const indicator = () => screen.getByTestId('minutes-saved');

describe('minutes editor', () => {
  it('opens from the card of a held meeting, pre-filled with its date', async () => {
    await openMinutes();
    expect(handler('minutes:open')).toHaveBeenCalledWith({ meetingId: heldId() });
    expect(field('minutes-date').value).toBe('2025-02-12');
    expect(screen.getByTestId('minutes-status').textContent).toBe('Жоба');
    expect(indicator().dataset['state']).toBe('idle');
  });

  it('typing is saved at most 800 ms after the first unsaved keystroke, once per interval, even without a pause', async () => {
    await openMinutes();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    for (const value of ['1', '12']) {
      change('minutes-number', value);
      await act(() => vi.advanceTimersByTimeAsync(300));
    }
    change('minutes-number', '12/');
    await act(() => vi.advanceTimersByTimeAsync(199));
    expect(handler('minutes:save')).not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(1));
    // Typing never paused, and still the first 800 ms are on disk.
    expect(handler('minutes:save')).toHaveBeenCalledTimes(1);
    const input = handler('minutes:save').mock.calls[0]![0];
    expect(input.revision).toBe(1);
    expect(input.body).toMatchObject({ number: '12/' });
    expect(indicator().dataset['state']).toBe('saved');
    // Accepted by the strict body schema (a stray field such as `revision` would be refused), and stored.
    expect(await testCore().api.minutes.open({ meetingId: heldId() })).toMatchObject({ revision: 2, number: '12/' });
    expect(indicator().textContent).toMatch(/^Сақталды \d\d:\d\d$/);

    change('minutes-chair', 'Ахметов Б.');
    await act(() => vi.advanceTimersByTimeAsync(400));
    change('minutes-chair', 'Ахметов Б. Қ.');
    await act(() => vi.advanceTimersByTimeAsync(399));
    expect(handler('minutes:save')).toHaveBeenCalledTimes(1);
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(handler('minutes:save')).toHaveBeenCalledTimes(2);
    expect(handler('minutes:save').mock.calls[1]![0].body).toMatchObject({ number: '12/', chair: 'Ахметов Б. Қ.' });
    // Nothing new typed: no more saves.
    await act(() => vi.advanceTimersByTimeAsync(5000));
    expect(handler('minutes:save')).toHaveBeenCalledTimes(2);
  });

  it('the page going away (reload, window closed) saves what is pending at once', async () => {
    await openMinutes();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    change('minutes-chair', 'Ахметов');
    expect(handler('minutes:save')).not.toHaveBeenCalled();
    await act(async () => window.dispatchEvent(new Event('pagehide')));
    expect(handler('minutes:save')).toHaveBeenCalledTimes(1);
    expect(handler('minutes:save').mock.calls[0]![0].body).toMatchObject({ chair: 'Ахметов' });
    expect(await testCore().api.minutes.open({ meetingId: heldId() })).toMatchObject({ chair: 'Ахметов' });
  });

  it('serialises saves: the next one waits and uses the revision the first returned', async () => {
    await openMinutes();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const release = holdNext('minutes:save');
    change('minutes-chair', 'Ахметов');
    await act(() => vi.advanceTimersByTimeAsync(800));
    expect(indicator().dataset['state']).toBe('saving');
    expect(screen.getByTestId('minutes-saved').textContent).toBe('Сақталуда…');
    change('minutes-secretary', 'Сейітова');
    await act(() => vi.advanceTimersByTimeAsync(800));
    expect(handler('minutes:save')).toHaveBeenCalledTimes(1);
    await act(async () => release());
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(handler('minutes:save')).toHaveBeenCalledTimes(2);
    const second = handler('minutes:save').mock.calls[1]![0];
    expect(second.revision).toBe(2);
    expect(second.body).toMatchObject({ chair: 'Ахметов', secretary: 'Сейітова' });
    expect(indicator().dataset['state']).toBe('saved');
  });

  it('a save the database was too busy for goes again by itself, and the text is stored', async () => {
    await openMinutes();
    const { core, api } = testCore();
    // Another program holds the write lock; the core waits 50 ms for it, then answers db_busy.
    const other = new Database(core.paths.dbFile);
    other.exec('BEGIN IMMEDIATE');
    core.ctx.db.pragma('busy_timeout = 50');
    change('minutes-secretary', 'Сейітова');
    fireEvent.blur(screen.getByTestId('minutes-secretary'));
    await waitFor(() => expect(handler('minutes:save')).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(handler('minutes:save').mock.results[0]?.type).toBe('throw'));
    expect(indicator().dataset['state']).toBe('saving');
    other.exec('COMMIT');
    other.close();
    await waitFor(() => expect(indicator().dataset['state']).toBe('saved'), { timeout: 3000 });
    expect(handler('minutes:save').mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(await api.minutes.open({ meetingId: heldId() })).toMatchObject({ revision: 2, secretary: 'Сейітова' });
  });

  it('a stale revision reloads the minutes and says so', async () => {
    await openMinutes();
    const { api } = testCore();
    // Another window saves first, on the same core.
    const opened = await api.minutes.open({ meetingId: heldId() });
    await api.minutes.save({ minutesId: opened.id, revision: 1, body: bodyOf({ ...opened, chair: 'Басқа терезе' }) });
    change('minutes-secretary', 'Сейітова');
    fireEvent.blur(screen.getByTestId('minutes-secretary'));
    await screen.findByTestId('minutes-reloaded');
    expect(handler('minutes:save')).toHaveBeenCalledWith(expect.objectContaining({ minutesId: opened.id, revision: 1 }));
    expect(field('minutes-chair').value).toBe('Басқа терезе');
    expect(indicator().dataset['state']).toBe('error');
    // The core refused the stale save: the other window's text is what is stored.
    expect(await api.minutes.open({ meetingId: heldId() })).toMatchObject({ revision: 2, chair: 'Басқа терезе', secretary: '' });
  });

  it('finalize refused shows the problems; final minutes are read-only and an amendment needs a reason', async () => {
    await openMinutes();
    fireEvent.click(screen.getByTestId('minutes-finalize'));
    const problems = await screen.findByTestId('minutes-problems');
    expect(problems.textContent).toContain('төраға көрсетілмеген');
    expect(problems.textContent).toContain('хатшы көрсетілмеген');
    expect(problems.textContent).toContain('күн тәртібінде мәселе жоқ');
    expect(handler('minutes:finalize')).toHaveBeenCalledTimes(1);

    change('minutes-chair', 'Ахметов Б.');
    change('minutes-secretary', 'Сейітова А.');
    change('minutes-present-count', '45');
    fireEvent.click(screen.getByTestId('minutes-item-add'));
    change('item-0-title', 'Ауылдың 2024 жылғы дамуы');
    fireEvent.click(screen.getByTestId('minutes-finalize'));
    // What is still missing is asked about first; the secretary finalises anyway.
    const ask = await screen.findByTestId('finalize-confirm');
    expect(within(ask).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'хаттаманың нөмірі жоқ',
      '1-мәселе бойынша сөйлеген ешкім жоқ',
      '1-мәселе бойынша шешім жоқ',
    ]);
    expect(handler('minutes:finalize')).toHaveBeenCalledTimes(1);
    fireEvent.click(within(ask).getByTestId('finalize-anyway'));
    await screen.findByTestId('minutes-view');
    // The pending change went first, then the finalise.
    expect(handler('minutes:save')).toHaveBeenCalled();
    expect(screen.queryByTestId('minutes-editor')).toBeNull();
    expect(screen.queryByTestId('minutes-finalize')).toBeNull();
    expect(screen.getByTestId('minutes-status').textContent).toBe('Түпкілікті');
    expect(screen.getByTestId('minutes-view-chair').textContent).toBe('Ахметов Б.');
    // The Finalise button is gone: focus is on the minutes, not lost to the page.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('minutes-view')));

    // Typing into the final minutes changes nothing, says why and offers the amendment.
    const view = screen.getByTestId('minutes-view');
    view.focus();
    fireEvent.keyDown(view, { key: 'Tab' });
    expect(screen.queryByTestId('minutes-refused')).toBeNull();
    fireEvent.keyDown(view, { key: 'ә' });
    expect(screen.getByTestId('minutes-refused').textContent).toContain('түзету');
    expect(document.activeElement).toBe(screen.getByTestId('minutes-amend'));
    expect(screen.getByTestId('minutes-view-chair').textContent).toBe('Ахметов Б.');

    fireEvent.click(screen.getByTestId('minutes-amend'));
    expect(screen.queryByTestId('minutes-refused')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('amend-reason')));
    await screen.findByTestId('minutes-editor');
    change('minutes-chair', 'Ахметов Б. Қ.');
    fireEvent.click(screen.getByTestId('amend-submit'));
    expect(await screen.findByTestId('amend-reason-error')).toBeTruthy();
    expect(handler('minutes:amend')).not.toHaveBeenCalled();
    // An amendment is not autosaved: it goes with its reason.
    expect(handler('minutes:save').mock.calls.every(([i]) => i.body.chair !== 'Ахметов Б. Қ.')).toBe(true);
    change('amend-reason', 'Төрағаның әкесінің аты толықтырылды');
    fireEvent.click(screen.getByTestId('amend-submit'));
    const amendments = await screen.findByTestId('minutes-amendments');
    expect(handler('minutes:amend')).toHaveBeenCalledWith(expect.objectContaining({ reason: 'Төрағаның әкесінің аты толықтырылды' }));
    expect(amendments.textContent).toContain('Хатшы: Төрағаның әкесінің аты толықтырылды');
    expect(amendments.textContent).toContain('1 өзгеріс');
    expect(screen.getByTestId('minutes-view-chair').textContent).toBe('Ахметов Б. Қ.');
    expect(await testCore().api.minutes.open({ meetingId: heldId() })).toMatchObject({
      status: 'final',
      chair: 'Ахметов Б. Қ.',
      amendments: [expect.objectContaining({ reason: 'Төрағаның әкесінің аты толықтырылды', actor: 'Хатшы' })],
    });
  });

  it('an amendment that changes nothing is refused by the core and said in words', async () => {
    const { api } = testCore();
    const opened = await api.minutes.open({ meetingId: heldId() });
    const item = { id: crypto.randomUUID(), title: 'Әкімнің есебі', speaker: '', heard: '', speeches: [], decisions: [] };
    const saved = await api.minutes.save({ minutesId: opened.id, revision: 1, body: bodyOf({ ...opened, chair: 'Ахметов Б.', secretary: 'Сейітова А.', presentCount: 45, items: [item] }) });
    await api.minutes.finalize({ minutesId: saved.id, revision: saved.revision });
    await openHeldMinutes();
    fireEvent.click(await screen.findByTestId('minutes-amend'));
    await screen.findByTestId('minutes-editor');
    change('amend-reason', 'Қате табылды');
    fireEvent.click(screen.getByTestId('amend-submit'));
    expect((await screen.findByTestId('amend-unchanged')).textContent).toBe('Хаттамада ештеңе өзгертілмеді: алдымен түзетуді енгізіп, содан кейін сақтаңыз.');
    expect(handler('minutes:amend')).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('minutes-error')).toBeNull();
    expect((await api.minutes.open({ meetingId: heldId() })).amendments).toEqual([]);

    change('minutes-chair', 'Ахметов Б. Қ.');
    fireEvent.click(screen.getByTestId('amend-submit'));
    expect((await screen.findByTestId('minutes-amendments')).textContent).toContain('Хатшы: Қате табылды');
    expect(screen.queryByTestId('amend-unchanged')).toBeNull();
  });

  it('Ctrl+Enter adds the next speech and focuses it; Ctrl+I makes it a question; Alt+Shift+A adds an item', async () => {
    await openMinutes();
    fireEvent.keyDown(screen.getByTestId('minutes-number'), { key: 'A', code: 'KeyA', altKey: true, shiftKey: true });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('item-0-title')));
    fireEvent.keyDown(screen.getByTestId('item-0-title'), { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('speech-0-0-speaker')));
    change('speech-0-0-gist', 'Жол қашан жөнделеді?');
    fireEvent.keyDown(screen.getByTestId('speech-0-0-gist'), { key: 'i', code: 'KeyI', ctrlKey: true });
    expect(field('speech-0-0-issue-kind').value).toBe('question');
    expect(field('speech-0-0-issue-text').value).toBe('Жол қашан жөнделеді?');
    fireEvent.keyDown(screen.getByTestId('speech-0-0-gist'), { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('speech-0-1-speaker')));
    fireEvent.click(screen.getByTestId('decision-add-0'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('decision-0-0-text')));
    fireEvent.keyDown(screen.getByTestId('decision-0-0-text'), { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('decision-0-1-text')));
    const shortcuts = screen.getByTestId('minutes-shortcuts');
    expect(within(shortcuts).getByText('келесі сөйлеуші немесе шешім').previousElementSibling?.textContent).toBe('CtrlEnter');
  });

  it('exports DOCX and adds, lists and removes attachments', async () => {
    const createObjectURL = vi.fn((_: Blob) => 'blob:x');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const downloads: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    await openMinutes();
    fireEvent.click(screen.getByTestId('minutes-export-ru'));
    await waitFor(() => expect(downloads).toEqual(['Протокол — Абайский район — 2025-02-12.docx']));
    const docx = createObjectURL.mock.calls[0]![0];
    expect(docx.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    // The core's own document, a ZIP: not a stand-in.
    expect([...new Uint8Array(await docx.arrayBuffer()).subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    click.mockRestore();
    expect(handler('minutes:exportDocx')).toHaveBeenCalledWith(expect.objectContaining({ language: 'ru' }));

    const { api, core } = testCore();
    const photo = new File([new Uint8Array(PNG)], 'clubhouse.png', { type: 'image/png' });
    const bad = new File(['x'], 'notes.exe');
    fireEvent.change(screen.getByTestId('attachment-input'), { target: { files: [photo, bad] } });
    const error = await screen.findByTestId('attachment-error');
    expect(error.textContent).toContain('notes.exe');
    const stored = await api.attachments.list({ meetingId: heldId() });
    expect(stored).toEqual([expect.objectContaining({ fileName: 'clubhouse.png', mime: 'image/png', size: PNG.length })]);
    const added = stored[0]!;
    const file = path.join(core.paths.dataDir, 'attachments', added.sha256.slice(0, 2), added.sha256);
    expect([...fs.readFileSync(file)]).toEqual(PNG);
    const row = await screen.findByTestId(`attachment-${added.id}`);
    await waitFor(() => expect(row.querySelector('img')?.getAttribute('src')).toMatch(/^data:image\/png;base64,/));
    expect(screen.queryByTestId('attachment-duplicate')).toBeNull();

    // The same photo again, under another name: kept once, and the secretary is told.
    const again = new File([new Uint8Array(PNG)], 'copy.png', { type: 'image/png' });
    fireEvent.change(screen.getByTestId('attachment-input'), { target: { files: [again] } });
    expect((await screen.findByTestId('attachment-duplicate')).textContent).toBe('«copy.png» файлы бұрын «clubhouse.png» деп тіркелген: екінші рет сақталмады.');
    expect(screen.getAllByTestId(/^attachment-[0-9a-f-]+-remove$/)).toHaveLength(1);
    expect(await api.attachments.list({ meetingId: heldId() })).toHaveLength(1);
    fireEvent.click(screen.getByTestId(`attachment-${added.id}-remove`));
    fireEvent.click(screen.getByTestId(`attachment-${added.id}-confirm`));
    await waitFor(() => expect(screen.queryByTestId(`attachment-${added.id}`)).toBeNull());
    // Removed in the core too, and its bytes, named by no other attachment, are gone from disk.
    expect(await api.attachments.list({ meetingId: heldId() })).toEqual([]);
    expect(fs.existsSync(file)).toBe(false);
  });
});
