import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebContents } from './electron-mock';

const created: Array<{ options: any; webContents: FakeWebContents; loaded: string[] }> = [];
const openExternal = vi.fn();

vi.mock('electron', () => ({
  BrowserWindow: class {
    webContents = new FakeWebContents();
    loaded: string[] = [];
    constructor(options: unknown) {
      created.push({ options, webContents: this.webContents, loaded: this.loaded });
    }
    once() {}
    show() {}
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
  },
  shell: { openExternal: (url: string) => openExternal(url) },
}));

const { createMainWindow } = await import('../../electron/main/window');

beforeEach(() => {
  created.length = 0;
  openExternal.mockReset();
});

describe('createMainWindow', () => {
  it('turns every web preference of the security baseline on (and node off)', () => {
    createMainWindow({ preloadFile: '/app/out/preload/index.cjs' });
    const prefs = created[0]!.options.webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
    expect(created[0]!.loaded).toEqual(['app://esep/index.html']);
  });

  it('denies navigation and redirects away from the app, and webviews', () => {
    createMainWindow({ preloadFile: 'p' });
    const wc = created[0]!.webContents;
    expect(wc.fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(wc.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(wc.fire('will-redirect', 'http://127.0.0.1:9999/')).toBe(true);
    expect(wc.fire('will-navigate', 'app://esep/index.html#/settings')).toBe(false);
    expect(wc.fire('will-attach-webview')).toBe(true);
  });

  it('allows the dev server origin only when one is given', () => {
    createMainWindow({ preloadFile: 'p', devServerUrl: 'http://localhost:5173/' });
    const wc = created[0]!.webContents;
    expect(created[0]!.loaded).toEqual(['http://localhost:5173/']);
    expect(wc.fire('will-navigate', 'http://localhost:5173/x')).toBe(false);
    expect(wc.fire('will-navigate', 'http://localhost:5174/x')).toBe(true);
  });

  it('never opens a new window; allow-listed https links go to the system browser', () => {
    createMainWindow({ preloadFile: 'p' });
    const open = created[0]!.webContents.windowOpenHandler!;
    expect(open({ url: 'https://adilet.zan.kz/rus/docs/U1300000615' })).toEqual({ action: 'deny' });
    expect(open({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'http://adilet.zan.kz/' })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://adilet.zan.kz/rus/docs/U1300000615']]);
  });
});
