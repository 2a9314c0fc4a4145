import type { Platform } from './platform';

/**
 * The browser mode's side of the seam. The server may run on the user's computer, but it
 * has no window to show a dialog in: saving becomes a download, printing the browser's
 * print view, links a new tab, all done by the page. One display: the projector is a tab.
 */
export const browserPlatform: Platform = {
  kind: 'browser',
  saveText: async () => ({ status: 'download', path: null }),
  chooseFolder: async () => 'client',
  printToPdf: async () => 'client',
  displays: () => [],
  openExternal: async () => 'client',
  openProjector: async () => 'client',
};
