import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { ActionPlanView } from '../../renderer/src/features/issues/plan/ActionPlanView';
import { useAppStore } from '../../renderer/src/stores/app.store';
import { bodyOf } from '../../renderer/src/stores/minutes.store';
import type { Issue } from '../../shared/contract/issues.contract';
import { blankIssueFields } from '../../shared/contract/issue-defaults';
import type { Meeting } from '../../shared/contract/types';
import type { OriginRecord } from '../../electron/core/db/repos/origins.repo';
import { trustOrigin } from '../integration/origin-fixtures';
import { handler, OKRUG, startCore, testCore } from './test-core';
import { openLog, withScrollerHeight } from './issues-helpers';
import { renderWithI18n } from './render';

/**
 * Records received from another installation (docs/exchange.md §Ownership), written here as the
 * importer writes them: the rows as they are, carrying the sender's installation id. The core
 * refuses any change to them (record_foreign); the screens must not offer one, and say where
 * each came from and the date of its source's latest package.
 */
withScrollerHeight();

/** The okrug's latest package was made on 15 January 2025 (on its clock). */
const PACKAGE_AT = new Date(2025, 0, 15, 16, 30).getTime();
let okrug: OriginRecord;

beforeEach(async () => {
  await startCore({ setUp: true });
  okrug = trustOrigin(testCore().core, { unitKato: OKRUG.kato, packageCreatedAt: PACKAGE_AT });
});

function receive(table: 'meetings' | 'issues' | 'minutes' | 'attachments' | 'action_plan_rows', id: string): void {
  const column = table === 'minutes' || table === 'attachments' ? 'meeting_id' : 'id';
  testCore().core.ctx.db.prepare(`UPDATE ${table} SET origin = ? WHERE ${column} = ?`).run(okrug.id, id);
}

const MARK_KK = 'Алынған: Қараауыл а.о., 2025 жылғы 15 қаңтар пакеті';
const MARK_RU = 'Получено: Карааульский с.о., пакет от 15 января 2025 г.';

async function openMeeting(meeting: Meeting): Promise<HTMLElement> {
  fireEvent.click(await screen.findByTestId('nav-meetings'));
  fireEvent.click(await screen.findByTestId(`meeting-open-${meeting.id}`));
  const card = await screen.findByTestId('meeting-card');
  await within(card).findByTestId('meeting-status');
  return card;
}

async function seedIssue(meeting: Meeting | null): Promise<Issue> {
  return testCore().api.issues.create({
    unitKato: OKRUG.kato,
    meetingId: meeting?.id ?? null,
    raisedOn: meeting?.heldOn ?? '2025-07-01',
    fields: { ...blankIssueFields('Қараауыл ауылындағы көше жарығы жанбайды'), deadline: '2025-08-01' },
    author: { fullName: 'Серікбаев Асқар', phone: '+7 701 123 45 67', address: 'Абай көшесі, 5' },
  });
}

describe('a received meeting', () => {
  it('is marked with its source and the date of its latest package, and offers no action, in kk and ru', async () => {
    const meeting = testCore().seeded.okrugLate!;
    receive('meetings', meeting.id);
    renderWithI18n(<App />);
    const card = await openMeeting(meeting);
    await waitFor(() => expect(within(card).getByTestId('meeting-received-source').textContent).toBe(MARK_KK));
    expect(within(card).getByTestId('meeting-received').textContent).toContain('Тек оқуға арналған');
    expect(within(card).queryAllByTestId(/^meeting-action-/)).toEqual([]);
    // Its minutes and issues can still be looked at.
    expect(within(card).getByTestId('meeting-minutes')).toBeTruthy();
    expect(within(card).getByTestId('meeting-issues')).toBeTruthy();
    // The meetings list marks it too; this installation's own meeting of the same okrug is not marked.
    expect(screen.getByTestId(`meeting-received-${meeting.id}`).textContent).toContain(MARK_KK);
    expect(screen.queryByTestId(`meeting-received-${testCore().seeded.okrugJanuary!.id}`)).toBeNull();

    fireEvent.click(screen.getByTestId('lang-ru'));
    await waitFor(() => expect(within(card).getByTestId('meeting-received-source').textContent).toBe(MARK_RU));
  });

  it('leaves this installation’s own meeting as it was: every action its status allows', async () => {
    renderWithI18n(<App />);
    const card = await openMeeting(testCore().seeded.okrugJanuary!);
    expect(within(card).queryByTestId('meeting-received')).toBeNull();
    expect(within(card).getAllByTestId(/^meeting-action-/).length).toBeGreaterThan(0);
  });

  it('shows the minutes it came with read-only, with its files, and no way to change either', async () => {
    const meeting = testCore().seeded.okrugJanuary!;
    const { api } = testCore();
    const minutes = await api.minutes.open({ meetingId: meeting.id });
    await api.minutes.save({ minutesId: minutes.id, revision: minutes.revision, body: { ...bodyOf(minutes), chair: 'Ахметов С.', number: '3' } });
    await api.attachments.add({ meetingId: meeting.id, kind: 'other', fileName: 'хаттама.pdf', dataBase64: Buffer.from('%PDF-1.4\n%%EOF').toString('base64') });
    for (const table of ['meetings', 'minutes', 'attachments'] as const) receive(table, meeting.id);

    renderWithI18n(<App />);
    await openMeeting(meeting);
    fireEvent.click(screen.getByTestId('meeting-minutes'));
    const panel = await screen.findByTestId('minutes-panel');
    await within(panel).findByTestId('minutes-view');
    await waitFor(() => expect(within(panel).getByTestId('minutes-received-source').textContent).toBe(MARK_KK));
    expect(within(panel).getByTestId('minutes-view-chair').textContent).toBe('Ахметов С.');
    // A draft that came with it is shown, not opened for typing; it is not said to be final.
    expect(within(panel).queryByTestId('minutes-editor')).toBeNull();
    expect(within(panel).queryByTestId('minutes-final')).toBeNull();
    expect(within(panel).queryByTestId('minutes-saved')).toBeNull();
    for (const id of ['minutes-finalize', 'minutes-amend', 'attachment-input', 'attachment-kind']) expect(within(panel).queryByTestId(id), id).toBeNull();
    const files = await within(panel).findAllByTestId(/^attachment-[0-9a-f-]{36}$/);
    expect(files).toHaveLength(1);
    expect(within(panel).queryAllByTestId(/-remove$/)).toEqual([]);
    // Reading is not changing: the Word export is there.
    expect(within(panel).getByTestId('minutes-export-kk')).toBeTruthy();
    expect(handler('minutes:save')).not.toHaveBeenCalled();
  });

  it('says its minutes did not come with it, and starts none', async () => {
    const meeting = testCore().seeded.okrugJanuary!;
    receive('meetings', meeting.id);
    renderWithI18n(<App />);
    await openMeeting(meeting);
    fireEvent.click(screen.getByTestId('meeting-minutes'));
    expect((await screen.findByTestId('minutes-none-received')).textContent).toBe('Бұл кездесудің хаттамасы онымен бірге келмеді.');
    expect(screen.queryByTestId('minutes-load-error')).toBeNull();
    expect(await testCore().api.attachments.list({ meetingId: meeting.id })).toEqual([]);
  });

  it('is not removable from the cell’s list of recorded meetings', async () => {
    const meeting = testCore().seeded.okrugJanuary!;
    receive('meetings', meeting.id);
    renderWithI18n(<App />);
    fireEvent.click(await screen.findByTestId('view-year'));
    fireEvent.click(within(await screen.findByTestId(`cell-${OKRUG.kato}-2025-M01`)).getByRole('button'));
    const row = await screen.findByTestId(`meeting-${meeting.id}`);
    await waitFor(() => expect(within(row).getByTestId(`meeting-received-${meeting.id}`).textContent).toContain(MARK_KK));
    expect(within(row).queryByTestId('meeting-remove')).toBeNull();
  });
});

describe('a received issue', () => {
  it('is marked in the log and cannot be selected for a status change; an own issue can', async () => {
    const own = await seedIssue(null);
    const received = await seedIssue(null);
    receive('issues', received.id);
    renderWithI18n(<App />);
    await openLog();
    const badge = await screen.findByTestId(`issue-received-${received.registryNo}`);
    await waitFor(() => expect(badge.textContent).toContain(MARK_KK));
    expect(badge.getAttribute('title')).toBe(MARK_KK);
    expect(screen.queryByTestId(`issue-received-${own.registryNo}`)).toBeNull();
    expect((screen.getByTestId(`issue-select-${received.registryNo}`) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByTestId(`issue-select-${own.registryNo}`) as HTMLInputElement).disabled).toBe(false);
    // "Select the rows on screen" leaves the received one out.
    fireEvent.click(screen.getByTestId('issues-select-visible'));
    expect((screen.getByTestId(`issue-select-${own.registryNo}`) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId(`issue-select-${received.registryNo}`) as HTMLInputElement).checked).toBe(false);
  });

  it('opens as a card with its source, its facts and history, and no edit, status, prolong or author change', async () => {
    const issue = await seedIssue(testCore().seeded.okrugJanuary!);
    receive('issues', issue.id);
    renderWithI18n(<App />);
    await openLog();
    fireEvent.click(await screen.findByTestId(`issue-row-${issue.registryNo}`));
    const card = await screen.findByTestId('issue-card');
    await within(card).findByTestId('issue-facts');
    await waitFor(() => expect(within(card).getByTestId('issue-received-source').textContent).toBe(MARK_KK));
    for (const id of ['issue-edit', 'issue-status-change', 'issue-prolong']) expect(within(card).queryByTestId(id), id).toBeNull();
    // Who raised it may be read, not changed.
    fireEvent.click(within(card).getByTestId('issue-author-show'));
    expect((await within(card).findByTestId('issue-author')).textContent).toContain('Серікбаев Асқар');
    expect(within(card).queryByTestId('issue-author-edit')).toBeNull();
  });
});

describe('a received action plan row', () => {
  it('is shown read-only, marked, and not removable; a measure of this installation may still be added to its issue', async () => {
    const meeting = testCore().seeded.okrugJanuary!;
    const issue = await seedIssue(meeting);
    const { api } = testCore();
    const [row] = (await api.actionPlan.fill({ scope: { meetingId: meeting.id } })).lines;
    receive('issues', issue.id);
    receive('action_plan_rows', row!.id);
    await useAppStore.getState().load();
    renderWithI18n(<ActionPlanView scope={{ meetingId: meeting.id }} />);
    const measure = (await screen.findByTestId('plan-row-0-measure')) as HTMLTextAreaElement;
    expect(measure.readOnly).toBe(true);
    expect((screen.getByTestId('plan-row-0-executor') as HTMLInputElement).readOnly).toBe(true);
    expect((screen.getByTestId('plan-row-0-mark') as HTMLSelectElement).disabled).toBe(true);
    expect(screen.queryByTestId('plan-row-0-remove')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('plan-row-0-received').getAttribute('title')).toBe(MARK_KK));
    fireEvent.click(screen.getByTestId('plan-row-0-add'));
    const own = (await screen.findByTestId('plan-row-1-measure')) as HTMLTextAreaElement;
    expect(own.readOnly).toBe(false);
    expect(screen.getByTestId('plan-row-1-remove')).toBeTruthy();
    expect(handler('actionPlan:saveRow')).not.toHaveBeenCalledWith(expect.objectContaining({ id: row!.id }));
  });
});
