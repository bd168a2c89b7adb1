import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';

const html = readFileSync(join(import.meta.dirname, '..', '..', 'renderer', 'index.html'), 'utf8');

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag);
  if (!match) return null;
  return (match[1] ?? match[2] ?? '')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

const cspMetas = [...html.matchAll(/<meta\b[^>]*>/gi)]
  .map((m) => m[0])
  .filter((tag) => attribute(tag, 'http-equiv')?.toLowerCase() === 'content-security-policy');

describe('renderer/index.html', () => {
  it('carries exactly one CSP meta tag, equal to the policy main sends', () => {
    expect(cspMetas).toHaveLength(1);
    expect(attribute(cspMetas[0]!, 'content')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('puts the CSP before any script or stylesheet', () => {
    const metaAt = html.indexOf(cspMetas[0]!);
    const firstLoad = html.search(/<script\b|<link\b/i);
    expect(metaAt).toBeGreaterThanOrEqual(0);
    if (firstLoad >= 0) expect(metaAt).toBeLessThan(firstLoad);
  });

  it('allows no remote origin and no script but the program’s own', () => {
    const policy = attribute(cspMetas[0]!, 'content')!;
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/https?:|wss?:|\*/);
    expect(policy).not.toMatch(/unsafe-eval/);
  });

  it('has no inline script and loads nothing from another origin', () => {
    for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
      expect(attribute(tag, 'src'), tag).not.toBeNull();
    }
    expect(html).not.toMatch(/\s(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
  });
});
