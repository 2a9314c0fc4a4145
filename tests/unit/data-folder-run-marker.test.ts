import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore } from '../../src/main/core/cadence-core';
import { RUN_MARKER } from '../../src/main/data-folder/run-marker';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const start = (dataDir: string) =>
  startCore({ dataDir, mode: 'browser', version: 'test', backgroundCheckAfterMs: null, scheduledBackups: false });

/** A data folder whose cadence.sqlite is a folder: the start fails after the lock is won, before the database opens. */
function misshapen(): { dataDir: string; db: string } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-marker-'));
  dirs.push(dataDir);
  const db = path.join(dataDir, 'cadence.sqlite');
  fs.mkdirSync(db);
  return { dataDir, db };
}

// Walked: a start refused for a cadence.sqlite that was a folder left cadence.running behind, so the next good start
// read the whole file first as if the last run had crashed.
describe('the run marker after a start that fails', () => {
  it('is taken away when this start wrote it, so the next good start does not check the whole file', async () => {
    const { dataDir, db } = misshapen();
    await expect(start(dataDir)).rejects.toThrow(`${db} is not a file`);
    expect(fs.readdirSync(dataDir)).not.toContain(RUN_MARKER);

    fs.rmdirSync(db);
    const core = await start(dataDir);
    expect(core.checkedAtStart).toBe(false);
    expect(fs.readdirSync(dataDir)).toContain(RUN_MARKER);
    core.close();
    expect(fs.readdirSync(dataDir)).not.toContain(RUN_MARKER);
  });

  it('is kept when the last run left it, so the start after the fix still checks what that run may have damaged', async () => {
    const { dataDir, db } = misshapen();
    fs.writeFileSync(path.join(dataDir, RUN_MARKER), JSON.stringify({ pid: 1, since: 0 }));
    await expect(start(dataDir)).rejects.toThrow(`${db} is not a file`);
    expect(fs.readdirSync(dataDir)).toContain(RUN_MARKER);

    fs.rmdirSync(db);
    const core = await start(dataDir);
    expect(core.checkedAtStart).toBe(true);
    core.close();
  });
});
