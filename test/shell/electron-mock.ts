import { EventEmitter } from 'node:events';

/** A WebContents stand-in that records listeners and the window-open handler. */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  /** Emits a cancellable event the way Electron does and says whether it was prevented. */
  fire(name: string, url?: string): boolean {
    let prevented = false;
    const event = { preventDefault: () => (prevented = true) };
    this.emit(name, event, url);
    return prevented;
  }
}
