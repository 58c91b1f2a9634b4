import path from 'node:path';
import { BrowserWindow, shell } from 'electron';
import { APP_ORIGIN, hardenWebContents } from './security';

/** The one place windows are made: every window gets the same locked-down preferences. */
export function createMainWindow(options: { preloadFile: string; devServerUrl?: string }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Esep',
    webPreferences: {
      preload: options.preloadFile,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  const devServerOrigin = options.devServerUrl ? new URL(options.devServerUrl).origin : undefined;
  hardenWebContents(window.webContents, {
    ...(devServerOrigin ? { devServerOrigin } : {}),
    openExternal: (url) => void shell.openExternal(url),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}

export function preloadPath(mainDir: string): string {
  return path.join(mainDir, '../preload/index.cjs');
}
