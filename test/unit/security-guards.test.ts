import { describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  FUSES,
  SINGLE_INSTANCE,
  fusesForBuilder,
  isTrustedSender,
  permissionCheckHandler,
  permissionRequestHandler,
  securityHeaders,
  webPreferences,
  windowOpenHandler,
  withSecurityHeaders,
  type SenderFrame,
} from '../../electron/main/security';

describe('webPreferences', () => {
  it('isolates and sandboxes the page, with no Node anywhere', () => {
    const prefs = webPreferences('/app/out/preload/index.cjs', true);
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('offers developer tools only when not packaged', () => {
    expect(webPreferences('/p.cjs', true).devTools).toBe(false);
    expect(webPreferences('/p.cjs', false).devTools).toBe(true);
  });
});

describe('CSP and response headers', () => {
  it('is the policy the design asks for', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; frame-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('never lets scripts run inline, evaluated or from elsewhere', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|wss?:|\*/);
  });

  it('puts our headers on every response, replacing any CSP in any case', () => {
    const headers = withSecurityHeaders({
      'content-security-policy': ['default-src *'],
      'Content-Type': ['text/html'],
      'x-content-type-options': 'sniff',
    });
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['X-Content-Type-Options']).toEqual(['nosniff']);
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(Object.keys(headers).filter((k) => k.toLowerCase() === 'content-security-policy')).toHaveLength(1);
    expect(Object.keys(headers).filter((k) => k.toLowerCase() === 'x-content-type-options')).toHaveLength(1);
    expect(withSecurityHeaders(undefined)['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(securityHeaders()['Referrer-Policy']).toBe('no-referrer');
  });
});

describe('windows and permissions', () => {
  it('denies every window.open', () => {
    expect(windowOpenHandler()).toEqual({ action: 'deny' });
  });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'])(
    'refuses the permission request %s',
    (permission) => {
      const callback = vi.fn();
      permissionRequestHandler({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    },
  );

  it('answers every permission check with no', () => {
    expect(permissionCheckHandler()).toBe(false);
  });

  it('allows one instance only', () => {
    expect(SINGLE_INSTANCE).toBe(true);
  });
});

describe('isTrustedSender', () => {
  const top = (url: string): SenderFrame => ({ url, parent: null });

  it('trusts the window’s own top frame on the app origin', () => {
    const frame = top('app://app/index.html#/letters');
    expect(isTrustedSender(frame, frame)).toBe(true);
  });

  it('rejects a sub-frame, even one showing the app’s own page', () => {
    const main = top('app://app/index.html');
    const child: SenderFrame = { url: 'app://app/preview.html', parent: main };
    expect(isTrustedSender(child, main)).toBe(false);
    expect(isTrustedSender(child, child)).toBe(false);
  });

  it('rejects a frame that is not the window’s top frame', () => {
    const main = top('app://app/index.html');
    const other = top('app://app/index.html');
    expect(isTrustedSender(other, main)).toBe(false);
  });

  it.each([
    'https://evil.example/',
    'http://localhost:5173/',
    'file:///C:/Users/x/evil.html',
    'data:text/html,hi',
    'about:blank',
    'app://app.evil/index.html',
    'app://x@evil/index.html',
    '',
  ])('rejects the foreign origin %j', (url) => {
    const frame = top(url);
    expect(isTrustedSender(frame, frame)).toBe(false);
  });

  it('rejects a missing or destroyed frame', () => {
    const main = top('app://app/index.html');
    expect(isTrustedSender(null, main)).toBe(false);
    expect(isTrustedSender(undefined, main)).toBe(false);
    expect(isTrustedSender(main, null)).toBe(false);
  });

  it('trusts the development server only when it is named', () => {
    const frame = top('http://localhost:5173/');
    expect(isTrustedSender(frame, frame, 'http://localhost:5173')).toBe(true);
    expect(isTrustedSender(frame, frame, 'http://localhost:5174')).toBe(false);
  });
});

describe('FUSES', () => {
  it('closes Node, NODE_OPTIONS, inspect and loading code from outside app.asar', () => {
    expect(FUSES).toEqual({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      EnableCookieEncryption: true,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('spells every fuse for electron-builder', () => {
    const forBuilder = fusesForBuilder();
    expect(Object.keys(forBuilder)).toHaveLength(Object.keys(FUSES).length);
    for (const [name, value] of Object.entries(FUSES)) {
      const builderName = name.charAt(0).toLowerCase() + name.slice(1);
      expect(forBuilder[builderName], builderName).toBe(value);
    }
  });
});
