import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUN_MARKER } from '../../src/main/data-folder/run-marker';
import { openDatabase } from '../../src/main/db/open-database';
import { buildCliIfStale } from '../support/cli-binary';
import { expectCliRefuses, startRefusal } from '../support/start-refusal';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('link');
const temp = dirs.make;
beforeAll(() => buildCliIfStale(), 120_000);
afterAll(dirs.removeAll);

const start = startRefusal;

const refusal = (link: string, target: string, own: string) =>
  `${link} is a symbolic link to ${target}, but ${own} must be a file of its own in the data folder, where the folder’s lock guards it and a damaged file is moved aside. ` +
  `Put the file itself in its place (move ${target} to ${link}), or point CADENCE_DATA_DIR (or --data-dir) at the folder that holds the real cadence.sqlite.`;

/** What a test checks was left alone: every entry but the start's log folder, by kind, mode and bytes (a link by its target). */
function snapshot(...folders: string[]): Record<string, string> {
  const seen: Record<string, string> = {};
  for (const folder of folders) {
    for (const name of fs.readdirSync(folder).filter((n) => n !== 'logs')) {
      const full = path.join(folder, name);
      const stat = fs.lstatSync(full);
      seen[full] = stat.isSymbolicLink()
        ? `link -> ${fs.readlinkSync(full)}`
        : `${(stat.mode & 0o777).toString(8)} ${stat.isFile() ? createHash('sha256').update(fs.readFileSync(full)).digest('hex') : 'folder'}`;
    }
  }
  return seen;
}

// Walked: with cadence.sqlite a symbolic link, start-up made the file it points to private (0600), and a damaged file
// "moved aside" was the link renamed, the damaged file left where it was.
describe('a symbolic link where the database file belongs', () => {
  it('is refused in words naming the link and its target by the app and the command line, and nothing is changed', async () => {
    const elsewhere = temp();
    const target = path.join(elsewhere, 'shared.sqlite');
    (await openDatabase(target)).db.close();
    fs.chmodSync(target, 0o644);
    const dataDir = temp();
    const link = path.join(dataDir, 'cadence.sqlite');
    fs.symlinkSync(target, link);
    const before = snapshot(dataDir, elsewhere);

    const said = refusal(link, target, 'Cadence’s database');
    expect(await start(dataDir)).toBe(said);
    await expect(openDatabase(link)).rejects.toThrow(said);
    expectCliRefuses(dataDir, said);
    // The target keeps its mode, no -wal or -shm appears beside either, and no run marker is left for the next start.
    expect(snapshot(dataDir, elsewhere)).toEqual(before);
    expect(fs.readdirSync(dataDir)).not.toContain(RUN_MARKER);
  });

  it('is refused when the file it points to is damaged, rather than the link being moved aside', async () => {
    const elsewhere = temp();
    const target = path.join(elsewhere, 'cadence.sqlite');
    fs.writeFileSync(target, Buffer.alloc(8192, 7));
    const dataDir = temp();
    const link = path.join(dataDir, 'cadence.sqlite');
    // A relative link is named by the file it reaches.
    fs.symlinkSync(path.relative(dataDir, target), link);
    const before = snapshot(dataDir, elsewhere);

    expect(await start(dataDir)).toBe(refusal(link, target, 'Cadence’s database'));
    expect(snapshot(dataDir, elsewhere)).toEqual(before);
  });

  it('is refused for the write-ahead log and shared-memory file too, and for a link that leads nowhere', async () => {
    for (const suffix of ['-wal', '-shm']) {
      const dataDir = temp();
      (await openDatabase(path.join(dataDir, 'cadence.sqlite'))).db.close();
      const companion = path.join(dataDir, `cadence.sqlite${suffix}`);
      const target = path.join(temp(), `elsewhere${suffix}`);
      fs.rmSync(companion, { force: true });
      fs.symlinkSync(target, companion);
      const before = snapshot(dataDir);
      expect(await start(dataDir)).toBe(refusal(companion, target, `the companion cadence.sqlite${suffix} of Cadence’s database`));
      expect(snapshot(dataDir)).toEqual(before);
      expect(fs.existsSync(target)).toBe(false);
    }
  });
});
