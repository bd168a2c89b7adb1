/**
 * All window security in one place, as plain values and functions so that tests check them
 * without Electron. The thin Electron files (index.ts, window.ts, ipc.ts) only wire these
 * into Electron's hooks; a rule that is not here is not enforced anywhere.
 *
 * The threat model is an offline government workstation: the page must never reach the
 * network, never gain Node, never navigate away from the program's own files, and the main
 * process must answer only the program's own top-level page.
 */
import { realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, posix, relative, resolve, sep, win32 } from 'node:path';
import { APP_NAME } from '../../shared/product';

/** The program's own scheme: the renderer is served from app://app/… and nowhere else. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Registered before `ready`. `standard` gives the scheme real origins (so 'self' in the CSP
 * means app://app), `secure` makes it a secure context like https, `supportFetchAPI` and
 * `corsEnabled` let module scripts and fonts load from it, and `codeCache` lets Chromium keep
 * the program's compiled JavaScript between starts, as it does for https (only for a standard
 * scheme; V8 checks each cached script against its source, so a new version is compiled
 * afresh).
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
  codeCache: true,
} as const;

/**
 * The page's Content Security Policy. renderer/index.html carries exactly this string in a
 * meta tag, and every app:// response carries it as a header.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; frame-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Headers every app:// response carries. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

/**
 * Response headers with our CSP in place of any the response brought (for
 * session.webRequest.onHeadersReceived, whose header names arrive in any case).
 */
export function withSecurityHeaders(
  headers: Record<string, string | string[]> | undefined,
): Record<string, string[]> {
  const ours = securityHeaders();
  const oursLower = new Set(Object.keys(ours).map((name) => name.toLowerCase()));
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (oursLower.has(name.toLowerCase())) continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  for (const [name, value] of Object.entries(ours)) out[name] = [value];
  return out;
}

/** The options of the one BrowserWindow. */
export interface SecureWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  experimentalFeatures: false;
  spellcheck: false;
  navigateOnDragDrop: false;
  safeDialogs: true;
  devTools: boolean;
}

/**
 * Web preferences of the window. Spell checking stays off because Chromium would download
 * its dictionaries; developer tools exist only in unpackaged builds.
 */
export function webPreferences(preloadPath: string, isPackaged: boolean): SecureWebPreferences {
  return {
    preload: preloadPath,
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
    safeDialogs: true,
    devTools: !isPackaged,
  };
}

const MAX_URL_LENGTH = 4096;

function parseUrl(url: unknown): URL | null {
  // The URL parser drops tabs, newlines and edge spaces, which would hide a dot segment from
  // the raw-path checks below; a URL Chromium hands over never contains them.
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH || hasControlCharacter(url, true)) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** app://app exactly: no other host, no user name or password, no port. */
function isAppOriginUrl(url: URL): boolean {
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.username === '' &&
    url.password === '' &&
    url.port === ''
  );
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The origin of the electron-vite development server, accepted only when it is plain http on
 * this machine's loopback. Packaged builds never pass one.
 */
export function devServerOrigin(devServerUrl: string | undefined): string | null {
  if (devServerUrl === undefined) return null;
  const url = parseUrl(devServerUrl);
  if (!url || url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) return null;
  if (url.username !== '' || url.password !== '') return null;
  return url.origin;
}

/** Is this URL one of the program's own pages (app://app/…, or the dev server in development)? */
function isOwnPage(url: URL, devServerUrl: string | undefined): boolean {
  if (isAppOriginUrl(url)) return true;
  const dev = devServerOrigin(devServerUrl);
  return dev !== null && url.protocol === 'http:' && url.origin === dev && url.username === '';
}

/**
 * Whether the window may navigate to `url` (will-navigate, will-redirect). Only the program's
 * own pages: never the web, javascript:, data:, blob:, file: or a look-alike host.
 */
export function isAllowedNavigation(url: string, devServerUrl?: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && isOwnPage(parsed, devServerUrl);
}

/**
 * Whether the session may make this request at all (webRequest.onBeforeRequest). The program
 * makes no network requests: its own scheme, in-memory data: and blob: resources of its own
 * origin, and developer tools; in development also the dev server and its websocket.
 */
export function isAllowedRequest(url: string, devServerUrl?: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  switch (parsed.protocol) {
    case `${APP_SCHEME}:`:
      return isAppOriginUrl(parsed);
    case 'data:':
    case 'devtools:':
      return true;
    case 'blob:':
      return url.startsWith(`blob:${APP_ORIGIN}/`) || isBlobOfDevServer(url, devServerUrl);
    case 'http:':
      return isOwnPage(parsed, devServerUrl);
    case 'ws:': {
      const dev = devServerOrigin(devServerUrl);
      return dev !== null && `http://${parsed.host}` === dev && parsed.username === '';
    }
    default:
      return false;
  }
}

function isBlobOfDevServer(url: string, devServerUrl: string | undefined): boolean {
  const dev = devServerOrigin(devServerUrl);
  return dev !== null && url.startsWith(`blob:${dev}/`);
}

/** window.open and target=_blank links never open anything. */
export function windowOpenHandler(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Every permission request (camera, notifications, geolocation, clipboard…) is refused. */
export function permissionRequestHandler(
  _webContents: unknown,
  _permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(false);
}

/** Every synchronous permission check answers "not granted". */
export function permissionCheckHandler(): boolean {
  return false;
}

/** What the IPC guard knows of a frame (Electron's WebFrameMain has these). */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/**
 * Whether an IPC message may be answered: it must come from the window's own top frame (the
 * very object Electron gives as the window's main frame, with no parent) showing one of the
 * program's pages. Sub-frames, other windows, foreign origins and destroyed frames are refused.
 */
export function isTrustedSender(
  frame: SenderFrame | null | undefined,
  topFrame: SenderFrame | null | undefined,
  devServerUrl?: string,
): boolean {
  if (!frame || !topFrame || frame !== topFrame) return false;
  if (frame.parent !== null) return false;
  const url = parseUrl(frame.url);
  return url !== null && isOwnPage(url, devServerUrl);
}

/** Control characters (U+0000–U+001F, U+007F), and with `orSpace` also the space. */
function hasControlCharacter(text: string, orSpace = false): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || (orSpace && code === 0x20)) return true;
  }
  return false;
}

/** Characters that never belong in a path segment of the program's own files. */
function isForbiddenSegment(segment: string): boolean {
  return (
    segment === '' ||
    segment === '.' ||
    segment === '..' ||
    /[\\/:]/.test(segment) ||
    hasControlCharacter(segment)
  );
}

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * Maps an app:// request URL to a file inside `rootDir` (the built renderer), or null.
 * Refuses other hosts, user names, ports, dot segments in any spelling (`..`, `%2e%2e`),
 * encoded slashes and backslashes, NUL and control characters, and (after resolving
 * symbolic links) anything whose real path lies outside the real root. `/` is index.html.
 */
export function resolveAppUrl(url: string, rootDir: string): string | null {
  const parsed = parseUrl(url);
  if (!parsed || !isAppOriginUrl(parsed)) return null;
  // The URL parser quietly resolves dot segments; look at the path as it was written too.
  const rawPath = url.split(/[?#]/, 1)[0] ?? '';
  if (rawPath.includes('\\') || /%(2e|2f|5c|00)/i.test(rawPath)) return null;
  const rawSegments = rawPath.slice(APP_ORIGIN.length).split('/');
  if (rawSegments.some((s) => s === '.' || s === '..')) return null;

  const pathname = parsed.pathname === '/' || parsed.pathname === '' ? '/index.html' : parsed.pathname;
  const segments: string[] = [];
  for (const encoded of pathname.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      return null;
    }
    if (isForbiddenSegment(segment)) return null;
    segments.push(segment);
  }

  const root = resolve(rootDir);
  const candidate = resolve(root, ...segments);
  if (!isInside(root, candidate)) return null;
  try {
    const realRoot = realpathSync(root);
    const realFile = realpathSync(candidate);
    if (!isInside(realRoot, realFile) || !statSync(realFile).isFile()) return null;
    return realFile;
  } catch {
    return null;
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/**
 * The Content-Type of one of the program's own files. Responses carry `nosniff`, so a wrong
 * type would stop a script or style from loading rather than let it be guessed.
 */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Extensions Windows runs rather than opens (Outlook's and Chromium's lists of dangerous
 * types). The core refuses such attachments; this is the last check before the shell.
 */
const EXECUTABLE_EXTENSIONS = new Set(
  (
    'ade adp app appref-ms application appx appxbundle asp bas bat cab chm cmd com cpl crt der ' +
    'diagcab dll exe fxp gadget grp hlp hpj hta htm html inf ins isp its jar jnlp js jse ksh lnk mad ' +
    'maf mag mam maq mar mas mat mau mav maw mcf mda mdb mde mdt mdw mdz msc msh msh1 msh2 mshxml ' +
    'msh1xml msh2xml msi msix msixbundle msp mst ocx ops pcd pif pl plg prf prg ps1 ps1xml ps2 ' +
    'ps2xml psc1 psc2 psd1 psm1 pst py pyc pyw reg scf scr sct search-ms settingcontent-ms shb shs ' +
    'svg sys url vb vbe vbp vbs vhd vhdx vsmacros vsw ws wsc wsf wsh xbap xll xnk docm dotm xlsm ' +
    'xltm xlam pptm potm ppam ppsm sldm iso img'
  ).split(' '),
);

/** A `\\server\share` or `//server/share` path (also `\\?\UNC\…` and device paths). */
export function isNetworkPath(path: string): boolean {
  return /^[\\/]{2}/.test(path);
}

/**
 * Whether the shell may open this file with its default program: a local path whose type
 * Windows opens rather than runs. Windows ignores trailing dots and spaces ("a.exe. " runs
 * a.exe) and honours alternate data streams ("a.txt:b.exe"), so both are looked through.
 */
export function isSafeToOpen(path: string): boolean {
  if (typeof path !== 'string' || path.length === 0 || path.includes('\0')) return false;
  if (isNetworkPath(path)) return false;
  const withoutDrive = /^[A-Za-z]:[\\/]/.test(path) ? path.slice(2) : path;
  if (withoutDrive.includes(':')) return false;
  const name = win32
    .basename(path)
    .replace(/[. ]+$/, '')
    .toLowerCase();
  const dot = name.lastIndexOf('.');
  if (dot < 0) return true;
  return !EXECUTABLE_EXTENSIONS.has(name.slice(dot + 1));
}

/**
 * Electron fuses, flipped into the executable by electron-builder (electron-builder.yml
 * `electronFuses` must equal these). They close the ways of running the signed program as a
 * general-purpose Node or of loading code that is not the packaged app.asar.
 */
export const FUSES = {
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  EnableCookieEncryption: true,
  GrantFileProtocolExtraPrivileges: false,
} as const;

/** FUSES spelled as electron-builder's `electronFuses` option spells them. */
export function fusesForBuilder(fuses: typeof FUSES = FUSES): Record<string, boolean> {
  return {
    runAsNode: fuses.RunAsNode,
    enableNodeOptionsEnvironmentVariable: fuses.EnableNodeOptionsEnvironmentVariable,
    enableNodeCliInspectArguments: fuses.EnableNodeCliInspectArguments,
    enableEmbeddedAsarIntegrityValidation: fuses.EnableEmbeddedAsarIntegrityValidation,
    onlyLoadAppFromAsar: fuses.OnlyLoadAppFromAsar,
    enableCookieEncryption: fuses.EnableCookieEncryption,
    grantFileProtocolExtraPrivileges: fuses.GrantFileProtocolExtraPrivileges,
  };
}

/**
 * One running instance at a time: the desk keeps one SQLite connection and its audit chain
 * assumes a single writer, so a second launch only brings the first window forward.
 */
export const SINGLE_INSTANCE = true;

/** The data folder's name on systems that follow the XDG layout. */
const XDG_DIR_NAME = 'city-diplomacy-desk';

/**
 * The folder that holds desk.sqlite, attachments and backups. On Windows it is
 * %LOCALAPPDATA%\City Diplomacy Desk, and it must be on a local drive: SQLite's locking is
 * not safe on network shares, and roaming profiles would copy the database around. Elsewhere
 * it is the XDG data home. Throws with a message for the user when no safe folder exists.
 */
export function dataDirFor(env: Readonly<Record<string, string | undefined>>, platform: string): string {
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA?.trim();
    if (!local) throw new Error('LOCALAPPDATA is not set, so the desk has no local data folder.');
    if (isNetworkPath(local)) {
      throw new Error(
        `The local application data folder (${local}) is on a network share; the desk needs a local drive.`,
      );
    }
    if (!/^[A-Za-z]:[\\/]/.test(local)) {
      throw new Error(`The local application data folder (${local}) is not a path on a local drive.`);
    }
    return win32.join(local, APP_NAME);
  }
  const xdg = env.XDG_DATA_HOME?.trim();
  if (xdg && posix.isAbsolute(xdg)) return posix.join(xdg, XDG_DIR_NAME);
  const home = env.HOME?.trim();
  if (!home || !posix.isAbsolute(home)) {
    throw new Error('Neither XDG_DATA_HOME nor HOME is an absolute path, so the desk has no data folder.');
  }
  return posix.join(home, '.local', 'share', XDG_DIR_NAME);
}
