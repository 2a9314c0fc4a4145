/**
 * The Electron shell: as thin as it can be. Everything Cadence does lives in the core
 * (shared with the browser server); this file only wires windows and IPC to it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, protocol, session, shell } from 'electron';
import { operationNames } from '@shared/contract';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_PREFIX } from '@shared/api';
import { exitUnlessNodeApiSupported } from './data-folder/runtime-check';
import { resolveDataDir } from './data-folder/data-dir';
import { consoleWindowOptions } from './electron/window-options';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, appUrl, resolveAppRequest } from './electron/app-protocol';
import { isTrustedSenderUrl, type TrustedOrigins } from './electron/sender-guard';
import { applyContentsPolicy, applySessionPolicy, type ContentsLike, type SessionLike } from './electron/session-policy';
import { enableCompileCache } from './platform/compile-cache';
import { startingPageUrl } from './electron/starting-page';

exitUnlessNodeApiSupported();
// The core's modules (imported once the app is ready) load from compiled code kept on disk, as the browser server's do.
enableCompileCache();

const here = path.dirname(fileURLToPath(import.meta.url));
const preloadPath = path.join(here, '../preload/index.cjs');
const rendererDir = path.join(here, '../renderer');
const trusted: TrustedOrigins = {
  devServerUrl: !app.isPackaged ? (process.env.ELECTRON_RENDERER_URL ?? null) : null,
};
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (!process.env.CADENCE_DATA_DIR) process.env.CADENCE_DATA_DIR = resolveDataDir();
app.setPath('userData', process.env.CADENCE_DATA_DIR);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

/** Loads Cadence's own page (dev server or the built renderer at app://cadence/) at a route. */
async function loadRenderer(win: BrowserWindow, hash: string): Promise<void> {
  if (trusted.devServerUrl) await win.loadURL(trusted.devServerUrl + hash);
  else await win.loadURL(appUrl(hash));
}

/** app://cadence/ serves the built renderer; the path checks live in resolveAppRequest, unit-tested. */
function serveRenderer(): void {
  protocol.handle(APP_SCHEME, (request) => {
    const answer = resolveAppRequest(request.url, request.method, rendererDir);
    const body = answer.file && request.method === 'GET' ? fs.readFileSync(answer.file) : null;
    return new Response(body, { status: answer.status, headers: answer.headers });
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  serveRenderer();
  // Before any window: the window that says a start is updating the data is held to the same rules as the app's.
  applySessionPolicy(session.defaultSession as unknown as SessionLike);
  app.on('web-contents-created', (_event, contents) => {
    applyContentsPolicy(contents as unknown as ContentsLike, trusted, (url) => void shell.openExternal(url));
  });
  const { startCore } = await import('./core/cadence-core');
  const { phaseWords, StartProgress } = await import('./core/start-progress');
  // A start that updates the data (a backup, then the migrations) opens the window at once with words that say so;
  // the app is loaded into it once the update is done. A usual start opens its window once the data is open, as before.
  const progress = new StartProgress();
  let win: BrowserWindow | null = null;
  progress.on((phase) => {
    const words = phaseWords(phase);
    if (!words || win) return;
    const opened = new BrowserWindow(consoleWindowOptions(preloadPath));
    opened.once('ready-to-show', () => opened.show());
    void opened.loadURL(startingPageUrl(words));
    win = opened;
  });
  let core;
  try {
    const { createElectronPlatform } = await import('./electron/electron-platform');
    core = await startCore({
      dataDir: process.env.CADENCE_DATA_DIR!,
      mode: 'desktop',
      version: app.getVersion(),
      lockKind: 'desktop app',
      platform: createElectronPlatform({ preloadPath, load: loadRenderer }),
      progress,
    });
  } catch (error) {
    const said = win as BrowserWindow | null;
    // The window that said the data was being updated now says what failed and what to do, until it is closed.
    if (said && !said.isDestroyed()) {
      said.once('closed', () => app.exit(1));
      await said.loadURL(startingPageUrl((error as Error).message, 'alert'));
      return;
    }
    const { dialog } = await import('electron');
    dialog.showErrorBox('Cadence cannot open its data', (error as Error).message);
    app.exit(1);
    return;
  }

  for (const name of operationNames) {
    ipcMain.handle(IPC_INVOKE_PREFIX + name, async (event, input: unknown) => {
      if (!isTrustedSenderUrl(event.senderFrame?.url, trusted)) {
        return JSON.stringify({ ok: false, error: { code: 'internal', message: 'Refused: untrusted sender' } });
      }
      return core.dispatcher.dispatchSerialized(name, input);
    });
  }
  core.feed.subscribe((change) => {
    for (const win of BrowserWindow.getAllWindows()) win.webContents.send(IPC_EVENT_CHANNEL, change);
  });

  const shown = (win as BrowserWindow | null) ?? new BrowserWindow(consoleWindowOptions(preloadPath));
  if (!win) shown.once('ready-to-show', () => shown.show());
  await loadRenderer(shown, '');

  app.on('second-instance', () => {
    if (shown.isMinimized()) shown.restore();
    shown.focus();
  });
  app.on('window-all-closed', () => {
    core.close();
    app.quit();
  });
}
