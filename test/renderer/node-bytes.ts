import { afterAll, beforeAll } from 'vitest';

/**
 * For a test file whose core reads or writes packages: the zip reader takes bytes with
 * `instanceof Uint8Array`, and pdfkit checks its fonts the same way, but under jsdom the global
 * is the window's, which a Node Buffer is not an instance of. The core gets Node's own while the
 * file's tests run (the renderer never sees a Buffer).
 */
export function withNodeUint8Array(): void {
  const jsdomUint8Array = globalThis.Uint8Array;
  beforeAll(() => {
    globalThis.Uint8Array = Object.getPrototypeOf(Buffer.prototype).constructor as Uint8ArrayConstructor;
  });
  afterAll(() => {
    globalThis.Uint8Array = jsdomUint8Array;
  });
}
