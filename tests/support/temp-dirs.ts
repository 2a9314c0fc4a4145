import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Folders a test file makes for its exports, removed after each test (made writable first: some tests take
 * the write permission away to see a refusal).
 */
export function tempDirs(label: string): { make: () => string; removeAll: () => void } {
  let dirs: string[] = [];
  return {
    make() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `cadence-${label}-`));
      dirs.push(dir);
      return dir;
    },
    removeAll() {
      for (const d of dirs) {
        // A folder the test removed itself is gone already: the others are still removed.
        if (fs.existsSync(d)) fs.chmodSync(d, 0o755);
        fs.rmSync(d, { recursive: true, force: true });
      }
      dirs = [];
    },
  };
}
