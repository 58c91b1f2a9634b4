import fs from 'node:fs';
import path from 'node:path';
import type { App, BrowserWindow } from 'electron';
import { OPEN_PACKAGE_EVENT } from '../../shared/contract/channels';
import { isPackageFileName } from '../../shared/domain/exchange/package-file';
import { PACKAGE_LIMITS } from '../core/exchange/bag';
import { isAppUrl } from './security';

/**
 * Whether a path the system handed over names a package worth previewing: absolute (a double-
 * click always gives one; anything relative came from somewhere else), a regular file named
 * `.esep` or `.zip`, not empty and within the size a package may have. Anything else is not an
 * error to show: the command line also carries Chromium's switches, and a stray argument is
 * simply not a package.
 */
export async function packageFileToOpen(candidate: unknown, maxBytes = PACKAGE_LIMITS.maxArchiveBytes): Promise<string | null> {
  if (typeof candidate !== 'string' || candidate.length > 4096 || candidate.includes('\0')) return null;
  if (!path.isAbsolute(candidate) || !isPackageFileName(path.basename(candidate))) return null;
  try {
    const stat = await fs.promises.stat(candidate);
    return stat.isFile() && stat.size > 0 && stat.size <= maxBytes ? path.normalize(candidate) : null;
  } catch {
    return null;
  }
}

/** The last package named on a command line (selecting three files and pressing Enter previews the last). */
async function lastPackageIn(argv: readonly string[]): Promise<string | null> {
  const checked = await Promise.all(argv.slice(1).map((arg) => packageFileToOpen(arg)));
  return checked.filter((p) => p !== null).at(-1) ?? null;
}

export interface PackageOpener {
  /** The window the import preview opens in; paths named before it loaded wait for it. */
  attach(window: BrowserWindow): void;
}

/**
 * Packages the system opens with Esep, from wherever they arrive: the command line at start
 * (Windows, Linux), the command line of a second start while Esep runs (the single-instance lock
 * hands it to this one in `second-instance`), and macOS's `open-file`, which may come before the
 * app is ready. Each is checked (packageFileToOpen), then sent on OPEN_PACKAGE_EVENT once the
 * app's page has loaded, and the window comes to the front. Only the latest waits: one preview
 * shows at a time. The page gets a path and nothing more; reading it is `exchange:preview`'s
 * business, as for a file chosen on the Exchange screen.
 */
export function openPackages(app: Pick<App, 'on'>, options: { argv: readonly string[]; devServerOrigin?: string }): PackageOpener {
  let pending: string | null = null;
  let window: BrowserWindow | null = null;
  let loaded = false;

  const deliver = () => {
    if (pending === null || window === null || !loaded || window.isDestroyed()) return;
    const contents = window.webContents;
    if (!isAppUrl(contents.getURL(), options.devServerOrigin)) return;
    contents.send(OPEN_PACKAGE_EVENT, pending);
    pending = null;
    if (window.isMinimized()) window.restore();
    window.focus();
  };
  const offer = (found: Promise<string | null>) =>
    void found.then((file) => {
      if (file === null) return;
      pending = file;
      deliver();
    });

  offer(lastPackageIn(options.argv));
  app.on('second-instance', (_event, argv) => offer(lastPackageIn(argv)));
  app.on('open-file', (event, file) => {
    event.preventDefault();
    offer(packageFileToOpen(file));
  });

  return {
    attach(attached) {
      window = attached;
      attached.webContents.on('did-finish-load', () => {
        loaded = true;
        deliver();
      });
    },
  };
}
