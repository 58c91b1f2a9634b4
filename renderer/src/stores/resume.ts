import type { ResumePoint } from '../../../shared/contract/schemas';
import { api } from '../api';
import { usePanelStore } from './panel.store';
import { onReset } from './reset';

/** Focus stays this long in a field before it is remembered: tabbing through sends nothing. */
export const RESUME_DELAY_MS = 300;

/** The contract's rule for a field (its data-testid); anything else is never sent or queried. */
const FIELD = /^[a-z0-9-]{1,100}$/;

// The machinery, not state: nothing renders from it.
let timer: ReturnType<typeof setTimeout> | null = null;
/** The field the timer will send. */
let waiting: ResumePoint | null = null;
/** What the core holds as far as this window knows; undefined until something is known. */
let known: string | null | undefined;
let queue: Promise<unknown> = Promise.resolve();
/** The field to focus once the minutes editor of its meeting shows (set at launch). */
let pending: ResumePoint | null = null;

const keyOf = (point: ResumePoint | null) => (point ? `${point.meetingId}/${point.field}` : null);

function cancel(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  waiting = null;
}

/** Sends only a change, one request after another so a later "closed" never overtakes a field. */
function send(point: ResumePoint | null): void {
  const key = keyOf(point);
  if (key === known) return;
  known = key;
  // Losing a resume point costs a click at the next launch: not worth an error on screen.
  queue = queue.then(() => api.settings.setResume({ resume: point })).catch(() => undefined);
}

/** Focus went to a field of a meeting's minutes editor. */
export function rememberField(meetingId: string, field: string | undefined): void {
  if (!field || !FIELD.test(field)) return;
  cancel();
  const point = { meetingId, field };
  waiting = point;
  timer = setTimeout(() => {
    cancel();
    send(point);
  }, RESUME_DELAY_MS);
}

/** The minutes were closed: the next launch starts afresh. */
export function forgetField(): void {
  cancel();
  send(null);
}

/** At launch: reopens the minutes where the secretary was typing; the editor then takes the field. */
export function resumeAt(point: ResumePoint | null): void {
  if (!point || !FIELD.test(point.field)) return;
  pending = point;
  known = keyOf(point);
  usePanelStore.getState().open({ kind: 'minutes', meetingId: point.meetingId });
}

/** The field to focus in this meeting's editor, once: later openings start at the top. */
export function takePendingField(meetingId: string): string | null {
  if (pending?.meetingId !== meetingId) return null;
  const { field } = pending;
  pending = null;
  return field;
}

// Reload, window closed: a field still waiting for its pause goes now, and straight away rather
// than queued behind a reply the page will not live to see. (The API module registered its
// pagehide listener first, so in the browser host the request is sent as keepalive.)
window.addEventListener('pagehide', () => {
  const point = waiting;
  cancel();
  if (!point || keyOf(point) === known) return;
  known = keyOf(point);
  void api.settings.setResume({ resume: point }).catch(() => undefined);
});

onReset(() => {
  cancel();
  known = undefined;
  pending = null;
  queue = Promise.resolve();
});
