import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ net: { fetch: vi.fn() }, protocol: { handle: vi.fn(), registerSchemesAsPrivileged: vi.fn() } }));

const { hardenSession, CONTENT_SECURITY_POLICY } = await import('../../electron/main/security');
const { resolveAppPath } = await import('../../electron/main/protocol');

describe('hardenSession', () => {
  it('denies every permission request and check, and adds the CSP to every response', () => {
    let requestHandler: any;
    let checkHandler: any;
    let headersHandler: any;
    const session = {
      setPermissionRequestHandler: (h: unknown) => (requestHandler = h),
      setPermissionCheckHandler: (h: unknown) => (checkHandler = h),
      webRequest: { onHeadersReceived: (h: unknown) => (headersHandler = h) },
    };
    hardenSession(session as never);
    const decisions: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      requestHandler({}, permission, (granted: boolean) => decisions.push(granted));
    }
    expect(decisions).toEqual([false, false, false, false]);
    expect(checkHandler({}, 'media')).toBe(false);
    let headers: any;
    headersHandler({ responseHeaders: { 'X-A': ['1'] } }, (r: { responseHeaders: unknown }) => (headers = r.responseHeaders));
    expect(headers).toEqual({ 'X-A': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
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
