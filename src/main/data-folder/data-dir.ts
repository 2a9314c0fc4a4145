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
