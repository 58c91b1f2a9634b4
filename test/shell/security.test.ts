import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { FakeWebContents } from './electron-mock';

vi.mock('electron', () => ({ net: { fetch: vi.fn() }, protocol: { handle: vi.fn(), registerSchemesAsPrivileged: vi.fn() } }));

const { hardenApp, hardenSession, CONTENT_SECURITY_POLICY } = await import('../../electron/main/security');
const { resolveAppPath } = await import('../../electron/main/protocol');

describe('hardenSession', () => {
  it('denies every permission request and check, and adds the CSP to every response', () => {
    let requestHandler: any;
    let checkHandler: any;
    let headersHandler: any;
    let deviceHandler: any;
    const session = {
      setPermissionRequestHandler: (h: unknown) => (requestHandler = h),
      setPermissionCheckHandler: (h: unknown) => (checkHandler = h),
      setDevicePermissionHandler: (h: unknown) => (deviceHandler = h),
      webRequest: { onHeadersReceived: (h: unknown) => (headersHandler = h) },
    };
    hardenSession(session as never);
    const decisions: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      requestHandler({}, permission, (granted: boolean) => decisions.push(granted));
    }
    expect(decisions).toEqual([false, false, false, false]);
    expect(checkHandler({}, 'media')).toBe(false);
    expect(deviceHandler({ deviceType: 'usb' })).toBe(false);
    let headers: any;
    headersHandler({ responseHeaders: { 'X-A': ['1'] } }, (r: { responseHeaders: unknown }) => (headers = r.responseHeaders));
    expect(headers).toEqual({ 'X-A': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
  });
});

/** An app whose web contents are created on demand, as Electron emits them. */
function hardenedApp(devServerOrigin?: string) {
  const app = Object.assign(new EventEmitter(), { sandboxed: false, enableSandbox: () => (app.sandboxed = true) });
  const openExternal = vi.fn();
  hardenApp(app as never, { ...(devServerOrigin ? { devServerOrigin } : {}), openExternal });
  const contents = () => {
    const wc = new FakeWebContents();
    app.emit('web-contents-created', {}, wc);
    return wc;
  };
  return { app, openExternal, contents };
}

describe('hardenApp', () => {
  it('sandboxes every renderer', () => {
    expect(hardenedApp().app.sandboxed).toBe(true);
  });

  it('denies navigation, frame navigation and redirects away from the app, and webviews, in every web contents created', () => {
    const { contents } = hardenedApp();
    for (const wc of [contents(), contents()]) {
      expect(wc.fire('will-navigate', 'https://example.com/')).toBe(true);
      expect(wc.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
      expect(wc.fire('will-redirect', 'http://127.0.0.1:9999/')).toBe(true);
      expect(wc.fire('will-navigate', 'app://esep/index.html#/settings')).toBe(false);
      expect(wc.fireFrame('will-frame-navigate', 'https://example.com/')).toBe(true);
      expect(wc.fireFrame('will-frame-navigate', 'app://esep/index.html')).toBe(false);
      expect(wc.fire('will-attach-webview')).toBe(true);
    }
  });

  it('allows the dev server origin only when one is given', () => {
    expect(hardenedApp('http://localhost:5173').contents().fire('will-navigate', 'http://localhost:5173/x')).toBe(false);
    expect(hardenedApp('http://localhost:5173').contents().fire('will-navigate', 'http://localhost:5174/x')).toBe(true);
    expect(hardenedApp().contents().fire('will-navigate', 'http://localhost:5173/x')).toBe(true);
  });

  it('never opens a new window; allow-listed https links go to the system browser', () => {
    const { contents, openExternal } = hardenedApp();
    const open = contents().windowOpenHandler!;
    expect(open({ url: 'https://adilet.zan.kz/rus/docs/U1300000615' })).toEqual({ action: 'deny' });
    expect(open({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'http://adilet.zan.kz/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'https://adilet.zan.kz.evil.example/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://adilet.zan.kz/rus/docs/U1300000615']]);
  });
});

describe('app:// protocol', () => {
  it('serves files inside the renderer folder only', () => {
    expect(resolveAppPath('/app/renderer', 'app://esep/')).toBe('/app/renderer/index.html');
    expect(resolveAppPath('/app/renderer', 'app://esep/assets/index.js')).toBe('/app/renderer/assets/index.js');
    expect(resolveAppPath('/app/renderer', 'app://esep/../main/index.js')).toBe('/app/renderer/main/index.js');
    // The URL parser folds dot segments (even encoded ones) before we see the path.
    expect(resolveAppPath('/app/renderer', 'app://esep/%2e%2e/%2e%2e/etc/passwd')).toBe('/app/renderer/etc/passwd');
    expect(resolveAppPath('/app/renderer', 'app://esep/assets/..%2f..%2fsecret')).toBeNull();
    expect(resolveAppPath('/app/renderer', 'app://esep/%E0%A4%A')).toBeNull();
  });
});
