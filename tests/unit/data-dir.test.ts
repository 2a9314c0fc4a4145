import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databasePath, resolveDataDir } from '../../src/main/app/data-dir';

// resolveDataDir joins with the host's path module whatever platform it is told, so expectations use path.join too.
describe('resolveDataDir', () => {
  it('CADENCE_DATA_DIR wins on every platform, resolved to an absolute path', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(resolveDataDir({ CADENCE_DATA_DIR: '/srv/cadence', XDG_CONFIG_HOME: '/xdg', APPDATA: '/appdata' }, platform, '/home/ana')).toBe(
        path.resolve('/srv/cadence'),
      );
    }
    const relative = resolveDataDir({ CADENCE_DATA_DIR: 'data/cadence' }, 'linux', '/home/ana');
    expect(path.isAbsolute(relative)).toBe(true);
    expect(relative).toBe(path.join(process.cwd(), 'data', 'cadence'));
  });

  it('trims CADENCE_DATA_DIR and ignores it when blank', () => {
    expect(resolveDataDir({ CADENCE_DATA_DIR: '  /srv/cadence  ' }, 'linux', '/home/ana')).toBe(path.resolve('/srv/cadence'));
    expect(resolveDataDir({ CADENCE_DATA_DIR: '   ' }, 'linux', '/home/ana')).toBe(path.join('/home/ana', '.config', 'Cadence'));
    expect(resolveDataDir({ CADENCE_DATA_DIR: '' }, 'linux', '/home/ana')).toBe(path.join('/home/ana', '.config', 'Cadence'));
  });

  it('on Linux defaults to ~/.config/Cadence', () => {
    expect(resolveDataDir({}, 'linux', '/home/ana')).toBe('/home/ana/.config/Cadence');
  });

  it('on Linux respects XDG_CONFIG_HOME, and ignores it when empty', () => {
    expect(resolveDataDir({ XDG_CONFIG_HOME: '/home/ana/cfg' }, 'linux', '/home/ana')).toBe('/home/ana/cfg/Cadence');
    expect(resolveDataDir({ XDG_CONFIG_HOME: '' }, 'linux', '/home/ana')).toBe('/home/ana/.config/Cadence');
  });

  it('on macOS uses ~/Library/Application Support/Cadence and ignores XDG_CONFIG_HOME', () => {
    expect(resolveDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Application Support/Cadence');
  });

  it('on Windows uses APPDATA, falling back to the home folder’s AppData/Roaming', () => {
    const appData = 'C:\\Users\\ana\\AppData\\Roaming';
    expect(resolveDataDir({ APPDATA: appData }, 'win32', 'C:\\Users\\ana')).toBe(path.join(appData, 'Cadence'));
    expect(resolveDataDir({}, 'win32', '/home/ana')).toBe(path.join('/home/ana', 'AppData', 'Roaming', 'Cadence'));
  });

  it('on Windows treats an empty APPDATA as unset, like an empty XDG_CONFIG_HOME, rather than a folder relative to the cwd', () => {
    const dir = resolveDataDir({ APPDATA: '' }, 'win32', '/home/ana');
    expect(dir).toBe(path.join('/home/ana', 'AppData', 'Roaming', 'Cadence'));
    expect(path.isAbsolute(dir)).toBe(true);
  });

  it('reads process.env, process.platform and the home folder by default', () => {
    const saved = process.env.CADENCE_DATA_DIR;
    process.env.CADENCE_DATA_DIR = '/tmp/cadence-from-env';
    try {
      expect(resolveDataDir()).toBe(path.resolve('/tmp/cadence-from-env'));
    } finally {
      if (saved === undefined) delete process.env.CADENCE_DATA_DIR;
      else process.env.CADENCE_DATA_DIR = saved;
    }
  });
});

describe('databasePath', () => {
  it('is cadence.sqlite inside the data folder', () => {
    expect(databasePath('/srv/cadence')).toBe(path.join('/srv/cadence', 'cadence.sqlite'));
  });
});
