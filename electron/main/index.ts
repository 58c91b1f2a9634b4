import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, ipcMain, Menu, Notification, session } from 'electron';
import { openCore, type Core } from '../core/core';
import { corePaths } from '../core/paths';
import { systemClock } from '../core/clock';
import { automaticBackupOf } from '../core/services/backups.service';
import { createHandlers } from '../core/api/handlers';
import { getSettings } from '../core/services/settings.service';
import { listReminders } from '../core/services/reminders.service';
import { startOutbox } from '../core/exchange/mail/outbox-runner';
import { createI18n, errorMessage } from '../../shared/i18n';
import { EsepError } from '../../shared/errors';
import { registerIpc } from './ipc/register';
import { hardenSession } from './security';
import { registerAppScheme, serveAppScheme } from './protocol';
import { createMainWindow, preloadPath } from './window';
import { buildMenu } from './menu';
import { startReminderNotifications } from './notifications';
import { desktopPlatform } from './platform';

const mainDir = path.dirname(fileURLToPath(import.meta.url));
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

registerAppScheme();

let core: Core | undefined;

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

async function start(): Promise<void> {
  // The core opens before Chromium starts so the saved language can set its locale: that is
  // what date inputs and spelling follow.
  try {
    core = openCore({ paths: corePaths(app.getPath('userData'), resourcesDir()), clock: systemClock });
  } catch (error) {
    return explainAndQuit(error);
  }
  const opened = core;
  // Off the critical path: the online backup copies in steps while the window opens and works.
  const started = automaticBackupOf(opened, 'start').catch(backupFailed);
  backUpOnQuit(opened, started);
  const language = getSettings(core.ctx).language ?? 'kk';
  app.commandLine.appendSwitch('lang', language);
  await app.whenReady();

  const devServerOrigin = devServerUrl ? new URL(devServerUrl).origin : undefined;
  hardenSession(session.defaultSession);
  serveAppScheme(path.resolve(mainDir, '../renderer'));
  registerIpc(ipcMain, createHandlers(core, app.getVersion(), desktopPlatform()), devServerOrigin ? { devServerOrigin } : {});
  // Queued packages go out whenever the network is there, for as long as the app runs.
  const outbox = startOutbox(core);
  app.on('will-quit', () => void outbox.stop());
  const { t } = createI18n(language);
  Menu.setApplicationMenu(buildMenu(t, !app.isPackaged));
  const window = createMainWindow({ preloadFile: preloadPath(mainDir), ...(devServerUrl ? { devServerUrl } : {}) });
  if (Notification.isSupported()) {
    const { ctx } = core;
    const stopReminders = startReminderNotifications({ listReminders: () => listReminders(ctx), t, language });
    app.on('will-quit', stopReminders);
  }

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
}

/**
 * A backup as the app quits, when this session changed anything: quitting waits for it, and
 * for the start's backup if that is still copying (the core closes on will-quit). Once: the
 * second quit goes through even if it failed, so the app can always be closed.
 */
function backUpOnQuit(opened: Core, started: Promise<unknown>): void {
  let done = false;
  app.on('before-quit', (event) => {
    if (done) return;
    done = true;
    event.preventDefault();
    void started
      .then(() => automaticBackupOf(opened, 'quit'))
      .catch(backupFailed)
      .finally(() => app.quit());
  });
}

/** An automatic backup that failed stops nothing: the next start or quit tries again. */
function backupFailed(error: unknown): null {
  console.error('Esep: automatic backup failed', error);
  return null;
}

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => core?.close());

if (app.requestSingleInstanceLock()) void start();
else app.quit();
