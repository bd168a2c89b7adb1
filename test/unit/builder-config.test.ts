import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FUSES, fusesForBuilder } from '../../electron/main/security';
import { APP_ID, APP_NAME } from '../../shared/product';
import { ICO_SIZES, PNG_SIZE, SVG_FILE, makeIcons } from '../../scripts/make-icons';

const projectDir = join(import.meta.dirname, '..', '..');
const config = parse(readFileSync(join(projectDir, 'electron-builder.yml'), 'utf8')) as Record<
  string,
  unknown
>;
const win = config.win as { target: { target: string; arch: string[] }[]; icon: string };
const nsis = config.nsis as Record<string, unknown>;

const packageJson = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as {
  version: string;
  productName: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Every source file of the main process and preload, which ship inside the program. */
function shippedSources(dir = join(projectDir, 'electron')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? shippedSources(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [readFileSync(join(dir, entry.name), 'utf8')]
        : [],
  );
}

/**
 * The entries of an ICO file: size in pixels (0 stands for 256), whether each is a PNG, and
 * the width and height its PNG header declares.
 */
function icoEntries(file: Buffer): { size: number; png: boolean; pngSize: [number, number] }[] {
  expect(file.readUInt16LE(0)).toBe(0);
  expect(file.readUInt16LE(2)).toBe(1);
  const count = file.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const entry = 6 + i * 16;
    const width = file.readUInt8(entry);
    const length = file.readUInt32LE(entry + 8);
    const offset = file.readUInt32LE(entry + 12);
    expect(offset + length).toBeLessThanOrEqual(file.length);
    const png = file
      .subarray(offset, offset + 8)
      .equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const image = file.subarray(offset, offset + length);
    return {
      size: width === 0 ? 256 : width,
      png,
      pngSize: [image.readUInt32BE(16), image.readUInt32BE(20)],
    };
  });
}

describe('electron-builder.yml', () => {
  it('names the product as shared/product.ts does', () => {
    expect(config.appId).toBe(APP_ID);
    expect(config.appId).toBe('ir.municipality.citydiplomacydesk');
    expect(config.productName).toBe(APP_NAME);
  });

  it('packs the build output into app.asar, with sqlite3’s native binding unpacked', () => {
    expect((config.directories as Record<string, string>).output).toBe('dist');
    expect(config.files).toContain('out/**/*');
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/sqlite3/**/*.node');
  });

  it('builds an NSIS installer and a portable program for 64-bit Windows', () => {
    const targets = Object.fromEntries(win.target.map((t) => [t.target, t.arch]));
    expect(targets.nsis).toEqual(['x64']);
    expect(targets.portable).toEqual(['x64']);
  });

  it('installs per user by default, lets the user install for all machines, and choose the folder', () => {
    expect(nsis.oneClick).toBe(false);
    expect(nsis.perMachine).toBe(false);
    expect(nsis.allowElevation).toBe(true);
    expect(nsis.allowToChangeInstallationDirectory).toBe(true);
    expect(nsis.deleteAppDataOnUninstall).toBe(false);
  });

  it('speaks Persian and English', () => {
    expect(nsis.installerLanguages).toEqual(['fa_IR', 'en_US']);
    expect(nsis.multiLanguageInstaller).toBe(true);
  });

  it('takes its version from package.json and nothing overrides it', () => {
    expect(packageJson.version).toMatch(/^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$/);
    expect(packageJson.productName).toBe(APP_NAME);
    expect(config).not.toHaveProperty('extraMetadata');
    expect(config).not.toHaveProperty('buildVersion');
  });

  it('publishes nowhere and never updates itself: no network at install or run', () => {
    expect(config).toHaveProperty('publish', null);
    expect(nsis).not.toHaveProperty('differentialPackage');
    // Nothing that updates a program over a network is a dependency or imported.
    const dependencies = { ...packageJson.dependencies, ...packageJson.devDependencies };
    expect(Object.keys(dependencies).filter((name) => /updater|update-electron-app/.test(name))).toEqual([]);
    expect(shippedSources().filter((source) => /autoUpdater|electron-updater/.test(source))).toEqual([]);
  });

  it('flips exactly the fuses security.ts declares', () => {
    expect(config.electronFuses).toEqual(fusesForBuilder(FUSES));
  });

  it('spells only options the installed electron-builder knows', () => {
    // electron-builder's own JSON schema; a misspelt option would otherwise be caught only
    // when the installer is built on a Windows machine.
    const schemaPath = createRequire(createRequire(import.meta.url).resolve('electron-builder')).resolve(
      'app-builder-lib/scheme.json',
    );
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as {
      properties: Record<string, unknown>;
      definitions: Record<string, { properties: Record<string, unknown> }>;
    };
    const known = (definition: string) => Object.keys(schema.definitions[definition]!.properties);
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(Object.keys(config)));
    expect(known('NsisOptions')).toEqual(expect.arrayContaining(Object.keys(nsis)));
    expect(known('WindowsConfiguration')).toEqual(expect.arrayContaining(Object.keys(win)));
    expect(known('PortableOptions')).toEqual(expect.arrayContaining(Object.keys(config.portable as object)));
    expect(known('FuseOptionsV1')).toEqual(
      expect.arrayContaining(Object.keys(config.electronFuses as object)),
    );
    expect(known('MetadataDirectories')).toEqual(
      expect.arrayContaining(Object.keys(config.directories as object)),
    );
  });
});

describe('the icons', () => {
  it('has a Windows icon with every size up to 256 px, as PNG entries', () => {
    expect(win.icon).toBe('resources/icon.ico');
    expect(nsis.installerIcon).toBe('resources/icon.ico');
    expect(nsis.uninstallerIcon).toBe('resources/icon.ico');
    const entries = icoEntries(readFileSync(join(projectDir, win.icon)));
    expect(entries.map((e) => e.size)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    expect(entries.map((e) => e.size)).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    expect(entries.every((e) => e.png)).toBe(true);
    for (const entry of entries) expect(entry.pngSize).toEqual([entry.size, entry.size]);
  });

  it('has exactly the icons scripts/make-icons.ts draws from resources/icon.svg', () => {
    // A changed SVG without new icons (or icons edited by hand) fails here.
    const made = makeIcons(readFileSync(SVG_FILE));
    expect(icoEntries(made.ico).map((e) => e.size)).toEqual([...ICO_SIZES]);
    expect(made.png.readUInt32BE(16)).toBe(PNG_SIZE);
    expect(readFileSync(join(projectDir, 'resources', 'icon.ico')).equals(made.ico)).toBe(true);
    expect(readFileSync(join(projectDir, 'resources', 'icon.png')).equals(made.png)).toBe(true);
  });

  it('has a 512 px PNG icon', () => {
    const png = readFileSync(join(projectDir, 'resources', 'icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
  });
});
