import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { useAuthStore } from '../../renderer/src/stores/auth.store';
import type { Issue } from '../../shared/contract/issues.contract';
import type { Meeting } from '../../shared/contract/types';
import { can, type OperatorRole, type Permission } from '../../shared/domain/operators/roles';
import { signInAs } from '../helpers/staff';
import { OKRUG, startCore, testCore } from './test-core';
import { openLog, seedIssues, withScrollerHeight } from './issues-helpers';
import { seedPlanned } from './seed';
import { renderWithI18n } from './render';

withScrollerHeight();

/** A real core with staff, an issue with its author and a planned meeting (made as the administrator), then `role` signed in. */
async function installation(role: OperatorRole): Promise<{ issue: Issue; planned: Meeting; held: Meeting }> {
  await startCore({ setUp: true, staff: role });
  const { core } = testCore();
  signInAs(core, 'admin');
  const [issue] = seedIssues(1, OKRUG.kato, () => ({ raisedOn: '2025-07-01', text: 'Көше жарығы жанбайды', author: { fullName: 'Серікбаев Асқар', phone: '+7 701 123 45 67', address: '' } }));
  const planned = await seedPlanned(OKRUG.kato, '2025-07-24');
  const held = testCore().seeded.okrugJanuary!;
  // Their draft written: a viewer reads minutes, never starts them.
  await testCore().api.minutes.open({ meetingId: held.id });
  signInAs(core, role);
  return { issue: issue!, planned, held };
}

const shown = (testId: string | RegExp) => screen.queryAllByTestId(testId).length > 0;
const go = async (s: string) => fireEvent.click(await screen.findByTestId(`nav-${s}`));

/** What each screen offers, as a map from what is looked at to whether it is there. */
async function offers(issue: Issue, planned: Meeting, held: Meeting): Promise<Record<string, boolean>> {
  renderWithI18n(<App />);
  await screen.findByTestId('nav-issues');
  await waitFor(() => expect(useAuthStore.getState().state).not.toBeNull());
  const seen: Record<string, boolean> = {};
  await screen.findByTestId('view-month');
  seen['calendar: record, plan'] = shown('record-open') && shown('plan-open');

  await go('meetings');
  fireEvent.click(await screen.findByTestId(`meeting-open-${planned.id}`));
  await screen.findByTestId('meeting-status');
  seen['meetings: plan'] = shown('meetings-plan');
  seen['meeting card: actions'] = shown(/^meeting-action-/);
  fireEvent.click(screen.getByTestId('card-close'));
  fireEvent.click(await screen.findByTestId(`meeting-open-${held.id}`));
  fireEvent.click(await screen.findByTestId('meeting-minutes'));
  await screen.findByTestId('minutes-status');
  seen['minutes: editing'] = shown('minutes-editor') && shown('minutes-finalize');
  seen['minutes: attachments add'] = shown('attachment-kind');
  seen['minutes: export'] = shown('minutes-export-kk');
  fireEvent.click(screen.getByTestId('minutes-close'));

  await openLog();
  seen['issues: new issue'] = shown('issue-new-open');
  seen['issues: legacy import'] = shown('issues-tab-import');
  seen['issues: plan editing'] = false;
  fireEvent.click(await screen.findByTestId(`issue-row-${issue.registryNo}`));
  const card = await screen.findByTestId('issue-card');
  await within(card).findByTestId('issue-facts');
  seen['issue card: edit, status'] = shown('issue-edit') && shown('issue-status-change');
  seen['issue card: author'] = shown('issue-author-section');
  seen['issue card: show author'] = shown('issue-author-show');
  fireEvent.click(screen.getByTestId('issue-card-close'));
  if (shown('issue-new-open')) {
    fireEvent.click(screen.getByTestId('issue-new-open'));
    seen['new issue: author fields'] = shown('issue-new-author-name') && shown('issue-new-author-phone');
  } else seen['new issue: author fields'] = false;

  fireEvent.click(screen.getByTestId('issues-tab-plan'));
  await screen.findByTestId('plan-view');
  seen['issues: plan editing'] = shown('plan-fill');

  await go('reports');
  await screen.findByTestId('report-body');
  fireEvent.click(await screen.findByTestId('report-export-open'));
  await screen.findByTestId('report-export-panel');
  seen['report export: personal data'] = shown('report-export-personal');
  seen['report export: export'] = shown('report-export-submit');

  await go('exchange');
  await screen.findByTestId('exchange-screen');
  seen['exchange: send'] = shown('exchange-export');
  seen['exchange: receive'] = shown('exchange-import');

  await go('settings');
  await screen.findByTestId('settings-account');
  seen['settings: operators'] = shown('settings-operators');
  seen['settings: rules, holidays, mail, backups'] = shown('rules-section') && shown('settings-holidays') && shown('mail-settings') && shown('settings-backups');
  seen['settings: reference lists'] = shown('settings-issues');
  return seen;
}

/** What the README's roles table (and access.ts) gives each role, in the same words. */
function expected(role: OperatorRole): Record<string, boolean> {
  const c = (p: Permission) => can(role, p);
  return {
    'calendar: record, plan': c('records.write'),
    'meetings: plan': c('records.write'),
    'meeting card: actions': c('records.write'),
    'minutes: editing': c('records.write'),
    'minutes: attachments add': c('records.write'),
    'minutes: export': true,
    'issues: new issue': c('records.write'),
    'issues: legacy import': c('reference.write'),
    'issues: plan editing': c('records.write'),
    'issue card: edit, status': c('records.write'),
    'issue card: author': c('personal.read'),
    'issue card: show author': c('personal.read'),
    'new issue: author fields': c('records.write') && c('personal.write'),
    'report export: personal data': c('personal.read'),
    'report export: export': true,
    'exchange: send': c('exchange.send'),
    'exchange: receive': c('exchange.receive'),
    'settings: operators': c('operators.manage'),
    'settings: rules, holidays, mail, backups': c('settings.write'),
    'settings: reference lists': c('reference.write'),
  };
}

describe('the screens offer what the role may do, and nothing the core would refuse', () => {
  it.each<OperatorRole>(['viewer', 'okrug_staff', 'secretary', 'admin'])('%s', async (role) => {
    const { issue, planned, held } = await installation(role);
    const seen = await offers(issue, planned, held);
    expect(seen).toEqual(expected(role));
  });

  it('a viewer sees no write action anywhere; okrug staff see no author; the secretary everything but operators and settings', async () => {
    expect(Object.entries(expected('viewer')).filter(([, offered]) => offered)).toEqual([
      ['minutes: export', true],
      ['report export: export', true],
    ]);
    expect(expected('okrug_staff')).toMatchObject({ 'issue card: author': false, 'new issue: author fields': false, 'issues: new issue': true, 'exchange: send': true });
    expect(expected('secretary')).toMatchObject({ 'settings: operators': false, 'settings: rules, holidays, mail, backups': false, 'issue card: author': true, 'exchange: receive': true });
  });
});
