import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, OPEN_PACKAGE_EVENT, type ChannelName } from '../../shared/contract/channels';

const allowed = new Set<string>(CHANNELS);

type OpenPackageListener = (path: string) => void;
const openListeners = new Set<OpenPackageListener>();
/** A package opened before the page listens (at start, the path comes with the first load): kept for the first listener. */
let unheard: string | null = null;

// Only the path crosses to the page, never the IPC event (it carries the sender).
ipcRenderer.on(OPEN_PACKAGE_EVENT, (_event, path: unknown) => {
  if (typeof path !== 'string' || path.length === 0 || path.length > 4096) return;
  if (openListeners.size === 0) unheard = path;
  for (const listener of openListeners) listener(path);
});

/**
 * The only thing the page sees of Electron: `window.esep.invoke(channel, input)`, limited to
 * the contract's channels, and `onOpenPackage`, the package files the system opened with Esep.
 * ipcRenderer itself never crosses the bridge.
 */
export const bridge = {
  invoke(channel: ChannelName, input: unknown): Promise<unknown> {
    if (!allowed.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'forbidden', details: { channel: String(channel) } } });
    }
    return ipcRenderer.invoke(channel, input);
  },
  /** Calls `listener` with each package's path (main checked it is a package file); returns the unsubscribe. */
  onOpenPackage(listener: OpenPackageListener): () => void {
    if (typeof listener !== 'function') throw new TypeError('onOpenPackage takes a function');
    openListeners.add(listener);
    if (unheard !== null) {
      const path = unheard;
      unheard = null;
      listener(path);
    }
    return () => void openListeners.delete(listener);
  },
};

contextBridge.exposeInMainWorld('esep', bridge);
