import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebContents } from './electron-mock';

const created: Array<{ options: any; webContents: FakeWebContents; loaded: string[] }> = [];

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
}));

const { createMainWindow } = await import('../../electron/main/window');

beforeEach(() => {
  created.length = 0;
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
      disableBlinkFeatures: 'Auxclick',
    });
    expect(created[0]!.loaded).toEqual(['app://esep/index.html']);
  });

  it('loads the dev server when one is given', () => {
    createMainWindow({ preloadFile: 'p', devServerUrl: 'http://localhost:5173/' });
    expect(created[0]!.loaded).toEqual(['http://localhost:5173/']);
  });
});
