import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionPlan, ActionPlanLine, PlanRowFields, PlanScope } from '../../../../../shared/contract/action-plan.contract';
import type { ErrorPayload } from '../../../../../shared/errors';
import { api } from '../../../api';
import { toErrorPayload } from '../../../stores/result';

export type RowState = { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; error: ErrorPayload };

export const fieldsOf = (l: PlanRowFields): PlanRowFields => ({
  measure: l.measure,
  completionForm: l.completionForm,
  executor: l.executor,
  deadline: l.deadline,
  fundingSource: l.fundingSource,
  fundingAmount: l.fundingAmount,
  mark: l.mark,
  markNote: l.markNote,
  markDate: l.markDate,
});

const same = (a: PlanRowFields, b: PlanRowFields) => (Object.keys(a) as Array<keyof PlanRowFields>).every((k) => a[k] === b[k]);

export interface PlanView {
  plan: ActionPlan | null;
  loadError: ErrorPayload | null;
  /** The row as typed (ahead of the stored one until its save returns). */
  fieldsOf(line: ActionPlanLine): PlanRowFields;
  edit(line: ActionPlanLine, patch: Partial<PlanRowFields>): void;
  /** Saves the row if it was changed (focus left it). */
  commit(id: string): Promise<void>;
  /** Every changed row now (before an export, on leaving the view). */
  flushAll(): Promise<void>;
  rowState: Record<string, RowState>;
  /** A stale revision made the view reload the plan. */
  reloaded: boolean;
  fill(): Promise<ErrorPayload | null>;
  addMeasure(issueId: string): Promise<ActionPlanLine | null>;
  remove(line: ActionPlanLine): Promise<void>;
  actionError: ErrorPayload | null;
}

/**
 * The plan of a scope with its rows' edits: each row autosaves when focus leaves it, with the
 * revision it was read at; a conflict reloads the plan and says so, a refused value stays
 * typed in its row with the reason.
 */
export function usePlan(scope: PlanScope): PlanView {
  const key = JSON.stringify(scope);
  const [plan, setPlan] = useState<ActionPlan | null>(null);
  const [loadError, setLoadError] = useState<ErrorPayload | null>(null);
  const [drafts, setDrafts] = useState<Record<string, PlanRowFields>>({});
  const [rowState, setRowState] = useState<Record<string, RowState>>({});
  const [reloaded, setReloaded] = useState(false);
  const [actionError, setActionError] = useState<ErrorPayload | null>(null);
  // The latest values for callbacks that outlive a render (blur after a re-render, unmount).
  const live = useRef({ plan, drafts, scope });
  live.current = { plan, drafts, scope };

  const load = useCallback(async (target: PlanScope) => {
    try {
      const fresh = await api.actionPlan.list({ scope: target });
      if (JSON.stringify(live.current.scope) === JSON.stringify(target)) {
        setPlan(fresh);
        setLoadError(null);
      }
    } catch (error) {
      setLoadError(toErrorPayload(error));
    }
  }, []);

  useEffect(() => {
    setPlan(null);
    setDrafts({});
    setRowState({});
    setReloaded(false);
    setActionError(null);
    void load(JSON.parse(key) as PlanScope);
  }, [key, load]);

  const replaceLine = (line: ActionPlanLine) =>
    setPlan((p) => (p ? { ...p, lines: p.lines.map((l) => (l.id === line.id ? line : l)) } : p));

  const commit = useCallback(
    async (id: string) => {
      const line = live.current.plan?.lines.find((l) => l.id === id);
      const draft = live.current.drafts[id];
      if (!line || !draft || same(draft, fieldsOf(line))) return;
      setRowState((s) => ({ ...s, [id]: { kind: 'saving' } }));
      try {
        const saved = await api.actionPlan.saveRow({ id, revision: line.revision, issueId: line.issueId, fields: draft });
        replaceLine(saved);
        // Typing may have gone on while the save was on its way: keep what is newer.
        setDrafts((d) => {
          if (d[id] !== draft) return d;
          const { [id]: _, ...rest } = d;
          return rest;
        });
        setRowState((s) => ({ ...s, [id]: { kind: 'saved' } }));
      } catch (error) {
        const payload = toErrorPayload(error);
        setRowState((s) => ({ ...s, [id]: { kind: 'error', error: payload } }));
        if (payload.code === 'conflict' || payload.code === 'not_found') {
          setDrafts((d) => {
            const { [id]: _, ...rest } = d;
            return rest;
          });
          setReloaded(true);
          await load(live.current.scope);
        }
      }
    },
    [load],
  );

  const flushAll = useCallback(async () => {
    for (const id of Object.keys(live.current.drafts)) await commit(id);
  }, [commit]);

  // Leaving the tab or the screen must not lose a row being typed.
  useEffect(() => () => void flushAll(), [flushAll]);

  async function fill(): Promise<ErrorPayload | null> {
    await flushAll();
    setActionError(null);
    try {
      setPlan(await api.actionPlan.fill({ scope: live.current.scope }));
      return null;
    } catch (error) {
      const payload = toErrorPayload(error);
      setActionError(payload);
      return payload;
    }
  }

  async function addMeasure(issueId: string): Promise<ActionPlanLine | null> {
    setActionError(null);
    const first = live.current.plan?.lines.find((l) => l.issueId === issueId);
    try {
      const line = await api.actionPlan.saveRow({
        issueId,
        fields: {
          measure: '',
          completionForm: '',
          executor: first?.executor ?? '',
          deadline: first?.deadline ?? null,
          fundingSource: '',
          fundingAmount: '',
          mark: 'not_started',
          markNote: '',
          markDate: null,
        },
      });
      await load(live.current.scope);
      return line;
    } catch (error) {
      setActionError(toErrorPayload(error));
      return null;
    }
  }

  async function remove(line: ActionPlanLine): Promise<void> {
    setActionError(null);
    try {
      await api.actionPlan.removeRow({ id: line.id, revision: line.revision });
      setDrafts((d) => {
        const { [line.id]: _, ...rest } = d;
        return rest;
      });
    } catch (error) {
      setActionError(toErrorPayload(error));
    }
    await load(live.current.scope);
  }

  return {
    plan,
    loadError,
    fieldsOf: (line) => drafts[line.id] ?? fieldsOf(line),
    edit(line, patch) {
      setDrafts((d) => ({ ...d, [line.id]: { ...(d[line.id] ?? fieldsOf(line)), ...patch } }));
      setReloaded(false);
    },
    commit,
    flushAll,
    rowState,
    reloaded,
    fill,
    addMeasure,
    remove,
    actionError,
  };
}
