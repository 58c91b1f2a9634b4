import { create } from 'zustand';
import type { FileData, Minutes } from '../../../shared/contract/minutes.contract';
import type { MinutesBody } from '../../../shared/domain/minutes/minutes';
import type { Language } from '../../../shared/contract/schemas';
import { EsepError, type ErrorPayload } from '../../../shared/errors';
import { api } from '../api';
import { attempt, DONE, toErrorPayload, type Result } from './result';
import { onReset } from './reset';

/**
 * A change is saved at most this long after it was typed, even while typing goes on: a pause
 * would never come from a secretary who types without stopping, and a power cut then would cost
 * everything since the last pause. One save per interval, not one per keystroke.
 */
export const AUTOSAVE_DELAY_MS = 800;

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

interface MinutesData {
  meetingId: string | null;
  /** The minutes as the core last returned them (its revision is the one the next save uses). */
  minutes: Minutes | null;
  /** What the secretary sees and types into; ahead of `minutes` until the next save returns. */
  body: MinutesBody | null;
  loadError: ErrorPayload | null;
  saveState: SaveState;
  savedAt: number | null;
  saveError: ErrorPayload | null;
  /** A stale revision made the store reload the minutes: the editor says so. */
  reloaded: boolean;
  /** Final minutes being changed: edits stay local until the amendment (with a reason) is sent. */
  amending: boolean;
}

interface MinutesActions {
  open(meetingId: string): Promise<void>;
  /** Any change to the body; a draft is saved once typing stops. */
  edit(change: (body: MinutesBody) => MinutesBody): void;
  /** Saves a pending change now (a field lost focus, the panel closes). */
  flush(): Promise<void>;
  finalize(): Promise<Result<void>>;
  startAmend(): void;
  cancelAmend(): void;
  amend(reason: string): Promise<Result<void>>;
  /** The minutes as a Word document, with whatever was just typed saved first. */
  exportDocx(minutesId: string, language: Language): Promise<Result<FileData>>;
}

export type MinutesState = MinutesData & MinutesActions;

const initial: MinutesData = {
  meetingId: null,
  minutes: null,
  body: null,
  loadError: null,
  saveState: 'idle',
  savedAt: null,
  saveError: null,
  reloaded: false,
  amending: false,
};

/** A save the database was too busy for goes again after BUSY_RETRY_MS, up to BUSY_RETRIES times. */
export const BUSY_RETRY_MS = 1000;
export const BUSY_RETRIES = 5;

// The save machinery, not state: nothing renders from it.
let timer: ReturnType<typeof setTimeout> | null = null;
let dirty = false;
let inFlight: Promise<void> | null = null;

function clearTimer(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
}

export const useMinutesStore = create<MinutesState>()((set, get) => {
  /** One save at a time; while one is in flight later edits wait and go with its revision. */
  async function saveLoop(): Promise<void> {
    let busyTries = 0;
    while (dirty) {
      const { minutes, body } = get();
      if (!minutes || !body || minutes.status !== 'draft') {
        dirty = false;
        return;
      }
      dirty = false;
      set({ saveState: 'saving' });
      try {
        const saved = await api.minutes.save({ minutesId: minutes.id, revision: minutes.revision, body: bodyOf(body) });
        set({ minutes: saved, saveState: dirty ? 'saving' : 'saved', savedAt: saved.updatedAt, saveError: null });
      } catch (error) {
        const payload = toErrorPayload(error);
        // The database was busy (another program held it past the wait): nothing was saved and
        // the draft is here, so the same save goes again in a moment, a few times, unasked.
        if (payload.code === 'db_busy' && busyTries++ < BUSY_RETRIES) {
          dirty = true;
          await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
          continue;
        }
        dirty = false;
        if (payload.code === 'conflict' || payload.code === 'minutes_final') {
          try {
            const fresh = await api.minutes.open({ meetingId: minutes.meetingId });
            set({ minutes: fresh, body: bodyOf(fresh), reloaded: true });
          } catch {
            // The reload failed too: the error below stays on screen.
          }
        }
        set({ saveState: 'error', saveError: payload });
        return;
      }
    }
  }

  function save(): Promise<void> {
    if (!inFlight) {
      inFlight = saveLoop().finally(() => {
        inFlight = null;
      });
    }
    return inFlight;
  }

  return {
    ...initial,
    async open(meetingId) {
      clearTimer();
      dirty = false;
      set({ ...initial, meetingId });
      try {
        const minutes = await api.minutes.open({ meetingId });
        if (get().meetingId === meetingId) set({ minutes, body: bodyOf(minutes) });
      } catch (error) {
        if (get().meetingId === meetingId) set({ loadError: toErrorPayload(error) });
      }
    },
    edit(change) {
      const { body, minutes, amending } = get();
      if (!body || !minutes) return;
      if (minutes.status === 'final' && !amending) return;
      set({ body: change(body), reloaded: false });
      if (minutes.status !== 'draft') return;
      dirty = true;
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        void save();
      }, AUTOSAVE_DELAY_MS);
    },
    async flush() {
      clearTimer();
      if (dirty || inFlight) await save();
    },
    async finalize() {
      await get().flush();
      const { minutes } = get();
      if (!minutes) return DONE;
      const result = await attempt(() => api.minutes.finalize({ minutesId: minutes.id, revision: minutes.revision }));
      if (!result.ok) return result;
      set({ minutes: result.value, body: bodyOf(result.value), amending: false });
      return DONE;
    },
    startAmend() {
      set({ amending: true });
    },
    cancelAmend() {
      const { minutes } = get();
      set({ amending: false, body: minutes ? bodyOf(minutes) : null });
    },
    async amend(reason) {
      const { minutes, body } = get();
      if (!minutes || !body) return DONE;
      if (reason.trim() === '') return { ok: false, error: new EsepError('validation', { fields: ['reason'] }).toPayload() };
      const result = await attempt(() => api.minutes.amend({ minutesId: minutes.id, revision: minutes.revision, reason: reason.trim(), body: bodyOf(body) }));
      if (!result.ok) return result;
      set({ minutes: result.value, body: bodyOf(result.value), amending: false });
      return DONE;
    },
    async exportDocx(minutesId, language) {
      await get().flush();
      return attempt(() => api.minutes.exportDocx({ minutesId, language }));
    },
  };
});

// Reload, window closed: what is still pending goes now. (The API module registered its own
// pagehide listener first, so the request is sent as keepalive in the browser host; under
// Electron the IPC message leaves before the page does.)
window.addEventListener('pagehide', () => void useMinutesStore.getState().flush());

/** Only the body's fields: the contract's schemas are strict. */
export function bodyOf(b: MinutesBody): MinutesBody {
  return {
    number: b.number,
    date: b.date,
    place: b.place,
    chair: b.chair,
    secretary: b.secretary,
    presentCount: b.presentCount,
    presentList: b.presentList,
    invited: b.invited,
    items: b.items,
  };
}

onReset(() => {
  clearTimer();
  dirty = false;
  inFlight = null;
  useMinutesStore.setState(initial);
});
