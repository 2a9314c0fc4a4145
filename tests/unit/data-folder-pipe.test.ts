import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isUpdateStart, isUsualStart } from '../../src/main/core/early-start';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('pipe');
afterEach(dirs.removeAll);

describe('a named pipe where cadence.sqlite belongs', () => {
  it('is not read for a header: the early start answers at once rather than wait for a writer that never comes', () => {
    const dir = dirs.make();
    const file = path.join(dir, 'cadence.sqlite');
    execFileSync('mkfifo', [file]);
    // Without the check each read waits until something writes to the pipe: this writer opens it again and again from
    // 3 s on, so a hang shows as a slow answer rather than a test that never ends. It is ended below.
    const writer = spawn('sh', ['-c', `sleep 3; while :; do : > "$1"; done`, 'sh', file], { stdio: 'ignore' });
    try {
      const started = performance.now();
      expect(isUsualStart(dir)).toBe(false);
      expect(isUpdateStart(dir)).toBe(false);
      expect(performance.now() - started).toBeLessThan(1500);
    } finally {
      writer.kill();
    }
  });
});
