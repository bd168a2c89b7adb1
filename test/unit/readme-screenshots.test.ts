/**
 * The README's gallery: every picture it shows is committed under docs/screenshots/, and
 * every section of the sidebar is shown in both languages.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const shown = [...readme.matchAll(/(?:src="|\]\()(docs\/screenshots\/[^")]+\.png)/g)].map((m) => m[1]!);

/** The sections of DESIGN §2, by the name of their screenshot. */
const SECTIONS = [
  'desk',
  'partners',
  'relationships',
  'cases',
  'correspondence',
  'agreements',
  'approvals',
  'events',
  'search',
  'documents',
  'settings',
];

describe('the README gallery', () => {
  it('shows only pictures that exist', () => {
    expect(shown.length).toBeGreaterThan(SECTIONS.length * 2);
    expect(shown.filter((file) => !existsSync(join(ROOT, file)))).toEqual([]);
  });

  it('shows every section in Persian and English', () => {
    const missing = SECTIONS.flatMap((name) =>
      ['fa', 'en']
        .map((locale) => `docs/screenshots/${name}.${locale}.png`)
        .filter((f) => !shown.includes(f)),
    );
    expect(missing).toEqual([]);
  });
});
