import type { DisplayInfo, SaveOutcome } from '@shared/domain';

export interface SaveRequest {
  suggestedName: string;
  content: string | Uint8Array;
  filters: { name: string; extensions: string[] }[];
  /** Folder to open the dialog in (the last one used), when known. */
  defaultFolder: string | null;
}

/**
 * What differs between the desktop app and the browser mode. Services never import an
 * implementation; the entry (Electron shell or browser server) hands one to the core.
 */
export interface Platform {
  readonly kind: 'desktop' | 'browser';
  /** Asks where to save and writes the file atomically; the browser mode leaves it to the page. */
  saveText(request: SaveRequest): Promise<SaveOutcome>;
  chooseFolder(defaultFolder: string | null): Promise<string | null | 'client'>;
  /** Renders HTML to PDF bytes where the platform can (Electron's printToPDF). */
  printToPdf(html: string): Promise<Uint8Array | 'client'>;
  displays(): DisplayInfo[];
  openExternal(url: string): Promise<'opened' | 'client'>;
  /** The projector view in a window of its own, on the second display when there is one. */
  openProjector(meetingId: string): Promise<'opened' | 'client'>;
}
