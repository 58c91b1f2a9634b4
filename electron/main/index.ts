import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, ipcMain, Menu, Notification, powerMonitor, session, shell } from 'electron';
import { corePaths } from '../core/paths';
import { startCorePool, type CorePool } from '../core/worker/core-pool';
import type { Envelope } from '../../shared/contract/envelope';
import type { Reminder } from '../../shared/contract/calendar.contract';
import type { Settings } from '../../shared/contract/types';
import { createI18n, errorMessage } from '../../shared/i18n';
import { EsepError } from '../../shared/errors';
import { registerIpc } from './ipc/register';
import { hardenApp, hardenSession } from './security';
import { registerAppScheme, serveAppScheme } from './protocol';
import { createMainWindow, preloadPath } from './window';
import { buildMenu } from './menu';
import { startReminderNotifications } from './notifications';
import { desktopPlatform } from './platform';
import { openPackages } from './open-package';
import { lockOnLeave } from './lock-on-leave';

const mainDir = path.dirname(fileURLToPath(import.meta.url));
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const devServerOrigin = devServerUrl ? new URL(devServerUrl).origin : undefined;

registerAppScheme();
// Reviewed: hardenWebContents calls it only with an allow-listed https URL.
const openExternal = (url: string) => void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
hardenApp(app, { ...(devServerOrigin ? { devServerOrigin } : {}), openExternal });
// Now, before the app is ready: macOS tells of the package it was started to open that early.
const packages = openPackages(app, { argv: process.argv, ...(devServerOrigin ? { devServerOrigin } : {}) });

let pool: CorePool | undefined;

function resourcesDir(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.resolve(mainDir, '../../resources');
}

/** A database Esep must not open (from a newer version, damaged) is explained, then we quit. */
async function explainAndQuit(error: unknown): Promise<void> {
  await app.whenReady();
  const language = app.getPreferredSystemLanguages().some((l) => l.startsWith('ru')) ? 'ru' : 'kk';
  const t = createI18n(language).t;
  const message = error instanceof EsepError ? errorMessage(t, error.toPayload()) : String(error);
  dialog.showErrorBox('Esep', message);
  app.exit(1);
}

/** A value from the core, or the error it answered with, thrown. */
async function valueOf<T>(answer: Promise<Envelope<unknown>>): Promise<T> {
  const envelope = await answer;
  if (envelope.ok) return envelope.value as T;
  throw new EsepError(envelope.error.code as EsepError['code'], envelope.error.details);
}

async function start(): Promise<void> {
  // The core opens (in its workers, off this thread: the window never waits for the database)
  // before Chromium starts, so the saved language can set its locale: that is what date inputs
  // and spelling follow. The main worker backs up at start, in steps, while the window opens.
  let opened: CorePool;
  try {
    opened = await startCorePool({
      paths: corePaths(app.getPath('userData'), resourcesDir()),
      appVersion: app.getVersion(),
      platform: desktopPlatform(),
      backups: true,
      outbox: true,
    });
  } catch (error) {
    return explainAndQuit(error);
  }
  pool = opened;
  closeOnQuit(opened);
  // A database too damaged to say its language still opens a window (its banner offers a backup).
  const settings = await valueOf<Settings>(opened.call('settings:get', {})).catch(() => null);
  const language = settings?.language ?? 'kk';
  app.commandLine.appendSwitch('lang', language);
  await app.whenReady();

  hardenSession(session.defaultSession);
  serveAppScheme(path.resolve(mainDir, '../renderer'));
  registerIpc(ipcMain, opened.call, devServerOrigin ? { devServerOrigin } : {});
  const { t } = createI18n(language);
  Menu.setApplicationMenu(buildMenu(t, !app.isPackaged));
  const window = createMainWindow({ preloadFile: preloadPath(mainDir), ...(devServerUrl ? { devServerUrl } : {}) });
  packages.attach(window);
  app.on('will-quit', lockOnLeave(powerMonitor, opened.call));
  if (Notification.isSupported()) {
    const stopReminders = startReminderNotifications({ listReminders: () => valueOf<Reminder[]>(opened.call('reminders:list', {})), t, language });
    app.on('will-quit', stopReminders);
  }

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
}

/**
 * As the app quits, the core closes: the job under way ends as it would have, the outbox stops,
 * and the main worker backs up when this session changed anything. Quitting waits for it, once:
 * the second quit goes through whatever happened, so the app can always be closed.
 */
function closeOnQuit(opened: CorePool): void {
  let done = false;
  app.on('before-quit', (event) => {
    if (done) return;
    done = true;
    event.preventDefault();
    void opened
      .close({ backup: true })
      .catch((error: unknown) => console.error('Esep: closing the core failed', error))
      .finally(() => app.quit());
  });
}

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => void pool?.close());

if (app.requestSingleInstanceLock()) void start();
else app.quit();
