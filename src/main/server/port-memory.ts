import fs from 'node:fs';
import path from 'node:path';
import { writeFileFlushLater } from '../data-folder/atomic-write';

/**
 * Reuses the last port so an open page reconnects after a restart. Only a plain file is read (a pipe there would never
 * end), and the port is written beside it and renamed over: a link in its place is replaced, never written through (a
 * link to a file of the person's had that file overwritten). Remembering is a convenience: a port that cannot be
 * written down (a folder in its place, a full disk) is not, and the next start takes another.
 */
export function portMemory(dataDir: string) {
  const file = path.join(dataDir, 'browser-server.json');
  return {
    read(): number | null {
      try {
        if (!fs.lstatSync(file, { throwIfNoEntry: false })?.isFile()) return null;
        const port = Number((JSON.parse(fs.readFileSync(file, 'utf8')) as { port?: unknown }).port);
        return Number.isInteger(port) && port > 0 ? port : null;
      } catch {
        return null;
      }
    },
    write(port: number): void {
      try {
        writeFileFlushLater(file, JSON.stringify({ port })).catch(() => undefined);
      } catch {
        // Not remembered: the next start takes another port.
      }
    },
  };
}
