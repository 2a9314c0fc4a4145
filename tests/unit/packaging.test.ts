import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The configuration is tested, not run: packaging needs an Electron download, which this machine cannot make.
const config = parse(fs.readFileSync('electron-builder.yml', 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function pngSize(file: string): { width: number; height: number } {
  const head = fs.readFileSync(file).subarray(0, 24);
  expect(head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), `${file} is a PNG`).toBe(true);
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

describe('electron-builder configuration', () => {
  it('builds AppImage and deb for Linux, dmg for macOS, nsis for Windows, with the app icon from resources/', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toBe('dmg');
    expect(config.win.target).toBe('nsis');
    expect(config.directories.buildResources).toBe('resources');
    expect(config.icon).toBe('resources/icon.png');
    const size = pngSize(config.icon);
    // macOS wants at least 512x512; 1024 gives every target a sharp icon.
    expect(size).toEqual({ width: 1024, height: 1024 });
  });

  it('sets the fuses: no RunAsNode, no NODE_OPTIONS, no --inspect, asar integrity, app only from asar, no file:// privileges', () => {
    expect(config.electronFuses).toMatchObject({
      grantFileProtocolExtraPrivileges: false,
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    // With RunAsNode off, child_process.fork cannot work in the main process: the shell must not use it.
    const shell = ['src/main/index.ts', ...fs.readdirSync('src/main/electron').map((f) => path.join('src/main/electron', f))];
    for (const file of shell) expect(fs.readFileSync(file, 'utf8'), file).not.toMatch(/child_process|\bfork\(/);
  });

  it('unpacks the native module from the asar and leaves the test-only entries out', () => {
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(config.npmRebuild).toBe(false);
    for (const entry of ['test-server', 'crash-writer', 'bench']) expect(config.files).toContain(`!out/main/${entry}.js`);
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { main: string; version: string };
    expect(pkg.main).toBe('./out/main/index.js');
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
