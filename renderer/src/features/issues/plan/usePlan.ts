import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionPlan, ActionPlanLine, PlanRowFields, PlanScope } from '../../../../../shared/contract/action-plan.contract';
import type { ErrorPayload } from '../../../../../shared/errors';
import { useActionPlanStore } from '../../../stores/action-plan.store';
import type { Result } from '../../../stores/result';

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
  fill(): Promise<Result<ActionPlan>>;
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

  const { list, fill: fillPlan, saveRow, removeRow } = useActionPlanStore.getState();

  const load = useCallback(async (target: PlanScope) => {
    const result = await list(target);
    if (!result.ok) return setLoadError(result.error);
    if (JSON.stringify(live.current.scope) === JSON.stringify(target)) {
      setPlan(result.value);
      setLoadError(null);
    }
  }, [list]);

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

  // A row's save in flight, and the line each save returned. Focus leaving a row for the export
  // button starts a save, and the export's flush comes a moment later, before React re-renders:
  // it must wait for that save and compare with what it returned, or it sends the same edit
  // again at the revision the first save already used, and the core answers `conflict`
  // (the "changed in another window" warning after an edit and an export).
  const inFlight = useRef(new Map<string, Promise<void>>());
  const savedLines = useRef(new Map<string, ActionPlanLine>());

  const save = useCallback(
    async (id: string) => {
      const shown = live.current.plan?.lines.find((l) => l.id === id);
      const returned = savedLines.current.get(id);
      const line = returned && shown && returned.revision > shown.revision ? returned : shown;
      const draft = live.current.drafts[id];
      if (!line || !draft || same(draft, fieldsOf(line))) return;
      setRowState((s) => ({ ...s, [id]: { kind: 'saving' } }));
      const result = await saveRow({ id, revision: line.revision, issueId: line.issueId, fields: draft });
      if (result.ok) {
        savedLines.current.set(id, result.value);
        replaceLine(result.value);
        // Typing may have gone on while the save was on its way: keep what is newer.
        setDrafts((d) => {
          if (d[id] !== draft) return d;
          const { [id]: _, ...rest } = d;
          return rest;
        });
        setRowState((s) => ({ ...s, [id]: { kind: 'saved' } }));
        return;
      }
      const { error } = result;
      setRowState((s) => ({ ...s, [id]: { kind: 'error', error } }));
      if (error.code === 'conflict' || error.code === 'not_found') {
        setDrafts((d) => {
          const { [id]: _, ...rest } = d;
          return rest;
        });
        setReloaded(true);
        await load(live.current.scope);
      }
    },
    [load, saveRow],
  );

  /** One save of a row at a time: a commit while one is on its way runs after it. */
  const commit = useCallback(
    (id: string): Promise<void> => {
      const next = (inFlight.current.get(id) ?? Promise.resolve()).then(() => save(id));
      inFlight.current.set(id, next);
      void next.finally(() => {
        if (inFlight.current.get(id) === next) inFlight.current.delete(id);
      });
      return next;
    },
    [save],
  );

  const flushAll = useCallback(async () => {
    for (const id of Object.keys(live.current.drafts)) await commit(id);
  }, [commit]);

  // Leaving the tab or the screen must not lose a row being typed.
  useEffect(() => () => void flushAll(), [flushAll]);

  async function fill(): Promise<Result<ActionPlan>> {
    await flushAll();
    setActionError(null);
    const result = await fillPlan(live.current.scope);
    if (result.ok) setPlan(result.value);
    else setActionError(result.error);
    return result;
  }

  async function addMeasure(issueId: string): Promise<ActionPlanLine | null> {
    setActionError(null);
    const first = live.current.plan?.lines.find((l) => l.issueId === issueId);
    const result = await saveRow({
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
    if (!result.ok) {
      setActionError(result.error);
      return null;
    }
    await load(live.current.scope);
    return result.value;
  }

  async function remove(line: ActionPlanLine): Promise<void> {
    setActionError(null);
    const result = await removeRow({ id: line.id, revision: line.revision });
    if (result.ok) {
      setDrafts((d) => {
        const { [line.id]: _, ...rest } = d;
        return rest;
      });
    } else {
      setActionError(result.error);
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
