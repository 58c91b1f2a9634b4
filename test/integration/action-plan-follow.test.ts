import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { listAudit } from '../../electron/core/db/repos/audit.repo';
import type { ActionPlan, ActionPlanLine } from '../../shared/contract/action-plan.contract';
import type { Issue } from '../../shared/contract/issues.contract';
import { blankIssueFields } from '../../shared/contract/issue-defaults';
import { KARAAUYL_OKRUG } from '../helpers/temp-core';
import { planWorld } from './plan-fixtures';

let world: ReturnType<typeof planWorld>;
let core: Core;

beforeEach(() => {
  world = planWorld();
  core = world.core;
});
afterEach(() => core.close());

const meetingScope = () => ({ scope: { meetingId: world.meeting.id } });
const lineOf = (issueId: string): ActionPlanLine => (world.value('actionPlan:list', meetingScope()) as ActionPlan).lines.find((l) => l.issueId === issueId)!;

const fieldsOfRow = ({ measure, completionForm, executor, deadline, fundingSource, fundingAmount, mark, markNote, markDate }: ActionPlanLine) =>
  ({ measure, completionForm, executor, deadline, fundingSource, fundingAmount, mark, markNote, markDate });

function register(text: string): Issue {
  return world.value('issues:create', { unitKato: KARAAUYL_OKRUG, meetingId: world.meeting.id, raisedOn: '2025-07-10', fields: blankIssueFields(text), author: null });
}

function setStatus(issue: Issue, statusId: string, onDate: string, outcome: 'satisfied' | 'explained' | 'refused' | null = null): Issue {
  const [after] = world.value('issues:setStatus', { items: [{ id: issue.id, revision: issue.revision }], change: { statusId, onDate, comment: '', documentRef: '', outcome } }) as Issue[];
  return after!;
}

describe('the action plan follows the issue log', () => {
  it('moves a row that agrees with the status along with it: in progress, done, reopened', () => {
    const issue = register('Аялдамаға шатыр керек');
    world.value('actionPlan:fill', meetingScope());
    expect(lineOf(issue.id)).toMatchObject({ mark: 'not_started', markDate: null, revision: 1 });

    const taken = setStatus(issue, 'in_progress', '2025-07-11');
    expect(lineOf(issue.id)).toMatchObject({ mark: 'in_progress', markDate: null, revision: 2 });

    const closed = setStatus(taken, 'done', '2025-07-14');
    expect(lineOf(issue.id)).toMatchObject({ mark: 'done', markDate: '2025-07-14', revision: 3 });

    setStatus(closed, 'in_progress', '2025-07-15');
    expect(lineOf(issue.id)).toMatchObject({ mark: 'in_progress', markDate: null, revision: 4 });
    const followed = listAudit(core.ctx, 'action_plan_row').filter((a) => a.action === 'update');
    expect(followed).toHaveLength(3);
    expect(followed.every((a) => (a.after as { followed?: string }).followed === issue.id)).toBe(true);
  });

  it('marks a refusal not done, and keeps a mark the user set otherwise', () => {
    const refused = register('Жаңа мектеп салу');
    const mine = register('Көпір жөндеу');
    world.value('actionPlan:fill', meetingScope());
    const row = lineOf(mine.id);
    // The user marked it done while the issue was still registered.
    world.value('actionPlan:saveRow', { id: row.id, revision: row.revision, issueId: mine.id, fields: { ...fieldsOfRow(row), mark: 'done', markDate: '2025-07-12', markNote: 'Жөнделді' } });

    setStatus(refused, 'rejected', '2025-07-13');
    setStatus(mine, 'rejected', '2025-07-13');
    expect(lineOf(refused.id)).toMatchObject({ mark: 'not_done', markDate: '2025-07-13' });
    expect(lineOf(mine.id)).toMatchObject({ mark: 'done', markDate: '2025-07-12', markNote: 'Жөнделді', revision: 2 });
  });

  it('starts a row of an issue already closed as done, not "not started"', () => {
    const issue = register('Су құбыры');
    setStatus(issue, 'done', '2025-07-12');
    world.value('actionPlan:fill', meetingScope());
    expect(lineOf(issue.id)).toMatchObject({ mark: 'done', markDate: '2025-07-12' });
  });

  it('follows an automatic assignment (a body chosen on a registered issue)', () => {
    const issue = register('Жол белгісі');
    world.value('actionPlan:fill', meetingScope());
    // The fixtures' housing body.
    world.value('issues:update', { id: issue.id, revision: issue.revision, fields: { bodyId: 'housing' } });
    expect(lineOf(issue.id).mark).toBe('in_progress');
  });

  it('changes nothing in the plan when a status change is refused', () => {
    const issue = register('Интернет жоқ');
    world.value('actionPlan:fill', meetingScope());
    const refused = world.call('issues:setStatus', { items: [{ id: issue.id, revision: issue.revision + 5 }], change: { statusId: 'done', onDate: '2025-07-12', comment: '', documentRef: '', outcome: null } });
    expect(refused.ok).toBe(false);
    expect(lineOf(issue.id)).toMatchObject({ mark: 'not_started', revision: 1 });
  });
});
