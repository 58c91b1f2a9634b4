import path from 'node:path';
import { BrowserWindow } from 'electron';
import { APP_ORIGIN } from './security';

/**
 * The one place windows are made: every window gets the same locked-down preferences (its web
 * contents are hardened as they are created: security.ts hardenApp).
 */
export function createMainWindow(options: { preloadFile: string; devServerUrl?: string }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Esep',
    webPreferences: {
      // Reviewed: it exposes invoke(channel, input), limited to the contract's channels, and
      // onOpenPackage(listener), which hands the page a path main checked, never ipcRenderer.
      preload: options.preloadFile, // eng-disable PRELOAD_JS_CHECK
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      // A middle click would open a link in a new window, around setWindowOpenHandler.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}

export function preloadPath(mainDir: string): string {
  return path.join(mainDir, '../preload/index.cjs');
}
