import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNEL_NAMES } from '../../../shared/contract/contract';
import type { Door } from '../../core/api/door';
import { isAppUrl } from '../security';

/**
 * One loop over the contract: each channel checks that the request comes from the app's own
 * page (not an iframe or a navigated-away frame), then goes through the door to the core.
 */
export function registerIpc(ipcMain: IpcMain, door: Door, options: { devServerOrigin?: string } = {}): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event, options.devServerOrigin)) {
        return { ok: false, error: { code: 'forbidden' } };
      }
      return door(channel, input);
    });
  }
}

function isTrustedSender(event: IpcMainInvokeEvent, devServerOrigin?: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url, devServerOrigin);
}
