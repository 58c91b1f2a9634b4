import { create } from 'zustand';
import { api, onOpenedPackage } from '../api';
import type { ChannelInput } from '../../../shared/contract/contract';
import type { ExportedPackage, ImportPreview, InstallationIdentity, OriginSummary, PackageSource } from '../../../shared/contract/exchange.contract';
import type { ErrorPayload } from '../../../shared/errors';
import { refreshDerived } from './changes';
import { useIssueReferenceStore } from './issue-reference.store';
import { useIssuesStore } from './issues.store';
import { useMeetingsStore } from './meetings.store';
import { attempt, type Result } from './result';
import { onReset } from './reset';
import { useAppStore } from './app.store';

/**
 * Where the import of one package file stands. The file's bytes stay here until it is applied
 * or another is picked: applying sends the very bytes the preview verified.
 */
export type ImportSession =
  | { step: 'none' }
  | { step: 'previewing'; fileName: string }
  /** The core refused the file itself (not a package, a bad signature, a flipped byte): nothing was read into the database. */
  | { step: 'refused'; fileName: string; error: ErrorPayload }
  | { step: 'preview'; source: PackageSource; fileName: string; preview: ImportPreview; applying: boolean; error: ErrorPayload | null }
  /** What applying did, as the core reports it. */
  | { step: 'applied'; fileName: string; result: ImportPreview };

interface ExchangeData {
  identity: InstallationIdentity | null;
  identityError: ErrorPayload | null;
  /** The installations received from; null until first asked. */
  origins: OriginSummary[] | null;
  originsError: ErrorPayload | null;
  /** The package written last in this session: its path and hash stay on screen until the next. */
  exported: ExportedPackage | null;
  /** The folder asked for last (the stick is usually the same one). */
  lastDir: string;
  importing: ImportSession;
  /** A package the system opened with Esep (its path), waiting for the Exchange screen to preview it. */
  opened: string | null;
}

interface ExchangeActions {
  loadIdentity(): Promise<Result<InstallationIdentity>>;
  /** Asks again every time (a package may have been imported since); `ensureOrigins` asks once. */
  loadOrigins(): Promise<Result<OriginSummary[]>>;
  /** The sources of received records, fetched once for the marks on cards and rows. */
  ensureOrigins(): void;
  exportPackage(input: ChannelInput<'exchange:export'>): Promise<Result<ExportedPackage>>;
  /** The system's folder dialog (the desktop only): the folder chosen, or null when cancelled. */
  chooseFolder(): Promise<Result<string | null>>;
  /** Verifies a package file and shows what importing it would do; nothing changes. */
  preview(source: PackageSource): Promise<Result<ImportPreview>>;
  /** A package the system opened with Esep: the Exchange screen shows, and previews it. */
  openPackage(path: string): void;
  /** The Exchange screen takes the package waiting for it, if any, into the preview. */
  previewOpened(): Promise<void>;
  /** Applies the previewed file; `trust`: the new origins whose fingerprint the user compared. */
  apply(trust: readonly string[]): Promise<Result<ImportPreview>>;
  /** Back to picking a file. */
  clearImport(): void;
}

export type ExchangeState = ExchangeData & ExchangeActions;

const initial: ExchangeData = {
  identity: null,
  identityError: null,
  origins: null,
  originsError: null,
  exported: null,
  lastDir: '',
  importing: { step: 'none' },
  opened: null,
};

/** The name a path ends with, on Windows or elsewhere (the core gives the same: path.basename). */
const fileNameOf = (source: PackageSource) => ('path' in source ? (source.path.split(/[\\/]/).pop() ?? source.path) : source.fileName);

// Not state: which preview is the latest (a second file picked while the first is checked wins),
// and whether the origins were asked for.
let latestPreview = 0;
let originsAsked = false;

/**
 * What an applied package makes stale: meetings and issues anywhere on screen, the figures
 * derived from them, and the reference lists it may have added to (categories, bodies).
 */
async function refreshReceived(): Promise<void> {
  await Promise.all([useMeetingsStore.getState().received(), refreshDerived(), useIssuesStore.getState().refresh(), useIssueReferenceStore.getState().load(true)]);
}

/** This installation as others see it, the installations it received from, and the exchange of packages. */
export const useExchangeStore = create<ExchangeState>()((set, get) => ({
  ...initial,

  async loadIdentity() {
    const result = await attempt(() => api.identity.get({}));
    set(result.ok ? { identity: result.value, identityError: null } : { identityError: result.error });
    return result;
  },

  async loadOrigins() {
    originsAsked = true;
    const result = await attempt(() => api.exchange.origins({}));
    set(result.ok ? { origins: result.value, originsError: null } : { originsError: result.error });
    return result;
  },

  ensureOrigins() {
    if (!originsAsked) void get().loadOrigins();
  },

  async exportPackage(input) {
    set({ lastDir: input.dir });
    const result = await attempt(() => api.exchange.export(input));
    if (result.ok) set({ exported: result.value });
    return result;
  },

  async chooseFolder() {
    const result = await attempt(() => api.exchange.chooseFolder({}));
    return result.ok ? { ok: true, value: result.value.path } : result;
  },

  async preview(source) {
    const request = ++latestPreview;
    const fileName = fileNameOf(source);
    set({ importing: { step: 'previewing', fileName } });
    const result = await attempt(() => api.exchange.preview({ source }));
    if (request !== latestPreview) return result;
    set({
      importing: result.ok
        ? { step: 'preview', source, fileName, preview: result.value, applying: false, error: null }
        : { step: 'refused', fileName, error: result.error },
    });
    return result;
  },

  async apply(trust) {
    const session = get().importing;
    if (session.step !== 'preview' || session.applying) return { ok: false, error: { code: 'internal' } };
    const request = ++latestPreview;
    set({ importing: { ...session, applying: true, error: null } });
    const result = await attempt(() => api.exchange.import({ source: session.source, trust: [...trust] }));
    if (request !== latestPreview) return result;
    if (!result.ok) {
      // Refused whole, nothing changed: the preview stays, with the reason, for another try.
      set({ importing: { ...session, applying: false, error: result.error } });
      return result;
    }
    set({ importing: { step: 'applied', fileName: session.fileName, result: result.value } });
    await Promise.all([get().loadOrigins(), refreshReceived()]);
    return result;
  },

  openPackage(path) {
    set({ opened: path });
    useAppStore.getState().navigate('exchange');
  },

  async previewOpened() {
    const { opened, importing } = get();
    // A package being applied finishes first; what it did is shown before the next preview.
    if (opened === null || (importing.step === 'preview' && importing.applying)) return;
    set({ opened: null });
    await get().preview({ path: opened });
  },

  clearImport() {
    latestPreview++;
    set({ importing: { step: 'none' } });
  },
}));

// For the whole life of the page: a double-click on a package while Esep runs, whichever screen shows.
onOpenedPackage((path) => useExchangeStore.getState().openPackage(path));

onReset(() => {
  latestPreview = 0;
  originsAsked = false;
  useExchangeStore.setState(initial);
});
