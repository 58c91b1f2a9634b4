import fs from 'node:fs';
import type { Platform } from '../../electron/core/platform';
import { vi, type Mock } from 'vitest';
import { createApi, type Api } from '../../shared/contract/api';
import { CHANNEL_NAMES, type ChannelName } from '../../shared/contract/contract';
import type { Envelope } from '../../shared/contract/envelope';
import type { Language } from '../../shared/contract/schemas';
import type { Meeting } from '../../shared/contract/types';
import type { IsoDate } from '../../shared/domain/dates';
import type { Core } from '../../electron/core/core';
import { createHandlers, type Handlers } from '../../electron/core/api/handlers';
import { dispatch } from '../../electron/core/api/dispatch';
import { openCoreOnCopy } from '../helpers/template-db';
import { tempDir } from '../helpers/temp-core';
import { addStaff } from '../helpers/staff';
import type { OperatorRole } from '../../shared/domain/operators/roles';

/** The day every renderer test lives on unless it says otherwise. */
export const TODAY: IsoDate = '2025-07-10';

/** Abay district of Abai oblast (the working root after set-up) and two of its rural okrugs. */
export const ROOT = { kato: '103200000', nameKk: 'Абай ауданы', nameRu: 'Абайский район' } as const;
export const OKRUG = { kato: '103230000', nameKk: 'Қараауыл а.о.', nameRu: 'Карааульский с.о.' } as const;
export const OKRUG_2 = { kato: '103233000', nameKk: 'Кеңгірбай би а.о.', nameRu: 'Кенгирбайбийский с.о' } as const;
/** A village of OKRUG (a venue). */
export const VILLAGE = { kato: '103230100', nameKk: 'Қараауыл а.', nameRu: 'с.Карааул' } as const;

export type SpiedHandlers = { [K in ChannelName]: Mock<Handlers[K]> };

export interface TestCore {
  core: Core;
  /**
   * What the renderer's requests reach: each entry a spy that calls the real handler, so a test
   * can ask what the screen sent, or force a failure the core cannot be made to produce
   * (`handlers['meetings:plan'].mockImplementationOnce(() => { throw new EsepError('conflict') })`).
   */
  handlers: SpiedHandlers;
  /** The same core for a test's own set-up steps: validated and real, but not seen by the spies. */
  api: Api;
  /** The meetings `setUp` recorded. */
  seeded: Seeded;
}

export interface Seeded {
  /** The district's Q1 meeting, held on time on 12 February. */
  districtHeld: Meeting | null;
  /** The okrug's January meeting, held on time. */
  okrugJanuary: Meeting | null;
  /** The okrug's April window, held late (on 5 May). */
  okrugLate: Meeting | null;
}

let current: { test: TestCore; dir: string; closed: boolean } | null = null;

/** Calls a handler table the way a door does, with the structured clone IPC would make. */
function transportOnto(handlers: Handlers) {
  return async (channel: ChannelName, input: unknown): Promise<Envelope<unknown>> =>
    structuredClone(await dispatch(handlers, channel, structuredClone(input)));
}

/**
 * A fresh real core for this test, on its own copy of the template database. `setUp` completes
 * first-run set-up for Abay district and records three held meetings: the district's Q1 meeting
 * on time (12 February), the okrug's January meeting on time and its April window late (5 May);
 * the second okrug holds none.
 */
/**
 * `platform`: what the desktop shell would give the core (its dialogs), for the screens that
 * offer them; the browser host gives none.
 */
/**
 * `staff`: the installation gets one operator of each role (test/helpers/staff.ts) and this one
 * is signed in, after the set-up; without it the installation has no operators, and is open.
 */
export async function startCore(
  options: { setUp?: boolean; language?: Language | null; today?: IsoDate; platform?: Platform; staff?: OperatorRole } = {},
): Promise<TestCore> {
  if (current) closeCore();
  const dir = tempDir('esep-renderer-');
  const core = openCoreOnCopy({ dataDir: dir, today: options.today ?? TODAY, actor: 'Хатшы' });
  const real = createHandlers(core, '0.1.0-test', options.platform);
  const handlers = Object.fromEntries(CHANNEL_NAMES.map((channel) => [channel, vi.fn(real[channel])])) as unknown as SpiedHandlers;
  const api = createApi(transportOnto(real));
  const seeded: Seeded = { districtHeld: null, okrugJanuary: null, okrugLate: null };
  const language = options.language === undefined ? 'kk' : options.language;
  if (options.setUp) {
    await api.setup.complete({ rootKato: ROOT.kato, language: language ?? 'kk' });
    seeded.districtHeld = await api.meetings.recordHeld({ unitKato: ROOT.kato, heldOn: '2025-02-12' });
    seeded.okrugJanuary = await api.meetings.recordHeld({ unitKato: OKRUG.kato, heldOn: '2025-01-20', note: 'Ауыл клубында' });
    seeded.okrugLate = await api.meetings.recordHeld({ unitKato: OKRUG.kato, heldOn: '2025-05-05' });
  } else if (language) {
    await api.settings.setLanguage({ language });
  }
  if (options.staff) await addStaff(core, options.staff);
  const test: TestCore = { core, handlers, api, seeded };
  current = { test, dir, closed: false };
  return test;
}

/** The core the current test started. */
export function testCore(): TestCore {
  if (!current || current.closed) throw new Error('No core: call startCore() in beforeEach');
  return current.test;
}

/** The spy over one channel's handler in the current test's core. */
export function handler<K extends ChannelName>(channel: K): SpiedHandlers[K] {
  return testCore().handlers[channel];
}

/**
 * The bridge the renderer's api.ts finds on `window.esep`, as the Electron preload provides it.
 * A request made after its test ended (a timer that outlived the screen) gets an error rather
 * than reaching the next test's database.
 */
export function invoke(channel: ChannelName, input: unknown): Promise<Envelope<unknown>> {
  if (!current) return Promise.reject(new Error(`${channel} requested before startCore()`));
  if (current.closed) return Promise.resolve({ ok: false, error: { code: 'internal' } });
  return transportOnto(current.test.handlers as unknown as Handlers)(channel, input);
}

/**
 * Holds the channel's next request until the returned `release()`, then lets the real handler
 * answer it: to see a screen while a request is on its way, or answers arriving out of order.
 */
export function holdNext<K extends ChannelName>(channel: K): () => void {
  const spy = handler(channel) as unknown as Mock<(input: unknown) => unknown>;
  const real = spy.getMockImplementation()!;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  spy.mockImplementationOnce(async (input) => {
    await gate;
    return real(input);
  });
  return release;
}

export function closeCore(): void {
  if (!current || current.closed) return;
  current.closed = true;
  current.test.core.close();
  fs.rmSync(current.dir, { recursive: true, force: true });
}

const openPackageListeners = new Set<(path: string) => void>();

/**
 * The bridge's `onOpenPackage`, as the Electron preload provides it: `openPackageFromSystem`
 * plays the main process telling of a package file the system opened with Esep.
 */
export function onOpenPackage(listener: (path: string) => void): () => void {
  openPackageListeners.add(listener);
  return () => void openPackageListeners.delete(listener);
}

export function openPackageFromSystem(path: string): void {
  for (const listener of openPackageListeners) listener(path);
}
