import { vi } from 'vitest';
import type { ActionPlan, ActionPlanLine, PlanRowFields, PlanScope } from '../../shared/contract/action-plan.contract';
import type { Issue } from '../../shared/contract/issues.contract';
import type { FileData } from '../../shared/contract/minutes.contract';
import type { Language } from '../../shared/contract/schemas';
import { AMOUNT_PATTERN } from '../../shared/domain/issues/plan';
import { EsepError } from '../../shared/errors';

/** What the action plan's channels need from the rest of the fake core. */
export interface PlanWorldDeps {
  issues(): Issue[];
  /** `kato` is `root` or lies under it. */
  within(root: string, kato: string): boolean;
  meeting(id: string): { id: string; unitKato: string; heldOn: string | null; plannedOn: string | null };
}

/**
 * The core's action plan in miniature: rows kept in memory against the fake issue log, filled
 * from an issue's answer and deadline, saved with revisions (a stale one is a conflict).
 */
export function createFakePlan(deps: PlanWorldDeps) {
  let rows: ActionPlanLine[] = [];
  let nextId = 1;
  const uuid = () => `00000000-0000-4000-e000-${String(nextId++).padStart(12, '0')}`;

  function inScope(scope: PlanScope): Issue[] {
    if ('meetingId' in scope) {
      deps.meeting(scope.meetingId);
      return deps
        .issues()
        .filter((i) => i.meetingId === scope.meetingId)
        .sort((a, b) => (a.meetingNo ?? 0) - (b.meetingNo ?? 0) || a.registryNo - b.registryNo);
    }
    if (scope.from > scope.to) throw new EsepError('range_invalid', { from: scope.from, to: scope.to });
    return deps
      .issues()
      .filter((i) => deps.within(scope.unitKato, i.unitKato) && i.raisedOn >= scope.from && i.raisedOn <= scope.to)
      .sort((a, b) => (a.unitKato < b.unitKato ? -1 : a.unitKato > b.unitKato ? 1 : a.registryNo - b.registryNo));
  }

  const issueOf = (i: Issue): ActionPlanLine['issue'] => ({
    registryNo: i.registryNo,
    meetingNo: i.meetingNo,
    unitKato: i.unitKato,
    localityKato: i.localityKato,
    text: i.text,
    kind: i.kind,
    raisedOn: i.raisedOn,
    meetingId: i.meetingId,
  });

  function plan(scope: PlanScope): ActionPlan {
    const issues = inScope(scope);
    const lines = issues.flatMap((i) => rows.filter((r) => r.issueId === i.id).sort((a, b) => a.ordinal - b.ordinal));
    return { lines, issuesWithoutRow: issues.filter((i) => !rows.some((r) => r.issueId === i.id)).length };
  }

  function issue(id: string): Issue {
    const i = deps.issues().find((x) => x.id === id);
    if (!i) throw new EsepError('not_found', { id });
    return i;
  }

  function row(id: string, revision: number): ActionPlanLine {
    const r = rows.find((x) => x.id === id);
    if (!r) throw new EsepError('not_found', { id });
    if (r.revision !== revision) throw new EsepError('conflict', { revision: r.revision });
    return r;
  }

  const api = {
    actionPlan: {
      list: vi.fn(async ({ scope }: { scope: PlanScope }) => plan(scope)),
      fill: vi.fn(async ({ scope }: { scope: PlanScope }) => {
        for (const i of inScope(scope)) {
          if (rows.some((r) => r.issueId === i.id)) continue;
          rows.push({
            id: uuid(), revision: 1, issueId: i.id, ordinal: 1, measure: i.answer, completionForm: '', executor: '', deadline: i.deadline,
            fundingSource: '', fundingAmount: '', mark: 'not_started', markNote: '', markDate: null, issue: issueOf(i),
          });
        }
        return plan(scope);
      }),
      saveRow: vi.fn(async (input: { id?: string; revision?: number; issueId: string; fields: PlanRowFields }) => {
        const amount = input.fields.fundingAmount.trim();
        if (amount !== '' && !AMOUNT_PATTERN.test(amount)) throw new EsepError('validation', { fields: ['fields.fundingAmount'] });
        if (input.id === undefined) {
          const i = issue(input.issueId);
          const ordinal = Math.max(0, ...rows.filter((r) => r.issueId === i.id).map((r) => r.ordinal)) + 1;
          const line: ActionPlanLine = { id: uuid(), revision: 1, issueId: i.id, ordinal, ...input.fields, issue: issueOf(i) };
          rows.push(line);
          return line;
        }
        const before = row(input.id, input.revision ?? 0);
        const after = { ...before, ...input.fields, revision: before.revision + 1 };
        rows = rows.map((r) => (r.id === after.id ? after : r));
        return after;
      }),
      removeRow: vi.fn(async ({ id, revision }: { id: string; revision: number }) => {
        row(id, revision);
        rows = rows.filter((r) => r.id !== id);
        return { id };
      }),
      export: vi.fn(async ({ scope, language, format }: { scope: PlanScope; language: Language; format: 'xlsx' | 'docx' }): Promise<FileData> => {
        inScope(scope);
        const mime =
          format === 'xlsx'
            ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
            : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
        return { fileName: `esep-action-plan-${language}.${format}`, mime, dataBase64: 'UEsDBA==' };
      }),
    },
  };

  return {
    api,
    reset(): void {
      rows = [];
      nextId = 1;
    },
    /** Another window's edit: the row's revision moves on behind the view's back. */
    touch(id: string, fields: Partial<PlanRowFields>): void {
      rows = rows.map((r) => (r.id === id ? { ...r, ...fields, revision: r.revision + 1 } : r));
    },
    rows: () => rows,
  };
}
