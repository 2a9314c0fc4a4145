import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../support/core';
import { startRefusal } from '../support/start-refusal';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('subfolders');
let t: TestCore | null = null;
afterEach(() => {
  t?.close();
  t = null;
  dirs.removeAll();
});

const moveIt =
  'Move it out of the data folder (Cadence then makes the folder anew), or point CADENCE_DATA_DIR (or --data-dir) at another folder.';

describe('a data folder whose logs or backups folder is not a folder', () => {
  it('a file where the logs folder should be stops start-up in words, and the file is left as it was', async () => {
    const dir = dirs.make();
    const logs = path.join(dir, 'logs');
    fs.writeFileSync(logs, 'mine');
    expect(await startRefusal(dir)).toBe(`${logs} is a file, not a folder, so Cadence cannot keep its log there. ${moveIt}`);
    expect(fs.readFileSync(logs, 'utf8')).toBe('mine');
  });

  it('a link to nothing where the logs folder should be is named with where it leads', async () => {
    const dir = dirs.make();
    const logs = path.join(dir, 'logs');
    const nowhere = path.join(dirs.make(), 'gone');
    fs.symlinkSync(nowhere, logs);
    expect(await startRefusal(dir)).toBe(
      `${logs} is a symbolic link to ${nowhere}, which does not exist, so Cadence cannot keep its log there. ${moveIt}`,
    );
    expect(fs.readlinkSync(logs)).toBe(nowhere);
  });

  it('a file where the backups folder should be: listing, backing up and restoring say so in words, and the file stays', async () => {
    const dir = dirs.make();
    const backups = path.join(dir, 'backups');
    fs.writeFileSync(backups, 'mine');
    t = await openTestCore(undefined, dir);
    const said = `${backups} is a file, not a folder, so Cadence cannot keep its backups there. ${moveIt}`;
    expect(await t.fail('backups.create', {})).toMatchObject({ code: 'conflict', message: `${said} No backup was made.` });
    expect(await t.fail('backups.list', {})).toMatchObject({ code: 'conflict', message: `${said} No backup can be listed.` });
    expect(await t.fail('backups.restore', { name: 'cadence-2026-11-24T09-00-00-000Z-manual.sqlite' })).toMatchObject({
      code: 'conflict',
      message: `${said} No backup can be listed.`,
    });
    expect(fs.readFileSync(backups, 'utf8')).toBe('mine');
  });
});
