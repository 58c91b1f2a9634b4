import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebContents } from './electron-mock';
import { tempDir } from '../helpers/temp-core';
import { LATEST_VERSION } from '../../electron/core/db/migrations';
import { backupInto, listBackups } from '../../electron/core/db/backup';
import { openCoreOnCopy } from '../helpers/template-db';
import { damageMiddle, damageTable } from '../helpers/damage';

const state = vi.hoisted(() => ({
  userData: '',
  switches: [] as Array<[string, string]>,
  errorBoxes: [] as string[],
  exitCodes: [] as number[],
  ipcChannels: [] as string[],
  windows: [] as Array<{ options: any; loaded: string[] }>,
  menus: [] as unknown[],
  protocols: [] as string[],
  handlers: [] as Array<[string, (event: { preventDefault(): void }) => void]>,
  quits: 0,
}));

vi.mock('electron', () => ({
  app: {
    isPackaged: false,
    getPath: () => state.userData,
    whenReady: () => Promise.resolve(),
    commandLine: { appendSwitch: (name: string, value: string) => state.switches.push([name, value]) },
    requestSingleInstanceLock: () => true,
    enableSandbox: () => state.switches.push(['sandbox', 'all']),
    getPreferredSystemLanguages: () => ['ru-RU'],
    getVersion: () => '0.1.0',
    on: (name: string, handler: (event: { preventDefault(): void }) => void) => state.handlers.push([name, handler]),
    quit: () => state.quits++,
    exit: (code: number) => state.exitCodes.push(code),
  },
  powerMonitor: { on() {}, removeListener() {} },
  dialog: { showErrorBox: (_title: string, message: string) => state.errorBoxes.push(message) },
  ipcMain: { handle: (channel: string) => state.ipcChannels.push(channel) },
  Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: (menu: unknown) => state.menus.push(menu) },
  session: {
    defaultSession: {
      setPermissionRequestHandler() {},
      setPermissionCheckHandler() {},
      setDevicePermissionHandler() {},
      webRequest: { onHeadersReceived() {} },
    },
  },
  protocol: { registerSchemesAsPrivileged: () => {}, handle: (scheme: string) => state.protocols.push(scheme) },
  net: { fetch: () => {} },
  shell: { openExternal: () => {} },
  Notification: class {
    static isSupported() {
      return true;
    }
    show() {}
  },
  BrowserWindow: class {
    webContents = new FakeWebContents();
    loaded: string[] = [];
    constructor(options: unknown) {
      state.windows.push({ options, loaded: this.loaded });
    }
    once() {}
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
  },
}));

async function boot(): Promise<void> {
  vi.resetModules();
  await import('../../electron/main/index');
  // The core opens in its worker threads first (through tsx here: seconds on a busy machine).
  await vi.waitFor(() => expect(state.windows.length + state.exitCodes.length).toBeGreaterThan(0), { timeout: 30_000, interval: 50 });
}

beforeEach(() => {
  state.userData = tempDir('esep-main-');
  for (const list of [state.switches, state.errorBoxes, state.exitCodes, state.ipcChannels, state.windows, state.menus, state.protocols, state.handlers]) list.length = 0;
  state.quits = 0;
});

describe('the Electron main process', () => {
  it('opens the core in userData, sets the locale, registers IPC and the app scheme, and opens one window', async () => {
    await boot();
    expect(fs.existsSync(path.join(state.userData, 'esep.sqlite'))).toBe(true);
    expect(state.switches).toEqual([['sandbox', 'all'], ['lang', 'kk']]);
    expect(state.handlers.map(([name]) => name)).toContain('web-contents-created');
    expect(state.ipcChannels).toContain('obligations:grid');
    expect(state.protocols).toEqual(['app']);
    expect(state.windows).toHaveLength(1);
    expect(state.windows[0]!.options.webPreferences.preload).toMatch(/preload[\\/]index\.cjs$/);
    expect(state.windows[0]!.loaded).toEqual(['app://esep/index.html']);
    expect(state.menus).toHaveLength(1);
    expect(JSON.stringify(state.menus[0])).toContain('Шығу');
    expect(state.errorBoxes).toEqual([]);
  });

  it('explains a database from a newer Esep in the system language and quits without touching it', async () => {
    const file = path.join(state.userData, 'esep.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE t (x)');
    db.pragma(`user_version = ${LATEST_VERSION + 10}`);
    db.close();
    const before = fs.readFileSync(file);
    await boot();
    expect(state.exitCodes).toEqual([1]);
    expect(state.errorBoxes).toHaveLength(1);
    expect(state.errorBoxes[0]).toContain('более новой версией Esep');
    expect(state.windows).toEqual([]);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('backs up at start (once a day) and on quit after a session that changed something, quitting after it', async () => {
    await boot();
    const backups = path.join(state.userData, 'backups');
    await vi.waitFor(() => expect(listBackups(backups).map((b) => b.kind)).toEqual(['auto']), { timeout: 30_000, interval: 50 });
    const quit = state.handlers.filter(([name]) => name === 'before-quit').map(([, handler]) => handler);
    expect(quit).toHaveLength(1);
    let prevented = 0;
    quit[0]!({ preventDefault: () => prevented++ });
    expect(prevented).toBe(1);
    await vi.waitFor(() => expect(state.quits).toBe(1), { timeout: 30_000, interval: 50 });
    // A first run wrote the installation and the classifier: the quit copied it.
    expect(listBackups(backups).map((b) => b.kind)).toEqual(['auto', 'auto']);
    // The second quit is let through.
    quit[0]!({ preventDefault: () => prevented++ });
    expect(prevented).toBe(1);
  });

  it('opens a damaged database read-only: the window comes up, no copy of it is made, the good backup stays and the file is untouched', async () => {
    const core = openCoreOnCopy({ dataDir: state.userData, today: '2025-06-15' });
    const good = await backupInto(core.ctx.db, core.paths.backupDir, 'manual', new Date());
    core.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    core.close();
    damageMiddle(core.paths.dbFile);
    const before = fs.readFileSync(core.paths.dbFile);
    await boot();
    expect(state.errorBoxes).toEqual([]);
    expect(state.windows).toHaveLength(1);
    state.handlers.find(([name]) => name === 'before-quit')![1]({ preventDefault() {} });
    await vi.waitFor(() => expect(state.quits).toBe(1), { timeout: 30_000, interval: 50 });
    expect(listBackups(core.paths.backupDir).map((b) => b.file)).toEqual([good.file]);
    state.handlers.filter(([name]) => name === 'will-quit').forEach(([, handler]) => handler({ preventDefault() {} }));
    expect(fs.readFileSync(core.paths.dbFile).equals(before)).toBe(true);
  });

  it('opens the window even when the damage keeps the saved language from being read (in Kazakh then)', async () => {
    const core = openCoreOnCopy({ dataDir: state.userData, today: '2025-06-15' });
    core.ctx.db.prepare(`INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('language', 'ru', 0)`).run();
    core.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    core.close();
    damageTable(core.paths.dbFile, 'settings');
    await boot();
    expect(state.errorBoxes).toEqual([]);
    expect(state.windows).toHaveLength(1);
    expect(state.switches).toEqual([['sandbox', 'all'], ['lang', 'kk']]);
  });
});
