/** The harness's file server answers files under its root and nothing else. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRequestPath, serveStatic, serveStaticApart, type StaticServer } from './static-server';

describe('the static server of the browser harness', () => {
  let parent: string;
  let root: string;
  let server: StaticServer;

  beforeAll(async () => {
    parent = mkdtempSync(join(tmpdir(), 'static-'));
    root = join(parent, 'site');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(root, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
    writeFileSync(join(parent, 'secret.txt'), 'outside');
    server = await serveStatic(root);
  });

  afterAll(async () => {
    await server.close();
    rmSync(parent, { recursive: true, force: true });
  });

  it('serves files with their MIME types', async () => {
    const index = await fetch(`${server.origin}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const font = await fetch(`${server.origin}/assets/font.woff2`);
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(Buffer.from(await font.arrayBuffer())).toEqual(Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  });

  it('has a file asked again each time, answering "unchanged" only while it is', async () => {
    writeFileSync(join(root, 'assets', 'app.js'), 'export const a = 1;');
    const first = await fetch(`${server.origin}/assets/app.js`);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    const again = await fetch(`${server.origin}/assets/app.js`, { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
    // A rebuilt file (another length) is served anew.
    writeFileSync(join(root, 'assets', 'app.js'), 'export const a = 22;');
    const rebuilt = await fetch(`${server.origin}/assets/app.js`, { headers: { 'If-None-Match': etag! } });
    expect(rebuilt.status).toBe(200);
    expect(await rebuilt.text()).toBe('export const a = 22;');
    expect(rebuilt.headers.get('etag')).not.toBe(etag);
  });

  it('refuses path escapes, folders and strange requests', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%00',
      '/%E0%A4%A',
    ]) {
      expect(resolveRequestPath(root, path), path).toBeNull();
    }
    expect(resolveRequestPath(root, '/assets')).toBeNull();
    expect((await fetch(`${server.origin}/%2e%2e/secret.txt`)).status).toBe(404);
    expect((await fetch(`${server.origin}/assets/`)).status).toBe(404);
    expect((await fetch(`${server.origin}/index.html`, { method: 'POST' })).status).toBe(405);
  });

  it('serves the same from a process of its own, which stops when closed', async () => {
    const apart = await serveStaticApart(root);
    try {
      expect(apart.origin).not.toBe(server.origin);
      const index = await fetch(`${apart.origin}/`);
      expect(index.status).toBe(200);
      expect(await index.text()).toContain('<title>x</title>');
      expect((await fetch(`${apart.origin}/%2e%2e/secret.txt`)).status).toBe(404);
    } finally {
      await apart.close();
    }
    await expect(fetch(`${apart.origin}/`)).rejects.toThrow();
  });
});
