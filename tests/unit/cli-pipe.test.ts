import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildCliIfStale, runCadence } from '../support/cli-binary';

let dataDir: string;
beforeAll(() => {
  buildCliIfStale();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-cli-pipe-'));
  expect(runCadence(['demo', 'load'], dataDir).code).toBe(0);
}, 120_000);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

// Walked: `cadence meetings list | head -1` printed the first line, then a stack trace of "write EPIPE".
it('ends quietly when the reader of its output stops early', () => {
  const cadence = `${JSON.stringify(process.execPath)} ${JSON.stringify(path.resolve('bin/cadence.mjs'))}`;
  // `true` reads nothing and is gone long before the command starts writing: every line meets a closed pipe.
  const piped = spawnSync('bash', ['-c', `${cadence} decisions search release | true`], {
    encoding: 'utf8',
    env: { ...process.env, CADENCE_DATA_DIR: dataDir },
    timeout: 60_000,
  });
  expect(piped.stderr).toBe('');
});
