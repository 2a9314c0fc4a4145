import type { BrowserWindowConstructorOptions } from 'electron';

/** Hardened web preferences every Cadence window shares. */
export function secureWebPreferences(preloadPath: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
  };
}

export function consoleWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Cadence',
    backgroundColor: '#f6f4ef',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath),
  };
}

/** The projector keeps ticking while the console has focus, hence no background throttling. */
export function projectorWindowOptions(
  preloadPath: string,
  bounds: { x: number; y: number; width: number; height: number } | null,
): BrowserWindowConstructorOptions {
  return {
    ...(bounds ?? { width: 1280, height: 720 }),
    show: false,
    title: 'Cadence — projector',
    backgroundColor: '#101418',
    autoHideMenuBar: true,
    fullscreen: bounds !== null,
    webPreferences: { ...secureWebPreferences(preloadPath), backgroundThrottling: false },
  };
}
