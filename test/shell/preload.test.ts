import { describe, expect, it, vi } from 'vitest';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: { invoke: (channel: string, input: unknown) => invoke(channel, input) },
}));

await import('../../electron/preload/index');

describe('preload', () => {
  it('exposes only window.esep.invoke', () => {
    expect(Object.keys(exposed)).toEqual(['esep']);
    expect(Object.keys(exposed.esep as object)).toEqual(['invoke']);
  });

  it('forwards contract channels and refuses others without touching IPC', async () => {
    const bridge = exposed.esep as { invoke(channel: string, input: unknown): Promise<unknown> };
    await expect(bridge.invoke('settings:get', {})).resolves.toEqual({ ok: true, value: { channel: 'settings:get', input: {} } });
    await expect(bridge.invoke('ELECTRON_BROWSER_REQUIRE', 'fs')).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(invoke).toHaveBeenCalledTimes(1);
  });
});
