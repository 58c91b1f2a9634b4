import { BrowserWindow, dialog, shell } from 'electron';
import type { Platform } from '../core/platform';

/**
 * What the desktop does for the core that the browser host and the CLI cannot: open a file
 * with the system's application, and the system's folder dialog for the stick a package goes
 * to (a person picks "E:\" rather than typing it).
 */
export function desktopPlatform(): Platform {
  return {
    async openFile(file: string) {
      const failure = await shell.openPath(file);
      if (failure) throw new Error(failure);
    },
    async chooseFolder() {
      const options = { properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'> };
      // Modal to the window asking, when there is one (the dialog then cannot hide behind it).
      const window = BrowserWindow.getFocusedWindow();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
