import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Cadence';
export const DATABASE_FILE = 'cadence.sqlite';

/**
 * The one place that decides where Cadence keeps its data, shared by the desktop
 * app, the browser server, the CLI and the tests: CADENCE_DATA_DIR when set, else
 * the folder Electron's app.getPath('userData') gives for an app named Cadence.
 */
export function resolveDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  const override = env.CADENCE_DATA_DIR?.trim();
  if (override) return path.resolve(override);
  if (platform === 'win32') {
    return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), APP_NAME);
  }
  if (platform === 'darwin') {
    return path.join(home, 'Library', 'Application Support', APP_NAME);
  }
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_NAME);
}

export function databasePath(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE);
}

/**
 * The browser server's folder: `--data-dir <folder>` (or `--data-dir=<folder>`) as the CLI takes it, else
 * resolveDataDir. The server once ignored the flag and opened the person's own folder instead of the one named.
 * Null when the flag is given without a folder.
 */
export function dataDirFromArgs(args: readonly string[], env: NodeJS.ProcessEnv = process.env): string | null {
  const at = args.findIndex((a) => a === '--data-dir' || a.startsWith('--data-dir='));
  if (at < 0) return resolveDataDir(env);
  const arg = args[at]!;
  const given = arg === '--data-dir' ? args[at + 1] : arg.slice('--data-dir='.length);
  if (!given?.trim() || given.startsWith('--')) return null;
  return resolveDataDir({ CADENCE_DATA_DIR: given });
}
