import { create } from 'zustand';
import { api } from '../api';
import type { ActionPlan, ActionPlanLine, PlanScope } from '../../../shared/contract/action-plan.contract';
import type { ChannelInput } from '../../../shared/contract/contract';
import type { FileData } from '../../../shared/contract/minutes.contract';
import { attempt, type Result } from './result';

interface ActionPlanActions {
  list(scope: PlanScope): Promise<Result<ActionPlan>>;
  /** Starts a row for every issue of the scope that has none. */
  fill(scope: PlanScope): Promise<Result<ActionPlan>>;
  saveRow(input: ChannelInput<'actionPlan:saveRow'>): Promise<Result<ActionPlanLine>>;
  removeRow(input: ChannelInput<'actionPlan:removeRow'>): Promise<Result<{ id: string }>>;
  export(input: ChannelInput<'actionPlan:export'>): Promise<Result<FileData>>;
}

/**
 * The action plan's calls to the core. Actions only: the plan on screen and the rows being
 * typed are the plan view's own (usePlan), so there is nothing here to cache or reset.
 */
export const useActionPlanStore = create<ActionPlanActions>()(() => ({
  list: (scope) => attempt(() => api.actionPlan.list({ scope })),
  fill: (scope) => attempt(() => api.actionPlan.fill({ scope })),
  saveRow: (input) => attempt(() => api.actionPlan.saveRow(input)),
  removeRow: (input) => attempt(() => api.actionPlan.removeRow(input)),
  export: (input) => attempt(() => api.actionPlan.export(input)),
}));
