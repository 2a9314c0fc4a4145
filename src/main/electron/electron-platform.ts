import path from 'node:path';
import { BrowserWindow, dialog, screen, shell } from 'electron';
import type { SaveOutcome } from '@shared/domain';
import type { Platform, SaveRequest } from '../platform/platform';
import { saveChosenFile } from '../platform/save-file';
import { chooseProjectorDisplay } from './displays';
import { projectorWindowOptions } from './window-options';

/** The desktop side of the seam: native dialogs, Chromium's PDF printer, the real displays. */
export function createElectronPlatform(windows: {
  preloadPath: string;
  load: (win: BrowserWindow, hash: string) => Promise<void>;
}): Platform {
  let projector: BrowserWindow | null = null;
  const parent = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  return {
    kind: 'desktop',
    async saveText(request: SaveRequest): Promise<SaveOutcome> {
      const owner = parent();
      const options = {
        defaultPath: path.join(request.defaultFolder ?? '', request.suggestedName),
        filters: request.filters,
      };
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return { status: 'cancelled', path: null };
      return saveChosenFile(result.filePath, request.content);
    },
    async chooseFolder(defaultFolder) {
      const options = {
        defaultPath: defaultFolder ?? undefined,
        properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
      };
      const owner = parent();
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async printToPdf(html) {
      const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, javascript: false } });
      try {
        await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
        return await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
      } finally {
        win.destroy();
      }
    },
    displays() {
      const primary = screen.getPrimaryDisplay().id;
      return screen.getAllDisplays().map((d, i) => ({
        id: d.id,
        label: d.label || `Display ${i + 1}`,
        width: d.bounds.width,
        height: d.bounds.height,
        primary: d.id === primary,
      }));
    },
    async openProjector(meetingId) {
      const consoleDisplay = screen.getDisplayMatching((parent() ?? BrowserWindow.getAllWindows()[0])!.getBounds());
      const target = chooseProjectorDisplay(screen.getAllDisplays(), consoleDisplay.id);
      if (projector && !projector.isDestroyed()) projector.close();
      projector = new BrowserWindow(projectorWindowOptions(windows.preloadPath, target ? target.bounds : null));
      projector.once('ready-to-show', () => projector?.show());
      await windows.load(projector, `#/meetings/${encodeURIComponent(meetingId)}/projector`);
      return 'opened';
    },
    async openExternal(url) {
      await shell.openExternal(url);
      return 'opened';
    },
  };
}
