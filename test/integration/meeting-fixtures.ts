import { createHandlers } from '../../electron/core/api/handlers';
import { dispatch } from '../../electron/core/api/dispatch';
import type { Core } from '../../electron/core/core';
import type { Envelope } from '../../shared/contract/envelope';
import { emptyPlan } from '../../shared/contract/meeting-defaults';

/** `call` returns the envelope; `value` unwraps it or throws with the error (for set-up steps). */
export function caller(core: Core) {
  const handlers = createHandlers(core, '0.0.0-test');
  const call = (channel: string, input: unknown) => dispatch(handlers, channel, input, () => {}) as Envelope<any>;
  const value = (channel: string, input: unknown) => {
    const result = call(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  return { call, value };
}

/** A complete `meetings:plan` input with nothing optional filled in; overrides add the rest. */
export function planInput(unitKato: string, plannedOn: string, windowKey: string | null, overrides: Record<string, unknown> = {}) {
  const obligation = windowKey ? { ruleSetId: 'decree-615', windowKey } : null;
  return { unitKato, ...emptyPlan(plannedOn, obligation), outsideWindowReason: windowKey ? '' : 'Outside any window', ...overrides };
}
