import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, type ChannelName } from '../../shared/contract/channels';

const allowed = new Set<string>(CHANNELS);

/**
 * The only thing the page sees of Electron: `window.esep.invoke(channel, input)`, limited to
 * the contract's channels. ipcRenderer itself never crosses the bridge.
 */
export const bridge = {
  invoke(channel: ChannelName, input: unknown): Promise<unknown> {
    if (!allowed.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'forbidden', details: { channel: String(channel) } } });
    }
    return ipcRenderer.invoke(channel, input);
  },
};

contextBridge.exposeInMainWorld('esep', bridge);
