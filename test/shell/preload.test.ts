import { describe, expect, it, vi } from 'vitest';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } }));
const pushed = vi.hoisted(() => new Map<string, (event: unknown, ...args: unknown[]) => void>());

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: {
    invoke: (channel: string, input: unknown) => invoke(channel, input),
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => pushed.set(channel, listener),
  },
}));

await import('../../electron/preload/index');

describe('preload', () => {
  it('exposes only window.esep.invoke and window.esep.onOpenPackage', () => {
    expect(Object.keys(exposed)).toEqual(['esep']);
    expect(Object.keys(exposed.esep as object)).toEqual(['invoke', 'onOpenPackage']);
  });

  it('forwards contract channels and refuses others without touching IPC', async () => {
    const bridge = exposed.esep as { invoke(channel: string, input: unknown): Promise<unknown> };
    await expect(bridge.invoke('settings:get', {})).resolves.toEqual({ ok: true, value: { channel: 'settings:get', input: {} } });
    await expect(bridge.invoke('ELECTRON_BROWSER_REQUIRE', 'fs')).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(invoke).toHaveBeenCalledTimes(1);
  });
});

describe('preload: onOpenPackage', () => {
  type Bridge = { onOpenPackage(listener: (path: string) => void): () => void };
  const bridge = () => exposed.esep as Bridge;
  const push = (...args: unknown[]) => pushed.get('exchange:packageOpened')!({ sender: 'main' }, ...args);

  it('listens on the one push channel, keeps a path sent before the page listened for its first listener, and hands over only the path', () => {
    expect([...pushed.keys()]).toEqual(['exchange:packageOpened']);
    push('/media/usb/esep-103230000-2025-0001.esep');
    const heard: unknown[][] = [];
    const stop = bridge().onOpenPackage((...args) => heard.push(args));
    expect(heard).toEqual([['/media/usb/esep-103230000-2025-0001.esep']]);
    push('/media/usb/second.esep');
    expect(heard).toEqual([['/media/usb/esep-103230000-2025-0001.esep'], ['/media/usb/second.esep']]);
    stop();
    push('/media/usb/third.esep');
    expect(heard).toHaveLength(2);
    // Pushed while nobody listened: kept for the next listener, and for it alone.
    const later: string[] = [];
    const stopLater = bridge().onOpenPackage((p) => later.push(p));
    expect(later).toEqual(['/media/usb/third.esep']);
    stopLater();
    const last: string[] = [];
    bridge().onOpenPackage((p) => last.push(p))();
    expect(last).toEqual([]);
  });

  it('drops what is not a path, and refuses a listener that is not a function', () => {
    const heard: string[] = [];
    const stop = bridge().onOpenPackage((p) => heard.push(p));
    for (const bad of [undefined, 42, '', 'x'.repeat(5000), { path: '/a.esep' }]) push(bad);
    expect(heard).toEqual([]);
    stop();
    expect(() => bridge().onOpenPackage('alert(1)' as unknown as () => void)).toThrow(TypeError);
  });
});
