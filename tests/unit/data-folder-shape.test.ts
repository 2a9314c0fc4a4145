import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore } from '../../src/main/core/cadence-core';
import { holdDataFolder } from '../../src/main/core/early-start';
import { buildCliIfStale } from '../support/cli-binary';
import { expectCliRefuses, startRefusal } from '../support/start-refusal';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('shape');
const temp = dirs.make;
beforeAll(() => buildCliIfStale(), 120_000);
afterAll(dirs.removeAll);

const start = startRefusal;

// Walked: the browser server said "Cadence failed to start: EEXIST: file already exists, mkdir '…'" of a data folder
// that was a file, and "unable to open database file" (the command line: "disk I/O error") of a cadence.sqlite that was
// a folder.
describe('a data folder of the wrong shape', () => {
  it('that is a file, or lies inside one, is named in words by the app, its early start and the command line', async () => {
    const file = path.join(temp(), 'cadence-data');
    fs.writeFileSync(file, 'not a folder');
    const said = `${file} is a file, not a folder, so Cadence cannot keep its data there. Move that file, or point CADENCE_DATA_DIR (or --data-dir) at a folder.`;
    expect(await start(file)).toBe(said);
    expect(() => holdDataFolder(file, 'browser server')).toThrow(said);
    expectCliRefuses(file, said);
    const inside = path.join(file, 'sub');
    expect(await start(inside)).toBe(
      `${file} is a file, not a folder (the data folder ${inside} would be inside it), so Cadence cannot keep its data there. Move that file, or point CADENCE_DATA_DIR (or --data-dir) at a folder.`,
    );
    expect(fs.readFileSync(file, 'utf8')).toBe('not a folder');
  });

  it('whose cadence.sqlite is a folder is named in words, and the folder is left as it was', async () => {
    const dataDir = temp();
    const db = path.join(dataDir, 'cadence.sqlite');
    fs.mkdirSync(db);
    fs.writeFileSync(path.join(db, 'keep.txt'), 'mine');
    const said = `${db} is not a file, so it cannot be Cadence’s database. Move it out of the data folder (Cadence then starts a new database there), or point CADENCE_DATA_DIR (or --data-dir) at the folder that holds your cadence.sqlite.`;
    expect(await start(dataDir)).toBe(said);
    expectCliRefuses(dataDir, said);
    expect(fs.readdirSync(db)).toEqual(['keep.txt']);
  });

  it('whose write-ahead log or shared-memory file is a folder is named in words, and the database is left as it was', async () => {
    for (const suffix of ['-wal', '-shm']) {
      const dataDir = temp();
      const core = await startCore({ dataDir, mode: 'browser', version: 'test', backgroundCheckAfterMs: null, scheduledBackups: false });
      core.close();
      const db = path.join(dataDir, 'cadence.sqlite');
      const before = fs.readFileSync(db);
      const companion = `${db}${suffix}`;
      fs.rmSync(companion, { force: true });
      fs.mkdirSync(companion);
      const said = await start(dataDir);
      expect(said).toMatch(
        new RegExp(
          `^${companion} is not a file, but it is where the database’s .+ belongs, so Cadence cannot open ${db}\\. Move cadence\\.sqlite${suffix} out of the data folder: it holds none of Cadence’s data\\.$`,
        ),
      );
      expectCliRefuses(dataDir, said, [['teams', 'list']]);
      expect(fs.readFileSync(db)).toEqual(before);
      expect(fs.statSync(companion).isDirectory()).toBe(true);
    }
  });
});
