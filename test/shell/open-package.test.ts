import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { App, BrowserWindow } from 'electron';
import { tempDir } from '../helpers/temp-core';

vi.mock('electron', () => ({}));

const { openPackages, packageFileToOpen } = await import('../../electron/main/open-package');

/** A window whose page records what main pushes to it. */
class FakeWindow {
  sent: Array<[string, ...unknown[]]> = [];
  url = 'app://esep/index.html';
  focused = 0;
  restored = 0;
  minimized = false;
  webContents = Object.assign(new EventEmitter(), {
    send: (channel: string, ...args: unknown[]) => this.sent.push([channel, ...args]),
    getURL: () => this.url,
  });
  isDestroyed = () => false;
  isMinimized = () => this.minimized;
  restore = () => void this.restored++;
  focus = () => void this.focused++;
}

let dir: string;
let app: EventEmitter;
const pkg = (name: string, bytes = 100) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.alloc(bytes, 1));
  return file;
};
const start = (argv: string[]) => openPackages(app as unknown as App, { argv });
const attach = (opener: ReturnType<typeof start>, window = new FakeWindow()) => {
  opener.attach(window as unknown as BrowserWindow);
  return window;
};
const load = (window: FakeWindow) => window.webContents.emit('did-finish-load');
const opened = (window: FakeWindow) => window.sent.filter(([channel]) => channel === 'exchange:packageOpened').map(([, file]) => file);
/** The checks are asynchronous (a stat): a few turns of the loop. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeEach(() => {
  dir = tempDir('esep-open-');
  app = new EventEmitter();
});

describe('a package file the system opens with Esep', () => {
  it('named on the command line at start is sent once the page has loaded, not before, and the window comes forward', async () => {
    const file = pkg('esep-103230000-2025-0001.esep');
    const opener = start(['/opt/Esep/esep', '--no-sandbox', file]);
    const window = attach(opener);
    await settle();
    expect(window.sent).toEqual([]);
    window.minimized = true;
    load(window);
    expect(window.sent).toEqual([['exchange:packageOpened', file]]);
    expect({ restored: window.restored, focused: window.focused }).toEqual({ restored: 1, focused: 1 });
    // A reload does not open it again.
    load(window);
    expect(opened(window)).toEqual([file]);
  });

  it('on a second start while Esep runs (second-instance) is sent to the running window; the last of several wins', async () => {
    const opener = start(['/opt/Esep/esep']);
    const window = attach(opener);
    load(window);
    await settle();
    expect(window.sent).toEqual([]);
    const first = pkg('a.esep');
    const second = pkg('b.ZIP');
    app.emit('second-instance', {}, ['C:\\Esep\\Esep.exe', '--allow-file-access-from-files', first, second], dir);
    await settle();
    expect(opened(window)).toEqual([second]);
  });

  it("from macOS's open-file, even before the window exists, is taken (the default prevented) and sent when the page loads", async () => {
    const opener = start(['/Applications/Esep.app/Contents/MacOS/Esep']);
    const file = pkg('esep-103230000-2025-0001.esep');
    const event = { preventDefault: vi.fn() };
    app.emit('open-file', event, file);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
    await settle();
    const window = attach(opener);
    load(window);
    expect(opened(window)).toEqual([file]);
  });

  it('is ignored when it is not an absolute path to a regular, non-empty package-named file within the size limit', async () => {
    const good = pkg('good.esep');
    fs.mkdirSync(path.join(dir, 'folder.esep'));
    const candidates = [
      'good.esep',
      path.relative(process.cwd(), good),
      pkg('notes.txt'),
      pkg('.esep'),
      pkg('empty.esep', 0),
      pkg('large.esep', 2048),
      path.join(dir, 'missing.esep'),
      path.join(dir, 'folder.esep'),
      `${good}\0.esep`,
      '--inspect=9229',
    ];
    for (const candidate of candidates) expect(await packageFileToOpen(candidate, 1024), candidate).toBeNull();
    expect(await packageFileToOpen(good, 1024)).toBe(good);
    expect(await packageFileToOpen(pkg('old.zip'), 1024)).toBe(path.join(dir, 'old.zip'));

    const opener = start(['/opt/Esep/esep', ...candidates.slice(0, 3)]);
    const window = attach(opener);
    load(window);
    app.emit('second-instance', {}, ['/opt/Esep/esep', path.join(dir, 'missing.esep')], dir);
    app.emit('open-file', { preventDefault() {} }, path.join(dir, 'folder.esep'));
    await settle();
    expect(window.sent).toEqual([]);
  });

  it("is not sent to a page that is not the app's own", async () => {
    const opener = start(['/opt/Esep/esep', pkg('a.esep')]);
    const window = attach(opener);
    window.url = 'https://example.com/';
    await settle();
    load(window);
    expect(window.sent).toEqual([]);
    window.url = 'app://esep/index.html';
    load(window);
    expect(opened(window)).toEqual([path.join(dir, 'a.esep')]);
  });
});
