import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME_PRIVILEGES,
  contentTypeFor,
  devServerOrigin,
  isAllowedNavigation,
  isAllowedRequest,
  resolveAppUrl,
} from '../../electron/main/security';

describe('the app:// scheme', () => {
  it('is app://app, registered standard and secure', () => {
    expect(APP_ORIGIN).toBe('app://app');
    expect(APP_ENTRY_URL).toBe('app://app/index.html');
    expect(APP_SCHEME_PRIVILEGES.standard).toBe(true);
    expect(APP_SCHEME_PRIVILEGES.secure).toBe(true);
    // Compiled JavaScript is kept between starts (Chromium does so only for standard schemes).
    expect(APP_SCHEME_PRIVILEGES.codeCache).toBe(true);
    expect(Object.keys(APP_SCHEME_PRIVILEGES)).not.toContain('bypassCSP');
  });
});

describe('resolveAppUrl', () => {
  let base: string;
  let root: string;
  let secret: string;

  beforeAll(() => {
    base = realpathSync(mkdtempSync(join(tmpdir(), 'desk-app-url-')));
    root = join(base, 'renderer');
    mkdirSync(join(root, 'assets', 'fonts'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    writeFileSync(join(root, 'assets', 'index-abc.js'), 'export {}');
    writeFileSync(join(root, 'assets', 'fonts', 'Vazirmatn Regular.woff2'), 'font');
    writeFileSync(join(root, 'assets', 'فهرست.css'), 'body{}');
    secret = join(base, 'secret.txt');
    writeFileSync(secret, 'outside the renderer');
    mkdirSync(join(base, 'elsewhere'));
    writeFileSync(join(base, 'elsewhere', 'x.js'), 'outside');
    symlinkSync(secret, join(root, 'assets', 'link-out.txt'));
    symlinkSync(join(base, 'elsewhere'), join(root, 'assets', 'dir-out'));
    symlinkSync(join(root, 'index.html'), join(root, 'assets', 'link-in.html'));
    // A sibling folder whose name starts with the root's name must not count as inside.
    mkdirSync(join(base, 'renderer-evil'));
    writeFileSync(join(base, 'renderer-evil', 'x.js'), 'evil');
  });

  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('maps the program’s own files into the root', () => {
    expect(resolveAppUrl('app://app/index.html', root)).toBe(join(root, 'index.html'));
    expect(resolveAppUrl('app://app/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppUrl('app://app/assets/index-abc.js?v=1#x', root)).toBe(
      join(root, 'assets', 'index-abc.js'),
    );
    expect(resolveAppUrl('app://app/assets/fonts/Vazirmatn%20Regular.woff2', root)).toBe(
      join(root, 'assets', 'fonts', 'Vazirmatn Regular.woff2'),
    );
    expect(resolveAppUrl(`app://app/assets/${encodeURIComponent('فهرست')}.css`, root)).toBe(
      join(root, 'assets', 'فهرست.css'),
    );
  });

  it('follows a symbolic link that stays inside the root', () => {
    expect(resolveAppUrl('app://app/assets/link-in.html', root)).toBe(join(root, 'index.html'));
  });

  it('refuses symbolic links that point outside the root', () => {
    expect(resolveAppUrl('app://app/assets/link-out.txt', root)).toBeNull();
    expect(resolveAppUrl('app://app/assets/dir-out/x.js', root)).toBeNull();
  });

  it.each([
    'app://app/assets/../index.html',
    'app://app/assets/%2e%2e/index.html',
    'app://app/assets/.%2E/index.html',
    'app://app/assets/./index-abc.js',
    'app://app/assets/.\n./index.html',
    'app://app/../secret.txt',
    'app://app/assets/../../secret.txt',
    'app://app/./index.html',
    'app://app/%2e%2e/secret.txt',
    'app://app/%2E%2E/secret.txt',
    'app://app/.%2e/secret.txt',
    'app://app/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://app/..%2fsecret.txt',
    'app://app/..%5csecret.txt',
    'app://app/..\\secret.txt',
    'app://app\\..\\secret.txt',
    'app://app/assets\\..\\..\\secret.txt',
    'app://app/index.html%00.js',
    'app://app/index.html\u0000',
    'app://app/.\n./secret.txt',
    'app://app/.\t./secret.txt',
    ' app://app/../secret.txt',
    'app://app//etc/passwd',
    'app://app/C:%5CWindows%5Cwin.ini',
    'app://app/C:/Windows/win.ini',
    'app://app/%E0%A4%A',
    'app://app/../renderer-evil/x.js',
  ])('refuses the escape %j', (url) => {
    expect(resolveAppUrl(url, root)).toBeNull();
  });

  it.each([
    'app://app.evil/index.html',
    'app://evil/index.html',
    'app://x@evil/index.html',
    'app://app@evil/index.html',
    'app://evil@app/index.html',
    'app://user:pass@app/index.html',
    'app://app:8080/index.html',
    'app://APP/index.html',
    'app:index.html',
    'app:/index.html',
    'file:///etc/passwd',
    'https://app/index.html',
    'not a url',
  ])('refuses the foreign or malformed URL %j', (url) => {
    expect(resolveAppUrl(url, root)).toBeNull();
  });

  it('refuses folders and missing files', () => {
    expect(resolveAppUrl('app://app/assets', root)).toBeNull();
    expect(resolveAppUrl('app://app/assets/', root)).toBeNull();
    expect(resolveAppUrl('app://app/missing.js', root)).toBeNull();
  });

  it('refuses an overlong URL', () => {
    expect(resolveAppUrl(`app://app/${'a'.repeat(5000)}.js`, root)).toBeNull();
  });
});

describe('isAllowedNavigation', () => {
  it('allows the program’s own pages', () => {
    expect(isAllowedNavigation('app://app/index.html')).toBe(true);
    expect(isAllowedNavigation('app://app/index.html#/letters')).toBe(true);
  });

  it.each([
    'https://example.org/',
    'http://example.org/',
    'http://localhost:5173/',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///C:/Windows/System32/calc.exe',
    'file:///etc/passwd',
    'blob:app://app/0f0f0f0f-0000-0000-0000-000000000000',
    'app://app.evil/index.html',
    'app://x@evil/index.html',
    'app://app@evil/index.html',
    'app://app:1/index.html',
    'ftp://app/index.html',
    'about:blank',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    '',
  ])('denies %j', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });

  it('allows the development server only when it is given and on loopback', () => {
    expect(isAllowedNavigation('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAllowedNavigation('http://10.0.0.5:5173/', 'http://10.0.0.5:5173')).toBe(false);
    expect(isAllowedNavigation('https://localhost:5173/', 'http://localhost:5173')).toBe(false);
    expect(isAllowedNavigation('https://example.org/', 'http://localhost:5173')).toBe(false);
  });
});

describe('devServerOrigin', () => {
  it('accepts plain http on loopback only', () => {
    expect(devServerOrigin(undefined)).toBeNull();
    expect(devServerOrigin('http://localhost:5173/')).toBe('http://localhost:5173');
    expect(devServerOrigin('http://127.0.0.1:5173')).toBe('http://127.0.0.1:5173');
    expect(devServerOrigin('http://[::1]:5173')).toBe('http://[::1]:5173');
    expect(devServerOrigin('https://localhost:5173')).toBeNull();
    expect(devServerOrigin('http://example.org:5173')).toBeNull();
    expect(devServerOrigin('http://localhost.example.org')).toBeNull();
    expect(devServerOrigin('http://u@localhost:5173')).toBeNull();
    expect(devServerOrigin('garbage')).toBeNull();
  });
});

describe('isAllowedRequest', () => {
  it('allows the app’s own scheme, in-memory resources and developer tools', () => {
    expect(isAllowedRequest('app://app/assets/index.js')).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequest('blob:app://app/0f0f0f0f-0000-0000-0000-000000000000')).toBe(true);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html')).toBe(true);
  });

  it.each([
    'https://fonts.googleapis.com/css',
    'http://example.org/',
    'http://localhost:5173/',
    'ws://localhost:5173/',
    'wss://example.org/',
    'ftp://example.org/',
    'file:///etc/passwd',
    'app://app.evil/x.js',
    'app://x@evil/x.js',
    'blob:https://example.org/0f0f',
    'chrome-extension://abc/x.js',
  ])('blocks %j', (url) => {
    expect(isAllowedRequest(url)).toBe(false);
  });

  it('allows the development server and its websocket only when given', () => {
    const dev = 'http://localhost:5173';
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRequest('blob:http://localhost:5173/0f0f', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:9999/', dev)).toBe(false);
    expect(isAllowedRequest('http://example.org/', dev)).toBe(false);
  });
});

describe('contentTypeFor', () => {
  it('names the types the renderer build contains', () => {
    expect(contentTypeFor('/r/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/r/assets/index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/r/assets/index-abc.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/r/assets/Vazirmatn.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/r/assets/logo.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('/r/assets/countries.json')).toBe('application/json; charset=utf-8');
  });

  it('answers an opaque type for anything unknown, which nosniff will not run', () => {
    expect(contentTypeFor('/r/assets/thing.xyz')).toBe('application/octet-stream');
    expect(contentTypeFor('/r/LICENSE')).toBe('application/octet-stream');
  });
});
