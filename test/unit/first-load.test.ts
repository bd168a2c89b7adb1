/**
 * What the window reads before it can draw the Desk: the entry, the program (app/mount.tsx) and
 * the Desk's screen, which the entry loads at once, with everything they import statically. The
 * contract's schemas (zod), the charts, the map, Word and spreadsheet code and the screens shown
 * only now and then (welcome, upgrade, damaged desk, command palette) must stay out of it: each
 * one is more code to fetch, compile and run before the first paint.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const PROJECT = resolve(import.meta.dirname, '../..');
const STARTS = [
  'renderer/src/main.tsx',
  'renderer/src/app/mount.tsx',
  'renderer/src/features/desk/DeskPage.tsx',
];

/** The modules a file imports for their values (`import type` and `import()` excluded). */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      if (statement.importClause?.isTypeOnly) continue;
      found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return found;
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ])
    if (existsSync(candidate) && !candidate.endsWith('/') && /\.(tsx?|css|svg)$/.test(candidate))
      return candidate;
  return null;
}

/** Project files (relative paths) and packages reached by static imports from the start files. */
function firstLoad(): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = STARTS.map((file) => join(PROJECT, file));
  while (queue.length > 0) {
    const file = queue.pop()!;
    const name = relative(PROJECT, file);
    if (files.has(name)) continue;
    files.add(name);
    if (!/\.tsx?$/.test(file)) continue;
    for (const specifier of valueImports(file)) {
      if (specifier.startsWith('.')) {
        const target = resolveLocal(file, specifier);
        if (!target) throw new Error(`${name}: cannot resolve ${specifier}`);
        queue.push(target);
      } else if (!specifier.startsWith('virtual:')) {
        const parts = specifier.split('/');
        packages.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
      }
    }
  }
  return { files, packages };
}

describe('the code read before the Desk is drawn', () => {
  const { files, packages } = firstLoad();

  it('follows the entry to the shell, the sections and the Desk', () => {
    for (const file of [
      'renderer/src/app/Shell.tsx',
      'renderer/src/app/sections.ts',
      'shared/api/method-names.ts',
      'renderer/src/features/desk/DeskLists.tsx',
    ])
      expect(files).toContain(file);
    expect(packages).toContain('react-dom');
    expect(packages).toContain('@mantine/core');
  });

  it('holds none of the contract’s schemas and no validation library', () => {
    expect(
      [...files].filter((file) => /^shared\/api\/.*\.contract\.ts$|^shared\/api\/contract\.ts$/.test(file)),
    ).toEqual([]);
    expect(files).not.toContain('shared/api/schema.ts');
    expect(files).not.toContain('renderer/src/lib/validation.ts');
    expect(packages).not.toContain('zod');
  });

  it('holds no charts, map, Word or spreadsheet code', () => {
    for (const name of ['recharts', 'd3-geo', 'topojson-client', 'world-atlas', 'docx', 'exceljs', 'diff'])
      expect(packages).not.toContain(name);
    expect(
      [...files].filter((file) => /DeskFigures|DeskCharts|LettersChart|PartnerMap|WorldMap/.test(file)),
    ).toEqual([]);
  });

  it('holds none of the screens shown only now and then', () => {
    for (const file of [
      'renderer/src/features/welcome/WelcomePage.tsx',
      'renderer/src/features/recovery/UpgradePage.tsx',
      'renderer/src/features/recovery/DamagedDeskPage.tsx',
      'renderer/src/app/CommandPalette.tsx',
    ])
      expect(files).not.toContain(file);
  });
});
