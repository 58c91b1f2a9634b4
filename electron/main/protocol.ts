import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { APP_SCHEME } from './security';

/** Must run before `app.whenReady()`: the scheme behaves like https (secure, standard origin). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Maps app://esep/<path> to a file inside the built renderer. Anything that resolves outside
 * that folder (`..`, encoded slashes) is refused.
 */
export function resolveAppPath(rendererDir: string, requestUrl: string): string | null {
  const root = path.resolve(rendererDir);
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return null;
  }
  const file = path.resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  return file.startsWith(root + path.sep) ? file : null;
}

export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const file = resolveAppPath(rendererDir, request.url);
    if (!file) return new Response('forbidden', { status: 403 });
    return net.fetch(pathToFileURL(file).toString());
  });
}
