import { createApi, type Api, type Transport } from '../../shared/contract/api';
import type { ChannelName } from '../../shared/contract/contract';
import { isJobChannel } from '../../shared/contract/channels';
import type { Envelope } from '../../shared/contract/envelope';

/** What the Electron preload exposes on `window.esep` (see electron/preload/index.ts). */
export interface EsepBridge {
  invoke(channel: ChannelName, input: unknown): Promise<Envelope<unknown>>;
  /** The package files the system opened with Esep (a double-click); returns the unsubscribe. */
  onOpenPackage?(listener: (path: string) => void): () => void;
}

declare global {
  interface Window {
    esep?: EsepBridge;
  }
}

const TOKEN_KEY = 'esep.hostToken';

/**
 * In the browser host the token arrives in the URL fragment (never sent to the server in a
 * Referer or a log) and is kept for this tab only, so a reload still works.
 */
function hostToken(): string {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/**
 * Set while the page goes away (reload, tab closed): requests sent then (the minutes' last
 * words) are `keepalive`, so the browser delivers them after the page is gone. Only then: the
 * browser caps keepalive bodies in flight at 64 kB.
 */
let unloading = false;
window.addEventListener('pagehide', () => (unloading = true));
window.addEventListener('pageshow', () => (unloading = false));

function httpTransport(token: string): Transport {
  return async (channel, input) => {
    const body = JSON.stringify(input ?? {});
    const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Esep-Token': token },
      body,
      keepalive: unloading && body.length < 60_000,
    });
    return (await response.json()) as Envelope<unknown>;
  };
}

function pickTransport(): Transport {
  const bridge = window.esep;
  if (bridge) return (channel, input) => bridge.invoke(channel, input);
  return httpTransport(hostToken());
}

/** The long jobs (JOB_CHANNELS) this window waits for, oldest first, to whoever shows their progress. */
type JobsListener = (inFlight: readonly ChannelName[]) => void;
const jobsListeners = new Set<JobsListener>();
const jobsInFlight: ChannelName[] = [];

export function watchJobs(listener: JobsListener): () => void {
  jobsListeners.add(listener);
  listener(jobsInFlight);
  return () => jobsListeners.delete(listener);
}

function countingJobs(transport: Transport): Transport {
  const changed = () => {
    for (const listener of jobsListeners) listener([...jobsInFlight]);
  };
  return async (channel, input) => {
    if (!isJobChannel(channel)) return transport(channel, input);
    jobsInFlight.push(channel);
    changed();
    try {
      return await transport(channel, input);
    } finally {
      jobsInFlight.splice(jobsInFlight.indexOf(channel), 1);
      changed();
    }
  };
}

const damagedListeners = new Set<() => void>();

/**
 * Called whenever an answer says the database is damaged, whichever screen asked: the app-wide
 * banner then offers the backup. Returns the unsubscribe.
 */
export function onDatabaseDamaged(listener: () => void): () => void {
  damagedListeners.add(listener);
  return () => damagedListeners.delete(listener);
}

function watchingForDamage(transport: Transport): Transport {
  return async (channel, input) => {
    const envelope = await transport(channel, input);
    if (!envelope.ok && envelope.error.code === 'db_damaged') damagedListeners.forEach((listener) => listener());
    return envelope;
  };
}

/**
 * A package file the system opened with Esep, by its path (the desktop only: the browser host
 * has no files of its own to open). Returns the unsubscribe.
 */
export function onOpenedPackage(listener: (path: string) => void): () => void {
  return window.esep?.onOpenPackage?.(listener) ?? (() => undefined);
}

const sessionListeners = new Set<() => void>();

/**
 * Called whenever the core refuses a request because nobody is signed in or the screen is
 * locked (the idle lock in another worker, the computer locked, a sign-out elsewhere), whichever
 * store asked: the auth store then asks who is signed in, and the gate follows. Returns the
 * unsubscribe.
 */
export function onSessionRefused(listener: () => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

function watchingTheSession(transport: Transport): Transport {
  return async (channel, input) => {
    const envelope = await transport(channel, input);
    if (!envelope.ok && (envelope.error.code === 'auth_required' || envelope.error.code === 'auth_locked')) sessionListeners.forEach((listener) => listener());
    return envelope;
  };
}

/** The one typed accessor to the core, whichever door the app runs behind. */
export const api: Api = createApi(countingJobs(watchingTheSession(watchingForDamage(pickTransport()))));
