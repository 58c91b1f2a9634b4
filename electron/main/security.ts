import type { App, Session, WebContents } from 'electron';

/** The app's own origin: pages are served from app://esep/ (see protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://esep`;

export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Only these external links may leave the app, and only to the system browser. */
const EXTERNAL_ALLOW_LIST = new Set(['adilet.zan.kz', 'stat.gov.kz', 'eotinish.kz']);

export function isAppUrl(url: string, devServerOrigin?: string): boolean {
  try {
    const parsed = new URL(url);
    // Node's URL gives a custom scheme the origin "null", so compare scheme and host instead.
    if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'esep') return true;
    return devServerOrigin !== undefined && parsed.origin === devServerOrigin;
  } catch {
    return false;
  }
}

export function isAllowedExternal(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && EXTERNAL_ALLOW_LIST.has(parsed.hostname);
  } catch {
    return false;
  }
}

/**
 * Navigation, redirects, webviews and new windows are denied: the renderer never leaves the
 * app's own pages. Allow-listed https links open in the system browser instead.
 */
export function hardenWebContents(
  contents: WebContents,
  options: { devServerOrigin?: string; openExternal: (url: string) => void },
): void {
  const denyForeign = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url, options.devServerOrigin)) event.preventDefault();
  };
  contents.on('will-navigate', denyForeign);
  contents.on('will-frame-navigate', (event) => denyForeign(event, event.url));
  contents.on('will-redirect', denyForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Reviewed: only https URLs of the allow-listed hosts reach the system browser.
    if (isAllowedExternal(url)) options.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
    return { action: 'deny' };
  });
}

/**
 * Before the app is ready: every renderer sandboxed, whatever its window asks for, and every web
 * contents ever created (the window, a devtools page, anything a later version adds) hardened
 * as it is made, so no window can be opened without the baseline.
 */
export function hardenApp(app: App, options: { devServerOrigin?: string; openExternal: (url: string) => void }): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, options));
}

/** No permission (camera, notifications, geolocation…) is granted to web content by default. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      // A constant, tested in test/shell/security.test.ts (the scanner cannot read a variable's CSP).
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}
