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
  /** will-frame-navigate carries its URL on the event itself. */
  fireFrame(name: string, url: string): boolean {
    let prevented = false;
    this.emit(name, { url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}
