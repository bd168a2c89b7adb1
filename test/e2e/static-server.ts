/**
 * A tiny static file server for the built renderer, on 127.0.0.1 and a random port. It
 * answers files under its root only: no directory listings, no path escapes, nothing else.
 *
 * `serveStatic` serves from this process; `serveStaticApart` from a process of its own, so the
 * files are not answered after whatever this process's thread is busy with (the bench's desk and
 * Playwright's traffic with the page).
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Maps a request path to a file under root, or null when it is outside, missing or a folder. */
export function resolveRequestPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' ? '/index.html' : decoded;
  const base = resolve(root);
  const target = resolve(join(base, normalize(relative)));
  if (target !== base && !target.startsWith(base + sep)) return null;
  if (!existsSync(target) || !statSync(target).isFile()) return null;
  return target;
}

export async function serveStatic(root: string): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = resolveRequestPath(root, request.url ?? '/');
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    // Asked again each time and answered "unchanged" while the file is: the page always runs
    // the files as built, and Chromium may keep their compiled code between loads, as the
    // desktop program's app:// scheme lets it (electron/main/security.ts, codeCache).
    const { size, mtimeMs } = statSync(file);
    const etag = `"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;
    const headers = {
      'Cache-Control': 'no-cache',
      ETag: etag,
      'X-Content-Type-Options': 'nosniff',
    };
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, headers).end();
      return;
    }
    response.writeHead(200, {
      'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      ...headers,
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** The argument that makes this file, run as a program, serve a folder (`serveStaticApart`). */
const SERVE_FLAG = '--serve-static';

/**
 * The same server in a Node process of its own, which answers its origin on its first line and
 * stops when this process closes it or goes away (its stdin ends).
 */
export async function serveStaticApart(root: string): Promise<StaticServer> {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const child = spawn(process.execPath, ['--import', tsx, fileURLToPath(import.meta.url), SERVE_FLAG, root], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  const origin = await new Promise<string>((ok, fail) => {
    let text = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      text += chunk;
      const line = text.split('\n')[0];
      if (text.includes('\n') && line) ok(line.trim());
    });
    child.once('exit', (code) => fail(new Error(`the static server stopped (exit code ${code})`)));
    child.once('error', fail);
  });
  return {
    origin,
    close: async () => {
      child.stdin.end();
      await exited;
    },
  };
}

if (process.argv[2] === SERVE_FLAG && process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await serveStatic(process.argv[3] ?? '.');
  process.stdout.write(`${server.origin}\n`);
  process.stdin.resume();
  process.stdin.once('end', () => void server.close().then(() => process.exit(0)));
}
